/** The whole KPI report for one as-of date: every query of sql/ run on one snapshot. */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { PilotPlan } from "../plan/types.ts";
import { headlineTargets } from "../plan/measures.ts";
import { breachRules, reviewRules, type ComplianceRule } from "./complianceRules.ts";
import { milestones } from "./milestones.ts";
import { kpiParams } from "./params.ts";
import type * as R from "./reportTypes.ts";

import { pickSnapshot } from "../warehouse/snapshots.ts";
import { runQueryFile } from "../warehouse/query.ts";

export interface ReportOptions {
  /** YYYY-MM-DD; the report uses the newest snapshot on or before it and counts events up to it. Default: the newest snapshot. */
  asOf?: string;
  /** The plan the warehouse was built with (its dims must match). */
  plan: PilotPlan;
}

/** The report's `plan` part: the plan's identity, area noun and headline target keys. */
export function reportPlan(plan: PilotPlan): R.Report["plan"] {
  const headline = headlineTargets(plan);
  return {
    id: plan.id, title: plan.title, city: plan.city, area_noun: plan.areaNoun,
    headline: { primary: headline.primary?.key ?? null, diagnosis: headline.diagnosis?.key ?? null },
  };
}

/**
 * The report as of `asOf` (the newest snapshot when undefined): `known` when it is that report
 * (the same snapshot and as-of date: a report loadReport cached for the page files), computed
 * otherwise. The weekly review and the self-assessment need the newest report too; the site's
 * loader hands them the one it already read instead of running every query again.
 */
export async function reportAsOf(conn: DuckDBConnection, plan: PilotPlan, asOf: string | undefined, known?: R.Report): Promise<R.Report> {
  const snapshot = await pickSnapshot(conn, asOf);
  if (known && known.snapshot === snapshot && known.as_of === (asOf ?? snapshot)) return known;
  return computeReport(conn, asOf ? { asOf, plan } : { plan });
}

/** Compute the report: pick the snapshot, run every query with the same parameters, assemble one object. */
export async function computeReport(conn: DuckDBConnection, opts: ReportOptions): Promise<R.Report> {
  const plan = opts.plan;
  const snapshot = await pickSnapshot(conn, opts.asOf);
  const asOf = opts.asOf ?? snapshot;
  const params = kpiParams(plan, snapshot, asOf);
  // One connection runs one statement at a time, so the queries run in turn.
  const run = <Row>(name: string): Promise<Row[]> => runQueryFile<Row>(conn, "report", name, params);

  const [timing] = await run<R.Report["timing"]>("report_timing");
  const breaches = labelled(await run<Unlabelled<R.Breach>>("compliance_breaches"), breachRules(plan), "compliance_breaches");
  const reviewItems = labelled(await run<Unlabelled<R.ReviewItem>>("compliance_review_items"), reviewRules(plan), "compliance_review_items");

  return {
    plan: reportPlan(plan),
    as_of: asOf,
    snapshot,
    timing: {
      expectation_start: timing!.expectation_start,
      plan_end: timing!.plan_end,
      elapsed: timing!.elapsed,
      weeks_left: timing!.weeks_left,
      trailing_weeks: timing!.trailing_weeks,
    },
    kpis: await run<R.KpiRow>("kpi_targets"),
    series: await run<R.SeriesPoint>("kpi_series"),
    by_district: await run<R.DistrictRow>("kpi_by_district"),
    by_industry: await run<R.IndustryRow>("kpi_by_industry"),
    district_industry: await run<R.MatrixCell>("kpi_district_industry"),
    level_uplift: await run<R.LevelUpliftRow>("level_uplift"),
    level_audit: await run<R.LevelAuditRow>("level_audit"),
    pipeline: {
      stages: await run<R.PipelineStage>("pipeline_stages"),
      overdue: await run<R.OverdueProject>("pipeline_overdue"),
      stuck: await run<R.StuckProject>("pipeline_stuck"),
      stuck_after_days: plan.monitoring.stuckAfterDays,
    },
    leading_units: await run<R.LeadingUnitRow>("leading_unit_scorecard"),
    tier_criteria: await run<R.TierCriterion>("tier_criteria"),
    supply: {
      products: await run<R.ProductCell>("products_by_stage_industry"),
      providers: await run<R.ProvidersOfUnit>("providers_by_unit"),
    },
    funding: {
      by_direction: await run<R.DirectionRow>("funds_by_direction_source"),
      by_district: await run<R.FundsByDistrictRow>("funds_by_district"),
      by_industry: await run<R.FundsByIndustryRow>("funds_by_industry"),
      monthly: await run<R.FundsMonthRow>("funds_monthly"),
    },
    compliance: { breaches, review_items: reviewItems },
    unit_management: {
      supplied: (await run<R.UnitManagement["supplied"]>("unit_reports_supplied"))[0]!,
      settings: {
        report_period_months: plan.unitManagement.reportPeriodMonths,
        report_due_day: plan.unitManagement.reportDueDay,
        report_due_day_is_convention: true,
        report_tolerance: plan.unitManagement.reportTolerance,
      },
      units: await run<R.UnitRecord>("unit_management_summary"),
      calendar: await run<R.UnitReportPeriod>("unit_report_calendar"),
      mismatches: await run<R.UnitReportMismatch>("unit_report_mismatches"),
      rectifications: await run<R.RectificationItem>("unit_rectification_items"),
      reviews: await run<R.UnitReview>("unit_review_history"),
      removals: await run<R.ListRemoval>("list_removals"),
    },
    milestones: milestones(plan, asOf),
  };
}

type Unlabelled<T> = Omit<T, "rule_label" | "rule_label_en" | "rule_cite">;

/** Give each finding its rule's labels and section; rules in the plan's order, within a rule the query's order (sort is stable). */
function labelled<T extends { rule: string }>(rows: T[], rules: ComplianceRule[], query: string): (T & { rule_label: string; rule_label_en: string; rule_cite: string })[] {
  const byKey = new Map(rules.map((r, i) => [r.key, { ...r, i }]));
  return rows
    .map((row) => {
      const rule = byKey.get(row.rule);
      if (!rule) throw new Error(`${query} rule ${row.rule} has no label in complianceRules.ts`);
      return { ...row, rule_label: rule.zh, rule_label_en: rule.en, rule_cite: rule.cite };
    })
    .sort((a, b) => byKey.get(a.rule)!.i - byKey.get(b.rule)!.i);
}
