/** The funding rules compliance_breaches.sql checks, labelled in Chinese with the plan's own numbers. */
import type { PilotPlan } from "../plan/types.ts";
import { formatPct, formatWan } from "./format.ts";

/** Rule key → Chinese label, for every rule key the compliance query can emit under this plan. */
export function complianceRuleLabels(plan: PilotPlan): Record<string, string> {
  const f = plan.funding;
  const names = plan.levels.names;
  const caps = Object.entries(f.subsidy.capByLevelWan)
    .map(([level, cap]) => `${names[Number(level) as 1 | 2 | 3 | 4]}${formatWan(cap)}`)
    .join("、");
  const tiers = Object.entries(f.leadingUnitAwardByTierWan)
    .map(([tier, award]) => `${tier}${formatWan(award)}`)
    .join("、");
  // In the order of plan 四 (domain.md §4): the report lists breaches in this order.
  const labels: Record<string, string> = {
    subsidy_share: `改造补助累计超过核定投入的${formatPct(f.subsidy.maxShareOfVerified)}`,
    subsidy_level_cap: `改造补助累计超过所达等级上限(${caps};未达${names[plan.levels.transformedMinLevel as 1 | 2 | 3 | 4]}为0)`,
    interest_share: `贴息超过贷款合同金额的${formatPct(f.loanInterest.maxShareOfPrincipal)}`,
    interest_per_year: `单个企业年度贴息超过${formatWan(f.loanInterest.maxPerEnterprisePerYearWan)}`,
    interest_over_paid: "贴息超过企业实际发生利息",
    leading_unit_award: `牵引单位奖励超过评定档次标准(${tiers};未评档为0)`,
    platform_share: `平台项目奖补超过核定投入的${formatPct(f.platformProject.maxShareOfVerified)}`,
    platform_cap: `平台项目奖补超过${formatWan(f.platformProject.maxWan)}`,
  };
  for (const d of f.directions) {
    if (d.perDistrictCapWan != null) labels[`${d.key}_district_cap`] = `${d.name}单个区超过${formatWan(d.perDistrictCapWan)}`;
    if (d.totalCapWan != null) labels[`${d.key}_total_cap`] = `${d.name}总额超过${formatWan(d.totalCapWan)}`;
  }
  labels.paid_not_accepted = "项目未验收通过即拨付改造补助";
  return labels;
}
