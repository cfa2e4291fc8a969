/**
 * The funding rules (domain.md §4, plan.funding) applied to the world as a snapshot shows it, giving
 * every breach {rule, entity_id, amount_wan, limit_wan}. Used for truth.json and to check that the
 * world holds exactly the breaches it was built to hold.
 *
 * Readings where the plan leaves room (kept so that either reading gives the same answer here):
 * - 改造补助 is cumulative per enterprise (payee credit code), over all its 改造补助 payments; the 50%
 *   limit is half the summed 核定投入 of its accepted projects; the level cap is that of its latest
 *   改造后 assessment. No enterprise below the limits gets 区级 money that would tip it over.
 * - 数字贷贴息 is summed per loan for the 3% and interest-paid limits, per enterprise and calendar year for 50万.
 * - 牵引单位奖励 and 平台项目 are summed per unit, 集中采购 per district, the city-wide items per direction.
 */
import type { FundDirectionKey } from "../../loaders/plan/types.ts";
import { round2 } from "./days.ts";
import { RULE } from "./breachRules.ts";
import { interestAt } from "./loans.ts";
import { KIND, plan, STATUS, subsidyCap } from "./lookup.ts";
import { statusAt } from "./timeline.ts";
import type { Breach, Payment, World } from "./types.ts";
import { amountAt } from "./view.ts";

const EPS = 1e-6;

const memo = new WeakMap<World, Map<number, Breach[]>>();

/** Every breach in snapshot `index` (memoised per world: the guard and truth.json both ask). */
export function breachesAt(w: World, index: number): Breach[] {
  const cache = memo.get(w) ?? new Map<number, Breach[]>();
  memo.set(w, cache);
  if (!cache.has(index)) cache.set(index, computeBreaches(w, index));
  return cache.get(index)!;
}

function computeBreaches(w: World, index: number): Breach[] {
  const d = w.snapshots[index]!;
  const paid = w.payments.filter((p) => p.paidOn <= d);
  const sum = (ps: Payment[]) => round2(ps.reduce((s, p) => s + amountAt(p, index), 0));
  const by = (dir: FundDirectionKey, key: (p: Payment) => string | null) => {
    const m = new Map<string, Payment[]>();
    for (const p of paid) {
      const k = key(p);
      if (p.direction !== dir || k === null) continue;
      const list = m.get(k);
      if (list) list.push(p);
      else m.set(k, [p]);
    }
    return m;
  };
  const out: Breach[] = [];
  const add = (rule: string, entity: string, amount: number, limit: number) => {
    if (amount > limit + EPS) out.push({ rule, entity_id: entity, amount_wan: round2(amount), limit_wan: round2(limit) });
  };

  // 改造补助 per enterprise and per project.
  const projects = new Map(w.projects.map((p) => [p.id, p]));
  const verifiedOf = new Map<string, number>();
  for (const p of w.projects) if (p.verifiedWan !== null && statusAt(p, d) === STATUS.accepted) verifiedOf.set(p.uscc, (verifiedOf.get(p.uscc) ?? 0) + p.verifiedWan);
  const latestPost = new Map<string, { on: string; level: number }>();
  for (const a of w.assessments) {
    if (a.kind !== KIND.post || a.on > d) continue;
    const cur = latestPost.get(a.uscc);
    if (!cur || a.on > cur.on) latestPost.set(a.uscc, { on: a.on, level: a.level });
  }
  for (const [uscc, ps] of by("transformation_subsidy", (p) => p.payee)) {
    const total = sum(ps);
    const verified = verifiedOf.get(uscc) ?? 0;
    if (verified > 0) add(RULE.subsidyShare, uscc, total, verified * plan.funding.subsidy.maxShareOfVerified);
    const level = latestPost.get(uscc)?.level ?? 0;
    if (level >= plan.levels.transformedMinLevel) add(RULE.subsidyCap, uscc, total, subsidyCap(level));
  }
  for (const [id, ps] of by("transformation_subsidy", (p) => p.projectId)) {
    const p = projects.get(id);
    if (p && statusAt(p, d) !== STATUS.accepted) add(RULE.subsidyNotAccepted, id, sum(ps), 0);
  }

  // 数字贷贴息.
  const li = plan.funding.loanInterest;
  const loans = new Map(w.loans.map((l) => [l.id, l]));
  for (const [id, ps] of by("loan_interest", (p) => p.loanId)) {
    const l = loans.get(id)!;
    add(RULE.interestShare, id, sum(ps), l.principalWan * li.maxShareOfPrincipal);
    add(RULE.interestOverPaid, id, sum(ps), interestAt(l, d));
  }
  for (const [key, ps] of by("loan_interest", (p) => `${p.payee}|${p.paidOn.slice(0, 4)}`)) add(RULE.interestYearCap, key, sum(ps), li.maxPerEnterprisePerYearWan);

  // Units, districts, city-wide totals.
  const tiers = new Map(w.units.map((u) => [u.id, u.tier]));
  for (const [id, ps] of by("leading_unit_award", (p) => p.payee)) add(RULE.unitAward, id, sum(ps), plan.funding.leadingUnitAwardByTierWan[tiers.get(id)!]!);
  for (const [id, ps] of by("platform_project", (p) => p.payee)) add(RULE.platformProject, id, sum(ps), plan.funding.platformProject.maxWan);
  for (const dir of plan.funding.directions) {
    if (dir.perDistrictCapWan !== undefined) for (const [code, ps] of by(dir.key, (p) => p.district)) add(RULE.procurement, code, sum(ps), dir.perDistrictCapWan);
    if (dir.totalCapWan !== undefined) add(RULE.directionTotal, dir.key, sum(paid.filter((p) => p.direction === dir.key)), dir.totalCapWan);
  }
  return out.sort((a, b) => a.rule.localeCompare(b.rule) || a.entity_id.localeCompare(b.entity_id));
}
