/** Shared helpers for the read-layer tests: temporary folders and in-memory workbooks. */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Table } from "../../../loaders/contract/tables.ts";
import { FatalIngestError, type Issue } from "../../../loaders/ingest/issues.ts";
import { readXlsx, type XlsxRead } from "../../../loaders/ingest/read/xlsx.ts";
import { readXlsxExceljs } from "../../../loaders/ingest/read/xlsxExceljs.ts";

export const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "read");

/** A fresh temporary folder and a function to write files into it (folders created as needed). */
export function tempDir(): { dir: string; write: (rel: string, data: string | Buffer) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "read-test-"));
  return {
    dir,
    write(rel, data) {
      const p = join(dir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, data);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface SheetSpec {
  name: string;
  rows?: unknown[][];
  state?: "visible" | "hidden" | "veryHidden";
  merges?: string[];
  /** Called after rows are added, for cell-level setup (formats, styles). */
  setup?: (ws: ExcelJS.Worksheet) => void;
}

/** Build an .xlsx file in memory from sheet specs. */
export async function workbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? "visible" });
    for (const r of s.rows ?? []) ws.addRow(r);
    for (const m of s.merges ?? []) ws.mergeCells(m);
    s.setup?.(ws);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The issue a call throws as FatalIngestError (fails the test when it does not throw one). */
export async function fatalOf(f: () => unknown): Promise<Issue> {
  try {
    await f();
  } catch (e) {
    if (e instanceof FatalIngestError) return e.issue;
    throw e;
  }
  throw new Error("expected a FatalIngestError, but nothing was thrown");
}

/** Issues reduced to what tests compare: code, row and column. */
export function brief(issues: Issue[]): { code: string; row: number | null; column: string | null }[] {
  return issues.map((i) => ({ code: i.code, row: i.row, column: i.column }));
}

/** What a reader gives for a workbook: its result, or the fatal issue it throws. */
export type XlsxOutcome = { read: XlsxRead } | { fatal: Issue };

export async function xlsxOutcome(read: typeof readXlsx, buf: Buffer, table: Table, file: string, snapshot?: string): Promise<XlsxOutcome> {
  try {
    return { read: await read(buf, table, file, snapshot) };
  } catch (e) {
    if (e instanceof FatalIngestError) return { fatal: e.issue };
    throw e;
  }
}

/**
 * readXlsx, checked against the reference reader (exceljs's whole-workbook model): both must give
 * the same rows, sheet and issues, or throw the same fatal issue. Returns or throws as readXlsx does.
 */
export async function readXlsxChecked(buf: Buffer, table: Table, file: string, snapshot?: string): Promise<XlsxRead> {
  const fast = await xlsxOutcome(readXlsx, buf, table, file, snapshot);
  expect(fast).toStrictEqual(await xlsxOutcome(readXlsxExceljs, buf, table, file, snapshot));
  if ("fatal" in fast) throw new FatalIngestError(fast.fatal);
  return fast.read;
}
