/**
 * The funding rules (the plan's 四、资金使用方向, plan.funding) applied to the world as a snapshot shows it, giving
 * every breach {rule, entity_id, amount_wan, limit_wan}. Used for truth.json and to check that the
 * world holds exactly the breaches it was built to hold.
 *
 * Whose money a cap counts: only the levels the plan names for the direction (plan.funding.directions
 * sources). 区级 top-ups and other levels count in no cap and are review items (reviewItemsAt).
 *
 * Readings where the plan leaves room (kept so that either reading gives the same answer here):
 * - 改造补助: the 50% limit is per project (half its 核定投入, the project accepted); the level cap is
 *   cumulative per enterprise (payee credit code) and that of its latest 改造后 assessment.
 * - 数字贷贴息 is summed per loan for the 3% and interest-paid limits, per enterprise and calendar year for 50万.
 * - 牵引单位奖励 and 平台项目 are summed per unit, 集中采购 per district, the city-wide items per direction.
 */
import type { FundDirectionKey } from "../../loaders/plan/types.ts";
import { round2 } from "./days.ts";
import { RULE } from "./breachRules.ts";
import { interestAt } from "./loans.ts";
import { KIND, plan, SOURCE, STATUS, subsidyCap } from "./lookup.ts";
import { statusAt } from "./timeline.ts";
import type { Breach, Payment, ReviewItem, World } from "./types.ts";
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

/** The payment's level is one the plan names for its direction: the direction's caps count it. */
export const counted = (p: Payment): boolean => plan.funding.directions.find((x) => x.key === p.direction)!.sources.includes(p.source);

function computeBreaches(w: World, index: number): Breach[] {
  const d = w.snapshots[index]!;
  const paid = w.payments.filter((p) => p.paidOn <= d && counted(p));
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
  const latestPost = new Map<string, { on: string; level: number }>();
  for (const a of w.assessments) {
    if (a.kind !== KIND.post || a.on > d) continue;
    const cur = latestPost.get(a.uscc);
    if (!cur || a.on > cur.on) latestPost.set(a.uscc, { on: a.on, level: a.level });
  }
  for (const [uscc, ps] of by("transformation_subsidy", (p) => p.payee)) {
    const total = sum(ps);
    const level = latestPost.get(uscc)?.level ?? 0;
    if (level >= plan.levels.transformedMinLevel) add(RULE.subsidyCap, uscc, total, subsidyCap(level));
  }
  for (const [id, ps] of by("transformation_subsidy", (p) => p.projectId)) {
    const p = projects.get(id);
    if (p && statusAt(p, d) !== STATUS.accepted) add(RULE.subsidyNotAccepted, id, sum(ps), 0);
    else if (p && p.verifiedWan !== null) add(RULE.subsidyShare, id, sum(ps), p.verifiedWan * plan.funding.subsidy!.maxShareOfVerified);
  }

  // 数字贷贴息.
  const li = plan.funding.loanInterest!;
  const loans = new Map(w.loans.map((l) => [l.id, l]));
  for (const [id, ps] of by("loan_interest", (p) => p.loanId)) {
    const l = loans.get(id)!;
    add(RULE.interestShare, id, sum(ps), l.principalWan * li.maxShareOfPrincipal);
    add(RULE.interestOverPaid, id, sum(ps), interestAt(l, d));
  }
  for (const [key, ps] of by("loan_interest", (p) => `${p.payee}|${p.paidOn.slice(0, 4)}`)) add(RULE.interestYearCap, key, sum(ps), li.maxPerEnterprisePerYearWan);

  // Units, districts, city-wide totals.
  const tiers = new Map(w.units.map((u) => [u.id, u.tier]));
  for (const [id, ps] of by("leading_unit_award", (p) => p.payee)) {
    const tier = tiers.get(id);
    if (tier) add(RULE.unitAward, id, sum(ps), plan.funding.leadingUnitAwardByTierWan[tier]!);
  }
  for (const [id, ps] of by("platform_project", (p) => p.payee)) add(RULE.platformProject, id, sum(ps), plan.funding.platformProject!.maxWan);
  for (const dir of plan.funding.directions) {
    if (dir.perDistrictCapWan !== undefined) for (const [code, ps] of by(dir.key, (p) => p.district)) add(RULE.procurement, code, sum(ps), dir.perDistrictCapWan);
    if (dir.totalCapWan !== undefined) add(RULE.directionTotal, dir.key, sum(paid.filter((p) => p.direction === dir.key)), dir.totalCapWan);
  }
  return out.sort((a, b) => a.rule.localeCompare(b.rule) || a.entity_id.localeCompare(b.entity_id));
}

/**
 * Review items (待核实) in snapshot `index`, one per rule × payment paid by then, as compliance_review_items.sql
 * lists them: a payment from a level the plan does not name for its direction (区级 apart), and, among the
 * named-level payments, a leading-unit award on a later day than the unit's first, an award to a payee with no
 * tier, a subsidy to an enterprise whose latest 改造后 level has no cap, a 改造补助 / 平台项目 payment with no
 * project and interest with no loan.
 */
export function reviewItemsAt(w: World, index: number): ReviewItem[] {
  const d = w.snapshots[index]!;
  const paid = w.payments.filter((p) => p.paidOn <= d);
  const out: ReviewItem[] = [];
  const add = (rule: string, p: Payment) => out.push({ rule, payment_id: p.id, amount_wan: round2(amountAt(p, index)) });
  const latestPost = new Map<string, { on: string; level: number }>();
  for (const a of w.assessments) {
    if (a.kind !== KIND.post || a.on > d) continue;
    const cur = latestPost.get(a.uscc);
    if (!cur || a.on > cur.on) latestPost.set(a.uscc, { on: a.on, level: a.level });
  }
  const tiers = new Map(w.units.map((u) => [u.id, u.tier]));
  const firstAward = new Map<string, string>();
  for (const p of paid) {
    if (p.direction === "leading_unit_award" && counted(p) && (!firstAward.has(p.payee) || p.paidOn < firstAward.get(p.payee)!)) firstAward.set(p.payee, p.paidOn);
  }
  for (const p of paid) {
    if (!counted(p)) {
      add(p.source === SOURCE.district ? "district_top_up" : "unnamed_source", p);
      continue;
    }
    if (p.direction === "leading_unit_award" && p.paidOn > firstAward.get(p.payee)!) add("second_award", p);
    if (p.direction === "leading_unit_award" && !tiers.get(p.payee)) add("award_without_tier", p);
    if (p.direction === "transformation_subsidy" && subsidyCap(latestPost.get(p.payee)?.level ?? 0) === 0) add("no_level_cap", p);
    if ((p.direction === "transformation_subsidy" || p.direction === "platform_project") && p.projectId === null) add("missing_project", p);
    if (p.direction === "loan_interest" && p.loanId === null) add("missing_loan", p);
  }
  return out.sort((a, b) => a.rule.localeCompare(b.rule) || a.payment_id.localeCompare(b.payment_id));
}
