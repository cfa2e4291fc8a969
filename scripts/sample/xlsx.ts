/** .xlsx files through exceljs's streaming writer, made byte-reproducible (fixed properties, stamped zip). */
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Layout } from "./layouts.ts";
import type { OutRow } from "./sheet.ts";
import { stampZip } from "./zipStamp.ts";

export interface XlsxMeta {
  sheetName: string;
  /** Fixed creation/modification moment (the snapshot's date, end of the working day, Beijing time). */
  when: Date;
  /** The same moment as wall-clock time (its UTC fields), for the zip entries' DOS timestamps. */
  wallClock: Date;
  /** Deflate level: 9 keeps the committed sample small; big scales trade size for speed. */
  zipLevel: number;
}

const AUTHOR = "广州市中小企业数字化转型城市试点工作专班(示例数据)";

/** The bytes of an .xlsx file; `onRow` gets each row with its 1-based row number. */
export async function xlsxBytes(layout: Layout, rows: Iterable<OutRow>, meta: XlsxMeta, onRow: (row: OutRow, n: number) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: layout.dateFormat !== undefined, useSharedStrings: true, zip: { zlib: { level: meta.zipLevel } } });
  wb.creator = AUTHOR;
  wb.lastModifiedBy = AUTHOR;
  wb.created = meta.when;
  wb.modified = meta.when;
  wb.title = meta.sheetName;
  wb.description = "示例数据(虚构,仅供演示) / synthetic sample data";
  const ws = wb.addWorksheet(meta.sheetName);
  let n = 0;
  for (const row of rows) {
    n++;
    const r = ws.addRow(row.cells);
    if (row.title && row.cells.length > 1) ws.mergeCells(n, 1, n, row.cells.length);
    row.cells.forEach((c, i) => {
      if (c instanceof Date) r.getCell(i + 1).numFmt = layout.dateFormat ?? "yyyy-mm-dd";
    });
    r.commit();
    onRow(row, n);
  }
  ws.commit();
  await wb.commit();
  return stampZip(Buffer.concat(chunks), meta.wallClock);
}
