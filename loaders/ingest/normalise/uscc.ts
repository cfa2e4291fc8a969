/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last a
 * check character over the first 17. The code is the enterprise key across every table, so a
 * typo must be caught here rather than split one firm into two.
 */
import { fail, okValue, type Norm, type RawCell } from "./result.ts";
import { cellToString, cleanId, isBlank } from "./text.ts";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const RADIX = ALPHABET.length; // 31, a prime: every single-character change moves the check.
const LENGTH = 18;
// Character value by char code (-1: not in the alphabet); covers ASCII only.
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < RADIX; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
// 3^(i-1) mod 31 for positions 1–17.
const WEIGHTS: number[] = [];
for (let i = 0, w = 1; i < LENGTH - 1; i++, w = (w * 3) % RADIX) WEIGHTS.push(w);

const LOWER_RE = /[a-z]/;
const LOWER_RUN_RE = /[a-z]+/g;
// ASCII only: toUpperCase on the whole string would turn "ß" into "SS" and hide look-alikes.
const upperAscii = (s: string): string => s.replace(LOWER_RUN_RE, (run) => run.toUpperCase());

const valueAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c < 128 ? VALUE[c]! : -1;
};

/** The check character for the first 17 characters of a code; "" when they are not 17 alphabet characters. */
export function usccCheckChar(first17: string): string {
  if (typeof first17 !== "string" || first17.length !== LENGTH - 1) return "";
  let sum = 0;
  for (let i = 0; i < LENGTH - 1; i++) {
    const v = valueAt(first17, i);
    if (v < 0) return "";
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET.charAt((RADIX - (sum % RADIX)) % RADIX);
}

/** True for an exact, upper-case, 18-character code whose check character matches. */
export function isValidUscc(s: string): boolean {
  if (typeof s !== "string" || s.length !== LENGTH || valueAt(s, LENGTH - 1) < 0) return false;
  const check = usccCheckChar(s.slice(0, LENGTH - 1));
  return check !== "" && check === s.charAt(LENGTH - 1);
}

// Counted in code points so an emoji or a CJK extension character counts as one character.
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

// `code` is `written` with ASCII letters upper-cased (same length): test the former, quote the latter.
function badCharDetail(code: string, written: string): string | null {
  let pos = 0;
  for (let i = 0; i < code.length; i++) {
    pos++;
    const c = code.charCodeAt(i);
    if (c < 128 && VALUE[c]! >= 0) continue;
    const cp = code.codePointAt(i)!;
    const ch = written.slice(i, i + (cp > 0xffff ? 2 : 1));
    const hex = "U+" + (ch.codePointAt(0) ?? cp).toString(16).toUpperCase().padStart(4, "0");
    // Look-alikes (Cyrillic А, the letters I O S V Z) are the usual culprits: name the exact code point.
    return `第${pos}位「${ch}」(${hex})不是有效字符 / position ${pos} '${ch}' (${hex}) is not allowed`;
  }
  return null;
}

/** A credit code cleaned (spaces, full-width) and upper-cased with a warning, then checked for length, alphabet and check character. */
export function parseUscc(raw: RawCell): Norm<string> {
  if (raw === null || raw === undefined) return okValue(null);
  const text = cleanId(cellToString(raw));
  if (isBlank(text)) return okValue(null);
  if (text.length === LENGTH && isValidUscc(text)) return okValue(text);
  const lower = LOWER_RE.test(text);
  const code = lower ? upperAscii(text) : text;
  const len = codePointLength(code);
  if (len !== LENGTH) {
    return fail("INVALID_USCC_FORMAT", { value: text, detail: `长度应为${LENGTH}位,实为${len}位 / length must be ${LENGTH}, is ${len}` });
  }
  const bad = badCharDetail(code, text);
  if (bad !== null) return fail("INVALID_USCC_FORMAT", { value: text, detail: bad });
  const expected = usccCheckChar(code.slice(0, LENGTH - 1));
  if (expected !== code.charAt(LENGTH - 1)) return fail("INVALID_USCC_CHECK", { value: text, expected });
  return lower ? { ok: true, value: code, warning: { code: "USCC_LOWERCASE" } } : okValue(code);
}
