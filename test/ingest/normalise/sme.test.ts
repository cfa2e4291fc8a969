import { describe, expect, test } from "vitest";
import { classifySize, isSme, smeStatus } from "../../../loaders/ingest/normalise/index.ts";
import { plan } from "../../helpers/plan.ts";

// 工信部联企业〔2011〕300号, 工业: large ≥ 1000 people AND ≥ 40000万; medium ≥ 300 AND ≥ 2000万;
// small ≥ 20 AND ≥ 300万; micro < 20 OR < 300万.
describe("classifySize", () => {
  test("should find large firms only at or above both limits", () => {
    expect(classifySize(1000, 40000, plan)).toBe("大型");
    expect(classifySize(5000, 100000, plan)).toBe("大型");
    expect(classifySize(999, 40000, plan)).toBe("中型");
    expect(classifySize(1000, 39999.99, plan)).toBe("中型");
    expect(classifySize(999, 39999.99, plan)).toBe("中型");
  });
  test("should find medium firms at 300 people and 2000万", () => {
    expect(classifySize(300, 2000, plan)).toBe("中型");
    expect(classifySize(299, 2000, plan)).toBe("小型");
    expect(classifySize(300, 1999.99, plan)).toBe("小型");
    // Over one large limit but not the other: an SME, medium by the other two thresholds.
    expect(classifySize(1500, 30000, plan)).toBe("中型");
    expect(classifySize(200, 80000, plan)).toBe("小型");
  });
  test("should find small firms at 20 people and 300万", () => {
    expect(classifySize(20, 300, plan)).toBe("小型");
    expect(classifySize(19, 300, plan)).toBe("微型");
    expect(classifySize(20, 299.99, plan)).toBe("微型");
    expect(classifySize(5000, 100, plan)).toBe("微型");
    expect(classifySize(0, 0, plan)).toBe("微型");
  });
  test("should decide 微型 from one figure, and nothing else", () => {
    expect(classifySize(19, null, plan)).toBe("微型");
    expect(classifySize(null, 299.99, plan)).toBe("微型");
    expect(classifySize(20, null, plan)).toBe("未知");
    expect(classifySize(999, null, plan)).toBe("未知");
    expect(classifySize(1000, null, plan)).toBe("未知");
    expect(classifySize(null, 300, plan)).toBe("未知");
    expect(classifySize(null, 40000, plan)).toBe("未知");
    expect(classifySize(null, null, plan)).toBe("未知");
  });
  test("should treat negative and non-finite figures as missing", () => {
    expect(classifySize(-5, 50000, plan)).toBe("未知");
    expect(classifySize(Number.NaN, 100, plan)).toBe("微型");
    expect(classifySize(Infinity, Infinity, plan)).toBe("未知");
  });
});

describe("isSme", () => {
  test("should be true for medium, small and micro, false for large, null for unknown", () => {
    expect(isSme("中型")).toBe(true);
    expect(isSme("小型")).toBe(true);
    expect(isSme("微型")).toBe(true);
    expect(isSme("大型")).toBe(false);
    expect(isSme("未知")).toBeNull();
  });
});

describe("smeStatus", () => {
  test("should be true when either figure is below its limit", () => {
    expect(smeStatus(999, null, plan)).toBe(true);
    expect(smeStatus(null, 39999.99, plan)).toBe(true);
    expect(smeStatus(999, 40000, plan)).toBe(true);
    expect(smeStatus(1000, 39999.99, plan)).toBe(true);
  });
  test("should be false only with both figures at or above their limits", () => {
    expect(smeStatus(1000, 40000, plan)).toBe(false);
  });
  test("should be null when the known figure cannot decide", () => {
    expect(smeStatus(1000, null, plan)).toBeNull();
    expect(smeStatus(null, 40000, plan)).toBeNull();
    expect(smeStatus(null, null, plan)).toBeNull();
  });
});
