/** What must hold for every ingest outcome, whatever the input: the corpus and the fuzz run both check it. */
import { basename } from "node:path";
import { codes, formatIssue } from "../../loaders/ingest/issues.ts";
import type { IngestResult, LocatedIssue } from "../../loaders/ingest/types.ts";

const CJK = /[\u4e00-\u9fff]/;

/** `file:row:column:CODE` ("-" for none), the root's own (random) folder name written <root>. */
export function where(r: IngestResult, i: LocatedIssue): string {
  const file = i.file === basename(r.root) ? "<root>" : i.file;
  return `${file}:${i.row ?? "-"}:${i.column ?? "-"}:${i.code}`;
}

/** Every issue that is not fatal: about the root and about each snapshot. */
export function allIssues(r: IngestResult): LocatedIssue[] {
  return [...r.issues, ...r.snapshots.flatMap((s) => s.issues)];
}

/**
 * Broken invariants, as sentences (empty when all hold): every issue located and worded in both
 * languages with its code's severity; every rejected row named by row and column; per file,
 * rows read = loaded + rejected, and the rejected rows are exactly the rows with an error.
 */
export function violations(r: IngestResult): string[] {
  const out: string[] = [];
  const fail = (what: string) => out.push(what);
  for (const i of [...allIssues(r), ...r.fatal]) {
    const label = where(r, i);
    const def = codes[i.code];
    if (!def) {
      fail(`${label}: unknown code`);
      continue;
    }
    if (i.severity !== def.severity) fail(`${label}: severity ${i.severity}, the code says ${def.severity}`);
    if (!i.file) fail(`${label}: no file`);
    if (!CJK.test(i.message_zh)) fail(`${label}: no Chinese message`);
    if (!/[a-z]{3}/i.test(i.message_en)) fail(`${label}: no English message`);
    if (/\{\w+\}/.test(i.message_zh + i.message_en)) fail(`${label}: unfilled placeholder`);
    if (i.message_zh.length + i.message_en.length > 2000) fail(`${label}: message of ${i.message_zh.length + i.message_en.length} characters`);
    if (i.severity === "error" && (i.row == null || i.column == null)) fail(`${label}: a rejection without row and column`);
    const text = formatIssue(i);
    if (!text.includes(i.file)) fail(`${label}: formatted message lacks the file`);
    if (i.row != null && !(text.includes(`第 ${i.row} 行`) && text.includes(`row ${i.row}`))) fail(`${label}: formatted message lacks the row`);
  }
  for (const i of r.fatal) if (i.severity !== "fatal") fail(`${where(r, i)}: in fatal but ${i.severity}`);
  for (const i of allIssues(r)) if (i.severity === "fatal") fail(`${where(r, i)}: fatal outside fatal`);
  for (const s of r.snapshots) {
    for (const f of s.files) {
      if (f.rowsRead !== f.rowsLoaded + f.rowsRejected) fail(`${f.file}: read ${f.rowsRead} ≠ loaded ${f.rowsLoaded} + rejected ${f.rowsRejected}`);
      if (f.loaded.length !== f.rowsLoaded) fail(`${f.file}: ${f.loaded.length} loaded rows listed, ${f.rowsLoaded} counted`);
      if (f.rowsRead < 0 || f.rowsLoaded < 0 || f.rowsRejected < 0 || f.rowsSkipped < 0) fail(`${f.file}: a negative count`);
      const errorRows = new Set(s.issues.filter((i) => i.file === f.file && i.severity === "error").map((i) => i.row));
      if (errorRows.size !== f.rowsRejected) fail(`${f.file}: ${f.rowsRejected} rejected, ${errorRows.size} rows with an error`);
      const rows = new Set<number>();
      for (const l of f.loaded) {
        if (errorRows.has(l.row)) fail(`${f.file}: row ${l.row} loaded with an error`);
        if (rows.has(l.row)) fail(`${f.file}: row ${l.row} loaded twice`);
        if (l.row <= f.headerRow) fail(`${f.file}: row ${l.row} loaded from above the header (row ${f.headerRow})`);
        rows.add(l.row);
      }
    }
  }
  return out;
}
