/**
 * The parts of an .xlsx package the fast reader needs: the zip directory (yauzl), each part
 * inflated on demand (node:zlib), the workbook's sheet list and date system, its relationships,
 * the number formats of the cell styles and the shared strings.
 *
 * Each part is read as exceljs 4.4 reads it in `wb.xlsx.load` (lib/xlsx/xform/…), so that the
 * values come out the same; whatever exceljs would read differently, or fail on, throws
 * XmlUnsupported and the caller hands the file to the reference reader (xlsxExceljs.ts). The
 * small parts are parsed with saxes, the parser exceljs uses; the shared strings, which can be
 * large, with the tokenizer of xlsxXml.ts.
 */
import { inflateRawSync } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl from "yauzl";
import { CLOSE, END, OPEN, TEXT, XmlTokens, XmlUnsupported } from "./xlsxXml.ts";

export { XmlUnsupported };

/** A sheet as exceljs lists it: name, state attribute and the zip path of its part. */
export interface SheetRef {
  name: string;
  state: string | undefined;
  path: string;
}

export interface Package {
  sheets: SheetRef[];
  date1904: boolean;
  /** xl/styles.xml, when there is one (exceljs then looks up every styled cell). */
  styles: StyleTable | undefined;
  /** Shared strings as cell values (null for an empty <si/>); undefined without xl/sharedStrings.xml. */
  sharedStrings: (string | null)[] | undefined;
  /** A part's text, decoded as UTF-8 as exceljs (JSZip) decodes it. */
  text: (path: string) => string;
}

const unsupported = (why: string) => new XmlUnsupported(why);

/** Open the package: the zip directory and the workbook-level parts. */
export async function openPackage(buf: Buffer): Promise<Package> {
  const entries = await zipEntries(buf);
  const text = (path: string): string => {
    const e = entries.get(path);
    if (!e) throw unsupported(`no part ${path}`);
    return e.toString("utf8");
  };
  const has = (path: string) => entries.has(path);

  checkOtherParts(entries, text);
  const workbook = has("xl/workbook.xml") ? parseWorkbook(text("xl/workbook.xml")) : undefined;
  const rels = has("xl/_rels/workbook.xml.rels") ? parseRels(text("xl/_rels/workbook.xml.rels")) : new Map<string, Rel>();
  const sheets = listSheets(workbook?.sheets ?? [], rels, [...entries.keys()]);
  const styles = has("xl/styles.xml") ? parseStyles(text("xl/styles.xml")) : undefined;
  // Parsed even when no cell refers to it: exceljs parses it, and fails on a broken one.
  const shared = has("xl/sharedStrings.xml") ? parseSharedStrings(text("xl/sharedStrings.xml")) : undefined;
  return {
    sheets,
    date1904: workbook?.date1904 ?? false,
    styles,
    sharedStrings: shared,
    text,
  };
}

// ---------------------------------------------------------------------------------------------
// Zip

// Every file entry of the zip, inflated, by name. exceljs gets them from JSZip, which decodes
// names as UTF-8, strips one leading "/", keeps the last of equal names, inflates every entry
// (media and parts it never parses too) and checks each inflated size; anything where that could
// differ from yauzl and zlib (non-ASCII names, equal names, encryption, methods other than store
// and deflate, an entry that does not inflate to its size) is left to the reference reader.
async function zipEntries(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: true, validateEntrySizes: false, strictFileNames: true });
  const parts = new Map<string, Buffer>();
  try {
    for await (const e of zip.eachEntry()) {
      if (e.fileNameRaw.some((b) => b >= 0x80) || e.extraFields.some((f) => f.id === 0x7075)) throw unsupported("non-ASCII entry name");
      if (e.isEncrypted() || (e.compressionMethod !== 0 && e.compressionMethod !== 8)) throw unsupported("encrypted entry or unusual compression");
      const local = await zip.readLocalFileHeaderPromise(e);
      // JSZip names an entry by its local header, yauzl by the central directory.
      if (!local.fileName.equals(e.fileNameRaw)) throw unsupported("local and central entry names differ");
      const fileDataStart = local.fileDataStart;
      // JSZip takes the DOS directory attribute as a folder, whatever the name.
      if (e.fileName.endsWith("/") || e.externalFileAttributes & 0x10) continue;
      if (parts.has(e.fileName)) throw unsupported("two entries with one name");
      const data = buf.subarray(fileDataStart, fileDataStart + e.compressedSize);
      // One output chunk of the expected size spares zlib gathering and joining 16 KB pieces.
      const out = e.compressionMethod === 8 ? inflateRawSync(data, { chunkSize: Math.min(Math.max(e.uncompressedSize, 64 * 1024), 1 << 28) }) : data;
      if (out.length !== e.uncompressedSize) throw unsupported("entry size mismatch");
      parts.set(e.fileName, out);
    }
  } finally {
    zip.close();
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Small parts through saxes, as exceljs's xforms read them

type Handlers = {
  open: (node: SaxesTagPlain) => void;
  text?: (text: string) => void;
  close: (name: string) => void;
};

// Any saxes error (exceljs would throw it) leaves the file to the reference reader.
function sax(xml: string, h: Handlers): void {
  const p = new SaxesParser();
  let error: Error | undefined;
  p.on("error", (e) => (error ??= e));
  p.on("opentag", (n) => h.open(n as SaxesTagPlain));
  if (h.text) p.on("text", h.text);
  p.on("closetag", (n) => h.close(n.name));
  p.write(xml).close();
  if (error) throw unsupported(`XML: ${error.message}`);
}

// exceljs's utils.xmlDecode: a second round of the five entities on an already decoded string.
export function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

interface WorkbookSheet {
  name: string;
  id: number;
  state: string | undefined;
  rId: string | undefined;
}

// The other parts exceljs parses (lib/xlsx/xlsx.js, load): relationships it reads with
// RelationshipsXform, which throws on anything but <Relationship>, and document properties,
// drawings, comments, tables and VML it parses with saxes. None holds a value the reader needs,
// but a broken one makes exceljs fail, so the fast reader checks them and falls back.
const RELS_PART = /^_rels\/\.rels$|xl\/worksheets\/_rels\/sheet\d+[.]xml.rels|xl\/drawings\/_rels\/[a-zA-Z0-9]+[.]xml[.]rels/;
const OTHER_XML_PART = /^docProps\/(?:app|core)\.xml$|xl\/drawings\/[a-zA-Z0-9]+[.]xml|xl\/comments\d+[.]xml|xl\/tables\/table\d+[.]xml|xl\/drawings\/vmlDrawing\d+[.]vml/;
const PARSED_ELSEWHERE = /^(?:xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml)$|xl\/worksheets\/sheet\d+[.]xml|xl\/theme\/[a-zA-Z0-9]+[.]xml|xl\/media\//;

function checkOtherParts(entries: Map<string, Buffer>, text: (path: string) => string): void {
  for (const name of entries.keys()) {
    if (PARSED_ELSEWHERE.test(name)) continue;
    if (RELS_PART.test(name)) parseRels(text(name));
    else if (OTHER_XML_PART.test(name)) sax(text(name), { open: () => {}, close: () => {} });
  }
}

// WorkbookXform: <sheets> and <workbookPr>; the other elements it knows are skipped whole.
function parseWorkbook(xml: string): { sheets: WorkbookSheet[] | undefined; date1904: boolean } {
  const SKIP = new Set(["fileVersion", "bookViews", "definedNames", "calcPr"]);
  let sheets: WorkbookSheet[] | undefined;
  let date1904 = false;
  let state: "top" | "sheets" | "sheet" | "pr" | "skip" = "top";
  let skipDepth = 0;
  let rootClosed = false;
  let depth = 0;
  sax(xml, {
    open: (n) => {
      depth++;
      if (depth === 1) {
        if (n.name !== "workbook") throw unsupported("workbook root");
        return;
      }
      switch (state) {
        case "top":
          if (n.name === "sheets") {
            sheets = [];
            state = "sheets";
          } else if (n.name === "workbookPr") {
            date1904 = n.attributes.date1904 === "1";
            state = "pr";
          } else if (n.name === "workbook" || n.name === "sheet") {
            throw unsupported("unusual workbook element");
          } else if (SKIP.has(n.name)) {
            state = "skip";
            skipDepth = depth;
          }
          return;
        case "sheets": {
          if (n.name !== "sheet") throw unsupported("unusual element in <sheets>");
          const a = n.attributes;
          if (a.name === undefined) throw unsupported("sheet without a name");
          sheets!.push({ name: xmlDecode(a.name), id: parseInt(a.sheetId ?? "", 10), state: a.state, rId: a["r:id"] });
          state = "sheet";
          return;
        }
        case "sheet":
        case "pr":
          throw unsupported("unusual child element");
        case "skip":
          return;
      }
    },
    close: (name) => {
      if (state === "sheet") state = "sheets";
      else if (state === "sheets" || state === "pr") state = "top";
      else if (state === "skip" && depth === skipDepth) state = "top";
      if (depth === 1 && name === "workbook") rootClosed = true;
      depth--;
    },
  });
  if (!rootClosed) throw unsupported("workbook root never closed");
  return { sheets, date1904 };
}

interface Rel {
  Target: string | undefined;
  Type: string | undefined;
}

// RelationshipsXform: <Relationships> of <Relationship/>, anything else is an error in exceljs.
function parseRels(xml: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  let depth = 0;
  let rootClosed = false;
  sax(xml, {
    open: (n) => {
      depth++;
      if (depth === 1 ? n.name !== "Relationships" : depth !== 2 || n.name !== "Relationship") throw unsupported("unusual relationships part");
      if (depth === 2) {
        const id = n.attributes.Id;
        if (id === undefined) throw unsupported("relationship without an Id");
        rels.set(id, { Target: n.attributes.Target, Type: n.attributes.Type });
      }
    },
    close: () => {
      if (depth === 1) rootClosed = true;
      depth--;
    },
  });
  if (!rootClosed) throw unsupported("relationships root never closed");
  return rels;
}

// exceljs's built-in formats (lib/xlsx/defaultnumformats.js) that have a code of their own; the
// locale-dependent ones (27–36, 50–81) have none there, so exceljs never reads them as dates.
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** exceljs's utils.isDateFmt. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

/**
 * What the fast reader needs of exceljs's StylesXform.getStyleModel for a style id (an index
 * into <cellXfs>): whether the lookup throws in exceljs (no <cellXfs>, or the style names a font,
 * fill or border while the part lists none), and whether the style's number format is a date.
 */
export interface StyleTable {
  lookupFails: (styleId: number) => boolean;
  isDate: (styleId: number) => boolean;
}

// StylesXform: <numFmts>, <cellXfs>, and whether <fonts>, <fills> and <borders> list anything;
// the other elements it knows are skipped whole. Like exceljs, the last of each list counts.
function parseStyles(xml: string): StyleTable {
  const SKIP = new Set(["cellStyleXfs", "dxfs", "numFmt", "font", "fill", "border", "style", "cellStyles", "tableStyles", "extLst"]);
  const LISTS: Record<string, string> = { numFmts: "numFmt", cellXfs: "xf", fonts: "font", fills: "fill", borders: "border" };
  interface Xf {
    numFmtId: number;
    fontId: number;
    fillId: number;
    borderId: number;
  }
  let formats: string[] = [];
  let xfs: Xf[] = [];
  const counts: Record<string, number> = { fonts: 0, fills: 0, borders: 0 };
  let list: string | undefined;
  let items: unknown[] = [];
  let state: "top" | "list" | "item" | "skip" = "top";
  let markDepth = 0;
  let depth = 0;
  let rootClosed = false;
  sax(xml, {
    open: (n) => {
      depth++;
      if (depth === 1) {
        if (n.name !== "styleSheet") throw unsupported("styles root");
        return;
      }
      if (state === "top") {
        if (n.name in LISTS) {
          list = n.name;
          items = [];
          state = "list";
        } else if (n.name === "styleSheet") throw unsupported("nested styleSheet");
        else if (SKIP.has(n.name)) {
          state = "skip";
          markDepth = depth;
        }
        return;
      }
      if (state === "list") {
        if (n.name !== LISTS[list!]) throw unsupported(`unusual element in <${list}>`);
        const a = n.attributes;
        if (list === "numFmts") {
          if (a.formatCode === undefined) throw unsupported("numFmt without a code");
          items.push([parseInt(a.numFmtId ?? "", 10), a.formatCode.replace(/[\\](.)/g, "$1")]);
        } else if (list === "cellXfs") {
          items.push({ numFmtId: parseInt(a.numFmtId ?? "", 10), fontId: parseInt(a.fontId ?? "", 10), fillId: parseInt(a.fillId ?? "", 10), borderId: parseInt(a.borderId ?? "", 10) });
        } else items.push(null);
        state = "item";
        markDepth = depth;
        return;
      }
      // Inside an item: a number format holds nothing; the others' content is not needed.
      if (state === "item" && list === "numFmts") throw unsupported("element inside <numFmt>");
    },
    close: (name) => {
      if (state === "item" && depth === markDepth) state = "list";
      else if (state === "list") {
        if (list === "numFmts") {
          formats = [];
          for (const [id, code] of items as [number, string][]) formats[id] = code;
        } else if (list === "cellXfs") xfs = items as Xf[];
        else counts[list!] = items.length;
        state = "top";
      } else if (state === "skip" && depth === markDepth) state = "top";
      if (depth === 1 && name === "styleSheet") rootClosed = true;
      depth--;
    },
  });
  if (!rootClosed) throw unsupported("styles root never closed");
  const has = (id: number, count: number) => !Number.isNaN(id) && count === 0;
  return {
    lookupFails: (styleId) => {
      if (xfs.length === 0) return true;
      const xf = xfs[styleId];
      return xf !== undefined && (has(xf.fontId, counts.fonts!) || has(xf.borderId, counts.borders!) || has(xf.fillId, counts.fills!));
    },
    isDate: (styleId) => {
      const numFmtId = xfs[styleId]?.numFmtId;
      return !!numFmtId && isDateFmt(formats[numFmtId] || BUILT_IN_FORMATS[numFmtId]);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Shared strings (SharedStringsXform / SharedStringXform / RichTextXform / TextXform)

/** TextXform's model: the text with _xHHHH_ escapes (upper-case hex only) decoded. */
export function decodeEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

// The element content of a <t>: text only, no child elements.
function readT(x: XmlTokens): string {
  let text = "";
  for (;;) {
    const tok = x.next();
    if (tok === TEXT) text += x.text();
    else if (tok === CLOSE) return text;
    else throw unsupported("element inside <t>");
  }
}

/**
 * A rich-text run <r>…</r> (the <r> just opened): its text, or undefined without a <t>. The
 * run's properties (<rPr>) are skipped; any other element is left to the reference reader.
 */
export function readRun(x: XmlTokens): string | undefined {
  let text: string | undefined;
  for (;;) {
    const tok = x.next();
    if (tok === CLOSE) return text;
    if (tok !== OPEN) continue;
    if (x.tag() === "t") text = decodeEscapes(readT(x));
    else if (x.tag() === "rPr") skipElement(x);
    else throw unsupported(`<${x.tag()}> in a rich-text run`);
  }
}

/** Skip the rest of the element just opened (its CLOSE included). */
export function skipElement(x: XmlTokens): void {
  let depth = 1;
  while (depth > 0) {
    const tok = x.next();
    if (tok === OPEN) depth++;
    else if (tok === CLOSE) depth--;
  }
}

function parseSharedStrings(xml: string): (string | null)[] {
  const x = new XmlTokens(xml);
  const out: (string | null)[] = [];
  if (x.next() !== OPEN || x.tag() !== "sst") throw unsupported("shared strings root");
  for (;;) {
    const tok = x.next();
    if (tok === CLOSE) break;
    if (tok === TEXT) continue;
    if (tok !== OPEN || x.tag() !== "si") throw unsupported("unusual element in <sst>");
    // The model starts as {}, becomes the text of a <t>, or collects the runs of <r>s.
    let plain: string | undefined;
    let runs: string[] | undefined;
    for (;;) {
      const t = x.next();
      if (t === CLOSE) break;
      if (t !== OPEN) continue;
      if (x.tag() === "t") {
        plain = decodeEscapes(readT(x));
        runs = undefined;
      } else if (x.tag() === "r") {
        // exceljs throws adding runs to a string model.
        if (plain !== undefined) throw unsupported("a run after a <t>");
        (runs ??= []).push(readRun(x) ?? "");
      } else if (x.tag() === "rPh") {
        skipElement(x);
      } else {
        // <phoneticPr/> and the like: ignored, unless they hold elements exceljs would pick up.
        if (!x.selfClosing) {
          for (let k = x.next(); k !== CLOSE; k = x.next()) if (k === OPEN) throw unsupported(`elements inside <${x.tag()}>`);
        } else x.next();
      }
    }
    out.push(plain !== undefined ? plain : runs !== undefined ? runs.join("") : null);
  }
  if (x.next() !== END) throw unsupported("content after the root");
  return out;
}

// ---------------------------------------------------------------------------------------------
// The sheet list

const WORKSHEET_ENTRY = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_REL = /\/relationships\/worksheet$/;
const SHEET_NAME_CHARS = /[*?:/\\[\]]/;

// A relationship target resolved against xl/ as OPC does: absolute from the package root when it
// starts with "/", else relative to the folder of xl/workbook.xml.
function resolveTarget(target: string): string {
  const parts = target.startsWith("/") ? [] : ["xl"];
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/**
 * The sheets exceljs would list, in workbook order: each <sheet> whose relationship target is a
 * part it read as a worksheet (`xl/` + the target without a leading "/xl/", an entry whose name
 * contains xl/worksheets/sheetN.xml). Beyond that, a sheet whose relationship is of the worksheet
 * type and resolves to another part is read too: exceljs misses sheets saved under other names.
 * Anything that would make exceljs fail or list sheets otherwise (invalid, long or equal names,
 * missing or equal sheet ids, two sheets on one part, worksheet parts no sheet refers to) is left
 * to the reference reader.
 */
function listSheets(sheets: WorkbookSheet[], rels: Map<string, Rel>, entries: string[]): SheetRef[] {
  const worksheetEntries = new Set(entries.filter((e) => WORKSHEET_ENTRY.test(e)));
  const all = new Set(entries);
  const out: SheetRef[] = [];
  const used = new Set<string>();
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const s of sheets) {
    const rel = s.rId === undefined ? undefined : rels.get(s.rId);
    if (!rel || rel.Target === undefined) continue;
    const excelPath = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`;
    let path: string | undefined;
    if (worksheetEntries.has(excelPath)) path = excelPath;
    else if (WORKSHEET_REL.test(rel.Type ?? "") && all.has(resolveTarget(rel.Target))) path = resolveTarget(rel.Target);
    if (path === undefined) continue;
    if (used.has(path)) throw unsupported("two sheets on one part");
    used.add(path);
    if (!(s.id >= 1) || ids.has(s.id)) throw unsupported("missing or repeated sheetId");
    ids.add(s.id);
    const n = s.name;
    // exceljs's Worksheet name rules (a name over 31 characters makes it fail too).
    if (n === "" || n === "History" || SHEET_NAME_CHARS.test(n) || /(^')|('$)/.test(n) || n.length > 31) throw unsupported("sheet name exceljs rejects");
    if (names.has(n.toLowerCase())) throw unsupported("two sheets with one name");
    names.add(n.toLowerCase());
    out.push({ name: n, state: s.state, path });
  }
  for (const e of worksheetEntries) if (!used.has(e)) throw unsupported("a worksheet part no sheet refers to");
  return out;
}
