/** Find the header row among title rows and map its cells to the table's columns. */
import type { Table } from "../../contract/tables.ts";
import { FatalIngestError, makeIssue, type Issue } from "../issues.ts";
import type { RawCell } from "../normalise/result.ts";
import { cellText, matchColumn, moneyUnit } from "./key.ts";

/** How many rows from the top may hold the header (title blocks, notes, blank rows above it). */
export const HEADER_SEARCH_ROWS = 30;

/** A file column mapped to a contract column: its position, the contract key and the header as written. */
export interface HeaderColumn {
  index: number;
  key: string;
  header: string;
  /** For amount ("wan") columns: the unit the header names; "yuan" means the caller divides by 10,000. */
  unit?: "wan" | "yuan";
}

/** The located header: its 0-based row index, mapped columns (by position), unknown headers and notes. */
export interface Header {
  headerIndex: number;
  columns: HeaderColumn[];
  extra: string[];
  issues: Issue[];
}

/**
 * The 0-based index of the header row among the first HEADER_SEARCH_ROWS rows (the row naming the
 * most of the table's columns, the upper one on a tie), or -1 when no row names two of them.
 */
export function findHeaderRow(rows: readonly (readonly RawCell[])[], table: Table): number {
  let best = -1;
  let bestScore = 1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const score = countMatches(rows[r]!, table);
    // Ties go to the upper row: a repeated header further down is not the header.
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** Locate the header in the first rows and map it; throws FatalIngestError when absent or lacking a required column. */
export function locateHeader(rows: RawCell[][], table: Table, file: string, snapshot?: string): Header {
  const best = findHeaderRow(rows, table);
  if (best < 0) {
    const expected = table.columns.filter((c) => c.required).map((c) => c.zh).join("、");
    throw new FatalIngestError(makeIssue("HEADER_NOT_FOUND", { snapshot, file }, { rows: HEADER_SEARCH_ROWS, expected }));
  }

  const where = { snapshot, file, row: best + 1 };
  const issues: Issue[] = [];
  const columns: HeaderColumn[] = [];
  const extra: string[] = [];
  const taken = new Set<string>();
  rows[best]!.forEach((cell, index) => {
    const text = cellText(cell);
    const header = text == null ? "" : displayHeader(text);
    if (!header) return;
    const col = columnFor(cell, table);
    if (!col) {
      extra.push(header);
      return;
    }
    if (taken.has(col.key)) {
      issues.push(makeIssue("DUPLICATE_COLUMN", { ...where, column: header }, { column: header }));
      return;
    }
    taken.add(col.key);
    const entry: HeaderColumn = { index, key: col.key, header };
    if (col.type === "wan") entry.unit = moneyUnit(header) === "yuan" ? "yuan" : "wan";
    columns.push(entry);
  });

  const missing = table.columns.filter((c) => c.required && !taken.has(c.key)).map((c) => c.zh);
  if (missing.length > 0) {
    // One message naming every missing column, so a person fixes the file once.
    const column = missing.join("、");
    throw new FatalIngestError(makeIssue("MISSING_REQUIRED_COLUMN", { ...where, column }, { column }));
  }
  if (extra.length > 0) issues.push(makeIssue("EXTRA_COLUMNS", where, { columns: extra.join("、") }));
  return { headerIndex: best, columns, extra, issues };
}

/** The contract column a header cell names, refusing amount headers in a unit we cannot convert (千元, 亿元). */
export function columnFor(cell: RawCell | undefined, table: Table) {
  const col = matchColumn(cell, table);
  if (col?.type === "wan" && moneyUnit(cellText(cell)!) === "other") return undefined;
  return col;
}

/** How many distinct contract columns a row names. */
export function countMatches(row: readonly RawCell[], table: Table): number {
  const seen = new Set<string>();
  for (const cell of row) {
    const col = columnFor(cell, table);
    if (col) seen.add(col.key);
  }
  return seen.size;
}

// The header as a person reads it in messages: invisible characters gone, line breaks as spaces.
function displayHeader(s: string): string {
  return s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "").replace(/\s+/g, " ").trim();
}
