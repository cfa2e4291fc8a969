/**
 * 资金拨付: every disbursement the world makes, in 万元, within the plan's caps except the deliberate
 * breaches (recorded in `intended`, keyed "rule|entity"). Payments after the last snapshot are dropped:
 * the world ends there. Ids follow the payment date, so new payments append to the ledger.
 */
import { floor2 } from "./days.ts";
import { payCityWide, payProcurement } from "./cityFunds.ts";
import { payInterest } from "./interest.ts";
import type { FundsInput, PayContext } from "./payContext.ts";
import { hasDirection, plan } from "./lookup.ts";
import { idMaker } from "./scaled.ts";
import { paySubsidies } from "./subsidies.ts";
import type { Payment } from "./types.ts";
import { payUnits } from "./unitFunds.ts";

export type { FundsInput };

export function makePayments(x: FundsInput): { payments: Payment[]; intended: Set<string> } {
  const first = x.snapshots[0]!;
  const last = x.snapshots[x.snapshots.length - 1]!;
  const out: Payment[] = [];
  const ctx: PayContext = {
    ...x,
    first,
    last,
    intended: new Set<string>(),
    pay: (direction, source, payee, amountWan, paidOn, ref = {}) => {
      if (paidOn > last || amountWan <= 0) return;
      out.push({ id: "", direction, source, payee, projectId: ref.projectId ?? null, loanId: ref.loanId ?? null, district: ref.district ?? null, amountWan, paidOn });
    },
  };
  // Each direction is paid only when the plan has it and the rule it is paid under (caps, shares);
  // a plan without fund directions gets an empty ledger (the file keeps its header).
  const designated = hasDirection("transformation_subsidy") && plan.funding.subsidy ? paySubsidies(ctx) : new Set<string>();
  if (hasDirection("loan_interest") && plan.funding.loanInterest) payInterest(ctx);
  payUnits(ctx);
  payProcurement(ctx);
  payCityWide(ctx);

  out.sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.direction.localeCompare(b.direction) || a.payee.localeCompare(b.payee) || a.source.localeCompare(b.source));
  const id = idMaker("BF", out.length, 6);
  out.forEach((p, i) => (p.id = id(i + 1)));

  // A few amounts corrected in a later week (the earlier export showed 90% of the right figure).
  const fixable = x.rng.shuffle(out.filter((p) => p.direction === "transformation_subsidy" && p.paidOn <= first && !x.roles.reserved.has(p.payee) && p.projectId !== null && !designated.has(p.projectId)));
  for (const p of fixable.slice(0, x.k)) p.amountRevised = { from: x.amountFixAt, before: floor2(p.amountWan * 0.9) };
  return { payments: out, intended: ctx.intended };
}
