/**
 * The roll-up of many city bundles: checked bundles (./bundles.ts) → one in-memory DuckDB reading
 * their Parquet files → the queries of loaders/sql/rollup/ → one RollupData object, which the
 * roll-up site's loaders (rollup/data/) project per page. Pages filter and sort, never compute.
 */
import { BOOLEAN, DATE, DOUBLE, INTEGER, LIST, STRUCT, VARCHAR, listValue, structValue, DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { join } from "node:path";
import { tableNames } from "../bundle/format.ts";
import { isoDate } from "../kpi/params.ts";
import { readSql } from "../sql/files.ts";
import { prepareBound, runQueryFile, runSql, type Params } from "../warehouse/query.ts";
import { readBundles, type BundleProblem, type VerifiedBundle } from "./bundles.ts";
import { cityClasses, type Programme, type ProgrammeRule } from "./programme.ts";
import type * as T from "./types.ts";

export class NoReadableBundle extends Error {
  constructor(readonly problems: BundleProblem[], dir: string) {
    super(
      [`没有可读取的数据包:${dir} / no readable bundle in ${dir}`, ...problems.map((p) => `  ${p.message}`)].join("\n"),
    );
    this.name = "NoReadableBundle";
  }
}

/** Run a statement that returns no rows (CREATE TABLE … AS), parameters bound by name. */
async function exec(conn: DuckDBConnection, sql: string, params: Params = {}): Promise<void> {
  const p = await prepareBound(conn, sql, params);
  try {
    await p.run();
  } finally {
    p.destroySync();
  }
}

/** Load the verified bundles' tables into `conn`: one table per bundle table, and `bundles`. */
async function loadTables(conn: DuckDBConnection, bundles: VerifiedBundle[]): Promise<void> {
  for (const t of tableNames) {
    // Table names come from format.ts, never from a bundle; the files are bound.
    await exec(conn, `CREATE TABLE ${t} AS SELECT * FROM read_parquet($files, union_by_name = true)`, {
      files: { value: listValue(bundles.map((b) => join(b.dir, `${t}.parquet`))), type: LIST(VARCHAR) },
    });
  }
  await exec(conn, "CREATE TABLE bundles AS SELECT u.bundle, u.plan_id, u.sample, u.tool_version FROM (SELECT unnest($rows) AS u)", {
    rows: {
      value: listValue(bundles.map((b) => structValue({ bundle: b.name, plan_id: b.manifest.planId, sample: b.manifest.sample === true, tool_version: `${b.manifest.tool.version}${b.manifest.tool.commit ? ` (${b.manifest.tool.commit.slice(0, 8)})` : ""}` }))),
      type: LIST(STRUCT({ bundle: VARCHAR, plan_id: VARCHAR, sample: BOOLEAN, tool_version: VARCHAR })),
    },
  });
}

const dbl = (x: number | undefined): Params[string] => ({ value: x ?? null, type: DOUBLE });

async function ruleVerdicts(conn: DuckDBConnection, rule: ProgrammeRule): Promise<T.RuleResult> {
  const head = { key: rule.key, kind: rule.kind, label: rule.label, label_en: rule.labelEn, source: rule.source, note: rule.note ?? null };
  if (rule.kind === "industry_level_share") {
    const rows = await runQueryFile<T.LevelShareRow>(conn, "rollup", "rollup_level_share", { min_level: { value: rule.minLevel, type: INTEGER }, min_share: dbl(rule.minShare) });
    return { ...head, threshold: rule.minShare, level_rows: rows, cities: levelShareByCity(rows) };
  }
  if (rule.kind === "central_share") {
    const rows = await runQueryFile<T.CentralShareRow>(conn, "rollup", "rollup_central_share", { use: { value: rule.use, type: VARCHAR }, min: dbl(rule.min), max: dbl(rule.max) });
    return { ...head, threshold: rule.min ?? rule.max ?? null, cities: rows.map((r) => ({ plan_id: r.plan_id, city: r.city, verdict: r.verdict, reason: r.reason, value: r.share, detail: r })) };
  }
  const rows = await runQueryFile<T.CeilingRow>(conn, "rollup", "rollup_central_ceiling", {
    caps: {
      value: listValue(cityClasses.map((c) => structValue({ city_class: c, cap_wan: rule.capWanByClass[c] }))),
      type: LIST(STRUCT({ city_class: VARCHAR, cap_wan: DOUBLE })),
    },
  });
  return { ...head, threshold: null, cities: rows.map((r) => ({ plan_id: r.plan_id, city: r.city, verdict: r.verdict, reason: r.reason, value: r.total_wan, detail: r })) };
}

/**
 * One verdict per city from its industries: 无法判定 if any industry is; else 未达标 if any is; else
 * 进度 (pilot not ended) or 达标. The value is the lowest industry share.
 */
export function levelShareByCity(rows: T.LevelShareRow[]): T.CityVerdict[] {
  const by = new Map<string, T.LevelShareRow[]>();
  for (const r of rows) by.set(r.plan_id, [...(by.get(r.plan_id) ?? []), r]);
  return [...by.values()].map((rs) => {
    const unknown = rs.find((r) => r.verdict === "无法判定");
    const verdict = unknown ? "无法判定" : rs.some((r) => r.verdict === "未达标") ? "未达标" : rs.some((r) => r.verdict === "进度") ? "进度" : "达标";
    const shares = rs.map((r) => r.share).filter((s): s is number => s != null);
    return {
      plan_id: rs[0]!.plan_id,
      city: rs[0]!.city,
      verdict,
      reason: unknown ? `${unknown.industry ?? ""}${unknown.industry ? ":" : ""}${unknown.reason}` : null,
      value: shares.length ? Math.min(...shares) : null,
      detail: null,
    };
  });
}

/** One connection runs one statement at a time: the rules' queries run in turn. */
async function sequential<R>(jobs: (() => Promise<R>)[]): Promise<R[]> {
  const out: R[] = [];
  for (const j of jobs) out.push(await j());
  return out;
}

export interface RollupOptions {
  bundlesDir: string;
  programme: Programme;
  /** YYYY-MM-DD; default the newest data date among the readable bundles. */
  asOf?: string;
}

/** Build the roll-up: throws NoReadableBundle when no bundle can be read. */
export async function computeRollup(o: RollupOptions): Promise<T.RollupData> {
  const { bundles, problems } = readBundles(o.bundlesDir);
  if (bundles.length === 0) throw new NoReadableBundle(problems, o.bundlesDir);
  const asOf = o.asOf ?? bundles.map((b) => b.manifest.dataDate).sort().at(-1)!;
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  try {
    await loadTables(conn, bundles);
    const run = <R>(name: string, params: Params = {}): Promise<R[]> => runQueryFile<R>(conn, "rollup", name, params);
    await exec(conn, `CREATE TABLE rollup_attainment AS ${readSql("rollup", "rollup_attainment")}`);
    const cities = await run<T.CityRow>("rollup_cities");
    const q = (sql: string) => runSql<Record<string, unknown>>(conn, sql);
    const perCity = async (table: string, order: string): Promise<Record<string, unknown>[]> => q(`SELECT * FROM ${table} ORDER BY plan_id, ${order}`);
    return {
      as_of: asOf,
      as_of_given: o.asOf != null,
      sample: bundles.some((b) => b.manifest.sample),
      programme: { id: o.programme.id, title: o.programme.title, freshness: o.programme.freshness },
      cities,
      skipped: problems,
      attainment: await runSql<T.AttainmentRow>(conn, "SELECT * FROM rollup_attainment"),
      ranks: await run<T.RankRow>("rollup_ranks"),
      series: await run<T.SeriesRow>("rollup_series"),
      freshness: await run<T.FreshnessRow>("rollup_freshness", { as_of: { value: isoDate(asOf), type: DATE }, max_age: { value: o.programme.freshness.maxAgeDays, type: INTEGER } }),
      rules: await sequential(o.programme.rules.map((r) => () => ruleVerdicts(conn, r))),
      quality: await run<T.QualityRow>("rollup_quality"),
      details: {
        by_area: (await perCity("by_area", "key, area_code")) as T.RollupData["details"]["by_area"],
        by_industry: (await perCity("by_industry", "key, industry_key")) as T.RollupData["details"]["by_industry"],
        funds: (await perCity("funds", "direction_key, source")) as T.RollupData["details"]["funds"],
        compliance: (await q("SELECT * FROM compliance ORDER BY plan_id, finding, rule")) as T.RollupData["details"]["compliance"],
      },
    };
  } finally {
    conn.closeSync();
  }
}
