// The platform target on the public site: its status from its go-live record, 无数据 without one.
import { describe, expect, test } from "vitest";
import { publicKpis } from "../../loaders/public/publicKpis.ts";
import { fakeReport, kpiRow } from "./fakeReport.ts";

const platform = (actual: number | null) =>
  kpiRow("platform", 0, {
    kind: "status", target: 1, actual, pct: actual == null ? null : 1, pct_of_expected: null,
    status: actual == null ? "无数据" : "达标", remaining: actual == null ? null : 0, forecast: actual,
    trailing_rate_weekly: null, required_weekly: null, week_delta: null,
  });

describe("publicKpis: platform", () => {
  test("should publish 无数据 with no value when there is no record", () => {
    const [p] = publicKpis(fakeReport({ kpis: [platform(null)] }), new Map(), 3);
    expect(p).toMatchObject({ actual: null, status: "无数据", pct: null, remaining: null, forecast: null });
  });

  test("should publish 达标 once the record is there", () => {
    const [p] = publicKpis(fakeReport({ kpis: [platform(1)] }), new Map(), 3);
    expect(p).toMatchObject({ actual: 1, status: "达标", pct: 1, remaining: 0, forecast: 1 });
  });
});
