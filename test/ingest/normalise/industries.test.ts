import { describe, expect, test } from "vitest";
import { parseIndustry } from "../../../loaders/ingest/normalise/index.ts";
import { plan } from "../../helpers/plan.ts";

const ok = (value: string | null) => ({ ok: true, value });

describe("parseIndustry", () => {
  test("should match the full name with half- or full-width brackets", () => {
    expect(parseIndustry("智能网联与新能源汽车(零部件)", plan)).toEqual(ok("auto"));
    expect(parseIndustry("智能网联与新能源汽车（零部件）", plan)).toEqual(ok("auto"));
    expect(parseIndustry(" 智能网联与新能源汽车 （零部件） ", plan)).toEqual(ok("auto"));
    expect(parseIndustry("工业母机和机器人", plan)).toEqual(ok("machine_robot"));
  });
  test("should match short names", () => {
    expect(parseIndustry("汽车零部件", plan)).toEqual(ok("auto"));
    expect(parseIndustry("母机机器人", plan)).toEqual(ok("machine_robot"));
    expect(parseIndustry("时尚美妆", plan)).toEqual(ok("cosmetics"));
    expect(parseIndustry("定制家居", plan)).toEqual(ok("home"));
    expect(parseIndustry("服装", plan)).toEqual(ok("apparel"));
    expect(parseIndustry("箱包", plan)).toEqual(ok("bags"));
  });
  test("should match keys in any case and width", () => {
    expect(parseIndustry("auto", plan)).toEqual(ok("auto"));
    expect(parseIndustry("AUTO", plan)).toEqual(ok("auto"));
    expect(parseIndustry("Machine_Robot", plan)).toEqual(ok("machine_robot"));
    expect(parseIndustry("ｂａｇｓ", plan)).toEqual(ok("bags"));
  });
  test("should match aliases", () => {
    expect(parseIndustry("新能源汽车", plan)).toEqual(ok("auto"));
    expect(parseIndustry("工业母机与机器人", plan)).toEqual(ok("machine_robot"));
    expect(parseIndustry("化妆品", plan)).toEqual(ok("cosmetics"));
    expect(parseIndustry("家居", plan)).toEqual(ok("home"));
    expect(parseIndustry("纺织服装", plan)).toEqual(ok("apparel"));
    expect(parseIndustry("皮具箱包", plan)).toEqual(ok("bags"));
  });
  test("should give null for an empty cell", () => {
    expect(parseIndustry(null, plan)).toEqual(ok(null));
    expect(parseIndustry(" - ", plan)).toEqual(ok(null));
  });
  test("should fail INVALID_INDUSTRY on other industries", () => {
    for (const v of ["食品", "汽车制造业", "服装鞋帽", "cosmetic"]) {
      expect(parseIndustry(v, plan), v).toEqual({ ok: false, code: "INVALID_INDUSTRY", params: { value: v } });
    }
    expect(parseIndustry(3, plan)).toEqual({ ok: false, code: "INVALID_INDUSTRY", params: { value: "3" } });
  });
});
