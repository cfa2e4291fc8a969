/**
 * What a city publishes upward (issue 16): the rows of each bundle table (./format.ts), built from
 * the KPI report of the newest snapshot and the public site's suppression, never from an
 * enterprise-level list. Counts and amounts pass through the same rules as the public site
 * (loaders/public/: suppressCount, publicTable, the public fund table and thinned series), with
 * plan.monitoring.publicMinCount.
 */
import { INTEGER, LIST, STRUCT, VARCHAR, listValue, structValue } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import { breachRules, reviewRules } from "../kpi/complianceRules.ts";
import { kpiParams } from "../kpi/params.ts";
import type { Report } from "../kpi/reportTypes.ts";
import { isSampleData } from "../config/paths.ts";
import { loadReport, withWarehouse } from "../outputs/report.ts";
import type { PilotPlan } from "../plan/types.ts";
import { fundContributors, type FundContributors } from "../public/fundContributors.ts";
import { publicAggregates } from "../public/publicAggregates.ts";
import { publicTable } from "../public/publicTable.ts";
import { isPublished, suppressCount, type Shown } from "../public/suppress.ts";
import { runQueryFile } from "../warehouse/query.ts";
import type { Programme } from "../rollup/programme.ts";
import type { BundleManifest } from "./format.ts";
import { writeBundle, type BundleRows, type Row } from "./write.ts";

/** A shown value as two columns: the number when published (else null) and its text. */
const shownCols = (name: string, v: Shown | null): Row => ({
  [name]: isPublished(v) ? v : null,
  [`${name}_shown`]: v == null ? null : String(v),
});

const cents = (v: Shown | null): Shown | null => (isPublished(v) ? Math.round(v * 100) / 100 : v);

/** The programme rules' inputs the report does not carry (loaders/sql/bundle/). */
export interface ProgrammeInputs {
  /** The level the programme's level rule counts (its `minLevel` in plans/programme.json); null: no such rule, no level counts. */
  minLevel: number | null;
  levels: { industry_key: string; industry: string; above_scale: number; at_level: number }[];
  funds: { programme_use: string; central_wan: number; contributors: number }[] | null;
}

/** The level the programme's level rule counts, from the programme file (plans/programme.json) the entry point read; null without that rule. */
export function programmeMinLevel(programme: Programme): number | null {
  return programme.rules.find((r) => r.kind === "industry_level_share")?.minLevel ?? null;
}

/** Run the programme queries on the warehouse for the report's snapshot. */
export async function programmeInputs(conn: DuckDBConnection, plan: PilotPlan, report: Report, minLevel: number | null): Promise<ProgrammeInputs> {
  const base = kpiParams(plan, report.snapshot, report.as_of);
  const levels =
    minLevel == null
      ? []
      : await runQueryFile<ProgrammeInputs["levels"][number]>(conn, "bundle", "programme_levels", {
          ...base,
          programme_min_level: { value: minLevel, type: INTEGER },
        });
  const central = plan.programme?.centralSource;
  const funds = central
    ? await runQueryFile<NonNullable<ProgrammeInputs["funds"]>[number]>(conn, "bundle", "programme_funds", {
        ...base,
        central_source: { value: central, type: VARCHAR },
        direction_uses: {
          value: listValue(plan.funding.directions.map((d) => structValue({ key: d.key, programme_use: d.programmeUse ?? null }))),
          type: LIST(STRUCT({ key: VARCHAR, programme_use: VARCHAR })),
        },
      })
    : null;
  return { minLevel, levels, funds };
}

/** A one-column count table per key (areas or industries as rows), suppressed with its total. */
function suppressedColumn<T extends { key: string }>(rows: T[], rowKey: (r: T) => string, value: (r: T) => number, min: number): Map<string, Shown> {
  const out = new Map<string, Shown>();
  for (const key of [...new Set(rows.map((r) => r.key))]) {
    const part = rows.filter((r) => r.key === key);
    const t = publicTable(
      { rows: part.map((r) => ({ key: rowKey(r), label: rowKey(r) })), cols: [{ key, label: key }], values: part.map((r) => [value(r)]) },
      { kind: "count", publishRowTotals: false, publishTotal: false },
      min,
    );
    part.forEach((r, i) => out.set(`${key}\0${rowKey(r)}`, t.cells[i]![0]!));
  }
  return out;
}

/** Every bundle table's rows for one report. */
export function bundleRows(plan: PilotPlan, report: Report, contributors: FundContributors[], inputs: ProgrammeInputs): BundleRows {
  const min = plan.monitoring.publicMinCount;
  const pub = publicAggregates(report, contributors, plan);
  const id = plan.id;
  const dates = { plan_start: plan.start, plan_end: plan.end, expectation_start: plan.expectationStart };

  const targets = report.kpis.map((k) => {
    const p = pub.kpis.find((x) => x.key === k.key)!;
    // A "ratio" target (a share 0–1, the measure catalogue) is not a count: the small-cell rule does not apply to it.
    const ratio = String(k.kind) === "ratio";
    const actual = ratio ? k.actual : p.actual;
    const published = isPublished(actual);
    return {
      plan_id: id,
      data_date: report.snapshot,
      key: k.key,
      label: k.label,
      short: k.short,
      unit: k.unit,
      kind: k.kind,
      ord: k.ord,
      target: k.target,
      ...shownCols("actual", actual),
      expected: k.expected,
      pct: published ? k.pct : null,
      pct_of_expected: published ? k.pct_of_expected : null,
      status: ratio ? k.status : p.status,
      ...dates,
    };
  });

  const series = pub.series.flatMap((s) => s.points.map((pt) => ({ plan_id: id, key: s.key, date: pt.date, actual: pt.value })));

  const areaCells = suppressedColumn(report.by_district, (r) => r.district_code, (r) => r.actual, min);
  const by_area = report.by_district.map((r) => ({
    plan_id: id, key: r.key, area_code: r.district_code, area: r.district,
    ...shownCols("actual", areaCells.get(`${r.key}\0${r.district_code}`)!), is_focus: r.is_focus,
  }));
  const industryCells = suppressedColumn(report.by_industry, (r) => r.industry_key, (r) => r.actual, min);
  const by_industry = report.by_industry.map((r) => ({
    plan_id: id, key: r.key, industry_key: r.industry_key, industry: r.industry,
    ...shownCols("actual", industryCells.get(`${r.key}\0${r.industry_key}`)!),
  }));

  const funds = pub.funds.rows.flatMap((d, i) =>
    pub.funds.cols.map((s, j) => ({
      plan_id: id, direction_key: d.key, direction: d.label, source: s.key,
      ...shownCols("amount_wan", pub.funds.cells[i]![j]!),
      programme_use: plan.funding.directions.find((x) => x.key === d.key)?.programmeUse ?? null,
      cap_wan: pub.funds.caps[i]?.total_cap_wan ?? null,
    })),
  );

  const count = (list: { rule: string }[], rule: string): number => list.filter((x) => x.rule === rule).length;
  const compliance = [
    ...breachRules(plan).map((r) => ({ finding: "breach", r, n: count(report.compliance.breaches, r.key) })),
    ...reviewRules(plan).map((r) => ({ finding: "review_item", r, n: count(report.compliance.review_items, r.key) })),
  ].map(({ finding, r, n }) => ({ plan_id: id, finding, rule: r.key, rule_label: r.zh, rule_cite: r.cite, ...shownCols("findings", suppressCount(n, min)) }));

  const programme_levels = inputs.levels.map((l) => ({
    plan_id: id, industry_key: l.industry_key, industry: l.industry, min_level: inputs.minLevel,
    ...shownCols("above_scale", suppressCount(l.above_scale, min)),
    ...shownCols("at_level", suppressCount(l.at_level, min)),
  }));

  let programme_funds: Row[] = [];
  if (inputs.funds && plan.programme) {
    const sides = inputs.funds.filter((f) => f.programme_use !== "total");
    const total = inputs.funds.find((f) => f.programme_use === "total")!;
    const t = publicTable(
      { rows: sides.map((s) => ({ key: s.programme_use, label: s.programme_use })), cols: [{ key: "central", label: "central" }], values: sides.map((s) => [Math.round(s.central_wan * 100) / 100]) },
      { kind: "amount", contributors: sides.map((s) => [s.contributors]), rowContributors: sides.map((s) => s.contributors), colContributors: [total.contributors], totalContributors: total.contributors, publishRowTotals: false },
      min,
    );
    programme_funds = [
      ...sides.map((s, i) => ({ plan_id: id, central_source: plan.programme!.centralSource, programme_use: s.programme_use === "unplaced" ? null : s.programme_use, ...shownCols("central_wan", cents(t.cells[i]![0]!)) })),
      { plan_id: id, central_source: plan.programme.centralSource, programme_use: "total", ...shownCols("central_wan", cents(t.col_totals[0] ?? null)) },
    ];
  }

  return {
    city: [
      {
        plan_id: id, city: plan.city, plan_title: plan.title, doc_no: plan.docNo, data_date: report.snapshot,
        ...dates, on_track: plan.monitoring.onTrack, warning: plan.monitoring.warning, public_min_count: min,
        city_class: plan.programme?.cityClass ?? null, central_source: plan.programme?.centralSource ?? null,
        areas: plan.districts.length, industries: plan.industries.length,
      },
    ],
    targets,
    series,
    by_area,
    by_industry,
    funds,
    compliance,
    quality: [],
    programme_levels,
    programme_funds,
  };
}

export interface ExportOptions {
  root: string;
  plan: PilotPlan;
  /** The programme rules (plans/programme.json, read by the entry point): which level the level rule counts. */
  programme: Programme;
  /** The plan file's text (plan.json is the plan as loaded). */
  planText: string;
  out: string;
}

/** Export the bundle of `root` (newest snapshot) into `out`. */
export async function exportBundle(o: ExportOptions): Promise<BundleManifest> {
  const { report } = await loadReport(o.root, o.plan);
  const rows = await withWarehouse(o.root, o.plan, async (conn) => {
    const contributors = await fundContributors(conn, o.plan, report.snapshot, report.as_of);
    const inputs = await programmeInputs(conn, o.plan, report, programmeMinLevel(o.programme));
    const r = bundleRows(o.plan, report, contributors, inputs);
    r.quality = (await runQueryFile<Row>(conn, "bundle", "quality_tables", kpiParams(o.plan, report.snapshot, report.as_of))).map((q) => ({ plan_id: o.plan.id, ...q }));
    return r;
  });
  return writeBundle(o.out, { plan: o.plan, planText: o.planText, dataDate: report.snapshot, sample: isSampleData(o.root), rows });
}
