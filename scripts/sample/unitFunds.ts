/**
 * Money to leading units: 牵引单位奖励 by tier (one unit paid over its tier, one paid a second time within it)
 * and 平台项目 (≤ 30% and ≤ 250万).
 */
import { addDays, floor2, fromDay, round2, toDay } from "./days.ts";
import { RULE } from "./breachRules.ts";
import { volumes } from "./volumes.ts";
import { hasDirection, plan, SOURCE, TIERS } from "./lookup.ts";
import { split, type PayContext } from "./payContext.ts";
import { scaled } from "./scaled.ts";

/** Each part runs only when the plan has its direction and its caps (award tiers, 平台项目 limits). */
export function payUnits(x: PayContext): void {
  if (hasDirection("leading_unit_award") && TIERS.length > 0) payAwards(x);
  if (hasDirection("platform_project") && plan.funding.platformProject) payPlatformProjects(x);
}

function payAwards(x: PayContext): void {
  const { rng, pay, intended, first } = x;
  const awardCap = plan.funding.leadingUnitAwardByTierWan;
  const cap = (tier: string | null) => awardCap[tier!]!;
  const lowest = TIERS[TIERS.length - 1]!;
  const units = rng.shuffle([...x.units]);
  const over = units.filter((u) => u.tier === lowest).slice(0, x.k);
  if (over.length < x.k) throw new Error("scale too small: no lowest-tier unit for the award breach");
  const awardDay = () => fromDay(rng.int(toDay("2025-06-01"), toDay(first) - 10));
  for (const u of over) {
    pay("leading_unit_award", SOURCE.central, u.id, round2(cap(u.tier) * 1.2), awardDay());
    intended.add(`${RULE.unitAward}|${u.id}`);
  }
  const partial: typeof units = [];
  for (const u of units.filter((u) => !over.includes(u)).slice(0, Math.max(0, scaled(volumes.unitAwards, x.scale) - x.k))) {
    const total = cap(u.tier) * rng.pick([1, 1, 0.8]);
    const parts: [string, number][] = rng.chance(0.5) ? [[SOURCE.central, 1]] : [[SOURCE.central, 0.6], [SOURCE.city, 0.4]];
    const on = awardDay();
    for (const [source, amount] of split(total, parts)) pay("leading_unit_award", source, u.id, amount, on);
    if (total < cap(u.tier)) partial.push(u);
  }
  // A second award (四(二)2 awards 一次性) during the snapshot weeks to a unit first paid 80% of its tier: still
  // within the tier's amount, so a review item and no breach.
  const again = partial.sort((a, b) => a.id.localeCompare(b.id)).slice(0, x.k);
  if (again.length < x.k) throw new Error("scale too small: no unit paid below its tier for the second award");
  for (const u of again) pay("leading_unit_award", SOURCE.city, u.id, round2(cap(u.tier) * 0.1), addDays(x.snapshots[3]!, 2));

}

/** 平台项目: the platform's verified investment is not exported, only the payments. */
function payPlatformProjects(x: PayContext): void {
  const { rng, pay, last } = x;
  const pp = plan.funding.platformProject!;
  for (const u of rng.shuffle([...x.units]).slice(0, scaled(volumes.platformProjects, x.scale))) {
    const total = floor2(Math.min(pp.maxWan, pp.maxShareOfVerified * rng.float(300, 1500)) * rng.float(0.8, 1));
    const on = fromDay(rng.int(toDay("2025-03-01"), toDay(last) - 5));
    for (const [source, amount] of split(total, [[SOURCE.central, 0.6], [SOURCE.province, 0.4]])) pay("platform_project", source, u.id, amount, on);
  }
}
