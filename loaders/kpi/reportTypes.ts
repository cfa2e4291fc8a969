/** The shape of the KPI report: what computeReport returns and `npm run report` prints as JSON. */
import type { TargetKey } from "../plan/types.ts";
import type { Milestones } from "./milestones.ts";

/**
 * 无数据: no value (a status target without a record, a share of an empty population); 无法判定: a
 * value but nothing to judge it by (the plan gives no number or no expectation start). Neither is
 * ever judged met or behind.
 */
export type Status = "达标" | "预警" | "落后" | "无数据" | "无法判定";

/** One plan target on the as-of date. */
export interface KpiRow {
  key: TargetKey;
  label: string;
  short: string;
  unit: string;
  /** count, status, or ratio (a share 0–1): loaders/plan/measures.ts targetKind. */
  kind: "count" | "status" | "ratio";
  ord: number;
  /** null for a status target without a record, or a share of an empty population (status 无数据). */
  actual: number | null;
  /** null when the plan gives no number (status 无法判定). */
  target: number | null;
  /** actual / target. */
  pct: number | null;
  /** The target's line on the as-of date (straight, or through its dated steps); null with no verdict. */
  expected: number | null;
  pct_of_expected: number | null;
  status: Status;
  /** null when actual is. */
  remaining: number | null;
  /** Change over the last 7 days (count targets). */
  week_delta: number | null;
  /** Average weekly change over the last plan.monitoring.trailingWeeks weeks (count targets). */
  trailing_rate_weekly: number | null;
  /** actual + trailing rate × weeks left. */
  forecast: number | null;
  /** remaining / weeks left; null once no week is left. */
  required_weekly: number | null;
  weeks_left: number;
}

/** A count target's cumulative value at one weekly point. */
export interface SeriesPoint {
  key: string;
  week_end: string;
  actual: number;
}

/** One target or stage (`key`) in one district. */
export interface DistrictRow {
  key: string;
  district_code: string;
  district: string;
  actual: number;
  share: number | null;
  rank: number;
  /** The part in industries the plan names for this district. */
  focus_actual: number;
  /** The plan names this district for at least one industry. */
  is_focus: boolean;
  /** From district_targets, when supplied. */
  target: number | null;
  pct: number | null;
}

/** One target or stage (`key`) in one pilot industry. */
export interface IndustryRow {
  key: string;
  industry_key: string;
  industry: string;
  actual: number;
  share: number | null;
  rank: number;
  /** The part in the districts the plan names for this industry. */
  focus_actual: number;
}

/** One cell of the district × industry matrix. */
export interface MatrixCell {
  key: string;
  district_code: string;
  district: string;
  industry_key: string;
  industry: string;
  actual: number;
  is_focus: boolean;
}

export interface LevelUpliftRow {
  district_code: string;
  district: string | null;
  industry_key: string;
  industry: string | null;
  from_level: number;
  to_level: number;
  uplift: number;
  enterprises: number;
}

export interface LevelAuditRow {
  assessment_id: string;
  uscc: string;
  enterprise: string | null;
  kind: string;
  assessed_on: string;
  score: number;
  reported_level: number;
  /** 0 = below 一级. */
  computed_level: number;
  method: "得分" | "得分+场景";
  scenarios_at_reported: number | null;
  constraint_at_reported: number | null;
}

export interface PipelineStage {
  key: string;
  name: string;
  ord: number;
  enterprises: number;
  /** enterprises / enterprises of the stage before. */
  conversion: number | null;
  median_days: number | null;
}

/** A project with the names a reader needs (overdue and stuck lists). */
export interface ProjectRef {
  project_id: string;
  project_name: string | null;
  uscc: string;
  enterprise: string | null;
  district_code: string | null;
  district: string | null;
  industry_key: string | null;
  industry: string | null;
  leading_unit_id: string;
  leading_unit: string | null;
  status: string;
}

export interface OverdueProject extends ProjectRef {
  planned_end: string;
  days_overdue: number;
}

export interface StuckProject extends ProjectRef {
  last_change_on: string;
  days_since_change: number;
}

export interface LeadingUnitRow {
  unit_id: string;
  name: string;
  industry_key: string | null;
  industry: string | null;
  selected_on: string;
  tier_awarded: string | null;
  /** The three indicators of 四(二)2, each with the unit's rank among the units (1 = most; ties share). */
  projects_accepted: number;
  projects_accepted_rank: number;
  products: number;
  products_rank: number;
  /** 入选示范项目: 典型场景 and 链式转型案例 recognitions of enterprises the unit serves. */
  scenarios: number;
  scenarios_rank: number;
  enterprises_diagnosed: number;
  enterprises_signed: number;
  enterprises_transformed: number;
  avg_days_to_accept: number | null;
  /** Award paid from the levels the plan names for it (中央、市级): what the tier's amount limits. */
  award_paid_wan: number;
  /** Award paid from other levels (区级配套, unnamed levels): shown beside, never counted against the tier. */
  award_other_wan: number;
  /** The awarded tier's amount (四(二)2); null with no tier awarded. */
  award_cap_wan: number | null;
  /** Whether the snapshot supplies tier criteria (tier_criteria); the plan gives none. */
  criteria_given: boolean;
  /** The highest tier whose criteria the results reach; null without criteria or when none is reached. */
  tier_earned: string | null;
  /** Awarded a higher tier than earned; null when there is nothing to judge by (no criteria for the tier awarded). */
  awarded_above_earned: boolean | null;
}

/** One row of the optional tier_criteria table: what a tier asks for, as the city's rules set it. */
export interface TierCriterion {
  tier: string;
  award_wan: number;
  min_projects_accepted: number | null;
  min_products: number | null;
  min_demonstrations: number | null;
  source: string;
}

export interface ProductCell {
  stage: string;
  /** null = for every industry (通用). */
  industry_key: string | null;
  industry: string;
  products: number;
}

export interface ProvidersOfUnit {
  /** null = providers of no leading unit. */
  unit_id: string | null;
  unit: string | null;
  providers: number;
  products: number;
  provider_names: string[];
}

export interface DirectionRow {
  key: string;
  /** The 资金方向 name used in the exports. */
  direction: string;
  ord: number;
  amount_wan: number;
  payments: number;
  /** Total cap of the direction, when the plan sets one. */
  cap_wan: number | null;
  per_district_cap_wan: number | null;
  /** counted_wan / cap_wan. */
  pct_of_cap: number | null;
  /** Money from the levels the plan names for the direction (what its caps count). */
  counted_wan: number;
  /** Money from other levels: 区级配套 and levels the plan does not name. Never in a cap figure. */
  other_levels_wan: number;
  /** Levels the plan names for the direction. */
  cap_sources: string[];
  by_source: { source: string; amount_wan: number }[];
}

export interface FundsByDistrictRow {
  /** null = money with no district. */
  district_code: string | null;
  district: string;
  direction_key: string;
  direction: string;
  amount_wan: number;
  /** The part from the levels the plan names for the direction (what a per-district cap counts). */
  counted_wan: number;
  /** The part from 区级 (六(二) 配套): never in a cap figure. */
  district_level_wan: number;
  /** The part from other levels the plan does not name for the direction. */
  unnamed_wan: number;
}

export interface FundsByIndustryRow {
  /** null = money with no industry. */
  industry_key: string | null;
  industry: string;
  direction_key: string;
  direction: string;
  amount_wan: number;
}

export interface FundsMonthRow {
  /** YYYY-MM. */
  month: string;
  direction_key: string;
  direction: string;
  amount_wan: number;
  cumulative_wan: number;
}

/** A breach (超限): an amount over a limit the plan's numbers set (compliance_breaches.sql). */
export interface Breach {
  rule: string;
  /** The rule in Chinese, with the plan's numbers and the levels of money it counts. */
  rule_label: string;
  rule_label_en: string;
  /** The plan section the rule rests on. */
  rule_cite: string;
  /** What the limit applies to: a project, enterprise, loan, unit, district or direction. */
  entity_id: string | null;
  entity_name: string | null;
  /** Calendar year, for per-year rules. */
  period: string | null;
  /** The enterprise concerned, when there is one. */
  uscc: string | null;
  enterprise: string | null;
  unit_id: string | null;
  project_id: string | null;
  /** The payments counted into amount_wan. */
  payment_ids: string[];
  /** Money from the levels the plan names for the direction: what the cap counts. */
  amount_wan: number;
  limit_wan: number;
  excess_wan: number;
  /** Money for the same entity from other levels (区级配套, unnamed levels): shown beside, never counted. */
  other_levels_wan: number;
}

/** A review item (待核实): one payment a person must look at (compliance_review_items.sql). */
export interface ReviewItem {
  rule: string;
  rule_label: string;
  rule_label_en: string;
  rule_cite: string;
  payment_id: string;
  direction_key: string;
  direction: string;
  source: string;
  paid_on: string;
  amount_wan: number;
  payee_id: string;
  /** Whom the money is for: the enterprise, else the leading unit, else the payee. */
  entity_id: string;
  entity_name: string;
  uscc: string | null;
  enterprise: string | null;
  unit_id: string | null;
  project_id: string | null;
  loan_id: string | null;
  district: string | null;
}

export interface Report {
  /**
   * The plan's identity, its word for its areas (区, 县(市、区) …) and the keys of the two enterprise
   * counts pages break down (loaders/plan/measures.ts headlineTargets; null when the plan has none).
   */
  plan: { id: string; title: string; city: string; area_noun: string; headline: { primary: string | null; diagnosis: string | null } };
  as_of: string;
  snapshot: string;
  /** Elapsed share of the expectation line on as_of, weeks left to the plan's end, weeks the trailing rate spans. */
  timing: { expectation_start: string | null; plan_end: string; /** null when the plan gives no expectation start. */ elapsed: number | null; weeks_left: number; trailing_weeks: number };
  kpis: KpiRow[];
  series: SeriesPoint[];
  by_district: DistrictRow[];
  by_industry: IndustryRow[];
  district_industry: MatrixCell[];
  level_uplift: LevelUpliftRow[];
  level_audit: LevelAuditRow[];
  pipeline: { stages: PipelineStage[]; overdue: OverdueProject[]; stuck: StuckProject[]; stuck_after_days: number };
  leading_units: LeadingUnitRow[];
  /** Tier criteria supplied with the snapshot, highest tier first; empty when none (the plan sets none). */
  tier_criteria: TierCriterion[];
  supply: { products: ProductCell[]; providers: ProvidersOfUnit[] };
  funding: {
    by_direction: DirectionRow[];
    by_district: FundsByDistrictRow[];
    by_industry: FundsByIndustryRow[];
    monthly: FundsMonthRow[];
  };
  /** Findings on the funding rules: breaches and review items, never mixed. */
  compliance: { breaches: Breach[]; review_items: ReviewItem[] };
  /** The plan's management loop for leading units (五(五)–(七)) and the lists' 动态调整. */
  unit_management: UnitManagement;
  /** The plan's work streams (五(一)–(九)) on as_of: days left to each deadline, those due within the alert window. */
  milestones: Milestones;
}

/** 五(五) reports, 五(六) reviews and 整改, 五(七) acceptance record, 五(五) removals. */
export interface UnitManagement {
  /** Whether the snapshot came with each optional table: when false the pages say 未报送此表, and the per-unit fields of that table are null. */
  supplied: { unit_reports: boolean; unit_reviews: boolean };
  /** Plan settings the checks use (period months and tolerance: 五(五); due day: the monitor's convention). */
  settings: { report_period_months: number; report_due_day: number; report_due_day_is_convention: true; report_tolerance: number };
  /** One row per unit selected by as_of, removed ones included (on_list false). */
  units: UnitRecord[];
  calendar: UnitReportPeriod[];
  mismatches: UnitReportMismatch[];
  rectifications: RectificationItem[];
  reviews: UnitReview[];
  removals: ListRemoval[];
}

export interface UnitRecord {
  unit_id: string;
  unit_name: string;
  selected_on: string;
  on_list: boolean;
  removed_on: string | null;
  removed_reason: string | null;
  reports_owed: number | null;
  reports_on_time: number | null;
  reports_late: number | null;
  reports_missing: number | null;
  reports_not_due: number | null;
  report_periods_differing: number | null;
  reviews: number | null;
  items: number | null;
  items_open: number | null;
  items_overdue: number | null;
  items_closed: number | null;
  projects_accepted: number;
  projects_failed: number;
  projects_pending: number;
  /** failed / (accepted + failed), monitor's convention; null when none decided. */
  failure_rate: number | null;
}

export type ReportStatus = "on_time" | "late" | "missing" | "not_due";

export interface UnitReportPeriod {
  unit_id: string;
  unit_name: string;
  /** YYYY-MM */
  period: string;
  period_end: string;
  due_on: string;
  submitted_on: string | null;
  status: ReportStatus;
  status_label: string;
  /** Days after the due day it was filed (late) or has been missing (missing); null otherwise. */
  days_late: number | null;
}

export interface UnitReportMismatch {
  unit_id: string;
  unit_name: string;
  period: string;
  period_end: string;
  submitted_on: string;
  figure: "enterprises_served" | "projects_signed" | "projects_in_progress" | "projects_accepted";
  figure_label: string;
  reported: number;
  exported: number;
  difference: number;
}

export interface RectificationItem {
  unit_id: string;
  unit_name: string | null;
  reviewed_on: string;
  result: string;
  item_no: string | null;
  item: string;
  deadline: string | null;
  closed_on: string | null;
  status: "open" | "overdue" | "closed";
  status_label: string;
  closed_late: boolean;
  days_overdue: number | null;
}

export interface UnitReview {
  unit_id: string;
  unit_name: string | null;
  reviewed_on: string;
  result: string;
  items: number;
  items_closed: number;
  items_open: number;
  items_overdue: number;
}

export interface ListRemoval {
  kind: "leading_unit" | "enterprise";
  kind_label: string;
  id: string;
  name: string;
  removed_on: string;
  removed_reason: string | null;
}
