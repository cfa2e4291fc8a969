// The one "behind pace" rule (loaders/kpi/gaps.ts), on rows worked out by hand.
import { describe, expect, test } from "vitest";
import { behindPace, kpisBehindPace } from "../../loaders/kpi/gaps.ts";

const k = (key: string, kind: string, status: string, pct_of_expected: number | null) => ({ key, kind, status, pct_of_expected });

describe("targets behind pace", () => {
  test("should keep count targets at 预警 or 落后, furthest behind first", () => {
    const kpis = [
      k("a", "count", "达标", 1.02),
      k("b", "count", "落后", 0.31),
      k("c", "count", "预警", 0.86),
      k("d", "status", "落后", 0), // the platform: no pace to fall behind
      k("e", "count", "无数据", null), // a missing figure, not a gap
      k("f", "count", "落后", 0.05),
    ];
    expect(kpisBehindPace(kpis).map((r) => r.key)).toEqual(["f", "b", "c"]);
  });

  test("should read any row shape through its accessor (the weekly review's status_after)", () => {
    const rows = [
      { key: "x", kind: "count", status_after: "预警", pct_of_expected_after: 0.9 },
      { key: "y", kind: "count", status_after: "落后", pct_of_expected_after: 0.4 },
      { key: "z", kind: "count", status_after: null, pct_of_expected_after: null },
    ];
    expect(behindPace(rows, (t) => ({ kind: t.kind, status: t.status_after, pctOfExpected: t.pct_of_expected_after })).map((r) => r.key)).toEqual(["y", "x"]);
  });
});
