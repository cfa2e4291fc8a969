import { describe, expect, test } from "vitest";
import { parseLevel } from "../../../loaders/ingest/normalise/index.ts";
import { plan } from "../../helpers/plan.ts";

const ok = (value: number | null) => ({ ok: true, value });

describe("parseLevel", () => {
  test("should read Chinese level names with and without 级", () => {
    expect(parseLevel("一级", plan)).toEqual(ok(1));
    expect(parseLevel("二级", plan)).toEqual(ok(2));
    expect(parseLevel("三级", plan)).toEqual(ok(3));
    expect(parseLevel("四级", plan)).toEqual(ok(4));
    expect(parseLevel("二", plan)).toEqual(ok(2));
    expect(parseLevel(" 三 级 ", plan)).toEqual(ok(3));
  });
  test("should read digits, numbers and 2级", () => {
    expect(parseLevel("1", plan)).toEqual(ok(1));
    expect(parseLevel("4", plan)).toEqual(ok(4));
    expect(parseLevel("2级", plan)).toEqual(ok(2));
    expect(parseLevel("２级", plan)).toEqual(ok(2));
    expect(parseLevel("2.0", plan)).toEqual(ok(2));
    expect(parseLevel(3, plan)).toEqual(ok(3));
    expect(parseLevel(4.0, plan)).toEqual(ok(4));
  });
  test("should read L1–L4 and Level n in any case", () => {
    expect(parseLevel("L1", plan)).toEqual(ok(1));
    expect(parseLevel("l4", plan)).toEqual(ok(4));
    expect(parseLevel("Level 2", plan)).toEqual(ok(2));
    expect(parseLevel("LEVEL3", plan)).toEqual(ok(3));
    expect(parseLevel("Lv2", plan)).toEqual(ok(2));
    expect(parseLevel("Ｌ３", plan)).toEqual(ok(3));
  });
  test("should read Roman numerals, Unicode and ASCII", () => {
    expect(parseLevel("Ⅰ级", plan)).toEqual(ok(1));
    expect(parseLevel("Ⅱ级", plan)).toEqual(ok(2));
    expect(parseLevel("Ⅲ", plan)).toEqual(ok(3));
    expect(parseLevel("Ⅳ级", plan)).toEqual(ok(4));
    expect(parseLevel("II级", plan)).toEqual(ok(2));
    expect(parseLevel("iii", plan)).toEqual(ok(3));
    expect(parseLevel("IV", plan)).toEqual(ok(4));
  });
  test("should give null for an empty cell", () => {
    for (const v of [null, "", "-"]) expect(parseLevel(v, plan)).toEqual(ok(null));
  });
  test("should fail INVALID_LEVEL outside 1–4 and on garbage", () => {
    for (const v of ["0", "5", "五级", "L5", "V", "2.5", "高", "l", "level", "一二级", "L"]) {
      expect(parseLevel(v, plan), v).toEqual({ ok: false, code: "INVALID_LEVEL", params: { value: v } });
    }
    expect(parseLevel(2.5, plan)).toEqual({ ok: false, code: "INVALID_LEVEL", params: { value: "2.5" } });
    expect(parseLevel(0, plan)).toEqual({ ok: false, code: "INVALID_LEVEL", params: { value: "0" } });
    expect(parseLevel(true, plan)).toEqual({ ok: false, code: "INVALID_LEVEL", params: { value: "true" } });
  });
});
