/**
 * Round-trip properties of the normalisers that decide identity and money: a valid value written
 * in any accepted style reads back as itself; a broken one fails with its own code; nothing
 * throws. (test/ingest/normalise/robustness.test.ts covers arbitrary cells of every normaliser.)
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { codes } from "../../loaders/ingest/issues.ts";
import {
  parseAmount,
  parseCount,
  parseDate,
  parseDistrict,
  parseNonNegativeAmount,
  parseNumber,
  parseUscc,
  usccCheckChar,
  type Norm,
  type RawCell,
} from "../../loaders/ingest/normalise/index.ts";
import { plan } from "../helpers/plan.ts";
import { fullWidth } from "./build.ts";

const SEED = 20241104;
const runs = { seed: SEED, numRuns: 600 };

const valueOf = <T>(r: Norm<T>): T | null | "fail" => (r.ok ? r.value : "fail");

// Spaces people leave around values: ASCII, NBSP, ideographic, zero-width.
const pad = fc.constantFrom("", " ", "\u00A0", "\u3000", "\u200B", "\t", "  ");

// ─── Numbers ───
// Amounts as the ledgers hold them: up to 99,999,999 万元 with up to 6 decimals.
const amount = fc
  .tuple(fc.nat({ max: 99_999_999 }), fc.nat({ max: 999_999 }), fc.integer({ min: 0, max: 6 }))
  .map(([whole, frac, places]) => (places === 0 ? whole : Number(`${whole}.${String(frac).padStart(6, "0").slice(0, places)}`)));

const grouped = (x: number): string => x.toLocaleString("en-US", { maximumFractionDigits: 6, useGrouping: true });
const exponent = (x: number): string => x.toExponential().toUpperCase(); // Excel: 1.2345E+3

const amountStyles: [string, (x: number) => RawCell][] = [
  ["plain", (x) => String(x)],
  ["grouped", grouped],
  ["full-width", (x) => fullWidth(grouped(x))],
  ["万", (x) => `${grouped(x)}万`],
  ["万元", (x) => `${x}万元`],
  ["¥", (x) => `¥${grouped(x)}`],
  ["￥ full-width", (x) => `￥${fullWidth(String(x))}`],
  ["exponent", exponent],
  ["元 suffix", (x) => `${x * 10000}元`],
  ["亿", (x) => `${x / 10000}亿`],
  ["number cell", (x) => x],
];

describe("amounts (万元)", () => {
  test("should read back every valid amount written in any accepted style", () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...amountStyles), pad, pad, (x, [, style], before, after) => {
        const raw = style(x);
        const cell = typeof raw === "string" ? before + raw + after : raw;
        expect(valueOf(parseAmount(cell, "wan"))).toBe(x);
        expect(valueOf(parseNonNegativeAmount(cell, "wan"))).toBe(x);
      }),
      runs,
    );
  });

  test("should convert a 元 column to 万元 and keep the sign of a negative amount", () => {
    fc.assert(
      fc.property(fc.nat({ max: 9_999_999_999 }), (yuan) => {
        expect(valueOf(parseAmount(grouped(yuan), "yuan"))).toBe(Math.round((yuan / 10000) * 1e6) / 1e6);
        expect(valueOf(parseAmount(`-${yuan}`, "yuan"))).toBe(yuan === 0 ? 0 : -Math.round((yuan / 10000) * 1e6) / 1e6);
      }),
      runs,
    );
  });

  test("should refuse a negative amount with NEGATIVE_AMOUNT", () => {
    fc.assert(
      fc.property(amount.filter((x) => x > 0), fc.constantFrom("-", "−", "-¥"), (x, sign) => {
        const r = parseNonNegativeAmount(`${sign}${grouped(x)}`, "wan");
        expect(r).toMatchObject({ ok: false, code: "NEGATIVE_AMOUNT" });
      }),
      runs,
    );
  });

  test("should refuse an amount with anything else in it with INVALID_NUMBER", () => {
    const garbage = fc.constantFrom("约", "左右", "abc", "?", "#", "..", "，多", "e", ",12", "万万", "-+");
    fc.assert(
      fc.property(amount, garbage, fc.boolean(), (x, g, front) => {
        const raw = front ? `${g}${x}` : `${x}${g}`;
        expect(parseAmount(raw, "wan")).toMatchObject({ ok: false, code: "INVALID_NUMBER" });
        expect(parseNumber(raw)).toMatchObject({ ok: false, code: "INVALID_NUMBER" });
      }),
      runs,
    );
  });
});

describe("numbers and counts", () => {
  test("should read back every valid decimal, negative ones included", () => {
    fc.assert(
      fc.property(amount, fc.boolean(), fc.constantFrom<[string, (x: number) => RawCell]>(["plain", String], ["grouped", grouped], ["full-width", (x) => fullWidth(grouped(x))], ["exponent", exponent], ["cell", (x) => x]), (x, neg, [, style]) => {
        const raw = style(x);
        const cell = neg ? (typeof raw === "number" ? -raw : `-${raw}`) : raw;
        expect(valueOf(parseNumber(cell))).toBe(neg && x !== 0 ? -x : x);
      }),
      runs,
    );
  });

  test("should read back every whole number ≥ 0 and refuse fractions and negatives with INVALID_INTEGER", () => {
    const countStyles: ((n: number) => RawCell)[] = [String, grouped, (n) => fullWidth(grouped(n)), (n) => `${n}人`, (n) => `${grouped(n)}人次`, (n) => `${n}.0`, (n) => n.toExponential().toUpperCase(), (n) => n];
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999_999 }), fc.constantFrom(...countStyles), (n, style) => {
        expect(valueOf(parseCount(style(n)))).toBe(n);
        expect(parseCount(`${n}.5`)).toMatchObject({ ok: false, code: "INVALID_INTEGER" });
        if (n > 0) expect(parseCount(`-${n}`)).toMatchObject({ ok: false, code: "INVALID_INTEGER" });
      }),
      runs,
    );
  });
});

// ─── Dates ───
const DAY_MS = 86_400_000;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const p2 = (n: number): string => String(n).padStart(2, "0");
const day = (yMin: number, yMax: number) =>
  fc
    .tuple(fc.integer({ min: yMin, max: yMax }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => ({ y, m, d: Math.min(d, daysIn(y, m)) }))
    .map(({ y, m, d }) => ({ y, m, d, iso: `${y}-${p2(m)}-${p2(d)}` }));
type Day = { y: number; m: number; d: number; iso: string };

const serial = ({ y, m, d }: Day): number => Date.UTC(y, m - 1, d) / DAY_MS + 25569;
const dateStyles: [string, (x: Day) => RawCell][] = [
  ["ISO", (x) => x.iso],
  ["slashes", (x) => `${x.y}/${x.m}/${x.d}`],
  ["dots", (x) => `${x.y}.${x.m}.${x.d}`],
  ["年月日", (x) => `${x.y}年${x.m}月${x.d}日`],
  ["年月号 spaced", (x) => `${x.y} 年 ${x.m} 月 ${x.d} 号`],
  ["compact", (x) => `${x.y}${p2(x.m)}${p2(x.d)}`],
  ["compact number cell", (x) => Number(`${x.y}${p2(x.m)}${p2(x.d)}`)],
  ["Excel serial", serial],
  ["Excel serial with a time", (x) => serial(x) + 0.75],
  ["Excel serial as text", (x) => String(serial(x))],
  ["date cell", (x) => new Date(Date.UTC(x.y, x.m - 1, x.d))],
  ["full-width", (x) => fullWidth(x.iso)],
  ["with a time", (x) => `${x.iso} 23:59:59`],
  ["ISO with an offset", (x) => `${x.iso}T08:30:00+08:00`],
];

describe("dates", () => {
  test("should read back every day of 2000–2030 written in any accepted style", () => {
    fc.assert(
      fc.property(day(2000, 2030), fc.constantFrom(...dateStyles), pad, (x, [name, style], space) => {
        const raw = style(x);
        const r = parseDate(typeof raw === "string" ? space + raw + space : raw);
        expect(r, name).toEqual({ ok: true, value: x.iso });
      }),
      runs,
    );
  });

  test("should take a month without a day as its 1st, flagged DATE_MONTH_ONLY", () => {
    fc.assert(
      fc.property(day(2000, 2030), fc.constantFrom((x: Day) => `${x.y}年${x.m}月`, (x: Day) => `${x.y}-${p2(x.m)}`, (x: Day) => `${x.y}/${x.m}`), (x, style) => {
        const r = parseDate(style(x));
        expect(r).toMatchObject({ ok: true, value: `${x.y}-${p2(x.m)}-01`, warning: { code: "DATE_MONTH_ONLY" } });
      }),
      runs,
    );
  });

  test("should refuse a day the month does not have, or a month past 12, with INVALID_DATE", () => {
    const badDay = fc
      .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }))
      .map(([y, m, extra]) => ({ y, m, d: Math.min(daysIn(y, m) + extra, 99) }));
    const badMonth = fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => ({ y, m, d }));
    const styles = [(x: { y: number; m: number; d: number }) => `${x.y}-${p2(x.m)}-${p2(x.d)}`, (x: { y: number; m: number; d: number }) => `${x.y}/${x.m}/${x.d}`, (x: { y: number; m: number; d: number }) => `${x.y}年${x.m}月${x.d}日`, (x: { y: number; m: number; d: number }) => `${x.y}${p2(x.m)}${p2(x.d)}`];
    fc.assert(
      fc.property(fc.oneof(badDay, badMonth), fc.constantFrom(...styles), (x, style) => {
        expect(parseDate(style(x))).toMatchObject({ ok: false, code: "INVALID_DATE" });
      }),
      runs,
    );
  });

  test("should refuse real days before 2000 or after 2030 with DATE_OUT_OF_RANGE", () => {
    fc.assert(
      fc.property(fc.oneof(day(1900, 1999), day(2031, 2099)), fc.constantFrom(...dateStyles.slice(0, 6)), (x, [name, style]) => {
        expect(parseDate(style(x)), name).toMatchObject({ ok: false, code: "DATE_OUT_OF_RANGE", params: { min: "2000-01-01", max: "2030-12-31" } });
      }),
      runs,
    );
  });
});

// ─── Districts ───
const districtStyles: [string, (d: (typeof plan.districts)[number]) => string][] = [
  ["code", (d) => d.code],
  ["name", (d) => d.name],
  ["short", (d) => d.short],
  ["pinyin", (d) => d.pinyin],
  ["Pinyin District", (d) => `${d.pinyin[0]!.toUpperCase()}${d.pinyin.slice(1)} District`],
  ["PINYIN QU", (d) => `${d.pinyin.toUpperCase()} QU`],
  ["广州市 + name", (d) => `广州市${d.name}`],
  ["广州 + short", (d) => `广州${d.short}`],
  ["广东省广州市 + name", (d) => `广东省广州市${d.name}`],
  ["full-width code", (d) => fullWidth(d.code)],
];

describe("districts", () => {
  test("should read back every district written in any accepted style as its GB/T 2260 code", () => {
    fc.assert(
      fc.property(fc.constantFrom(...plan.districts), fc.constantFrom(...districtStyles), pad, pad, (d, [name, style], before, after) => {
        expect(parseDistrict(before + style(d) + after, plan), name).toEqual({ ok: true, value: d.code });
      }),
      runs,
    );
  });

  test("should refuse a place that is no Guangzhou district with INVALID_DISTRICT", () => {
    const notADistrict = fc.string({ unit: fc.constantFrom(..."甲乙丙丁戊己庚辛壬癸子丑寅卯深圳东莞佛山"), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(notADistrict, fc.constantFrom("", "区", "市", "县"), (s, suffix) => {
        expect(parseDistrict(s + suffix, plan)).toMatchObject({ ok: false, code: "INVALID_DISTRICT", params: { value: s + suffix } });
      }),
      runs,
    );
  });
});

// ─── Credit codes ───
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const body17 = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 17, maxLength: 17 });
const validCode = body17.map((b) => b + usccCheckChar(b));

const usccStyles: [string, (c: string) => string][] = [
  ["as is", (c) => c],
  ["full-width", fullWidth],
  ["grouped with spaces", (c) => c.replace(/(.{4})/g, "$1 ").trim()],
  ["NBSP inside", (c) => c.slice(0, 6) + "\u00A0" + c.slice(6)],
  ["zero-width inside", (c) => c.slice(0, 9) + "\u200B" + c.slice(9)],
  ["tab in front", (c) => `\t${c}`],
];

describe("credit codes", () => {
  test("should read back every valid code written in any accepted style", () => {
    fc.assert(
      fc.property(validCode, fc.constantFrom(...usccStyles), pad, (code, [name, style], space) => {
        expect(parseUscc(space + style(code) + space), name).toEqual({ ok: true, value: code });
      }),
      runs,
    );
  });

  test("should upper-case a code with lower-case letters, flagged USCC_LOWERCASE", () => {
    fc.assert(
      fc.property(validCode.filter((c) => /[A-Z]/.test(c)), (code) => {
        expect(parseUscc(code.toLowerCase())).toEqual({ ok: true, value: code, warning: { code: "USCC_LOWERCASE" } });
      }),
      runs,
    );
  });

  test("should refuse a wrong check character with INVALID_USCC_CHECK naming the right one", () => {
    fc.assert(
      fc.property(body17, fc.constantFrom(...ALPHABET), (b, last) => {
        const check = usccCheckChar(b);
        fc.pre(last !== check);
        expect(parseUscc(b + last)).toEqual({ ok: false, code: "INVALID_USCC_CHECK", params: { value: b + last, expected: check } });
      }),
      runs,
    );
  });

  test("should refuse a character outside GB 32100 with INVALID_USCC_FORMAT naming its position", () => {
    // I O S V Z are left out of the alphabet because they look like 1 0 5 U 2; Cyrillic and CJK look-alikes too.
    const intruder = fc.constantFrom("I", "O", "S", "V", "Z", "\u0410", "\u0412", "\u0415", "\u041E", "\u0421", "中", "-", "*");
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), intruder, (code, at, ch) => {
        const bad = code.slice(0, at) + ch + code.slice(at + 1);
        const r = parseUscc(bad);
        expect(r).toMatchObject({ ok: false, code: "INVALID_USCC_FORMAT" });
        if (!r.ok) expect(String(r.params.detail)).toContain(`position ${at + 1} '${ch}'`);
      }),
      runs,
    );
  });

  test("should refuse a code of the wrong length with INVALID_USCC_FORMAT stating both lengths", () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 1, max: 40 }), (code, len) => {
        fc.pre(len !== 18);
        const s = len < 18 ? code.slice(0, len) : code + "1".repeat(len - 18);
        const r = parseUscc(s);
        expect(r).toMatchObject({ ok: false, code: "INVALID_USCC_FORMAT" });
        if (!r.ok) expect(String(r.params.detail)).toBe(`长度应为18位,实为${len}位 / length must be 18, is ${len}`);
      }),
      runs,
    );
  });
});

describe("the four normalisers on hostile text", () => {
  // Fragments from the corpus: look-alikes, error values, formula marks, exponents, long digit runs.
  const fragment = fc.constantFrom("\u0410", "О", "#N/A", "#DIV/0!", "=", "=\"", "+", "E+", "e-", "1E+06", "９", "，", "．", "万", "亿", "元", "年", "月", "日", "区", "广州市", "\u200B", "\uFEFF", "\u00A0", "'", "\"", ";", "<script>", "'; DROP TABLE x; --", "9".repeat(30), "\uD800", "\u0000");
  const hostile = fc.array(fc.oneof(fragment, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((a) => a.join(""));
  const all: [string, (raw: RawCell) => Norm<unknown>][] = [
    ["parseAmount", (r) => parseAmount(r, "wan")],
    ["parseNumber", parseNumber],
    ["parseCount", parseCount],
    ["parseDate", (r) => parseDate(r)],
    ["parseDistrict", (r) => parseDistrict(r, plan)],
    ["parseUscc", parseUscc],
  ];
  test("should never throw, and fail only with a known cell code", () => {
    fc.assert(
      fc.property(hostile, (s) => {
        for (const [name, parse] of all) {
          const r = parse(s);
          if (!r.ok) expect(codes[r.code]?.severity, `${name}(${JSON.stringify(s)})`).toBe("error");
          else if (r.warning) expect(codes[r.warning.code]?.severity, name).toBe("warning");
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
