/**
 * Text clean-up shared by every cell normaliser. Exports from Chinese Excel and web platforms
 * carry full-width characters, non-breaking and ideographic spaces and invisible zero-width
 * marks that look identical on screen but break equality, so every comparison goes through here.
 * Each function scans once and returns its input untouched when there is nothing to do,
 * because almost every cell is already clean and these run on every cell of every file.
 */
import type { RawCell } from "./result.ts";

const ZERO_WIDTH_RE = /[\u200B-\u200D\u2060\uFEFF]/g;
// \s covers NBSP, U+3000, U+2000–U+200A, U+2028/9, U+202F, U+205F; NEL (U+0085) it does not.
const SPACE_RUN_RE = /[\s\u0085]+/g;
const ID_STRIP_RE = /[\s\u0085\u200B-\u200D\u2060\uFEFF]+/g;
const WIDE_RE = /[\uFF01-\uFF5E\u3000]/g;
// The full-width block mirrors ASCII 0x21–0x7E at a fixed offset.
const WIDE_OFFSET = 0xff01 - 0x21;

const isZeroWidth = (c: number): boolean => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

/** Unicode spaces other than U+0020, the ASCII controls \t\n\v\f\r included. */
const isOtherSpace = (c: number): boolean =>
  (c >= 0x09 && c <= 0x0d) ||
  c === 0x85 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

const isWide = (c: number): boolean => (c >= 0xff01 && c <= 0xff5e) || c === 0x3000;

const foldChar = (ch: string): string => {
  const c = ch.charCodeAt(0);
  return c === 0x3000 ? " " : String.fromCharCode(c - WIDE_OFFSET);
};

/** Full-width ASCII (ＡＢＣ１２３（）) to half-width and U+3000 to a space; other characters are kept. */
export function foldWidth(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (isWide(s.charCodeAt(i))) return s.replace(WIDE_RE, foldChar);
  }
  return s;
}

function needsClean(s: string): boolean {
  const n = s.length;
  let prevSpace = true; // a space at the start needs trimming
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) return true;
      prevSpace = true;
    } else if (c < 0x20 || (c >= 0x80 && (isOtherSpace(c) || isZeroWidth(c)))) {
      return true;
    } else {
      prevSpace = false;
    }
  }
  return n > 0 && prevSpace; // trailing space
}

/** Zero-width marks removed, every Unicode space turned into one ASCII space, runs collapsed, ends trimmed. */
export function cleanText(s: string): string {
  if (!needsClean(s)) return s;
  return s.replace(ZERO_WIDTH_RE, "").replace(SPACE_RUN_RE, " ").trim();
}

/** An identifier as people mean it: cleaned, width-folded, with no whitespace at all (codes get pasted with spaces inside). */
export function cleanId(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x80 && (isOtherSpace(c) || isZeroWidth(c) || isWide(c)))) {
      return foldWidth(s).replace(ID_STRIP_RE, "");
    }
  }
  return s;
}

const pad2 = (n: number): string => (n < 10 ? "0" + n : String(n));

/** "YYYY-MM-DD" from a year, month and day already known to be valid. */
export function isoDate(y: number, m: number, d: number): string {
  const ys = y >= 1000 ? String(y) : String(y).padStart(4, "0");
  return ys + "-" + pad2(m) + "-" + pad2(d);
}

// "1.5e-7" → "0.00000015": String() switches to exponent form below 1e-6 and from 1e21 on.
function expandExponent(s: string): string {
  const e = s.indexOf("e");
  if (e < 0) return s;
  const neg = s.charCodeAt(0) === 0x2d;
  const mantissa = s.slice(neg ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exp;
  let out: string;
  if (point <= 0) out = "0." + "0".repeat(-point) + digits;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = digits.slice(0, point) + "." + digits.slice(point);
  return neg ? "-" + out : out;
}

/** A number as a person would type it: no exponent, and no binary float noise (0.1+0.2 → "0.3"). */
function numberToString(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Integers are exact up to 2^53 and String() keeps every digit of them; only fractions carry noise.
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n + 0) : expandExponent(String(n));
  return expandExponent(String(Number(n.toPrecision(15))));
}

/** The text of a cell as the normalisers read it: Excel numbers without exponent or float noise, dates as their UTC calendar day. */
export function cellToString(raw: RawCell): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number") return numberToString(raw);
  if (typeof raw === "boolean") return raw ? "true" : "false";
  if (raw instanceof Date) {
    const t = raw.getTime();
    // exceljs hands over date cells at UTC midnight: local parts would shift the day east or west of UTC.
    return Number.isNaN(t) ? "Invalid Date" : isoDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  return String(raw);
}

// Placeholders people type for "nothing" (after width folding, so "－" and "／" are included;
// "―" U+2015 is what Chinese IMEs give for a dash).
const BLANK_MARKS: ReadonlySet<string> = new Set(["-", "--", "—", "——", "―", "――", "–", "/"]);

/** True for an empty cell: nothing, whitespace only, or a placeholder dash or slash. "无" is a value, not a blank. */
export function isBlank(raw: RawCell): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== "string") return false;
  const s = cleanText(raw);
  if (s.length === 0) return true;
  return s.length <= 2 && BLANK_MARKS.has(foldWidth(s));
}
