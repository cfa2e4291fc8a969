/**
 * How real exports write a value: the five date styles, Excel serials and date cells, district and
 * industry spellings, 万/元 amounts with separators or full-width digits, the boolean conventions.
 * Each style takes the canonical value and a stable number u in [0,1) for the cell, so a row keeps
 * its spelling from week to week.
 */
import { excelSerial, utcDate } from "./days.ts";
import { districtByCode, industryByKey, plan } from "./lookup.ts";

/** What a writer puts in a cell: text, a number, a date cell (xlsx only), or nothing. */
export type RawCell = string | number | Date | null;

const ymd = (iso: string) => iso.split("-").map(Number) as [number, number, number];

export const date = {
  iso: (iso: string): RawCell => iso,
  slash: (iso: string): RawCell => ymd(iso).join("/"),
  dot: (iso: string): RawCell => ymd(iso).join("."),
  zh: (iso: string): RawCell => {
    const [y, m, d] = ymd(iso);
    return `${y}年${m}月${d}日`;
  },
  compact: (iso: string): RawCell => iso.replaceAll("-", ""),
  /** No day: readers take the 1st and flag it. */
  monthOnly: (iso: string): RawCell => {
    const [y, m] = ymd(iso);
    return `${y}年${m}月`;
  },
  serial: (iso: string): RawCell => excelSerial(iso),
  cell: (iso: string): RawCell => utcDate(iso),
};

/** Full-width forms of ASCII digits and letters (the decimal point stays ASCII, as people type it). */
export function fullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** 1234567.5 → "1,234,567.50" (yuan with two decimals). */
export function thousands(x: number, decimals = 2): string {
  const [int, frac] = Math.abs(x).toFixed(decimals).split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (x < 0 ? "-" : "") + grouped + (frac ? "." + frac : "");
}

/** 万元 → 元, exactly to the fen. */
export const yuan = (wan: number): number => Math.round(wan * 1_000_000) / 100;

export const district = {
  name: (code: string) => districtByCode(code).name,
  short: (code: string) => districtByCode(code).short,
  code: (code: string) => code,
  /** "Huangpu": the English alias. */
  english: (code: string) => districtByCode(code).aliases.find((a) => /^[A-Z][a-z]+$/.test(a)) ?? districtByCode(code).pinyin,
  /** An old name still on some lists (萝岗区 for 黄埔), when the district has one. */
  former: (code: string) => districtByCode(code).aliases.find((a) => a.endsWith("区") && a !== districtByCode(code).name) ?? null,
};

export const industry = {
  name: (key: string) => industryByKey(key).name,
  short: (key: string) => industryByKey(key).short,
  alias: (key: string) => industryByKey(key).aliases[0] ?? industryByKey(key).name,
};

export const levelName = (level: number): string => plan.levels.names[level as 1 | 2 | 3 | 4];
