/**
 * The city bundle: what one city publishes upward to its province and the ministry (issue 16).
 * A folder holding plan.json (the plan as loaded), one Parquet file per table below (aggregates
 * only, small cells suppressed as on the public site) and manifest.json (city, plan, data date,
 * tool version, each file's sha256 and row count). This module is the one description of the
 * format: the export, the sample generator, the roll-up's reader and docs/rollup.md follow it.
 */

/** Bumped when a table or column changes meaning; the roll-up reads the versions it knows. */
export const bundleFormatVersion = 1;
export const bundleFormatName = "sme-dx-city-bundle";

export type ColumnType = "VARCHAR" | "DOUBLE" | "INTEGER" | "DATE" | "BOOLEAN";

export interface Column {
  name: string;
  type: ColumnType;
  /** What the column holds (docs/rollup.md prints it). */
  doc: string;
}

export interface BundleTable {
  /** File name without .parquet. */
  name: string;
  doc: string;
  columns: Column[];
}

const planId: Column = { name: "plan_id", type: "VARCHAR", doc: "The plan's id (plan.json `id`): which city's bundle the row is from." };
/** A suppressed count or amount: the number when published, else null, with what the public site shows in `<name>_shown`. */
const shown = (name: string, doc: string): Column[] => [
  { name, type: "DOUBLE", doc: `${doc}; null when withheld by the small-cell rule` },
  { name: `${name}_shown`, type: "VARCHAR", doc: `${name} as the public site shows it: the number, "<N" (a count below plan.monitoring.publicMinCount) or "—" (withheld)` },
];

export const bundleTables: BundleTable[] = [
  {
    name: "city",
    doc: "One row: the city, its plan's dates and status thresholds, and what the programme rules need from its plan.",
    columns: [
      planId,
      { name: "city", type: "VARCHAR", doc: "The city as pages name it (plan `city`)." },
      { name: "plan_title", type: "VARCHAR", doc: "Title of the plan document." },
      { name: "doc_no", type: "VARCHAR", doc: "Document number (文号) of the plan." },
      { name: "data_date", type: "DATE", doc: "The newest snapshot (截止日期) the bundle was exported from." },
      { name: "plan_start", type: "DATE", doc: "First day of the pilot (plan `start`)." },
      { name: "plan_end", type: "DATE", doc: "Last day of the pilot (plan `end`)." },
      { name: "expectation_start", type: "DATE", doc: "Start of the plan's pro-rating line (plan `expectationStart`)." },
      { name: "on_track", type: "DOUBLE", doc: "达标 at or above this share of the pro-rated expectation (plan `monitoring.onTrack`)." },
      { name: "warning", type: "DOUBLE", doc: "预警 at or above this share (plan `monitoring.warning`); below it 落后." },
      { name: "public_min_count", type: "INTEGER", doc: "The small-cell threshold applied to the bundle (plan `monitoring.publicMinCount`)." },
      { name: "city_class", type: "VARCHAR", doc: "provincial_capital | separately_listed | other (plan `programme.cityClass`); null when the plan does not say." },
      { name: "central_source", type: "VARCHAR", doc: "Which level of money is central (plan `programme.centralSource`); null when the plan does not say." },
      { name: "areas", type: "INTEGER", doc: "Number of areas (区/县/镇街) in the plan." },
      { name: "industries", type: "INTEGER", doc: "Number of focus industries in the plan." },
    ],
  },
  {
    name: "targets",
    doc: "One row per plan target at the data date (the KPI report's `kpis`), with the plan's dates so a reader can pro-rate.",
    columns: [
      planId,
      { name: "data_date", type: "DATE", doc: "The bundle's data date." },
      { name: "key", type: "VARCHAR", doc: "The target's key in its plan (an opaque string: plans choose their own)." },
      { name: "label", type: "VARCHAR", doc: "The target as the plan words it." },
      { name: "short", type: "VARCHAR", doc: "Short label." },
      { name: "unit", type: "VARCHAR", doc: "Unit (家, 个, 人次 …)." },
      { name: "kind", type: "VARCHAR", doc: "count | status | ratio (a share 0–1)." },
      { name: "ord", type: "INTEGER", doc: "The target's position in its plan." },
      { name: "target", type: "DOUBLE", doc: "What the plan asks for by its end." },
      ...shown("actual", "Reached by the data date (null also for a status target with no record)"),
      { name: "expected", type: "DOUBLE", doc: "target × elapsed share of expectation_start…plan_end at the data date." },
      { name: "pct", type: "DOUBLE", doc: "actual ÷ target; null when actual is." },
      { name: "pct_of_expected", type: "DOUBLE", doc: "actual ÷ expected; null when actual is." },
      { name: "status", type: "VARCHAR", doc: "达标 | 预警 | 落后 | 无数据, by the city's own thresholds; null when actual is withheld." },
      { name: "plan_start", type: "DATE", doc: "Plan start." },
      { name: "plan_end", type: "DATE", doc: "Plan end." },
      { name: "expectation_start", type: "DATE", doc: "Start of the pro-rating line." },
    ],
  },
  {
    name: "series",
    doc: "Per count target, its cumulative value at month ends (the public site's thinned series: every point and every step is 0 or at least the small-cell threshold).",
    columns: [
      planId,
      { name: "key", type: "VARCHAR", doc: "Target key." },
      { name: "date", type: "DATE", doc: "The point's date (a month's last weekly point, or the data date)." },
      { name: "actual", type: "DOUBLE", doc: "Cumulative value on that date." },
    ],
  },
  {
    name: "by_area",
    doc: "Per target (or pipeline stage) and area (区/县/镇街): the count, suppressed per target as a one-column table with its total.",
    columns: [
      planId,
      { name: "key", type: "VARCHAR", doc: "Target or stage key." },
      { name: "area_code", type: "VARCHAR", doc: "The area's code in its plan." },
      { name: "area", type: "VARCHAR", doc: "The area's name." },
      ...shown("actual", "Count in the area"),
      { name: "is_focus", type: "BOOLEAN", doc: "The plan names the area for at least one focus industry." },
    ],
  },
  {
    name: "by_industry",
    doc: "Per target (or stage) and focus industry: the count, suppressed like by_area.",
    columns: [
      planId,
      { name: "key", type: "VARCHAR", doc: "Target or stage key." },
      { name: "industry_key", type: "VARCHAR", doc: "The industry's key in its plan." },
      { name: "industry", type: "VARCHAR", doc: "The industry's name." },
      ...shown("actual", "Count in the industry"),
    ],
  },
  {
    name: "funds",
    doc: "Money disbursed by the data date per fund direction × level (中央/省级/市级/区级 …), in 万元: the public site's fund table.",
    columns: [
      planId,
      { name: "direction_key", type: "VARCHAR", doc: "The direction's key in its plan." },
      { name: "direction", type: "VARCHAR", doc: "The direction's name (资金方向)." },
      { name: "source", type: "VARCHAR", doc: "Level of money (资金级别)." },
      ...shown("amount_wan", "Amount in 万元 (withheld when built from fewer beneficiaries than the threshold)"),
      { name: "programme_use", type: "VARCHAR", doc: "sme_transformation | public_service (plan `programmeUse`), null when the plan does not say." },
      { name: "cap_wan", type: "DOUBLE", doc: "The direction's total cap in its plan, null when none." },
    ],
  },
  {
    name: "compliance",
    doc: "Breaches (超限) and review items (待核实) counted per rule; counts suppressed like any count.",
    columns: [
      planId,
      { name: "finding", type: "VARCHAR", doc: "breach | review_item." },
      { name: "rule", type: "VARCHAR", doc: "The rule's key (loaders/kpi/complianceRules.ts)." },
      { name: "rule_label", type: "VARCHAR", doc: "The rule in Chinese." },
      { name: "rule_cite", type: "VARCHAR", doc: "The plan section it rests on." },
      ...shown("findings", "Number of findings"),
    ],
  },
  {
    name: "quality",
    doc: "Data-quality totals of the newest snapshot per input table: rows read, loaded and rejected.",
    columns: [
      planId,
      { name: "table_name", type: "VARCHAR", doc: "Input table (loaders/contract/tables.ts)." },
      { name: "files", type: "INTEGER", doc: "Files read for it." },
      { name: "rows_read", type: "INTEGER", doc: "Rows read." },
      { name: "rows_loaded", type: "INTEGER", doc: "Rows loaded." },
      { name: "rows_rejected", type: "INTEGER", doc: "Rows rejected by validation." },
    ],
  },
  {
    name: "programme_levels",
    doc: "For the 90% rule: per focus industry, the above-scale (规上) enterprises of the exports and those whose latest assessment is at min_level or higher.",
    columns: [
      planId,
      { name: "industry_key", type: "VARCHAR", doc: "Industry key." },
      { name: "industry", type: "VARCHAR", doc: "Industry name." },
      { name: "min_level", type: "INTEGER", doc: "The level counted (the programme's 二级: 2)." },
      ...shown("above_scale", "规上 enterprises in the exports"),
      ...shown("at_level", "Of those, at min_level or higher by their latest assessment on or before the data date"),
    ],
  },
  {
    name: "programme_funds",
    doc: "For the 80/20 rule and the ceiling: central money disbursed by the data date per side of the split (null side: directions the plan does not place).",
    columns: [
      planId,
      { name: "central_source", type: "VARCHAR", doc: "The level counted as central money." },
      { name: "programme_use", type: "VARCHAR", doc: "sme_transformation | public_service | null (not placed by the plan)." },
      ...shown("central_wan", "Central money in 万元 (withheld when built from fewer beneficiaries than the threshold)"),
    ],
  },
];

export const tableNames = bundleTables.map((t) => t.name);

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
  /** Rows of a Parquet file; null for plan.json. */
  rows: number | null;
}

export interface BundleManifest {
  format: typeof bundleFormatName;
  formatVersion: number;
  city: string;
  planId: string;
  /** The newest snapshot: YYYY-MM-DD. */
  dataDate: string;
  /** Written from synthetic data (a sample root or the bundle generator): every page built from it says 示例数据. */
  sample: boolean;
  tool: { name: string; version: string; commit: string | null };
  files: ManifestFile[];
}
