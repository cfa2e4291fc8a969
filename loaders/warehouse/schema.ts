/**
 * The warehouse schema, derived from the input contract and the plan. One DuckDB database holds
 * every snapshot of a data root: each contract table gets a `snapshot` column, and personal
 * columns never get a column at all.
 */
import { contractTables, type Column, type ColumnType, type Table } from "../contract/tables.ts";
import { measureRow, targetKind } from "../plan/measures.ts";
import type { PilotPlan } from "../plan/types.ts";

const sqlType: Record<ColumnType, string> = {
  id: "VARCHAR",
  uscc: "VARCHAR",
  text: "VARCHAR",
  district: "VARCHAR",
  industry: "VARCHAR",
  enum: "VARCHAR",
  int: "INTEGER",
  wan: "DOUBLE",
  number: "DOUBLE",
  date: "DATE",
  month: "DATE",
  bool: "BOOLEAN",
  level: "INTEGER",
};

/** Columns a table gets beyond the contract's, computed during validation. */
export const derivedColumns: Partial<Record<Table["key"], { key: string; type: string }[]>> = {
  // 工信部联企业〔2011〕300号 classification: 中型/小型/微型/大型/未知, and whether it counts as an SME.
  enterprises: [
    { key: "size_class", type: "VARCHAR" },
    { key: "is_sme", type: "BOOLEAN" },
  ],
};

/** The columns of a contract table that are stored (personal ones are not). */
export function storedColumns(t: Table): Column[] {
  return t.columns.filter((c) => !c.personal);
}

/** Column name → SQL type for a stored table, in order: snapshot, source_file, source_row, contract columns, derived. */
export function warehouseColumns(t: Table): { name: string; type: string }[] {
  return [
    { name: "snapshot", type: "DATE" },
    { name: "source_file", type: "VARCHAR" },
    { name: "source_row", type: "INTEGER" },
    ...storedColumns(t).map((c) => ({ name: c.key, type: sqlType[c.type] })),
    ...(derivedColumns[t.key] ?? []).map((c) => ({ name: c.key, type: c.type })),
  ];
}

/** CREATE TABLE statements for the contract tables, the ingest report and the plan's dimensions. */
export function schemaDDL(plan: PilotPlan): string[] {
  const ddl = contractTables(plan).map(
    (t) => `CREATE TABLE ${t.key} (${warehouseColumns(t).map((c) => `${c.name} ${c.type}`).join(", ")})`,
  );
  ddl.push(
    `CREATE TABLE snapshots (snapshot DATE PRIMARY KEY, folder VARCHAR)`,
    `CREATE TABLE ingest_files (snapshot DATE, file VARCHAR, table_key VARCHAR, encoding VARCHAR, sheet VARCHAR,
       header_row INTEGER, rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER, rows_skipped INTEGER,
       extra_columns VARCHAR[])`,
    // Every issue, including those on rows that were loaded (warnings) and file-level notes.
    `CREATE TABLE ingest_issues (snapshot DATE, file VARCHAR, table_key VARCHAR, "row" INTEGER, "column" VARCHAR,
       code VARCHAR, severity VARCHAR, message_zh VARCHAR, message_en VARCHAR, record_id VARCHAR)`,
    `CREATE TABLE dim_district (code VARCHAR PRIMARY KEY, name VARCHAR, short VARCHAR, pinyin VARCHAR, tile_x INTEGER, tile_y INTEGER)`,
    `CREATE TABLE dim_industry (key VARCHAR PRIMARY KEY, name VARCHAR, short VARCHAR)`,
    `CREATE TABLE focus_pair (district VARCHAR, industry VARCHAR)`,
    // kind is the measure's (loaders/plan/measures.ts targetKind): count, status or ratio; target NULL = the plan gives no number.
    `CREATE TABLE plan_target (key VARCHAR PRIMARY KEY, label VARCHAR, short VARCHAR, target DOUBLE, unit VARCHAR, kind VARCHAR, ord INTEGER, part_of VARCHAR)`,
    // Each target's measure with its parameters (Target.measure), read by the target_facts macro.
    `CREATE TABLE plan_measure (key VARCHAR PRIMARY KEY, kind VARCHAR, min_level INTEGER, accepted BOOLEAN, above_scale BOOLEAN,
       tiers VARCHAR[], industries VARCHAR[], kinds VARCHAR[], stages VARCHAR[], audiences VARCHAR[], assessment VARCHAR, match VARCHAR)`,
    // A target's dated steps (Target.milestones): the expected-by-now line runs through them.
    `CREATE TABLE plan_target_step (key VARCHAR, by_date DATE, target DOUBLE)`,
    `CREATE TABLE fund_direction (key VARCHAR PRIMARY KEY, name VARCHAR, total_cap_wan DOUBLE, per_district_cap_wan DOUBLE, ord INTEGER)`,
    // The levels of money each direction's caps count (plan 四, FundDirection.sources); other levels are counted in no cap.
    `CREATE TABLE fund_cap_source (direction_key VARCHAR, source VARCHAR)`,
  );
  return ddl;
}

type Cell = string | number | boolean | string[] | null | undefined;
const text = (v: string): string => `'${v.replace(/'/g, "''")}'`;
const q = (v: Cell): string =>
  v == null ? "NULL"
  : typeof v === "number" || typeof v === "boolean" ? String(v)
  : Array.isArray(v) ? `[${v.map(text).join(", ")}]::VARCHAR[]`
  : text(v);

/** INSERT statements that put the plan's dimensions into the warehouse (plan data, never user input). */
export function planDML(plan: PilotPlan): string[] {
  const rows = (table: string, values: Cell[][]): string =>
    values.length === 0 ? `SELECT 1 WHERE false` : `INSERT INTO ${table} VALUES ${values.map((r) => `(${r.map(q).join(", ")})`).join(", ")}`;
  return [
    rows("dim_district", plan.districts.map((d) => [d.code, d.name, d.short, d.pinyin, d.tile.x, d.tile.y])),
    rows("dim_industry", plan.industries.map((i) => [i.key, i.name, i.short])),
    rows("focus_pair", plan.industries.flatMap((i) => i.focusDistricts.map((d) => [d, i.key]))),
    rows("plan_target", plan.targets.map((t, ord) => [t.key, t.label, t.short, t.target, t.unit, targetKind(t.measure), ord, t.partOf])),
    rows("plan_measure", plan.targets.map((t) => measureRow(t))),
    rows("plan_target_step", plan.targets.flatMap((t) => (t.milestones ?? []).map((m) => [t.key, m.by, m.target]))),
    rows(
      "fund_direction",
      plan.funding.directions.map((d, ord) => [d.key, d.name, d.totalCapWan, d.perDistrictCapWan, ord]),
    ),
    rows("fund_cap_source", plan.funding.directions.flatMap((d) => d.sources.map((s) => [d.key, s]))),
  ];
}
