import { describe, expect, test } from "vitest";
import { parseAmount, parseCount, parseNonNegativeAmount, parseNumber } from "../../../loaders/ingest/normalise/index.ts";

const ok = (value: number | null) => ({ ok: true, value });

describe("parseAmount in a 万元 column", () => {
  test("should read plain and formatted numbers", () => {
    expect(parseAmount(12.5, "wan")).toEqual(ok(12.5));
    expect(parseAmount("12.5", "wan")).toEqual(ok(12.5));
    expect(parseAmount("1,234.5", "wan")).toEqual(ok(1234.5));
    expect(parseAmount("12,345,678.9", "wan")).toEqual(ok(12345678.9));
    expect(parseAmount("１２３４.５", "wan")).toEqual(ok(1234.5));
    expect(parseAmount("１，２３４．５", "wan")).toEqual(ok(1234.5));
    expect(parseAmount("  12.5 ", "wan")).toEqual(ok(12.5));
    expect(parseAmount(".5", "wan")).toEqual(ok(0.5));
    expect(parseAmount("+7", "wan")).toEqual(ok(7));
  });
  test("should read a unit suffix", () => {
    expect(parseAmount("12.5万", "wan")).toEqual(ok(12.5));
    expect(parseAmount("12.5万元", "wan")).toEqual(ok(12.5));
    expect(parseAmount("12.5 万元", "wan")).toEqual(ok(12.5));
    expect(parseAmount("125000元", "wan")).toEqual(ok(12.5));
    expect(parseAmount("1.2亿", "wan")).toEqual(ok(12000));
    expect(parseAmount("1.2亿元", "wan")).toEqual(ok(12000));
  });
  test("should read Excel's exponent form", () => {
    expect(parseAmount("1E+06", "wan")).toEqual(ok(1000000));
    expect(parseAmount("1e6", "wan")).toEqual(ok(1000000));
    expect(parseAmount("2.5E-2", "wan")).toEqual(ok(0.025));
  });
  test("should drop a currency sign", () => {
    expect(parseAmount("¥12", "wan")).toEqual(ok(12));
    expect(parseAmount("￥12.5万", "wan")).toEqual(ok(12.5));
    expect(parseAmount("-¥3", "wan")).toEqual(ok(-3));
    expect(parseAmount("¥-3", "wan")).toEqual(ok(-3));
  });
  test("should allow negatives, including the U+2212 minus sign", () => {
    expect(parseAmount("-3", "wan")).toEqual(ok(-3));
    expect(parseAmount("−3.5", "wan")).toEqual(ok(-3.5));
    expect(parseAmount(-3, "wan")).toEqual(ok(-3));
  });
  test("should round to 6 decimals to remove float noise", () => {
    expect(parseAmount(0.1 + 0.2, "wan")).toEqual(ok(0.3));
    expect(parseAmount("1.23456789", "wan")).toEqual(ok(1.234568));
    expect(parseAmount("-0.0000001", "wan")).toEqual(ok(0));
  });
  test("should give null for an empty cell", () => {
    for (const v of [null, "", "  ", "-", "—", "/"]) expect(parseAmount(v, "wan")).toEqual(ok(null));
  });
  test("should fail INVALID_NUMBER on garbage", () => {
    for (const v of ["abc", "约12万", "12万万", "万", "¥", "1,23", "1234,567", "1.2.3", "+-3", "12%", "0x10", "Infinity", "1e999", "无"]) {
      expect(parseAmount(v, "wan"), v).toEqual({ ok: false, code: "INVALID_NUMBER", params: { value: v } });
    }
  });
  test("should fail INVALID_NUMBER on non-numeric cells", () => {
    expect(parseAmount(true, "wan")).toEqual({ ok: false, code: "INVALID_NUMBER", params: { value: "true" } });
    expect(parseAmount(new Date(Date.UTC(2025, 0, 2)), "wan")).toEqual({ ok: false, code: "INVALID_NUMBER", params: { value: "2025-01-02" } });
    expect(parseAmount(Number.NaN, "wan")).toEqual({ ok: false, code: "INVALID_NUMBER", params: { value: "NaN" } });
  });
  test("should report the cleaned text as the value", () => {
    expect(parseAmount(" 12\u00A0元元 ", "wan")).toEqual({ ok: false, code: "INVALID_NUMBER", params: { value: "12 元元" } });
  });
});

describe("parseAmount in a 元 column", () => {
  test("should divide plain numbers by 10000", () => {
    expect(parseAmount("125000", "yuan")).toEqual(ok(12.5));
    expect(parseAmount(125000, "yuan")).toEqual(ok(12.5));
    expect(parseAmount("¥125,000", "yuan")).toEqual(ok(12.5));
    expect(parseAmount("1", "yuan")).toEqual(ok(0.0001));
    expect(parseAmount("0.01", "yuan")).toEqual(ok(0.000001));
  });
  test("should still read a 万 suffix as 万", () => {
    expect(parseAmount("12.5万", "yuan")).toEqual(ok(12.5));
    expect(parseAmount("125000元", "yuan")).toEqual(ok(12.5));
  });
});

describe("parseNonNegativeAmount", () => {
  test("should pass zero and positive amounts through", () => {
    expect(parseNonNegativeAmount("0", "wan")).toEqual(ok(0));
    expect(parseNonNegativeAmount("12.5万", "yuan")).toEqual(ok(12.5));
    expect(parseNonNegativeAmount("-", "wan")).toEqual(ok(null));
  });
  test("should fail NEGATIVE_AMOUNT below zero", () => {
    expect(parseNonNegativeAmount(" -3万 ", "wan")).toEqual({ ok: false, code: "NEGATIVE_AMOUNT", params: { value: "-3万" } });
    expect(parseNonNegativeAmount(-50000, "yuan")).toEqual({ ok: false, code: "NEGATIVE_AMOUNT", params: { value: "-50000" } });
  });
  test("should keep INVALID_NUMBER for garbage", () => {
    expect(parseNonNegativeAmount("x", "wan")).toEqual({ ok: false, code: "INVALID_NUMBER", params: { value: "x" } });
  });
});

describe("parseNumber", () => {
  test("should read plain decimals", () => {
    expect(parseNumber("35.5")).toEqual(ok(35.5));
    expect(parseNumber("３５．５")).toEqual(ok(35.5));
    expect(parseNumber(" 1,200 ")).toEqual(ok(1200));
    expect(parseNumber("-2")).toEqual(ok(-2));
    expect(parseNumber("1E+03")).toEqual(ok(1000));
    expect(parseNumber(0.1 + 0.2)).toEqual(ok(0.3));
    expect(parseNumber("")).toEqual(ok(null));
  });
  test("should fail INVALID_NUMBER on units and garbage", () => {
    for (const v of ["35.5分", "12万", "abc", "1..2"]) {
      expect(parseNumber(v), v).toEqual({ ok: false, code: "INVALID_NUMBER", params: { value: v } });
    }
    expect(parseNumber(false)).toEqual({ ok: false, code: "INVALID_NUMBER", params: { value: "false" } });
    expect(parseNumber(Infinity)).toEqual({ ok: false, code: "INVALID_NUMBER", params: { value: "Infinity" } });
  });
});

describe("parseCount", () => {
  test("should read whole numbers in every written form", () => {
    expect(parseCount("1200")).toEqual(ok(1200));
    expect(parseCount(1200)).toEqual(ok(1200));
    expect(parseCount("1,200")).toEqual(ok(1200));
    expect(parseCount("１２００")).toEqual(ok(1200));
    expect(parseCount("1200人")).toEqual(ok(1200));
    expect(parseCount("350人次")).toEqual(ok(350));
    expect(parseCount("1200.0")).toEqual(ok(1200));
    expect(parseCount(1200.0000000000002)).toEqual(ok(1200));
    expect(parseCount("0")).toEqual(ok(0));
    expect(parseCount("-")).toEqual(ok(null));
  });
  test("should fail INVALID_INTEGER on fractions, negatives and garbage", () => {
    for (const v of ["12.5", "-3", "abc", "12万", "1e30"]) {
      expect(parseCount(v), v).toEqual({ ok: false, code: "INVALID_INTEGER", params: { value: v } });
    }
    expect(parseCount(12.5)).toEqual({ ok: false, code: "INVALID_INTEGER", params: { value: "12.5" } });
    expect(parseCount(-3)).toEqual({ ok: false, code: "INVALID_INTEGER", params: { value: "-3" } });
    expect(parseCount(true)).toEqual({ ok: false, code: "INVALID_INTEGER", params: { value: "true" } });
  });
});
