/**
 * Calendar dates in every shape the exports use, always to ISO "YYYY-MM-DD". A date is a day,
 * not an instant: times and time zones are dropped, never used to shift the day.
 */
import { fail, okValue, type Norm, type RawCell } from "./result.ts";
import { cellToString, cleanText, foldWidth, isBlank, isoDate } from "./text.ts";

/** Inclusive bounds, as ISO dates, outside which a date is taken to be a typing error. */
export interface DateRange {
  min: string;
  max: string;
}

// Wide enough for firms' founding dates, narrow enough to catch 1900-01-00 and 2099 typos.
const DEFAULT_RANGE: DateRange = { min: "2000-01-01", max: "2030-12-31" };

// Excel serials in this window are 1954-10-03 … 2119-01-11; smaller numbers are more likely
// counts or codes than dates. Below serial 61 Excel's fictitious 1900-02-29 would shift days,
// which this window keeps out.
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;
// Days from Excel's day 0 (1899-12-30 once the 1900 leap-year bug is accounted for) to 1970-01-01.
const SERIAL_UNIX_EPOCH = 25569;

const TIME = String.raw`(?:(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
// The same separator twice: "2025-03/01" is more likely garbage than a date.
const YMD_RE = new RegExp(String.raw`^(?<y>\d{4})(?<sep>[-/.])(?<mo>\d{1,2})\k<sep>(?<d>\d{1,2})${TIME}$`, "i");
const CN_YMD_RE = new RegExp(String.raw`^(?<y>\d{4})\s*年\s*(?<mo>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]?${TIME}$`, "i");
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_RE = /^\d{5}(?:\.\d+)?$/;
const YM_RE = /^(\d{4})[-/.](\d{1,2})$/;
const CN_YM_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const validDay = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

// Time is dropped, but an impossible one ("25:70") says the cell is not what it seems.
function validTime(h: string | undefined, mi: string | undefined, s: string | undefined): boolean {
  if (h === undefined) return true;
  return Number(h) <= 23 && Number(mi) <= 59 && (s === undefined || Number(s) <= 59);
}

// Civil date from days since 1970-01-01 (H. Hinnant's algorithm): no Date object, no time zone.
function isoFromUnixDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

function inRange(iso: string, value: string, range: DateRange, monthOnly: boolean): Norm<string> {
  if (iso < range.min || iso > range.max) return fail("DATE_OUT_OF_RANGE", { value, min: range.min, max: range.max });
  return monthOnly ? { ok: true, value: iso, warning: { code: "DATE_MONTH_ONLY", params: { value } } } : okValue(iso);
}

function fromParts(y: number, m: number, d: number, value: string, range: DateRange, monthOnly = false): Norm<string> {
  if (!validDay(y, m, d)) return fail("INVALID_DATE", { value });
  return inRange(isoDate(y, m, d), value, range, monthOnly);
}

// The fraction is the time of day: dropped.
function fromSerial(serial: number, text: string, range: DateRange): Norm<string> {
  const iso = isoFromUnixDays(Math.floor(serial) - SERIAL_UNIX_EPOCH);
  return inRange(iso, `${text} (${iso})`, range, false);
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
// "2025-03-01" is what the platform exports and what our own files hold: read it without regexes.
function isPlainIso(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(s.charCodeAt(i))) return false;
  return true;
}
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 0x30;
  return n;
}

/** A calendar day as "YYYY-MM-DD" from text, Excel serials or Excel date cells; a month without a day becomes its 1st, flagged. */
export function parseDate(raw: RawCell, range: DateRange = DEFAULT_RANGE): Norm<string> {
  if (raw === null || raw === undefined) return okValue(null);
  if (raw instanceof Date) {
    const text = cellToString(raw);
    if (Number.isNaN(raw.getTime())) return fail("INVALID_DATE", { value: text });
    // exceljs gives date cells at UTC midnight, so the UTC parts are the day the sheet shows.
    return inRange(text, text, range, false);
  }
  if (typeof raw === "number") {
    const text = cellToString(raw);
    if (raw >= SERIAL_MIN && raw < SERIAL_MAX + 1) return fromSerial(raw, text, range);
    // A General-format cell holding 20250301.
    if (Number.isInteger(raw) && raw >= 10000101 && raw <= 99991231) {
      return fromParts(Math.floor(raw / 10000), Math.floor(raw / 100) % 100, raw % 100, text, range);
    }
    return fail("INVALID_DATE", { value: text });
  }
  if (typeof raw !== "string") return fail("INVALID_DATE", { value: cellToString(raw) });
  if (isPlainIso(raw)) return fromParts(digits(raw, 0, 4), digits(raw, 5, 7), digits(raw, 8, 10), raw, range);
  const text = cleanText(raw);
  if (isBlank(text)) return okValue(null);
  const s = foldWidth(text);
  let m = YMD_RE.exec(s) ?? CN_YMD_RE.exec(s);
  const g = m?.groups;
  if (g !== undefined) {
    if (!validTime(g.h, g.mi, g.s)) return fail("INVALID_DATE", { value: text });
    return fromParts(Number(g.y), Number(g.mo), Number(g.d), text, range);
  }
  if ((m = COMPACT_RE.exec(s)) !== null) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), text, range);
  if (SERIAL_RE.test(s)) {
    const serial = Number(s);
    return serial >= SERIAL_MIN && serial < SERIAL_MAX + 1 ? fromSerial(serial, text, range) : fail("INVALID_DATE", { value: text });
  }
  if ((m = YM_RE.exec(s) ?? CN_YM_RE.exec(s)) !== null) return fromParts(Number(m[1]), Number(m[2]), 1, text, range, true);
  return fail("INVALID_DATE", { value: text });
}

// A reporting month: "2026-10", "2026/10", "2026.10", "2026年10月", "2026年10月份", "202610".
const COMPACT_YM_RE = /^(\d{4})(\d{2})$/;

/**
 * A reporting period (a calendar month) as the ISO date of its 1st, "YYYY-MM-01". Accepts a month
 * in any common form, and a full date or an Excel date cell, whose day is dropped (a month needs
 * no day, so nothing is flagged).
 */
export function parseMonth(raw: RawCell, range: DateRange = DEFAULT_RANGE): Norm<string> {
  if (raw === null || raw === undefined) return okValue(null);
  if (typeof raw === "string") {
    const text = cleanText(raw);
    if (isBlank(text)) return okValue(null);
    const s = foldWidth(text);
    const m = YM_RE.exec(s) ?? CN_YM_RE.exec(s) ?? COMPACT_YM_RE.exec(s);
    if (m !== null) return fromParts(Number(m[1]), Number(m[2]), 1, text, range);
  }
  const day = parseDate(raw, range);
  if (!day.ok || day.value === null) return day;
  return okValue(`${day.value.slice(0, 7)}-01`);
}
