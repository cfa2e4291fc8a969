/**
 * Read a generated export back the plain way (independent of the generator's code): CSV in any of the
 * contract's encodings, or the first sheet of an .xlsx, as rows of cells numbered as Excel shows them.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import Papa from "papaparse";

export type Cell = string | number | Date | null;

export interface Sheet {
  encoding: "utf8" | "utf8bom" | "gb18030" | "xlsx";
  /** rows[i] is Excel row i + 1. */
  rows: Cell[][];
}

function decode(buf: Buffer): { text: string; encoding: Sheet["encoding"] } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString("utf8"), encoding: "utf8bom" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(buf), encoding: "gb18030" };
  }
}

export async function readSheet(path: string): Promise<Sheet> {
  if (path.endsWith(".xlsx")) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    const rows: Cell[][] = [];
    const width = ws.columnCount;
    const height = ws.rowCount;
    for (let r = 1; r <= height; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= width; c++) {
        const v = row.getCell(c).value;
        cells.push(v === undefined || v === null ? null : v instanceof Date || typeof v === "number" || typeof v === "string" ? v : String(v));
      }
      rows.push(cells);
    }
    return { encoding: "xlsx", rows };
  }
  const { text, encoding } = decode(await readFile(path));
  const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ""), { header: false, skipEmptyLines: false });
  return { encoding, rows: parsed.data.map((r) => r.map((c) => (c === "" ? null : c))) };
}

/** A cell as text the way a person reads it ("" when empty; date cells as YYYY-MM-DD). */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}
