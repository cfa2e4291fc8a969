/**
 * The funding rules the compliance queries check, with stable keys, Chinese and English labels and
 * the plan section each rests on. Two kinds, never mixed:
 * - breaches (超限, compliance_breaches.sql): amounts over a limit the plan's numbers set;
 * - review items (待核实, compliance_review_items.sql): payments a person must look at, where the plan
 *   sets no number to judge them by.
 * Caps count only the levels of money the plan names for a direction (FundDirection.sources).
 */
import type { PilotPlan } from "../plan/types.ts";
import { fmtPct, fmtWan } from "../format/format.ts";

export interface ComplianceRule {
  key: string;
  zh: string;
  en: string;
  /** Plan section, or "监测口径" when the rule is the monitor's own convention. */
  cite: string;
}

const levelsOf = (plan: PilotPlan, key: string): string => plan.funding.directions.find((d) => d.key === key)?.sources.join("、") ?? "";

/**
 * Breach rules (超限), in the order of plan 四: the report lists breaches in this order. A rule whose
 * number the plan does not give (a null cap object, no tiers) is not checked at all.
 */
export function breachRules(plan: PilotPlan): ComplianceRule[] {
  const f = plan.funding;
  const names = plan.levels.names;
  const caps = Object.entries(f.subsidy?.capByLevelWan ?? {})
    .map(([level, cap]) => `${names[Number(level) as 1 | 2 | 3 | 4]}${fmtWan(cap)}`)
    .join("、");
  const tiers = Object.entries(f.leadingUnitAwardByTierWan)
    .map(([tier, award]) => `${tier}${fmtWan(award)}`)
    .join("、");
  const subsidyLevels = levelsOf(plan, "transformation_subsidy");
  const interestLevels = levelsOf(plan, "loan_interest");
  const rules: ComplianceRule[] = [];
  if (f.subsidy) {
    const share = fmtPct(f.subsidy.maxShareOfVerified);
    rules.push(
      { key: "subsidy_share", zh: `改造补助(${subsidyLevels})超过该项目核定投入的${share}`, en: `Transformation subsidy (${subsidyLevels}) over ${share} of the project's verified investment`, cite: "四(一)1" },
      { key: "subsidy_share_unlinked", zh: `改造补助(${subsidyLevels},含未关联项目的拨付)超过企业已验收项目核定投入合计的${share}`, en: `Transformation subsidy with unlinked payments over ${share} of the enterprise's accepted projects' verified investment together`, cite: "四(一)1" },
      { key: "subsidy_level_cap", zh: `改造补助(${subsidyLevels})累计超过所达等级上限(${caps})`, en: `Cumulative transformation subsidy over the cap of the level reached (${caps})`, cite: "四(一)1" },
    );
  }
  if (f.loanInterest) {
    rules.push(
      { key: "interest_share", zh: `贴息(${interestLevels})超过贷款合同金额的${fmtPct(f.loanInterest.maxShareOfPrincipal)}`, en: `Loan interest subsidy over ${fmtPct(f.loanInterest.maxShareOfPrincipal)} of the loan contract`, cite: "四(一)1" },
      { key: "interest_per_year", zh: `单个企业年度贴息(${interestLevels})超过${fmtWan(f.loanInterest.maxPerEnterprisePerYearWan)}`, en: `Interest subsidy to one enterprise in a calendar year over ${f.loanInterest.maxPerEnterprisePerYearWan}万元`, cite: "四(一)1" },
      { key: "interest_over_paid", zh: `贴息(${interestLevels})超过企业实际发生利息`, en: "Interest subsidy over the interest actually paid", cite: "四(一)1" },
    );
  }
  if (tiers) {
    rules.push(
      { key: "leading_unit_award", zh: `牵引单位奖励(${levelsOf(plan, "leading_unit_award")})超过评定档次标准(${tiers})`, en: `Leading-unit award over its tier's amount (${tiers})`, cite: "四(二)2" },
    );
  }
  if (f.platformProject) {
    rules.push(
      { key: "platform_share", zh: `平台项目奖补(${levelsOf(plan, "platform_project")})超过核定投入的${fmtPct(f.platformProject.maxShareOfVerified)}`, en: `Platform project grant over ${fmtPct(f.platformProject.maxShareOfVerified)} of its verified investment`, cite: "四(二)2" },
      { key: "platform_cap", zh: `平台项目奖补(${levelsOf(plan, "platform_project")})超过${fmtWan(f.platformProject.maxWan)}`, en: `Platform project grant over ${f.platformProject.maxWan}万元`, cite: "四(二)2" },
    );
  }
  for (const d of f.directions) {
    const levels = d.sources.join("、");
    if (d.perDistrictCapWan != null) rules.push({ key: `${d.key}_district_cap`, zh: `${d.name}(${levels})单个区超过${fmtWan(d.perDistrictCapWan)}`, en: `${d.key} in one district over ${d.perDistrictCapWan}万元`, cite: d.cite });
    if (d.totalCapWan != null) rules.push({ key: `${d.key}_total_cap`, zh: `${d.name}(${levels})总额超过${fmtWan(d.totalCapWan)}`, en: `${d.key} in total over ${d.totalCapWan}万元`, cite: d.cite });
  }
  rules.push({ key: "paid_not_accepted", zh: "项目未验收通过即拨付改造补助", en: "Transformation subsidy paid before the project passed acceptance", cite: "五(七)" });
  return rules;
}

/** Review-item rules (待核实), in the order the funds page lists them. */
export function reviewRules(plan: PilotPlan): ComplianceRule[] {
  const names = plan.levels.names;
  const minLevel = names[plan.levels.transformedMinLevel as 1 | 2 | 3 | 4];
  return [
    { key: "district_top_up", zh: "区级配套资金:不计入方案各项上限,请核实为区级自有配套", en: "District (区级) top-up: counted in no cap of the plan; confirm it is the district's own money", cite: "六(二)" },
    { key: "unnamed_source", zh: "资金来源级别非方案该方向所列:不计入上限,请核实", en: "Money from a level the plan does not name for this direction: not counted in its caps; to be checked", cite: "四" },
    { key: "second_award", zh: "同一牵引单位再次获得奖励(方案为一次性奖励)", en: "A second leading-unit award to the same unit (the plan awards once)", cite: "四(二)2;按拨付日区分次数为监测口径" },
    { key: "award_without_tier", zh: "牵引单位奖励的收款方无评定档次,方案未给出对应标准", en: "Leading-unit award to a payee with no tier: the plan gives no amount for it", cite: "四(二)2" },
    { key: "no_level_cap", zh: `企业改造后等级未达${minLevel}(或无改造后评测),方案未设补助上限`, en: `Subsidy to an enterprise below ${minLevel} after transformation (or not assessed): the plan sets no cap`, cite: "四(一)1" },
    { key: "missing_project", zh: "拨付未关联项目,无法按项目核定投入核对比例", en: "Payment with no project: the share of verified investment cannot be checked per project", cite: "四(一)1、四(二)2" },
    { key: "missing_loan", zh: "贴息未关联贷款,无法核对合同金额与实际利息", en: "Interest subsidy with no loan: the 3% and interest-paid rules cannot be checked", cite: "四(一)1" },
  ];
}

/** Rule key → Chinese label, for every breach rule key the compliance query can emit under this plan. */
export function complianceRuleLabels(plan: PilotPlan): Record<string, string> {
  return Object.fromEntries(breachRules(plan).map((r) => [r.key, r.zh]));
}

/** Rule key → Chinese label of every review-item rule. */
export function reviewRuleLabels(plan: PilotPlan): Record<string, string> {
  return Object.fromEntries(reviewRules(plan).map((r) => [r.key, r.zh]));
}
