/** The data rows under a located header: blank, total and repeated-header rows set apart. */
import type { Table } from "../../contract/tables.ts";
import { makeIssue, type Issue } from "../issues.ts";
import type { RawCell } from "../normalise/result.ts";
import { columnFor, countMatches, type Header } from "./header.ts";
import { foldKey } from "./key.ts";

/** One data row: its row number as Excel shows it and its cells keyed by contract column. */
export interface DataRow {
  row: number;
  cells: Record<string, RawCell>;
}

/** Data rows, how many non-data rows were skipped (totals, repeated headers; blanks not counted), and notes. */
export interface DataRows {
  rows: DataRow[];
  skipped: number;
  issues: Issue[];
}

// 合计 / 总计 / 小计 / 共计, optionally followed by a colon or bracket ("合计:", "合计(万元)"), or Total.
const TOTAL = /^(?:总?合计|总计|小计|共计|grandtotal|subtotal|total|sum)(?:$|[:：(])/;
const TOTAL_HINT = /计|total|sum|ｔｏｔａｌ|ｓｕｍ/i;
// Whitespace, including NBSP, U+3000 and the invisible characters exports leave behind.
const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF]*$/;

/** Split the rows after the header into data rows and skipped rows; `row` numbers are 1-based as in Excel. */
export function dataRows(rows: RawCell[][], header: Header, table: Table, file: string, snapshot?: string): DataRows {
  const out: DataRow[] = [];
  const issues: Issue[] = [];
  let skipped = 0;
  const { columns } = header;
  const idIndex = columns.find((c) => c.key === table.idColumn)?.index;
  const first = columns[0];
  // A repeated header names at least half the mapped columns again (and at least two).
  const repeatThreshold = Math.max(2, Math.ceil(columns.length / 2));
  // Every contract column in contract order with its position in the file (-1: absent), so each
  // record is built in one pass with the same shape.
  const byKey = new Map(columns.map((c) => [c.key, c.index]));
  const plan = table.columns.map((c) => [c.key, byKey.get(c.key) ?? -1] as const);
  const mapped = columns.map((c) => c.index);

  for (let i = header.headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    // Only recognised columns count: content in ignored columns (a pre-numbered 序号) is not a record.
    if (mapped.every((ix) => isBlank(cells[ix]))) continue;
    const row = i + 1;
    if (isTotal(firstNonEmpty(cells)) || (idIndex !== undefined && isTotal(cells[idIndex]))) {
      skipped++;
      issues.push(makeIssue("SKIPPED_TOTAL_ROW", { snapshot, file, row }));
      continue;
    }
    // Cheap test on one cell first, so a million data rows do not each get fully matched.
    if (first && columnFor(cells[first.index], table)?.key === first.key && countMatches(cells, table) >= repeatThreshold) {
      skipped++;
      issues.push(makeIssue("SKIPPED_REPEATED_HEADER", { snapshot, file, row }));
      continue;
    }
    const record: Record<string, RawCell> = {};
    for (const [key, ix] of plan) record[key] = ix < 0 ? null : (cells[ix] ?? null);
    out.push({ row, cells: record });
  }
  return { rows: out, skipped, issues };
}

function isBlank(v: RawCell | undefined): boolean {
  if (v == null || v === "") return true;
  return typeof v === "string" && BLANK.test(v);
}

function firstNonEmpty(cells: RawCell[]): RawCell | undefined {
  return cells.find((v) => !isBlank(v));
}

function isTotal(v: RawCell | undefined): boolean {
  // Long strings are names or notes, never a total label, and strings without 计/total/sum in
  // any width cannot be one: skip the normalisation cost for them.
  return typeof v === "string" && v.length <= 40 && TOTAL_HINT.test(v) && TOTAL.test(foldKey(v));
}
