/**
 * A pull tokenizer for the two large parts of a workbook, the worksheets and the shared strings.
 *
 * exceljs reads every part with saxes, which costs more than the whole bare scan of a sheet
 * (docs/benchmarks.md, "1a"). This tokenizer accepts a strict subset of XML 1.0 — the shape every
 * spreadsheet writer produces — and throws XmlUnsupported for anything outside it, so that the
 * caller can hand the file to the reference reader. Everything it accepts, saxes accepts too, and
 * it yields the same names, attribute values and text: line ends normalised (\r\n and \r → \n),
 * tabs and line ends in attribute values turned into spaces, the five predefined entities and
 * character references decoded, a leading byte-order mark skipped.
 *
 * Outside the subset (XmlUnsupported): DOCTYPE, CDATA sections, processing instructions (other
 * than the XML declaration), non-ASCII element or attribute names, duplicate attributes,
 * mismatched or unclosed tags, characters XML forbids, undefined entities, "]]>" anywhere, and
 * anything but white space or comments outside the root element.
 */

/** The part is outside what the fast reader handles; the caller falls back to the reference reader. */
export class XmlUnsupported extends Error {}

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 4;
export type Token = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

// One pass over the whole part: characters XML 1.0 forbids, "&" that starts no predefined entity
// or character reference, and "]]>" (CDATA is not supported, and outside CDATA it is an error).
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)|\]\]>/;
const CHAR_REF = /&#(x[0-9a-fA-F]+|[0-9]+);/g;
const XML_DECL = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;
const ENTITY = /&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQ = 61;
const DQUOTE = 34;
const SQUOTE = 39;

// [A-Za-z_] may start a name; [A-Za-z0-9_.:-] may follow.
const NAME_START = new Uint8Array(128);
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  NAME_START[c] = /[A-Za-z_]/.test(ch) ? 1 : 0;
  NAME_CHAR[c] = /[A-Za-z0-9_.:-]/.test(ch) ? 1 : 0;
}
const isSpace = (c: number) => c === 32 || c === 10 || c === 9;

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (_, e: string) => {
    if (e.charCodeAt(0) !== 35) return PREDEFINED[e]!;
    return String.fromCodePoint(e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

// Whether a character reference names a character XML allows.
function allowedCodePoint(n: number): boolean {
  return n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

// Element and attribute names of the hot paths, returned without allocating a string each time.
const KNOWN_NAMES = ["c", "v", "f", "r", "t", "s", "is", "row", "rPr", "si", "ref", "sst", "spans", "sheetData", "mergeCell", "mergeCells", "worksheet", "x14ac:dyDescent"];
const KNOWN_BY_LENGTH: string[][] = [];
for (const n of KNOWN_NAMES) (KNOWN_BY_LENGTH[n.length] ??= []).push(n);

export class XmlTokens {
  private name = "";
  /** Whether the element just opened is self-closing (its CLOSE token follows at once). */
  selfClosing = false;
  // Attributes of the element just opened: names, and where each raw value stands in the text
  // (decoded when asked for: most attributes are never read).
  private attrCount = 0;
  private readonly attrNames: string[] = [];
  private readonly attrStart: number[] = [];
  private readonly attrEnd: number[] = [];
  private readonly s: string;
  private pos = 0;
  private textStart = 0;
  private textEnd = 0;
  private readonly stack: string[] = [];
  private pendingClose = false;
  private done = false;

  constructor(xml: string) {
    let s = xml;
    if (FORBIDDEN.test(s)) throw new XmlUnsupported("character or entity outside the supported subset");
    if (s.includes("&#")) {
      for (const m of s.matchAll(CHAR_REF)) {
        const ref = m[1]!;
        if (!allowedCodePoint(ref.charCodeAt(0) === 120 ? parseInt(ref.slice(1), 16) : parseInt(ref, 10))) {
          throw new XmlUnsupported("character reference to a character XML forbids");
        }
      }
    }
    if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
    this.s = s;
    if (s.charCodeAt(0) === 0xfeff) this.pos = 1;
    if (s.startsWith("<?xml", this.pos)) {
      const m = XML_DECL.exec(s.slice(this.pos, this.pos + 200));
      if (!m) throw new XmlUnsupported("unusual XML declaration");
      this.pos += m[0].length;
    }
  }

  /** Name of the element just opened or closed. */
  tag(): string {
    return this.name;
  }

  /** Value of the named attribute of the element just opened. */
  attr(name: string): string | undefined {
    const i = this.attrIndex(name);
    return i < 0 ? undefined : this.attrAt(i);
  }

  /** Index of the named attribute of the element just opened, or -1. */
  attrIndex(name: string): number {
    for (let i = 0; i < this.attrCount; i++) if (this.attrNames[i] === name) return i;
    return -1;
  }

  /**
   * The column of a plain cell reference (A1, XFD1048576) held by attribute `i`, read in place
   * (no string made); 0 when the value is anything else.
   */
  attrColumn(i: number): number {
    const s = this.s;
    const end = this.attrEnd[i]!;
    let p = this.attrStart[i]!;
    let col = 0;
    for (; p < end; p++) {
      const c = s.charCodeAt(p);
      if (c >= 65 && c <= 90) col = col * 26 + c - 64;
      else break;
    }
    if (col === 0 || p === end || col > 16384) return 0;
    for (; p < end; p++) {
      const c = s.charCodeAt(p);
      if (c < 48 || c > 57) return 0;
    }
    return col;
  }

  /** Attribute `i` as a number when it is 1 to 9 plain digits, read in place; -1 otherwise. */
  attrDigits(i: number): number {
    const s = this.s;
    const start = this.attrStart[i]!;
    const end = this.attrEnd[i]!;
    if (end <= start || end - start > 9) return -1;
    let n = 0;
    for (let p = start; p < end; p++) {
      const c = s.charCodeAt(p);
      if (c < 48 || c > 57) return -1;
      n = n * 10 + c - 48;
    }
    return n;
  }

  /** The decoded value of attribute `i`. */
  attrAt(i: number): string {
    return this.attrValue(this.attrStart[i]!, this.attrEnd[i]!);
  }

  /** Where the raw value of attribute `i` starts in the text; attrValue(start, end) decodes it later. */
  attrStartAt(i: number): number {
    return this.attrStart[i]!;
  }

  attrEndAt(i: number): number {
    return this.attrEnd[i]!;
  }

  /** The decoded attribute value that stands at [start, end) of the text. */
  attrValue(start: number, end: number): string {
    let value = this.s.slice(start, end);
    if (value.includes("\n") || value.includes("\t")) value = value.replace(/[\n\t]/g, " ");
    return value.includes("&") ? decodeEntities(value) : value;
  }

  /** The decoded text of the TEXT token just returned. */
  text(): string {
    const t = this.s.slice(this.textStart, this.textEnd);
    return t.includes("&") ? decodeEntities(t) : t;
  }

  next(): Token {
    if (this.pendingClose) {
      this.pendingClose = false;
      return CLOSE;
    }
    const s = this.s;
    for (;;) {
      const pos = this.pos;
      if (pos >= s.length) {
        if (this.stack.length > 0 || !this.done) throw new XmlUnsupported("unclosed element or no root element");
        return END;
      }
      if (s.charCodeAt(pos) !== LT) {
        let lt = s.indexOf("<", pos);
        if (lt < 0) lt = s.length;
        this.pos = lt;
        if (this.stack.length === 0) {
          // Outside the root only white space may stand.
          for (let i = pos; i < lt; i++) if (!isSpace(s.charCodeAt(i))) throw new XmlUnsupported("text outside the root element");
          continue;
        }
        this.textStart = pos;
        this.textEnd = lt;
        return TEXT;
      }
      const c = s.charCodeAt(pos + 1);
      if (c === SLASH) return this.closeTag(pos);
      if (c === BANG) {
        this.comment(pos);
        continue;
      }
      if (c === QUESTION) throw new XmlUnsupported("processing instruction");
      if (this.done) throw new XmlUnsupported("a second root element");
      return this.openTag(pos);
    }
  }

  private comment(pos: number): void {
    const s = this.s;
    if (!s.startsWith("<!--", pos)) throw new XmlUnsupported("DOCTYPE or CDATA");
    const end = s.indexOf("-->", pos + 4);
    if (end < 0) throw new XmlUnsupported("unclosed comment");
    const body = s.slice(pos + 4, end);
    if (body.includes("--") || body.endsWith("-")) throw new XmlUnsupported("malformed comment");
    this.pos = end + 3;
  }

  // End of the name starting at p.
  private nameEnd(p: number): number {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (!(c < 128 && NAME_START[c])) throw new XmlUnsupported("unsupported name");
    p++;
    for (;;) {
      const d = s.charCodeAt(p);
      if (d < 128 && NAME_CHAR[d]) p++;
      else return p;
    }
  }

  // The name s[start, end) as a string, one of KNOWN_NAMES when it is one.
  private nameAt(start: number, end: number): string {
    const known = KNOWN_BY_LENGTH[end - start];
    if (known) for (const n of known) if (this.s.startsWith(n, start)) return n;
    return this.s.slice(start, end);
  }

  private closeTag(pos: number): Token {
    const s = this.s;
    const open = this.stack.pop();
    const end = this.nameEnd(pos + 2);
    if (open === undefined || end - pos - 2 !== open.length || !s.startsWith(open, pos + 2)) throw new XmlUnsupported("mismatched end tag");
    let p = end;
    while (isSpace(s.charCodeAt(p))) p++;
    if (s.charCodeAt(p) !== GT) throw new XmlUnsupported("malformed end tag");
    if (this.stack.length === 0) this.done = true;
    this.pos = p + 1;
    this.name = open;
    return CLOSE;
  }

  private openTag(pos: number): Token {
    const s = this.s;
    const nameEnd = this.nameEnd(pos + 1);
    const name = this.nameAt(pos + 1, nameEnd);
    let p = nameEnd;
    let n = 0;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === GT) {
        p++;
        this.selfClosing = false;
        break;
      }
      if (c === SLASH) {
        if (s.charCodeAt(p + 1) !== GT) throw new XmlUnsupported("malformed tag");
        p += 2;
        this.selfClosing = true;
        break;
      }
      if (!isSpace(c)) throw new XmlUnsupported("malformed tag");
      while (isSpace(s.charCodeAt(p))) p++;
      const a = s.charCodeAt(p);
      if (a === GT || a === SLASH) continue;
      const attrEnd = this.nameEnd(p);
      const attrName = this.nameAt(p, attrEnd);
      p = attrEnd;
      while (isSpace(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) !== EQ) throw new XmlUnsupported("malformed attribute");
      p++;
      while (isSpace(s.charCodeAt(p))) p++;
      const q = s.charCodeAt(p);
      if (q !== DQUOTE && q !== SQUOTE) throw new XmlUnsupported("unquoted attribute");
      const close = s.indexOf(q === DQUOTE ? '"' : "'", p + 1);
      if (close < 0) throw new XmlUnsupported("unclosed attribute");
      const lt = s.indexOf("<", p + 1);
      if (lt >= 0 && lt < close) throw new XmlUnsupported("< in an attribute value");
      for (let i = 0; i < n; i++) if (this.attrNames[i] === attrName) throw new XmlUnsupported("duplicate attribute");
      this.attrNames[n] = attrName;
      this.attrStart[n] = p + 1;
      this.attrEnd[n] = close;
      n++;
      p = close + 1;
    }
    this.attrCount = n;
    this.pos = p;
    this.name = name;
    if (this.selfClosing) {
      this.pendingClose = true;
      if (this.stack.length === 0) this.done = true;
    } else {
      this.stack.push(name);
    }
    return OPEN;
  }
}
