/**
 * Byte-level builders for the hostile corpus: CSV text in any encoding, workbooks, broken and
 * disguised workbooks. Everything binary is made here at test time, so nothing binary is committed.
 */
import iconv from "iconv-lite";
import { crc32, inflateRawSync } from "node:zlib";
import { workbook, type SheetSpec } from "../ingest/read/helpers.ts";
import type { Csv } from "../helpers/exports.ts";

export { workbook, type SheetSpec };

/** CSV text as Excel writes it: cells with a delimiter, quote or line break quoted. */
export function csvText(rows: Csv, opts: { eol?: string; delimiter?: string } = {}): string {
  const d = opts.delimiter ?? ",";
  const eol = opts.eol ?? "\n";
  const cell = (c: string) => (c.includes(d) || /["\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(d)).join(eol) + eol;
}

/** One CSV line written as is: no quoting, for rows that are broken on purpose. */
export const rawLine = (cells: string[], d = ","): string => cells.join(d);

/** Text in GB18030 (what Excel on Chinese Windows writes; GBK is its two-byte subset). */
export const gbk = (text: string): Buffer => iconv.encode(text, "gb18030");

/** Text in UTF-8 with a BOM (Excel's "CSV UTF-8"). */
export const utf8Bom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);

/** Text in UTF-16LE with a BOM (Excel's "Unicode text"). */
export const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

/** Rows of strings as a workbook sheet, cells that look numeric written as numbers (as a person types them). */
export function typed(rows: Csv): unknown[][] {
  return rows.map((r, i) => (i === 0 ? r : r.map((c) => (/^\d+(\.\d+)?$/.test(c) && c.length < 15 ? Number(c) : c))));
}

const CFB_HEAD = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE compound file whose directory names the given streams (enough for the readers' sniffing). */
export function compoundFile(streams: string[]): Buffer {
  const header = Buffer.concat([CFB_HEAD, Buffer.alloc(512 - CFB_HEAD.length)]);
  // Directory entries are 128 bytes, the name first in UTF-16LE.
  const entries = streams.map((name) => {
    const e = Buffer.alloc(128);
    Buffer.from(name + "\0", "utf16le").copy(e);
    return e;
  });
  return Buffer.concat([header, ...entries, Buffer.alloc(512)]);
}

/** A password-protected .xlsx as Excel saves it: a compound file with the encrypted package. */
export const encryptedXlsx = (): Buffer => compoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]);

/** An Excel 97–2003 .xls: a compound file with a "Workbook" stream. */
export const oldXls = (): Buffer => compoundFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]);

/** A zip archive (stored, not compressed) of the given files. */
export function zip(files: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" ? Buffer.from(content) : content;
    const fname = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += local.length + fname.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The files of a zip archive (stored or deflated), by name; what a workbook is made of. */
export function unzip(buf: Buffer): Record<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip archive");
  const files: Record<string, Buffer> = {};
  let at = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return files;
}

/** `n` copies of `line` back to back, built by doubling (10 million lines in a fraction of a second). */
export function repeatBytes(line: string, n: number): Buffer {
  const unit = Buffer.from(line);
  const out = Buffer.alloc(unit.length * n);
  if (n === 0) return out;
  unit.copy(out, 0);
  let filled = unit.length;
  while (filled < out.length) {
    const len = Math.min(filled, out.length - filled);
    out.copy(out, filled, 0, len);
    filled += len;
  }
  return out;
}

/** Full-width form of ASCII letters and digits (what a Chinese IME types in 全角 mode). */
export const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
