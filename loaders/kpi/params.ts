/**
 * The named parameters KPI queries bind: the snapshot and as-of dates, and the plan's constants.
 * A query binds only the names it uses; none is ever spliced into SQL text.
 */
import {
  DATE, DOUBLE, INTEGER, LIST, STRUCT, VARCHAR,
  dateValue, listValue, structValue,
  type DuckDBType, type DuckDBValue,
} from "@duckdb/node-api";
import { mainTarget } from "../plan/measures.ts";
import type { PilotPlan } from "../plan/types.ts";
import { districtKeys, industryKeys, matrixKeys } from "./breakdownKeys.ts";

/** One bound value with its DuckDB type (given, never inferred, so 60 and 60.5 bind alike). */
export interface KpiParam {
  value: DuckDBValue;
  type: DuckDBType;
}

export type KpiParams = Record<string, KpiParam>;

/** A calendar date as DuckDB's DATE, from "YYYY-MM-DD" (no Date object: no time zone involved). */
export function isoDate(iso: string): DuckDBValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return dateValue({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

const date = (iso: string): KpiParam => ({ value: isoDate(iso), type: DATE });
/** A date the plan may not give: NULL binds as a typed NULL, and the SQL says what NULL means. */
const maybeDate = (iso: string | null | undefined): KpiParam => ({ value: iso == null ? null : isoDate(iso), type: DATE });
/** A number the plan may not give (a cap it does not set): a typed NULL, never a made-up number. */
const maybeDbl = (n: number | null | undefined): KpiParam => ({ value: n ?? null, type: DOUBLE });
const int = (n: number): KpiParam => ({ value: n, type: INTEGER });
const dbl = (n: number): KpiParam => ({ value: n, type: DOUBLE });
const strings = (xs: readonly string[]): KpiParam => ({ value: listValue([...xs]), type: LIST(VARCHAR) });
const structs = (fields: Record<string, DuckDBType>, rows: Record<string, DuckDBValue>[]): KpiParam => ({
  value: listValue(rows.map((r) => structValue(r))),
  type: LIST(STRUCT(fields)),
});

/** Every parameter any KPI query may name, for one snapshot and as-of date under one plan. */
export function kpiParams(plan: PilotPlan, snapshot: string, asOf: string): KpiParams {
  const f = plan.funding;
  const m = plan.monitoring;
  return {
    snapshot: date(snapshot),
    as_of: date(asOf),
    expectation_start: maybeDate(plan.expectationStart),
    plan_end: date(plan.end),
    eligible_from: maybeDate(f.eligibleProjectWindow?.from),
    min_level: int(plan.levels.transformedMinLevel),
    // The target of enterprises transformed to a level (the leading units' 改造达标企业): its key, or
    // NULL when the plan has no enterprises_at_level target (the column is then 0 for every unit).
    transformed_key: { value: mainTarget(plan, "enterprises_at_level")?.key ?? null, type: VARCHAR },
    // The recognitions targets that are 示范项目 for the leading units' third indicator (四(二)2:
    // 入选数字化应用场景和"链式转型"典型场景示范项目数量): the plan's scenario and chain-case targets.
    showcase_keys: strings(plan.unitManagement.showcaseTargets ?? []),
    on_track: dbl(m.onTrack),
    warning: dbl(m.warning),
    trailing_weeks: int(m.trailingWeeks),
    stuck_after_days: int(m.stuckAfterDays),
    stages: structs(
      { key: VARCHAR, name: VARCHAR, ord: INTEGER },
      plan.stages.map((s, i) => ({ key: s.key, name: s.name, ord: i + 1 })),
    ),
    product_stages: strings(plan.productStages),
    industry_order: strings(plan.industries.map((i) => i.key)),
    district_keys: strings(districtKeys(plan)),
    industry_keys: strings(industryKeys(plan)),
    matrix_keys: strings(matrixKeys(plan)),
    level_bands: structs(
      { level: INTEGER, min_score: DOUBLE, min_scenarios: INTEGER, min_constraint: INTEGER },
      plan.levels.bands.map((b) => ({
        level: b.level, min_score: b.minScore, min_scenarios: b.minScenarios, min_constraint: b.minConstraintScenarios,
      })),
    ),
    constraint_scenarios: strings(plan.levels.scenarios.filter((s) => s.constraint).map((s) => s.name)),
    fund_sources: strings(f.sources),
    subsidy_max_share: maybeDbl(f.subsidy?.maxShareOfVerified),
    level_caps: structs(
      { level: INTEGER, cap_wan: DOUBLE },
      Object.entries(f.subsidy?.capByLevelWan ?? {}).map(([level, cap]) => ({ level: Number(level), cap_wan: cap })),
    ),
    interest_max_share: maybeDbl(f.loanInterest?.maxShareOfPrincipal),
    interest_max_per_year: maybeDbl(f.loanInterest?.maxPerEnterprisePerYearWan),
    // The tiers of 四(二)2, highest first (rank 1), with their amounts. What results each tier asks
    // for is not in the plan: the scorecard reads it from the tier_criteria table when supplied.
    unit_tiers: structs(
      { tier: VARCHAR, rank: INTEGER, award_wan: DOUBLE },
      Object.entries(f.leadingUnitAwardByTierWan).map(([tier, award], i) => ({ tier, rank: i + 1, award_wan: award })),
    ),
    report_period_months: int(plan.unitManagement.reportPeriodMonths),
    report_due_day: int(plan.unitManagement.reportDueDay),
    report_tolerance: int(plan.unitManagement.reportTolerance),
    platform_max_share: maybeDbl(f.platformProject?.maxShareOfVerified),
    platform_max_wan: maybeDbl(f.platformProject?.maxWan),
  };
}
