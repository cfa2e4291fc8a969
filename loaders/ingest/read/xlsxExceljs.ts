/**
 * The reference .xlsx reader: exceljs's whole-workbook model (`wb.xlsx.load`). It was the ingest's
 * reader until the fast reader of xlsx.ts replaced it; it stays as the yardstick the differential
 * test (test/ingest/read/xlsxDifferential.test.ts) and the bench (bench/xlsxLowerBound.ts) measure
 * the fast reader against, and as its fallback for files outside what the fast reader handles.
 */
import ExcelJS from "exceljs";
import type { Table } from "../../contract/tables.ts";
import { makeIssue, type Issue } from "../issues.ts";
import type { RawCell } from "../normalise/result.ts";
import { cellValue, checkContainer, fatalIssue, pickSheet, type XlsxRead } from "./xlsxShared.ts";

// Worksheet parts the readers never use. Skipping them saves a third of the load time and avoids
// exceljs crashes on exotic validation/formatting/drawing markup in files from other tools.
const IGNORE_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "hyperlinks",
  "drawing",
  "picture",
  "sheetProtection",
  "headerFooter",
  "pageSetup",
  "printOptions",
  "pageMargins",
  "rowBreaks",
];

/** Read the sheet holding `table` from an .xlsx file's bytes with exceljs; throws FatalIngestError when it cannot. */
export async function readXlsxExceljs(buf: Buffer, table: Table, file: string, snapshot?: string): Promise<XlsxRead> {
  const where = { snapshot, file };
  checkContainer(buf, where);

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer extends ArrayBuffer`; it accepts Node's Buffer at run time.
    await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0], { ignoreNodes: IGNORE_NODES });
  } catch (e) {
    throw fatalIssue(where, "XLSX_INVALID", { detail: e instanceof Error ? e.message : String(e) });
  }

  const issues: Issue[] = [];
  const visible: ExcelJS.Worksheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === "hidden" || ws.state === "veryHidden") {
      issues.push(makeIssue("HIDDEN_SHEET_SKIPPED", where, { sheet: ws.name }));
    } else {
      visible.push(ws);
    }
  }
  const picked = pickSheet(visible, table, sheetRows);
  if (!picked) throw fatalIssue(where, "XLSX_INVALID", { detail: "no visible worksheet / 没有可见的工作表" });
  return { rows: picked.rows, sheet: picked.sheet.name, issues };
}

// Rows as Excel numbers them (gaps filled with empty rows), cut to the last column and row that
// hold a value: formatting often extends far beyond the data.
function sheetRows(ws: ExcelJS.Worksheet): RawCell[][] {
  const rows: RawCell[][] = [];
  let lastRow = 0;
  let lastCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    // Merged cells: exceljs already gives every cell of a merge its master's value.
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cellValue(cell.value);
      if (v === null || v === "") return;
      cells[col - 1] = v;
      if (col > lastCol) lastCol = col;
    });
    if (cells.length > 0) {
      rows[rowNumber - 1] = cells;
      lastRow = rowNumber;
    }
  });
  const out: RawCell[][] = new Array(lastRow);
  for (let i = 0; i < lastRow; i++) {
    const src = rows[i];
    if (!src) {
      out[i] = [];
      continue;
    }
    const cells: RawCell[] = new Array(Math.min(src.length, lastCol));
    for (let c = 0; c < cells.length; c++) cells[c] = src[c] ?? null;
    out[i] = cells;
  }
  return out;
}
