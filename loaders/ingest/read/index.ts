/**
 * Reading one table file end to end (bytes → text or workbook → rows → header → data rows), and
 * the reading layer's public surface. Normalising cell values is not done here.
 */
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Table } from "../../contract/tables.ts";
import { FatalIngestError, makeIssue, type Issue } from "../issues.ts";
import type { RawCell } from "../normalise/result.ts";
import { parseCsvText } from "./csv.ts";
import { decodeText, type TextEncoding } from "./decode.ts";
import { locateHeader, type HeaderColumn } from "./header.ts";
import { dataRows, type DataRow } from "./rows.ts";
import { readXlsx } from "./xlsx.ts";

export { parseCsv, parseCsvText, type CsvText } from "./csv.ts";
export { decodeText, type Decoded, type TextEncoding } from "./decode.ts";
export { discoverSnapshots, isCalendarDate, tableOfFile, type Discovered, type Snapshot, type SnapshotFile } from "./discover.ts";
export { HEADER_SEARCH_ROWS, locateHeader, type Header, type HeaderColumn } from "./header.ts";
export { dataRows, type DataRow, type DataRows } from "./rows.ts";
export { cellValue, readXlsx, type XlsxRead } from "./xlsx.ts";

/** Everything read from one table file: where the header was, how columns map, the data rows and notes. */
export interface TableFile {
  format: "csv" | "xlsx";
  /** The detected text encoding of a CSV; "xlsx" for workbooks. */
  encoding: TextEncoding | "xlsx";
  /** The sheet read, for workbooks. */
  sheet?: string;
  /** 1-based row of the header as Excel shows it. */
  headerRow: number;
  columns: HeaderColumn[];
  extra: string[];
  rows: DataRow[];
  /** Total rows and repeated headers skipped (blank rows are not counted). */
  skipped: number;
  issues: Issue[];
}

/** Where a file is reported: `file` is its name relative to the data root (default: the file name). */
export interface ReadOptions {
  file?: string;
  snapshot?: string;
}

const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Read one .csv/.xlsx table file; throws FatalIngestError when the file cannot be used at all. */
export async function readTableFile(path: string, table: Table, opts: ReadOptions = {}): Promise<TableFile> {
  const file = opts.file ?? basename(path);
  const snapshot = opts.snapshot;
  const fatal = (code: Parameters<typeof makeIssue>[0], params: Record<string, unknown> = {}) =>
    new FatalIngestError(makeIssue(code, { snapshot, file }, params));

  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw fatal("FILE_UNREADABLE", { detail: err.code ? `${err.code}` : String(e) });
  }
  if (isBlankBytes(buf)) throw fatal("FILE_EMPTY");

  const ext = extname(path).toLowerCase();
  // Decide by content, not only by name: a workbook saved as .csv, or an .xlsx that is really text.
  const isZip = startsWith(buf, ZIP_MAGIC);
  const isCfb = startsWith(buf, CFB_MAGIC);
  let rows: RawCell[][];
  let format: TableFile["format"];
  let encoding: TableFile["encoding"];
  let sheet: string | undefined;
  const issues: Issue[] = [];
  if (ext === ".xls" && !isZip && !isCfb) {
    // Systems often export an HTML or text table named .xls; Excel opens it, we cannot.
    throw fatal("XLS_UNSUPPORTED");
  }
  if (ext === ".xlsx" || ext === ".xls" || isZip || isCfb) {
    const x = await readXlsx(buf, table, file, snapshot);
    rows = x.rows;
    sheet = x.sheet;
    issues.push(...x.issues);
    format = "xlsx";
    encoding = "xlsx";
  } else {
    const d = decodeText(buf);
    const csv = parseCsvText(d.text);
    rows = csv.rows;
    // Located at the first row that lost a character, so a person knows where to look.
    if (d.replaced) issues.push(makeIssue("ENCODING_REPLACED", { snapshot, file, row: firstReplacedRow(rows) }, { encoding: d.encoding }));
    for (const row of new Set(csv.brokenQuotes)) issues.push(makeIssue("CSV_UNCLOSED_QUOTE", { snapshot, file, row }));
    format = "csv";
    encoding = d.encoding;
  }
  // Only whitespace, separators or empty cells: an export with nothing in it.
  if (rows.every((r) => r.every((v) => v == null || (typeof v === "string" && v.trim() === "")))) throw fatal("FILE_EMPTY");

  const header = locateHeader(rows, table, file, snapshot);
  const data = dataRows(rows, header, table, file, snapshot);
  issues.push(...header.issues, ...data.issues);
  return {
    format,
    encoding,
    ...(sheet !== undefined ? { sheet } : {}),
    headerRow: header.headerIndex + 1,
    columns: header.columns,
    extra: header.extra,
    rows: data.rows,
    skipped: data.skipped,
    issues,
  };
}

// 1-based row of the first cell holding U+FFFD (what the decoder put for undecodable bytes).
function firstReplacedRow(rows: RawCell[][]): number | null {
  for (let i = 0; i < rows.length; i++) {
    for (const v of rows[i]!) if (typeof v === "string" && v.includes("\uFFFD")) return i + 1;
  }
  return null;
}

function startsWith(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

// 0 bytes, or nothing but ASCII whitespace (a BOM-only file too).
function isBlankBytes(buf: Buffer): boolean {
  let i = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
  else if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) i = 2;
  for (; i < buf.length; i++) {
    const b = buf[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x00) return false;
  }
  return true;
}
