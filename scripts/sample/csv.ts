/** CSV files as Excel on Chinese Windows and other tools write them: GB18030, UTF-8 with or without BOM. */
import iconv from "iconv-lite";
import type { RawCell } from "./cells.ts";
import type { Layout } from "./layouts.ts";
import type { OutRow } from "./sheet.ts";

function field(c: RawCell): string {
  if (c === null) return "";
  if (c instanceof Date) throw new Error("a CSV cell cannot hold a date cell");
  const s = String(c);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The bytes of a CSV file; `onRow` gets each row with its 1-based line number. */
export function csvBytes(layout: Layout, rows: Iterable<OutRow>, onRow: (row: OutRow, n: number) => void): Buffer {
  const lines: string[] = [];
  let width = 0;
  for (const row of rows) {
    if (lines.length === 0) width = row.cells.length;
    // Excel pads every line of a sheet to the same number of separators; blank rows are bare separators.
    const cells = row.cells.length === 0 ? Array<RawCell>(width).fill(null) : row.cells;
    lines.push(cells.map(field).join(","));
    onRow(row, lines.length);
  }
  const text = lines.join(layout.eol ?? "\n") + (layout.eol ?? "\n");
  switch (layout.encoding ?? "utf8") {
    case "gb18030":
      return iconv.encode(text, "gb18030");
    case "utf8bom":
      return Buffer.from("\uFEFF" + text, "utf8");
    case "utf8":
      return Buffer.from(text, "utf8");
  }
}
