// Rows to CSV and XLSX, in the browser or in Node, with no network: pure functions the download
// buttons call and the tests check. Text that Excel would run as a formula is made inert.

/** A value a table cell may hold. */
export type Cell = string | number | boolean | null | undefined;

/** A column to export: the row's key and the header written above it. */
export interface ExportColumn {
  key: string;
  label: string;
}

/** One sheet of a workbook (one table). */
export interface Sheet {
  name: string;
  columns: ExportColumn[];
  rows: Record<string, Cell>[];
}

// Excel, LibreOffice and Google Sheets start a formula (or DDE) at these; tab and CR too (OWASP).
const formulaStart = /^[=+\-@\t\r]/;

/** Text Excel would read as a formula, prefixed with a single quote so it stays text. */
export function neutralise(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** A cell as written to a file: text neutralised, finite numbers kept as numbers, 是/否, empty for nothing. */
export function exportValue(v: Cell): string | number {
  if (v == null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v ? "是" : "否";
  return neutralise(String(v));
}

/** The columns to export: those given (a key alone is its own header), else every key of the rows in first-seen order. */
export function exportColumns(rows: readonly Record<string, Cell>[], columns?: readonly (string | ExportColumn)[]): ExportColumn[] {
  if (columns) return columns.map((c) => (typeof c === "string" ? { key: c, label: c } : c));
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k);
  return [...keys].map((k) => ({ key: k, label: k }));
}

const csvField = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV text: a UTF-8 byte-order mark (Excel then reads Chinese right), a header row, CRLF line ends. */
export function csvText(rows: readonly Record<string, Cell>[], columns: readonly ExportColumn[]): string {
  const lines = [
    columns.map((c) => csvField(neutralise(c.label))).join(","),
    ...rows.map((r) => columns.map((c) => csvField(exportValue(r[c.key]))).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Sheet names Excel accepts: no []:*?/\, at most 31 characters, unique within the workbook. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = raw.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Sheet";
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** An .xlsx workbook (one worksheet per sheet), every text cell a plain string, never a formula. */
export async function xlsxBytes(sheets: readonly Sheet[]): Promise<Uint8Array> {
  // Loaded on demand: the library is large and only a download needs it.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const names = sheetNames(sheets.map((s) => s.name));
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(names[i]!);
    ws.addRow(s.columns.map((c) => neutralise(c.label)));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(s.columns.map((c) => exportValue(r[c.key])));
    s.columns.forEach((c, j) => {
      ws.getColumn(j + 1).width = Math.min(40, Math.max(8, c.label.length * 2 + 2));
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
