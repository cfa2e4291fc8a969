/**
 * The proof that a city bundle (loaders/bundle/) holds no enterprise-level value: every file of the
 * bundle is read as text (Parquet files row by row through DuckDB, each value with its column
 * name) and searched with the detectors of ./leakScan.ts (the same matcher, escape decoding and
 * mobile-number pattern), plus
 *
 * - any 18-character credit code whose check character is right (GB 32100-2015, the ingest's own
 *   check): a bundle holds no credit code of anyone, so no list is needed;
 * - a Parquet column that the bundle format (loaders/bundle/format.ts) does not declare;
 * - when the city's data root is given, its enterprises' names, project and payment ids and
 *   everyone's contact data (leakScan.ts's districtIdentifiers and contactValues, every district).
 */
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { bundleTables } from "../../loaders/bundle/format.ts";
import { isValidUscc } from "../../loaders/ingest/normalise/uscc.ts";
import type { PilotPlan } from "../../loaders/plan/types.ts";
import { contactValues, districtIdentifiers, matcher, unescaped, type Hit, type Secret } from "./leakScan.ts";

export type BundleHit = Omit<Hit, "kind"> & { kind: Hit["kind"] | "column" };

// Mobile numbers (中国大陆 11 digits), not inside a longer run of digits (as leakScan.ts).
const mobile = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
// A credit code candidate: 18 characters of its alphabet, standing alone.
const usccLike = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])/g;

/** Every file of a bundle as [name, text]; a Parquet file as one line per row ("col=value" pairs), read by DuckDB. */
export async function bundleTexts(dir: string): Promise<{ texts: [string, string][]; columns: [string, string[]][] }> {
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  const texts: [string, string][] = [];
  const columns: [string, string[]][] = [];
  try {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (extname(name) === ".parquet") {
        const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
        const cols = reader.columnNames();
        columns.push([name, cols]);
        const lines = reader.getRowObjectsJson().map((r, i) => `row ${i + 1}: ${cols.map((c) => `${c}=${JSON.stringify(r[c])}`).join(" ")}`);
        texts.push([name, lines.join("\n")]);
      } else {
        texts.push([name, readFileSync(path, "utf8")]);
      }
    }
  } finally {
    conn.closeSync();
  }
  return { texts, columns };
}

/** Scan a bundle folder; `known` adds the identifiers of the city's exports. */
export async function scanBundle(dir: string, known: readonly Secret[] = []): Promise<BundleHit[]> {
  const { texts, columns } = await bundleTexts(dir);
  const hits: BundleHit[] = [];
  const declared = new Map(bundleTables.map((t) => [`${t.name}.parquet`, new Set(t.columns.map((c) => c.name))]));
  for (const [file, cols] of columns) {
    const ok = declared.get(file);
    for (const c of cols) if (!ok?.has(c)) hits.push({ file, kind: "column", value: c, district: null });
  }
  const find = matcher(known);
  for (const [file, raw] of texts) {
    // Checksums and commit ids (hex runs of 40–64) are no one's data; their digits would pass for phone numbers.
    const text = unescaped(raw).replace(/(?<![0-9a-f])[0-9a-f]{40,64}(?![0-9a-f])/g, "");
    for (const s of find(text)) hits.push({ file, kind: s.kind, value: s.value, district: s.district });
    for (const m of text.matchAll(usccLike)) if (isValidUscc(m[0])) hits.push({ file, kind: "uscc", value: m[0], district: null });
    for (const m of text.matchAll(mobile)) hits.push({ file, kind: "phone", value: m[0], district: null });
  }
  return hits;
}

/** The city's own identifiers and contact data, for scanning its bundle against its exports. */
export async function cityIdentifiers(root: string, plan: PilotPlan): Promise<Secret[]> {
  const [ids, contacts] = await Promise.all([districtIdentifiers(root, plan), contactValues(root, plan, true)]);
  return [...ids, ...contacts];
}
