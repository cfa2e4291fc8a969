/**
 * .xlsx workbook → the rows of the sheet that holds one table, numbered as Excel numbers them.
 *
 * The fast reader: yauzl finds the parts, node:zlib inflates only those needed (workbook, its
 * relationships, styles, shared strings, and the sheets tried), and a strict tokenizer walks the
 * sheet XML once. It gives exactly what the reference reader (exceljs's whole-workbook model,
 * xlsxExceljs.ts) gives; a file outside what it handles (a broken zip, unusual markup, anything
 * exceljs reads in a way of its own) is read by the reference reader instead, so the result is
 * the same for every input (test/ingest/read/xlsxDifferential.test.ts). One deliberate difference:
 * a sheet whose part is not named xl/worksheets/sheetN.xml is found through the workbook's
 * relationships, where exceljs does not see it.
 */
import type { Table } from "../../contract/tables.ts";
import { FatalIngestError, makeIssue, type Issue } from "../issues.ts";
import { openPackage } from "./xlsxPackage.ts";
import { sheetRows } from "./xlsxSheet.ts";
import { checkContainer, fatalIssue, pickSheet, type XlsxRead } from "./xlsxShared.ts";

export { cellValue, type XlsxRead } from "./xlsxShared.ts";

/** Read the sheet holding `table` from an .xlsx file's bytes; throws FatalIngestError when it cannot. */
export async function readXlsx(buf: Buffer, table: Table, file: string, snapshot?: string): Promise<XlsxRead> {
  checkContainer(buf, { snapshot, file });
  try {
    return await readXlsxFast(buf, table, file, snapshot);
  } catch (e) {
    if (e instanceof FatalIngestError) throw e;
    // Outside the fast reader's subset (XmlUnsupported), or a zip yauzl or zlib refuses: the
    // reference reader decides, with exceljs's own message when the file is broken.
    const { readXlsxExceljs } = await import("./xlsxExceljs.ts");
    return readXlsxExceljs(buf, table, file, snapshot);
  }
}

/**
 * The fast reader alone: throws XmlUnsupported (or a zip error) where readXlsx falls back to the
 * reference reader. For tests and the bench.
 */
export async function readXlsxFast(buf: Buffer, table: Table, file: string, snapshot?: string): Promise<XlsxRead> {
  const where = { snapshot, file };
  checkContainer(buf, where);
  const pkg = await openPackage(buf);
  const issues: Issue[] = [];
  const visible = [];
  for (const s of pkg.sheets) {
    if (s.state === "hidden" || s.state === "veryHidden") issues.push(makeIssue("HIDDEN_SHEET_SKIPPED", where, { sheet: s.name }));
    else visible.push(s);
  }
  const ctx = { sharedStrings: pkg.sharedStrings, styles: pkg.styles, date1904: pkg.date1904 };
  // Every sheet is read, hidden ones and those never tried too: exceljs reads them all, and fails
  // on a broken one wherever it is; so must the fast reader, to fall back where exceljs fails.
  const rows = new Map(pkg.sheets.map((s) => [s.path, sheetRows(pkg.text(s.path), ctx)]));
  const picked = pickSheet(visible, table, (s) => rows.get(s.path)!);
  if (!picked) throw fatalIssue(where, "XLSX_INVALID", { detail: "no visible worksheet / 没有可见的工作表" });
  return { rows: picked.rows, sheet: picked.sheet.name, issues };
}
