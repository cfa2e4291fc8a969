/**
 * One worksheet part → its rows, as the reference reader (exceljs 4.4's model + sheetRows of
 * xlsxExceljs.ts) gives them: result[i] is Excel row i+1, gaps filled with empty rows, cut to the
 * last row and column holding a value, every cell of a merge holding its master's value.
 *
 * The rules follow exceljs's WorksheetXform / RowXform / CellXform, Row.model and Cell values
 * (lib/xlsx/xform/sheet, lib/doc); the places where they are not obvious are commented. Markup
 * that exceljs parses in ways of its own (an unknown element inside a row or a cell ends its
 * sheetData there, for instance) throws XmlUnsupported, and the file goes to the reference reader.
 */
import type { RawCell } from "../normalise/result.ts";
import { xmlDecode, type StyleTable } from "./xlsxPackage.ts";
import { readRun, skipElement } from "./xlsxPackage.ts";
import { CLOSE, END, OPEN, TEXT, XmlTokens, XmlUnsupported } from "./xlsxXml.ts";

export interface SheetContext {
  sharedStrings: (string | null)[] | undefined;
  styles: StyleTable | undefined;
  date1904: boolean;
}

// A cell exceljs keeps with the type Null (styled, no value): present, but never a value.
const NULL_CELL = Symbol("null cell");
type Slot = RawCell | typeof NULL_CELL | undefined;

// Worksheet elements exceljs parses into parts of the model the reader never uses; skipped whole.
// (The elements it ignores, and unknown ones, are descended into: exceljs looks for sheetData and
// mergeCells at any depth outside the parsed elements.)
const SKIPPED = new Set(["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "autoFilter", "tableParts"]);

const unsupported = (why: string) => new XmlUnsupported(why);

/** exceljs's utils.excelToDate; `v` may be any cached formula result, coerced as exceljs coerces it. */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

// Column number of a cell reference; only plain references (no "$", upper case) are taken.
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else break;
  }
  if (i === 0 || i === ref.length) throw unsupported(`cell reference ${ref}`);
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) throw unsupported(`cell reference ${ref}`);
  }
  if (col > 16384) throw unsupported(`column beyond XFD: ${ref}`);
  return col;
}

// The text content of an element just opened (text only, no child elements).
function textOf(x: XmlTokens): string {
  if (x.selfClosing) {
    x.next();
    return "";
  }
  let text = "";
  for (;;) {
    const tok = x.next();
    if (tok === TEXT) text += x.text();
    else if (tok === CLOSE) return text;
    else throw unsupported(`element inside <${x.tag()}>`);
  }
}

class SheetReader {
  private readonly rows: Slot[][] = [];
  private merges: string[] = [];
  private readonly formulae = new Map<string | undefined, string | undefined>();
  private sawSheetData = false;

  constructor(
    private readonly x: XmlTokens,
    private readonly ctx: SheetContext,
  ) {}

  read(): RawCell[][] {
    const x = this.x;
    if (x.next() !== OPEN || x.tag() !== "worksheet") throw unsupported("worksheet root");
    let depth = x.selfClosing ? 0 : 1;
    if (x.selfClosing) x.next();
    while (depth > 0) {
      const tok = x.next();
      if (tok === CLOSE) depth--;
      else if (tok === OPEN) {
        const name = x.tag();
        if (name === "sheetData") this.sheetData();
        else if (name === "mergeCells") this.mergeCells();
        else if (name === "cols") this.cols();
        else if (SKIPPED.has(name)) skipElement(x);
        else if (name === "worksheet") throw unsupported("nested worksheet");
        else depth++;
      }
    }
    if (x.next() !== END) throw unsupported("content after the root");
    this.applyMerges();
    return this.output();
  }

  private sheetData(): void {
    const x = this.x;
    if (this.sawSheetData) throw unsupported("two <sheetData>");
    this.sawSheetData = true;
    if (x.selfClosing) {
      x.next();
      return;
    }
    for (;;) {
      const tok = x.next();
      if (tok === CLOSE) return;
      if (tok !== OPEN) continue;
      if (x.tag() !== "row") throw unsupported(`<${x.tag()}> in <sheetData>`);
      this.row();
    }
  }

  private styleLookupFails(styleId: number | undefined, guarded: boolean): boolean {
    // exceljs looks a truthy style id up in styles.xml: for cells only when styles.xml exists,
    // for rows and columns always, and the lookup itself can throw (StyleTable.lookupFails).
    if (!styleId) return false;
    if (!this.ctx.styles) return !guarded;
    return this.ctx.styles.lookupFails(styleId);
  }

  // <cols>: nothing the reader needs, but exceljs looks up each column's style.
  private cols(): void {
    const x = this.x;
    if (x.selfClosing) {
      x.next();
      return;
    }
    for (;;) {
      const tok = x.next();
      if (tok === CLOSE) return;
      if (tok !== OPEN) continue;
      if (x.tag() !== "col") throw unsupported(`<${x.tag()}> in <cols>`);
      const style = x.attr("style");
      if (this.styleLookupFails(style ? parseInt(style, 10) : undefined, false)) throw unsupported("column style lookup exceljs fails");
      skipElement(x);
    }
  }

  private row(): void {
    const x = this.x;
    const number = parseInt(x.attr("r") ?? "", 10);
    if (!(number >= 1)) throw unsupported("row without a usable number");
    const s = x.attr("s");
    if (this.styleLookupFails(s ? parseInt(s, 10) : undefined, false)) throw unsupported("row style lookup exceljs fails");
    const cells: Slot[] = [];
    // A later <row> with the same number replaces the earlier one whole, as in exceljs.
    this.rows[number - 1] = cells;
    if (x.selfClosing) {
      x.next();
      return;
    }
    let prevCol = 0;
    for (;;) {
      const tok = x.next();
      if (tok === CLOSE) return;
      if (tok !== OPEN) continue;
      if (x.tag() !== "c") throw unsupported(`<${x.tag()}> in a row`);
      prevCol = this.cell(cells, prevCol);
    }
  }

  // Reads one <c>; returns the column to count on for the next cell without a reference.
  private cell(cells: Slot[], prevCol: number): number {
    const x = this.x;
    // The reference and the style are read in place (no strings made) when plain, as they
    // nearly always are; the reference's text is made only for a shared formula's master.
    const ri = x.attrIndex("r");
    const refCol = ri < 0 ? 0 : x.attrColumn(ri);
    const refStart = ri < 0 ? -1 : x.attrStartAt(ri);
    const refEnd = ri < 0 ? -1 : x.attrEndAt(ri);
    const t = x.attr("t");
    const sIndex = x.attrIndex("s");
    let styleId: number | undefined;
    if (sIndex >= 0) {
      const digits = x.attrDigits(sIndex);
      if (digits >= 0) styleId = digits;
      else {
        const s = x.attrAt(sIndex);
        styleId = s ? parseInt(s, 10) : undefined;
      }
    }
    let formula: string | undefined;
    let shareType: string | undefined;
    let si: string | undefined;
    let ref: string | undefined;
    // Text of <v>, and of <t> inside <is>, is appended as exceljs appends it; once runs are
    // collected, further text goes nowhere. (No closures here: this runs once per cell.)
    let value: string | undefined;
    let runs: string[] | undefined;
    if (x.selfClosing) x.next();
    else {
      for (;;) {
        const tok = x.next();
        if (tok === CLOSE) break;
        if (tok !== OPEN) continue;
        const name = x.tag();
        if (name === "v") {
          const text = textOf(x);
          if (text !== "" && runs === undefined) value = value ? value + text : text;
        } else if (name === "f") {
          si = x.attr("si");
          shareType = x.attr("t");
          ref = x.attr("ref");
          const text = textOf(x);
          if (text !== "") formula = formula ? formula + text : text;
        } else if (name === "is") {
          if (x.selfClosing) {
            x.next();
            continue;
          }
          for (;;) {
            const k = x.next();
            if (k === CLOSE) break;
            if (k !== OPEN) continue;
            if (x.tag() === "t") {
              const text = textOf(x);
              if (text !== "" && runs === undefined) value = value ? value + text : text;
            } else if (x.tag() === "r") {
              // exceljs fails adding a run to a value that is already text.
              if (value !== undefined) throw unsupported("a run after text");
              (runs ??= []).push(readRun(x) ?? "");
            } else throw unsupported(`<${x.tag()}> in an inline string`);
          }
        } else throw unsupported(`<${name}> in a cell`);
      }
    }
    if (this.styleLookupFails(styleId, true)) throw unsupported("cell style lookup exceljs fails");
    const isDate = !!styleId && this.ctx.styles !== undefined && this.ctx.styles.isDate(styleId);

    let slot: Slot;
    if (formula || shareType) {
      if (runs !== undefined) throw unsupported("rich text in a formula cell");
      let result: unknown;
      if (value) {
        if (t === "str") result = xmlDecode(value);
        else if (t === "b") result = parseInt(value, 10) !== 0;
        else if (t === "e") result = { error: value };
        else result = parseFloat(value);
      }
      if (result !== undefined && isDate) result = excelToDate(result, this.ctx.date1904);
      let sharedFormula: string | undefined;
      if (shareType === "shared") {
        if (ref) this.formulae.set(si, refStart < 0 ? undefined : x.attrValue(refStart, refEnd));
        else sharedFormula = this.formulae.get(si);
      }
      // Cell value of a formula: exceljs copies only truthy fields, so a cached 0, false or ""
      // reads as no result (null), and so does a shared formula whose master was not seen.
      slot = (formula || sharedFormula) && result ? formulaResult(result) : null;
    } else if (value !== undefined || runs !== undefined) {
      if (runs !== undefined && t !== "inlineStr") throw unsupported("rich text in a cell that is no inline string");
      const v = value!;
      switch (t) {
        case "s": {
          const index = parseInt(v, 10);
          const shared = this.ctx.sharedStrings;
          if (shared === undefined) slot = index;
          else {
            const text = shared[index];
            if (text === undefined) throw unsupported("shared string index out of range");
            slot = text;
          }
          break;
        }
        case "str":
          slot = xmlDecode(v);
          break;
        case "inlineStr":
          slot = runs !== undefined ? runs.join("") : v;
          break;
        case "b":
          slot = parseInt(v, 10) !== 0;
          break;
        case "e":
          slot = v;
          break;
        default: {
          const n = parseFloat(v);
          slot = isDate ? excelToDate(n, this.ctx.date1904) : n;
        }
      }
    } else if (styleId) {
      slot = NULL_CELL;
    } else {
      // exceljs types it Merge and leaves it out of the row: no cell, and no column counted.
      return prevCol;
    }

    let col: number;
    if (refStart >= 0) col = refCol > 0 ? refCol : columnOf(x.attrValue(refStart, refEnd));
    else {
      if (prevCol === 0) throw unsupported("first cell of a row without a reference");
      col = prevCol + 1;
      if (col > 16384) throw unsupported("column beyond XFD");
    }
    cells[col - 1] = slot;
    return col;
  }

  private mergeCells(): void {
    const x = this.x;
    const merges: string[] = [];
    if (x.selfClosing) x.next();
    else {
      for (;;) {
        const tok = x.next();
        if (tok === CLOSE) break;
        if (tok !== OPEN) continue;
        if (x.tag() !== "mergeCell") throw unsupported(`<${x.tag()}> in <mergeCells>`);
        const ref = x.attr("ref");
        if (ref === undefined) throw unsupported("mergeCell without a range");
        textOf(x);
        merges.push(ref);
      }
    }
    // The last <mergeCells> counts, as in exceljs.
    this.merges = merges;
  }

  // Worksheet.mergeCellsWithoutStyle for each range in order: overlapping ranges make exceljs
  // fail; every cell but the master takes the master's value.
  private applyMerges(): void {
    const done: { top: number; left: number; bottom: number; right: number }[] = [];
    for (const ref of this.merges) {
      const m = /^([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?$/.exec(ref);
      if (!m) throw unsupported(`merge range ${ref}`);
      const c1 = columnOf(m[1]! + m[2]!);
      const r1 = parseInt(m[2]!, 10);
      const c2 = m[3] ? columnOf(m[3] + m[4]!) : c1;
      const r2 = m[4] ? parseInt(m[4], 10) : r1;
      if (r1 < 1 || r2 < 1) throw unsupported(`merge range ${ref}`);
      const d = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
      for (const o of done) {
        if (!(d.bottom < o.top || d.top > o.bottom || d.right < o.left || d.left > o.right)) throw unsupported("overlapping merges");
      }
      done.push(d);
      const masterSlot = this.rows[d.top - 1]?.[d.left - 1];
      const master = masterSlot === undefined || masterSlot === NULL_CELL ? null : masterSlot;
      for (let i = d.top; i <= d.bottom; i++) {
        const cells = (this.rows[i - 1] ??= []);
        for (let j = d.left; j <= d.right; j++) if (i > d.top || j > d.left) cells[j - 1] = master;
      }
    }
  }

  // sheetRows of the reference reader: rows cut to the last row and column holding a value
  // (null or "" hold none), holes filled with null, rows without values empty.
  private output(): RawCell[][] {
    const lastOf: number[] = [];
    let lastRow = 0;
    this.rows.forEach((src, i) => {
      for (let c = src.length - 1; c >= 0; c--) {
        const v = src[c];
        if (v === undefined || v === NULL_CELL || v === null || v === "") continue;
        lastOf[i] = c + 1;
        lastRow = i + 1;
        break;
      }
    });
    const out: RawCell[][] = new Array(lastRow);
    for (let i = 0; i < lastRow; i++) {
      const n = lastOf[i];
      if (n === undefined) {
        out[i] = [];
        continue;
      }
      const src = this.rows[i]!;
      const cells: RawCell[] = new Array(n);
      for (let c = 0; c < n; c++) {
        const v = src[c];
        cells[c] = v === undefined || v === NULL_CELL || v === "" ? null : v;
      }
      out[i] = cells;
    }
    return out;
  }
}

// cellValue of a truthy cached result.
function formulaResult(result: unknown): RawCell {
  if (typeof result === "object" && !(result instanceof Date)) return (result as { error: string }).error;
  return result as RawCell;
}

/** The rows of one worksheet part's XML. */
export function sheetRows(xml: string, ctx: SheetContext): RawCell[][] {
  return new SheetReader(new XmlTokens(xml), ctx).read();
}
