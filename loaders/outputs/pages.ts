/**
 * What each page's data file holds: a projection of the KPI report plus the plan facts the page
 * draws with. Pages read these files only; nothing here computes a KPI.
 */
import type { Report } from "../kpi/reportTypes.ts";
import { kpisBehindPace } from "../kpi/gaps.ts";
import { countingRules } from "../plan/countingRules.ts";
import { headlineTargets, supplyTargetKeys } from "../plan/measures.ts";
import type { PilotPlan } from "../plan/types.ts";
import { packPipelineLists } from "./pipelineLists.ts";
import type { Meta } from "./report.ts";

const districtsOf = (plan: PilotPlan) => plan.districts.map(({ code, name, short, pinyin, tile }) => ({ code, name, short, pinyin, tile }));
const industriesOf = (plan: PilotPlan) => plan.industries.map(({ key, name, short, focusDistricts }) => ({ key, name, short, focus_districts: focusDistricts }));

/** Page name → the data it needs. */
export const pageData = {
  overview: (r: Report, plan: PilotPlan) => ({
    plan: { title: plan.title, doc_no: plan.docNo, end: plan.end },
    timing: r.timing,
    kpis: r.kpis,
    // The targets behind pace, furthest first (loaders/kpi/gaps.ts): 差距最大的目标.
    gap_keys: kpisBehindPace(r.kpis).map((k) => k.key),
    series: r.series,
    by_district: r.by_district.filter((d) => d.key === r.plan.headline.primary),
    by_industry: r.by_industry.filter((d) => d.key === r.plan.headline.primary),
    milestones: r.milestones,
    counts: { overdue: r.pipeline.overdue.length, stuck: r.pipeline.stuck.length, breaches: r.compliance.breaches.length, review_items: r.compliance.review_items.length, stuck_after_days: r.pipeline.stuck_after_days },
  }),
  districts: (r: Report, plan: PilotPlan) => ({
    districts: districtsOf(plan),
    industries: industriesOf(plan),
    // Names of every target a district row may carry, and the elapsed share to judge district targets by.
    targets: plan.targets.map(({ key, short, unit }) => ({ key, short, unit })),
    timing: r.timing,
    stuck_after_days: r.pipeline.stuck_after_days,
    kpis: r.kpis.filter((k) => k.key === r.plan.headline.primary || k.key === r.plan.headline.diagnosis),
    by_district: r.by_district,
    district_industry: r.district_industry,
    level_uplift: r.level_uplift,
    // The overdue and stuck project lists grow with projects (≈9,000 at scale 50): each district
    // page loads its own from districtProjectsJson, and the comparison page needs only counts.
    stages: r.pipeline.stages,
    funds_by_district: r.funding.by_district,
  }),
  industries: (r: Report, plan: PilotPlan) => ({
    districts: districtsOf(plan),
    industries: industriesOf(plan),
    by_industry: r.by_industry,
    district_industry: r.district_industry,
    level_uplift: r.level_uplift,
    level_audit: r.level_audit,
    // The band rule the audit recomputes levels with, and that it is unverified.
    level_rule: countingRules(plan).find((x) => x.key === "level_band")!,
  }),
  // The overdue and stuck lists packed (pipelineLists.ts): every row ships, since the page filters them all.
  pipeline: (r: Report, plan: PilotPlan) => ({
    districts: districtsOf(plan),
    industries: industriesOf(plan),
    pipeline: { stages: r.pipeline.stages, stuck_after_days: r.pipeline.stuck_after_days, lists: packPipelineLists(r.pipeline.overdue, r.pipeline.stuck) },
    leading_units: r.leading_units.map((u) => ({ unit_id: u.unit_id, name: u.name })),
  }),
  funds: (r: Report, plan: PilotPlan) => ({
    districts: districtsOf(plan),
    industries: industriesOf(plan),
    directions: plan.funding.directions.map(({ key, name, totalCapWan, perDistrictCapWan, sources, sourcesWords, capWords, cite }) => ({ key, name, total_cap_wan: totalCapWan ?? null, per_district_cap_wan: perDistrictCapWan ?? null, sources, sources_words: sourcesWords, cap_words: capWords, cite })),
    // Every level an export may name, in the plan's order (the source chart's colours).
    all_sources: plan.funding.sources,
    funding: r.funding,
    breaches: r.compliance.breaches,
    review_items: r.compliance.review_items,
  }),
  units: (r: Report, plan: PilotPlan) => ({
    leading_units: r.leading_units,
    providers: r.supply.providers,
    // Each tier's amount (四(二)2), highest first; what each tier asks for only when the exports supply tier_criteria.
    tiers: plan.funding.leadingUnitAwardByTierWan,
    tier_criteria: r.tier_criteria,
    // The levels of money the tier's amount limits and where the plan says so (四(二)2: 中央、市级);
    // other levels are shown apart. null when the plan has no award direction.
    award: ((d) => (d ? { sources: d.sources, cite: d.cite } : null))(plan.funding.directions.find((d) => d.key === "leading_unit_award")),
    industries: industriesOf(plan),
  }),
  // 五(五)–(七): the leading units' reports, reviews and 整改, acceptance record and list removals.
  "unit-reviews": (r: Report) => ({ ...r.unit_management, as_of: r.as_of }),
  supply: (r: Report, plan: PilotPlan) => ({
    kpis: r.kpis.filter((k) => supplyTargetKeys(plan).includes(k.key)),
    series: r.series.filter((s) => s.key !== "enterprises_transformed" && s.key !== "diagnosed"),
    products: r.supply.products,
    providers: r.supply.providers,
    stages: plan.productStages,
    industries: industriesOf(plan),
  }),
  // Every counting rule with its source (loaders/plan/countingRules.ts), and the targets with theirs.
  methodology: (_r: Report, plan: PilotPlan) => ({
    plan: { title: plan.title, doc_no: plan.docNo },
    rules: countingRules(plan),
    targets: plan.targets.map(({ key, label, target, unit, cite }) => ({ key, label, target, unit, cite })),
  }),
} satisfies Record<string, (r: Report, plan: PilotPlan) => unknown>;

export type PageName = keyof typeof pageData;

/**
 * The data a page's file holds (meta aside): components type the plan facts they draw with from it,
 * e.g. `PageData<"districts">["districts"][number]`, so no component redeclares them.
 */
export type PageData<P extends PageName> = ReturnType<(typeof pageData)[P]>;

/** The JSON text of one page's data file, with `plan`'s facts. */
export function pageJson(page: PageName, report: Report, meta: Meta, plan: PilotPlan): string {
  return JSON.stringify({ meta, ...pageData[page](report, plan) });
}

/**
 * One district page's own overdue and stuck projects (data/districts/<pinyin>.json), so that a
 * district page downloads its district's lists and not every district's. An unknown district gets
 * empty lists, as the page's "not found" branch expects.
 */
export function districtProjectsJson(pinyin: string, report: Report, meta: Meta, plan: PilotPlan): string {
  const code = plan.districts.find((d) => d.pinyin === pinyin)?.code ?? null;
  const mine = <T extends { district_code: string | null }>(rows: readonly T[]) => (code == null ? [] : rows.filter((r) => r.district_code === code));
  return JSON.stringify({ meta, district_code: code, overdue: mine(report.pipeline.overdue), stuck: mine(report.pipeline.stuck) });
}

/**
 * The plan facts every page may format with (data/plan.json): the plan's identity, the names of
 * the digital levels (for loaders/format/format.ts's levelName), the plan's word for its areas and
 * how many areas and industries it has, and the enterprise counts the district and industry views
 * compare (loaders/plan/measures.ts headlineTargets: 0–2, the headline count first).
 */
export function planJson(plan: PilotPlan): string {
  const { primary, diagnosis } = headlineTargets(plan);
  const facts: PlanFacts = {
    id: plan.id,
    city: plan.city,
    level_names: plan.levels.names,
    area_noun: plan.areaNoun,
    district_count: plan.districts.length,
    industry_count: plan.industries.length,
    headline: [primary, diagnosis].flatMap((t) => (t ? [{ key: t.key, short: t.short, unit: t.unit }] : [])),
  };
  return JSON.stringify(facts);
}

/** The plan facts of data/plan.json, as pages read them. */
export interface PlanFacts {
  id: string;
  city: string;
  level_names: PilotPlan["levels"]["names"];
  area_noun: string;
  district_count: number;
  industry_count: number;
  headline: HeadlineTarget[];
}

/** One enterprise count the district and industry views compare. */
export interface HeadlineTarget {
  key: string;
  short: string;
  unit: string;
}
