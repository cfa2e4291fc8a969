/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in whole days, time-zone free. */

export type ISO = string;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01. */
export function toDay(iso: ISO): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDay(day: number): ISO {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: ISO, n: number): ISO {
  return fromDay(toDay(iso) + n);
}

/** b − a in days. */
export function daysBetween(a: ISO, b: ISO): number {
  return toDay(b) - toDay(a);
}

/** Whole calendar months from a to b (0 if b is before a). */
export function monthsBetween(a: ISO, b: ISO): number {
  const [ya, ma, da] = a.split("-").map(Number) as [number, number, number];
  const [yb, mb, db] = b.split("-").map(Number) as [number, number, number];
  const m = (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
  return Math.max(0, m);
}

/** Excel's serial day number (1900 date system) for a date. */
export function excelSerial(iso: ISO): number {
  return toDay(iso) - toDay("1899-12-30");
}

/** A date at midnight UTC, the way a spreadsheet date cell holds it. */
export function utcDate(iso: ISO): Date {
  return new Date(toDay(iso) * MS_PER_DAY);
}

/** Round to 0.01 (amounts in 万元 carry two decimals). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Round down to 0.01, so a share of a limit never ends above it. */
export function floor2(x: number): number {
  return Math.floor(x * 100 + 1e-9) / 100;
}
