import { describe, expect, test } from "vitest";
import { parseLevel } from "../../loaders/ingest/normalise/index.ts";

const ok = (value: number | null) => ({ ok: true, value });

describe("parseLevel", () => {
  test("should read Chinese level names with and without 级", () => {
    expect(parseLevel("一级")).toEqual(ok(1));
    expect(parseLevel("二级")).toEqual(ok(2));
    expect(parseLevel("三级")).toEqual(ok(3));
    expect(parseLevel("四级")).toEqual(ok(4));
    expect(parseLevel("二")).toEqual(ok(2));
    expect(parseLevel(" 三 级 ")).toEqual(ok(3));
  });
  test("should read digits, numbers and 2级", () => {
    expect(parseLevel("1")).toEqual(ok(1));
    expect(parseLevel("4")).toEqual(ok(4));
    expect(parseLevel("2级")).toEqual(ok(2));
    expect(parseLevel("２级")).toEqual(ok(2));
    expect(parseLevel("2.0")).toEqual(ok(2));
    expect(parseLevel(3)).toEqual(ok(3));
    expect(parseLevel(4.0)).toEqual(ok(4));
  });
  test("should read L1–L4 and Level n in any case", () => {
    expect(parseLevel("L1")).toEqual(ok(1));
    expect(parseLevel("l4")).toEqual(ok(4));
    expect(parseLevel("Level 2")).toEqual(ok(2));
    expect(parseLevel("LEVEL3")).toEqual(ok(3));
    expect(parseLevel("Lv2")).toEqual(ok(2));
    expect(parseLevel("Ｌ３")).toEqual(ok(3));
  });
  test("should read Roman numerals, Unicode and ASCII", () => {
    expect(parseLevel("Ⅰ级")).toEqual(ok(1));
    expect(parseLevel("Ⅱ级")).toEqual(ok(2));
    expect(parseLevel("Ⅲ")).toEqual(ok(3));
    expect(parseLevel("Ⅳ级")).toEqual(ok(4));
    expect(parseLevel("II级")).toEqual(ok(2));
    expect(parseLevel("iii")).toEqual(ok(3));
    expect(parseLevel("IV")).toEqual(ok(4));
  });
  test("should give null for an empty cell", () => {
    for (const v of [null, "", "-"]) expect(parseLevel(v)).toEqual(ok(null));
  });
  test("should fail INVALID_LEVEL outside 1–4 and on garbage", () => {
    for (const v of ["0", "5", "五级", "L5", "V", "2.5", "高", "l", "level", "一二级", "L"]) {
      expect(parseLevel(v), v).toEqual({ ok: false, code: "INVALID_LEVEL", params: { value: v } });
    }
    expect(parseLevel(2.5)).toEqual({ ok: false, code: "INVALID_LEVEL", params: { value: "2.5" } });
    expect(parseLevel(0)).toEqual({ ok: false, code: "INVALID_LEVEL", params: { value: "0" } });
    expect(parseLevel(true)).toEqual({ ok: false, code: "INVALID_LEVEL", params: { value: "true" } });
  });
});
