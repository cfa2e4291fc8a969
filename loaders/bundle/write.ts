/**
 * Writing a bundle folder: each table's rows to Parquet by DuckDB (`COPY … TO … (FORMAT parquet)`,
 * the columns and types of ./format.ts, never inferred), plan.json as given, then manifest.json
 * with each file's sha256, size and row count. The export (./export.ts) and the sample generator
 * (scripts/generate-bundles.ts) both write through here, so a sample bundle is a real one.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { projectRoot } from "../config/paths.ts";
import { bundleFormatName, bundleFormatVersion, bundleTables, type BundleManifest, type ManifestFile } from "./format.ts";

export type Row = Record<string, unknown>;
export type BundleRows = Record<string, Row[]>;

export const manifestFile = "manifest.json";
export const planFileName = "plan.json";

/** This tool's name, version (package.json) and git commit, when git and a repository are there (null otherwise, never an error). */
export function toolVersion(): BundleManifest["tool"] {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { name: string; version: string };
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: projectRoot, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() || null;
  } catch {
    commit = null;
  }
  return { name: pkg.name, version: pkg.version, commit };
}

export const sha256 = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("hex");

/** DuckDB's column list for read_json: {name: 'TYPE', …}. Names and types come from format.ts, never from data. */
const columnSpec = (t: (typeof bundleTables)[number]): string => `{${t.columns.map((c) => `${c.name}: '${c.type}'`).join(", ")}}`;
/** A path as a SQL string literal (COPY's target cannot be a bound parameter). */
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export interface WriteOptions {
  plan: { id: string; city: string };
  /** The plan file's text, written as plan.json. */
  planText: string;
  dataDate: string;
  sample: boolean;
  rows: BundleRows;
  tool?: BundleManifest["tool"];
  /** A connection to reuse (the generator writes many bundles); an in-memory database otherwise. */
  conn?: DuckDBConnection;
}

/** Write the bundle into `dir` (created; emptied of any earlier bundle files) and return its manifest. */
export async function writeBundle(dir: string, o: WriteOptions): Promise<BundleManifest> {
  mkdirSync(dir, { recursive: true });
  let owned: DuckDBInstance | null = null;
  let conn = o.conn;
  if (!conn) {
    owned = await DuckDBInstance.create(":memory:");
    conn = await owned.connect();
  }
  const files: ManifestFile[] = [];
  try {
    writeFileSync(join(dir, planFileName), o.planText);
    const planBytes = readFileSync(join(dir, planFileName));
    files.push({ name: planFileName, sha256: sha256(planBytes), bytes: planBytes.length, rows: null });
    for (const t of bundleTables) {
      const rows = o.rows[t.name] ?? [];
      const tmp = join(dir, `.${t.name}.ndjson`);
      // Only the declared columns, in order; a missing one is null.
      writeFileSync(tmp, rows.map((r) => JSON.stringify(Object.fromEntries(t.columns.map((c) => [c.name, r[c.name] ?? null])))).join("\n") + (rows.length ? "\n" : ""));
      const out = join(dir, `${t.name}.parquet`);
      const cols = t.columns.map((c) => c.name).join(", ");
      const source = rows.length
        ? `SELECT ${cols} FROM read_json(${literal(tmp)}, columns=${columnSpec(t)}, format='newline_delimited')`
        : `SELECT ${t.columns.map((c) => `NULL::${c.type} AS ${c.name}`).join(", ")} WHERE false`;
      await conn.run(`COPY (${source}) TO ${literal(out)} (FORMAT parquet)`);
      rmSync(tmp);
      const bytes = readFileSync(out);
      files.push({ name: `${t.name}.parquet`, sha256: sha256(bytes), bytes: bytes.length, rows: rows.length });
    }
  } finally {
    if (owned) conn.closeSync();
  }
  const manifest: BundleManifest = {
    format: bundleFormatName,
    formatVersion: bundleFormatVersion,
    city: o.plan.city,
    planId: o.plan.id,
    dataDate: o.dataDate,
    sample: o.sample,
    tool: o.tool ?? toolVersion(),
    files,
  };
  writeFileSync(join(dir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
