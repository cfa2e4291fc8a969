/** .xlsx workbook → the rows of the sheet that holds one table, numbered as Excel numbers them. */
import ExcelJS from "exceljs";
import type { Table } from "../../contract/tables.ts";
import { FatalIngestError, makeIssue, type Issue } from "../issues.ts";
import type { RawCell } from "../normalise/result.ts";
import { findHeaderRow } from "./header.ts";
import { foldKey, splitNote, tableForName, tableNames } from "./key.ts";

/** The chosen sheet's rows (result[i] is Excel row i+1), its name, and notes such as skipped hidden sheets. */
export interface XlsxRead {
  rows: RawCell[][];
  sheet: string;
  issues: Issue[];
}

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

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Read the sheet holding `table` from an .xlsx file's bytes; throws FatalIngestError when it cannot. */
export async function readXlsx(buf: Buffer, table: Table, file: string, snapshot?: string): Promise<XlsxRead> {
  const where = { snapshot, file };
  const fatal = (code: Parameters<typeof makeIssue>[0], params: Record<string, unknown> = {}) =>
    new FatalIngestError(makeIssue(code, where, params));

  if (CFB_MAGIC.every((b, i) => buf[i] === b)) {
    // An OLE compound file: Excel wraps a password-protected .xlsx in one, and old .xls files are one.
    throw fatal(isOldXls(buf) ? "XLS_UNSUPPORTED" : "XLSX_ENCRYPTED");
  }
  if (buf.length < 2 || buf[0] !== 0x50 || buf[1] !== 0x4b) {
    throw fatal("XLSX_INVALID", { detail: notZipDetail(buf) });
  }

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer extends ArrayBuffer`; it accepts Node's Buffer at run time.
    await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0], { ignoreNodes: IGNORE_NODES });
  } catch (e) {
    throw fatal("XLSX_INVALID", { detail: e instanceof Error ? e.message : String(e) });
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
  const picked = pickSheet(visible, table);
  if (!picked) throw fatal("XLSX_INVALID", { detail: "no visible worksheet / 没有可见的工作表" });
  return { rows: picked.rows, sheet: picked.ws.name, issues };
}

/** Convert one exceljs cell value to what the normalisers accept. */
export function cellValue(v: unknown): RawCell {
  if (v == null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    // Error cells ({error:"#N/A"}) stay visible as their text so the normaliser rejects them.
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((r: { text?: unknown }) => String(r.text ?? "")).join("");
    // Formulas: the value Excel cached when the file was saved; none means never calculated.
    if ("formula" in o || "sharedFormula" in o) return o.result === undefined ? null : cellValue(o.result);
    // Hyperlinks: the displayed text (itself possibly rich text).
    if ("text" in o) return cellValue(o.text);
  }
  return null;
}

/**
 * Which visible sheet holds the table. Sheets are tried in this order:
 *   1. sheets named like the table, best name first: the name itself ("资金拨付", "funds"), the name
 *      with a bracketed note ("资金拨付(截至11月20日)"), then a name containing one of the table's
 *      names that no other table claims more specifically ("附件3 资金拨付台账", "2026年资金拨付汇总");
 *      equal names in workbook order;
 *   2. then every other sheet, in workbook order.
 * The first sheet tried whose header row can be found (a row in the top HEADER_SEARCH_ROWS naming
 * two of the table's columns) is read. So a data sheet named like the table wins over an
 * instructions sheet (填报说明) in front of it, and when the data sheet has another name
 * ("Sheet2"), an instructions or cover sheet without a header is passed over too. When no sheet
 * has a header, the first sheet tried is read, so the error (HEADER_NOT_FOUND) names the sheet a
 * person would expect.
 */
function pickSheet(sheets: ExcelJS.Worksheet[], table: Table): { ws: ExcelJS.Worksheet; rows: RawCell[][] } | undefined {
  const names = new Set(tableNames(table));
  const rank = (ws: ExcelJS.Worksheet): number => {
    const folded = foldKey(ws.name);
    if (names.has(folded)) return 3;
    if (names.has(splitNote(folded).base)) return 2;
    return tableForName(splitNote(folded).base, "contains")?.table === table.key ? 1 : 0;
  };
  // A stable sort: equal ranks keep workbook order.
  const order = sheets.map((ws, i) => ({ ws, i, rank: rank(ws) })).sort((a, b) => b.rank - a.rank || a.i - b.i);
  let first: { ws: ExcelJS.Worksheet; rows: RawCell[][] } | undefined;
  for (const { ws } of order) {
    const rows = sheetRows(ws);
    if (findHeaderRow(rows, table) >= 0) return { ws, rows };
    first ??= { ws, rows };
  }
  return first;
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

// What a file named .xlsx holds when it is no zip: a web page or a text export renamed by hand
// tell the person what to do; anything else is just not a workbook.
function notZipDetail(buf: Buffer): string {
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) return "not a zip container / 不是 zip 格式";
  const text = new TextDecoder("utf-8").decode(head).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (/^<(?:!doctype|html|table|\?xml|head|body|meta)/.test(text)) {
    return "an HTML or XML page renamed .xlsx; open it in Excel and save it as .xlsx / 是改了扩展名的网页(HTML/XML),请用 Excel 打开后另存为 .xlsx";
  }
  return "a text file (CSV?) renamed .xlsx; name it .csv / 是改了扩展名的文本文件(CSV?),请把扩展名改为 .csv";
}

// Directory entries of a compound file are UTF-16LE names: an encrypted OOXML package holds
// "EncryptionInfo", a BIFF .xls holds "Workbook" (Excel 97+) or "Book" (Excel 5).
function isOldXls(buf: Buffer): boolean {
  if (buf.includes(Buffer.from("EncryptionInfo", "utf16le"))) return false;
  return buf.includes(Buffer.from("Workbook", "utf16le")) || buf.includes(Buffer.from("Book\0", "utf16le"));
}
