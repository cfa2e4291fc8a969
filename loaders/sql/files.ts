/**
 * Where the SQL lives: every query the monitor runs on the warehouse is a file under loaders/sql/,
 * grouped by what it produces, one file per output table, named after it:
 *
 * - report/      the KPI report's tables (loaders/kpi/computeReport.ts);
 * - macros/      the DuckDB table macros the report and weekly queries share, one per file;
 * - weekly/      the weekly review's comparison tables (loaders/weekly/computeWeekly.ts);
 * - enterprises/ the 一企一档 page's data (loaders/outputs/enterprises.ts);
 * - quality/     the 数据质量 page's data (loaders/outputs/quality.ts);
 * - public/      what the public site needs beyond the report (loaders/public/fundContributors.ts);
 * - bundle/      what a city bundle needs beyond the report: the programme rules' inputs (loaders/bundle/export.ts);
 * - rollup/      the roll-up site's tables, run on the bundles' Parquet files, not on a warehouse (loaders/rollup/).
 *
 * They run through the one query runner, loaders/warehouse/query.ts (runQueryFile).
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type SqlGroup = "report" | "macros" | "weekly" | "enterprises" | "quality" | "public" | "bundle" | "rollup";

/** Folder of one group. */
export function sqlDir(group: SqlGroup): string {
  return fileURLToPath(new URL(`./${group}/`, import.meta.url));
}

/** Path of one query file, e.g. sqlPath("report", "kpi_targets"). */
export function sqlPath(group: SqlGroup, name: string): string {
  return `${sqlDir(group)}${name}.sql`;
}

/** Names of every query of a group, sorted. */
export function sqlNames(group: SqlGroup): string[] {
  return readdirSync(sqlDir(group))
    .filter((f) => f.endsWith(".sql"))
    .map((f) => f.slice(0, -4))
    .sort();
}

const cache = new Map<string, string>();

/** Text of one query file, read once per process. */
export function sqlText(path: string): string {
  let s = cache.get(path);
  if (s == null) {
    s = readFileSync(path, "utf8");
    cache.set(path, s);
  }
  return s;
}

/** Text of one query of a group. */
export function readSql(group: SqlGroup, name: string): string {
  return sqlText(sqlPath(group, name));
}

/**
 * The macros in an order DuckDB accepts: a macro is bound when it is created, so each must come
 * after the macros its body calls. The order is worked out from the bodies, not kept by hand.
 */
export function macrosInOrder(): { name: string; sql: string }[] {
  const all = new Map(sqlNames("macros").map((n) => [n, readSql("macros", n)]));
  const ordered: { name: string; sql: string }[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (ordered.some((m) => m.name === name)) return;
    if (visiting.has(name)) throw new Error(`macro cycle through ${name}`);
    visiting.add(name);
    const sql = all.get(name)!;
    const body = sql.replace(/--.*$/gm, "");
    for (const other of all.keys()) {
      if (other !== name && new RegExp(`\\b${other}\\s*\\(`).test(body)) visit(other);
    }
    visiting.delete(name);
    ordered.push({ name, sql });
  };
  for (const name of all.keys()) visit(name);
  return ordered;
}
