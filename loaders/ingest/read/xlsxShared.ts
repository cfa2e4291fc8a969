/** What both .xlsx readers share: the result type, the file checks before unzipping, cell values and the sheet choice. */
import type { Table } from "../../contract/tables.ts";
import { FatalIngestError, makeIssue, type Issue } from "../issues.ts";
import type { RawCell } from "../normalise/result.ts";
import { findHeaderRow } from "./header.ts";
import { foldKey, splitNote, tableForName } from "./key.ts";
import { tableNames } from "./key.ts";

/** The chosen sheet's rows (result[i] is Excel row i+1), its name, and notes such as skipped hidden sheets. */
export interface XlsxRead {
  rows: RawCell[][];
  sheet: string;
  issues: Issue[];
}

export type Where = { snapshot?: string; file: string };

export const fatalIssue = (where: Where, code: Parameters<typeof makeIssue>[0], params: Record<string, unknown> = {}) =>
  new FatalIngestError(makeIssue(code, where, params));

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Throw the fatal issue for bytes that are no zip: an OLE compound file (encrypted or .xls), a web page, text, anything else. */
export function checkContainer(buf: Buffer, where: Where): void {
  if (CFB_MAGIC.every((b, i) => buf[i] === b)) {
    // An OLE compound file: Excel wraps a password-protected .xlsx in one, and old .xls files are one.
    throw fatalIssue(where, isOldXls(buf) ? "XLS_UNSUPPORTED" : "XLSX_ENCRYPTED");
  }
  if (buf.length < 2 || buf[0] !== 0x50 || buf[1] !== 0x4b) {
    throw fatalIssue(where, "XLSX_INVALID", { detail: notZipDetail(buf) });
  }
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
 * person would expect. `rowsOf` reads a sheet's rows; it is called only for the sheets tried.
 */
export function pickSheet<S extends { name: string }>(sheets: S[], table: Table, rowsOf: (sheet: S) => RawCell[][]): { sheet: S; rows: RawCell[][] } | undefined {
  const names = new Set(tableNames(table));
  const rank = (s: S): number => {
    const folded = foldKey(s.name);
    if (names.has(folded)) return 3;
    if (names.has(splitNote(folded).base)) return 2;
    return tableForName(splitNote(folded).base, "contains")?.table === table.key ? 1 : 0;
  };
  // A stable sort: equal ranks keep workbook order.
  const order = sheets.map((sheet, i) => ({ sheet, i, rank: rank(sheet) })).sort((a, b) => b.rank - a.rank || a.i - b.i);
  let first: { sheet: S; rows: RawCell[][] } | undefined;
  for (const { sheet } of order) {
    const rows = rowsOf(sheet);
    if (findHeaderRow(rows, table) >= 0) return { sheet, rows };
    first ??= { sheet, rows };
  }
  return first;
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
