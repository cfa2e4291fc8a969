import { describe, expect, test } from "vitest";
import { parseEnum } from "../../../loaders/ingest/normalise/index.ts";

const ok = (value: string | null) => ({ ok: true, value });
const KINDS = ["改造前", "改造后"] as const;
const TIERS = ["无", "创新型", "专精特新", "小巨人"];
const KEYS = ["enterprises_transformed", "digital_workshops"];

describe("parseEnum", () => {
  test("should return the canonical value", () => {
    expect(parseEnum("改造前", KINDS)).toEqual(ok("改造前"));
    expect(parseEnum("专精特新", TIERS)).toEqual(ok("专精特新"));
  });
  test("should ignore whitespace, width and case", () => {
    expect(parseEnum(" 改造 后\u3000", KINDS)).toEqual(ok("改造后"));
    expect(parseEnum("Digital_Workshops", KEYS)).toEqual(ok("digital_workshops"));
    expect(parseEnum("ＥＮＴＥＲＰＲＩＳＥＳ＿ＴＲＡＮＳＦＯＲＭＥＤ", KEYS)).toEqual(ok("enterprises_transformed"));
  });
  test("should read 无 as a value, not as an empty cell", () => {
    expect(parseEnum("无", TIERS)).toEqual(ok("无"));
  });
  test("should give null for an empty cell", () => {
    for (const v of [null, "", " ", "-", "—"]) expect(parseEnum(v, TIERS)).toEqual(ok(null));
  });
  test("should fail INVALID_ENUM on near misses, with the allowed list", () => {
    for (const v of ["专精特新企业", "小巨人类", "改造", "改造中"]) {
      expect(parseEnum(v, TIERS), v).toEqual({ ok: false, code: "INVALID_ENUM", params: { value: v, allowed: "无/创新型/专精特新/小巨人" } });
    }
    expect(parseEnum(1, KINDS)).toEqual({ ok: false, code: "INVALID_ENUM", params: { value: "1", allowed: "改造前/改造后" } });
  });
  test("should fail on an empty list of values", () => {
    expect(parseEnum("改造前", [])).toEqual({ ok: false, code: "INVALID_ENUM", params: { value: "改造前", allowed: "" } });
  });
  test("should follow a list's own contents, not a cached copy of another list", () => {
    expect(parseEnum("甲", ["甲", "乙"])).toEqual(ok("甲"));
    expect(parseEnum("甲", ["乙", "丙"])).toEqual({ ok: false, code: "INVALID_ENUM", params: { value: "甲", allowed: "乙/丙" } });
  });
});
