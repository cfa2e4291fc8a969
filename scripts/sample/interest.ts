/** 数字贷贴息: one year's interest, ≤ 3% of principal, ≤ interest paid, ≤ 50万 a year; two loans break a rule on purpose. */
import { addDays, floor2, round2 } from "./days.ts";
import { RULE } from "./breachRules.ts";
import { interestAt } from "./loans.ts";
import { plan, SOURCE } from "./lookup.ts";
import { split, type PayContext } from "./payContext.ts";

export function payInterest(x: PayContext): void {
  const { rng, pay, intended } = x;
  const li = plan.funding.loanInterest!;
  for (const l of x.loans.loans) {
    if (x.loans.overShare.includes(l)) {
      pay("loan_interest", SOURCE.province, l.uscc, round2(l.principalWan * (li.maxShareOfPrincipal + 0.004)), addDays(l.issuedOn, 365 + rng.int(20, 40)), { loanId: l.id });
      intended.add(`${RULE.interestShare}|${l.id}`);
      continue;
    }
    if (x.loans.overPaid.includes(l)) {
      pay("loan_interest", SOURCE.province, l.uscc, round2(l.principalWan * (li.maxShareOfPrincipal - 0.005)), addDays(l.issuedOn, 365 + rng.int(20, 40)), { loanId: l.id });
      intended.add(`${RULE.interestOverPaid}|${l.id}`);
      continue;
    }
    const on = addDays(l.issuedOn, 365 + rng.int(20, 90));
    const total = floor2(Math.min(l.principalWan * li.maxShareOfPrincipal, interestAt(l, on), li.maxPerEnterprisePerYearWan) * rng.float(0.85, 1));
    const parts: [string, number][] = rng.chance(0.6) ? [[SOURCE.province, 1]] : [[SOURCE.province, 0.5], [SOURCE.city, 0.5]];
    for (const [source, amount] of split(total, parts)) pay("loan_interest", source, l.uscc, amount, on, { loanId: l.id });
  }
  // 中央 money for 数字贷贴息, which 四(一)1 funds from 省、市级 only: counted in no cap, a review item.
  for (const l of [...x.loans.loans].sort((a, b) => a.id.localeCompare(b.id)).slice(0, x.k)) {
    pay("loan_interest", SOURCE.central, l.uscc, 1.5, addDays(x.snapshots[5]!, 1), { loanId: l.id });
  }
}
