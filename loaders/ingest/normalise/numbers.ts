/**
 * Numbers as the pilot's spreadsheets write them: thousands separators, full-width digits,
 * a unit glued on ("12.5万", "125000元"), Excel's "1E+06", a currency sign.
 * Amounts are stored in 万元, the unit of every cap in the plan.
 */
import { fail, okValue, type Norm, type RawCell } from "./result.ts";
import { cellToString, cleanId, cleanText, isBlank } from "./text.ts";

/** The unit a column's header declares: 万元 (the contract's default) or 元. */
export type AmountUnit = "wan" | "yuan";

// Plain ASCII decimals are nearly every cell: read them without cleaning or allocating.
const FAST_DECIMAL_RE = /^-?\d+(?:\.\d+)?$/;
const FAST_WHOLE_RE = /^\d{1,15}$/;
// Grouping must be exact ("1,234,567"): "1,23" could be a European decimal comma, so it is refused.
const BODY = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+`;
const EXP = String.raw`(?:e[+-]?\d+)?`;
// U+2212 "−" is the minus sign some tools export instead of a hyphen.
const AMOUNT_RE = new RegExp(String.raw`^([+\-−]?)[¥￥]?([+\-−]?)((?:${BODY})${EXP})(万元|万|亿元|亿|元)?$`, "i");
const NUMBER_RE = new RegExp(String.raw`^([+\-−]?)((?:${BODY})${EXP})$`, "i");
const COUNT_RE = new RegExp(String.raw`^\+?((?:${BODY})${EXP})(?:人次|人|名)?$`, "i");
const COMMA_RE = /,/g;

const WAN_PER_YI = 10000;
const YUAN_PER_WAN = 10000;

const isNegSign = (sign: string | undefined): boolean => sign === "-" || sign === "−";

function readBody(sign: string | undefined, body: string): number {
  const n = Number(body.indexOf(",") < 0 ? body : body.replace(COMMA_RE, ""));
  return isNegSign(sign) ? -n : n;
}

// Six decimals of 万元 is a hundredth of a yuan: enough for any amount, and it kills float noise
// (0.1+0.2, 1/10000 conversions). Past 9e9 a double has no sixth decimal left to round.
function round6(x: number): number {
  if (!(Math.abs(x) < 9e9)) return x;
  const r = Math.round(Math.abs(x) * 1e6) / 1e6;
  return x < 0 && r !== 0 ? -r : r;
}

// Excel stores 0.3 as 0.30000000000000004 after arithmetic; 15 significant digits is what Excel shows.
const denoise = (n: number): number => (Number.isInteger(n) ? n : Number(n.toPrecision(15)));

/** An amount in 万元 (negative allowed: the sign is validated elsewhere); a 万/亿/元 suffix overrides the column's unit. */
export function parseAmount(raw: RawCell, unit: AmountUnit): Norm<number> {
  if (raw === null || raw === undefined) return okValue(null);
  const perWan = unit === "yuan" ? YUAN_PER_WAN : 1;
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? okValue(round6(raw / perWan)) : fail("INVALID_NUMBER", { value: cellToString(raw) });
  }
  if (typeof raw !== "string") return fail("INVALID_NUMBER", { value: cellToString(raw) });
  if (FAST_DECIMAL_RE.test(raw)) return okValue(round6(Number(raw) / perWan));
  const text = cleanText(raw);
  if (isBlank(text)) return okValue(null);
  const m = AMOUNT_RE.exec(cleanId(text));
  if (m === null || (m[1] !== "" && m[2] !== "")) return fail("INVALID_NUMBER", { value: text });
  const n = readBody(m[1] || m[2], m[3]);
  const suffix = m[4];
  let wan: number;
  if (suffix === undefined) wan = n / perWan;
  else if (suffix === "元") wan = n / YUAN_PER_WAN;
  else if (suffix.charCodeAt(0) === 0x4ebf /* 亿 */) wan = n * WAN_PER_YI;
  else wan = n;
  return Number.isFinite(wan) ? okValue(round6(wan)) : fail("INVALID_NUMBER", { value: text });
}

/** parseAmount, refusing amounts below zero (payments, investments and caps are never negative). */
export function parseNonNegativeAmount(raw: RawCell, unit: AmountUnit): Norm<number> {
  const r = parseAmount(raw, unit);
  if (r.ok && r.value !== null && r.value < 0) {
    return fail("NEGATIVE_AMOUNT", { value: typeof raw === "string" ? cleanText(raw) : cellToString(raw) });
  }
  return r;
}

/** A plain decimal (scores, targets): separators and full-width digits accepted, no units. "-0" is 0. */
export function parseNumber(raw: RawCell): Norm<number> {
  if (raw === null || raw === undefined) return okValue(null);
  // n + 0 turns -0 into 0 (it would print as "-0" wherever the value goes).
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? okValue(denoise(raw) + 0) : fail("INVALID_NUMBER", { value: cellToString(raw) });
  }
  if (typeof raw !== "string") return fail("INVALID_NUMBER", { value: cellToString(raw) });
  if (FAST_DECIMAL_RE.test(raw)) return okValue(Number(raw) + 0);
  const text = cleanText(raw);
  if (isBlank(text)) return okValue(null);
  const m = NUMBER_RE.exec(cleanId(text));
  if (m === null) return fail("INVALID_NUMBER", { value: text });
  const n = readBody(m[1], m[2]);
  return Number.isFinite(n) ? okValue(n + 0) : fail("INVALID_NUMBER", { value: text });
}

/** A whole number ≥ 0 (employees, person-times); "1,200人" and "1200.0" accepted, "12.5" and "-3" refused. */
export function parseCount(raw: RawCell): Norm<number> {
  if (raw === null || raw === undefined) return okValue(null);
  let n: number;
  let value: string;
  if (typeof raw === "number") {
    n = Number.isFinite(raw) ? denoise(raw) : NaN;
    value = cellToString(raw);
  } else if (typeof raw !== "string") {
    return fail("INVALID_INTEGER", { value: cellToString(raw) });
  } else if (FAST_WHOLE_RE.test(raw)) {
    return okValue(Number(raw));
  } else {
    value = cleanText(raw);
    if (isBlank(value)) return okValue(null);
    const m = COUNT_RE.exec(cleanId(value));
    n = m === null ? NaN : readBody(undefined, m[1]);
  }
  // n + 0 turns -0 into 0.
  return Number.isSafeInteger(n) && n >= 0 ? okValue(n + 0) : fail("INVALID_INTEGER", { value });
}
