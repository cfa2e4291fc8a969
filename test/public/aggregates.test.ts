import { describe, expect, test } from "vitest";
import type { DirectionRow, DistrictRow, IndustryRow, MatrixCell } from "../../loaders/kpi/reportTypes.ts";
import { plan } from "../helpers/plan.ts";
import { assertNoIdentifiers } from "../../loaders/public/assertNoIdentifiers.ts";
import { fundTable } from "../../loaders/public/fundTable.ts";
import { withResiduals } from "../../loaders/public/grid.ts";
import { publicKpis } from "../../loaders/public/publicKpis.ts";
import { publicTable } from "../../loaders/public/publicTable.ts";
import { transformedTable } from "../../loaders/public/transformedTable.ts";
import { fakeReport, kpiRow } from "./fakeReport.ts";
import { linesWithOneWithheld } from "./feasible.ts";

const min = 3;
const KEY = "enterprises_transformed";

describe("withResiduals", () => {
  test("should add the rest of each row, each column and the corner when the totals exceed the parts", () => {
    const g = withResiduals(
      { rows: [{ key: "a", label: "A" }, { key: "b", label: "B" }], cols: [{ key: "x", label: "X" }], values: [[2], [3]] },
      { rows: [4, 3], cols: [6], total: 11 },
      { row: "未注明区", col: "其他行业" },
    );
    // Row A: 4 − 2 = 2 elsewhere; column X: 6 − 5 = 1 with no district; corner: 11 − 5 − 2 − 1 = 3.
    expect(g.values).toEqual([[2, 2], [3, 0], [1, 3]]);
    expect(g.rows.map((r) => r.label)).toEqual(["A", "B", "未注明区"]);
    expect(g.cols.map((c) => c.label)).toEqual(["X", "其他行业"]);
  });

  test("should add nothing when the parts make up the totals", () => {
    const g = withResiduals({ rows: [{ key: "a", label: "A" }], cols: [{ key: "x", label: "X" }], values: [[5]] }, { rows: [5], cols: [5], total: 5 }, { row: "r", col: "c" });
    expect(g.values).toEqual([[5]]);
  });

  test("should refuse totals smaller than their parts", () => {
    expect(() => withResiduals({ rows: [{ key: "a", label: "A" }], cols: [{ key: "x", label: "X" }], values: [[5]] }, { rows: [4] }, { row: "r", col: "c" })).toThrow(/smaller/);
  });
});

describe("publicTable", () => {
  test("should withhold a table whole when no complement can protect it", () => {
    const axis = (keys: string[]) => keys.map((key) => ({ key, label: key }));
    // The table suppressGrid refuses (suppress.test.ts): every sign would still give a cell away.
    const t = publicTable({ rows: axis(["a", "b"]), cols: axis(["x", "y"]), values: [[2, 2], [1, 1]] }, { kind: "count" }, min);
    expect([t.cells, t.row_totals, t.col_totals, t.total]).toEqual([[["—", "—"], ["—", "—"]], ["—", "—"], ["—", "—"], "—"]);
  });
});

describe("transformedTable", () => {
  // 黄埔 5 母机 + 2 汽车 + 1 in no pilot industry; 番禺 4 汽车; 白云 1 美妆; 花都 3 箱包; 1 with no district.
  const cells: [string, string, number][] = [["440112", "machine_robot", 5], ["440112", "auto", 2], ["440113", "auto", 4], ["440111", "cosmetics", 1], ["440114", "bags", 3]];
  const matrix: MatrixCell[] = cells.map(([d, i, actual]) => ({ key: KEY, district_code: d, district: d, industry_key: i, industry: i, actual, is_focus: d !== "440111" }));
  const byDistrict: DistrictRow[] = [["440112", 8], ["440113", 4], ["440111", 1], ["440114", 3]].map(([d, actual]) => ({
    key: KEY, district_code: d as string, district: d as string, actual: actual as number, share: null, rank: 1, focus_actual: 0, is_focus: true,
    target: d === "440112" ? 10 : d === "440111" ? 5 : null, pct: null,
  }));
  const byIndustry: IndustryRow[] = [["machine_robot", 5], ["auto", 6], ["cosmetics", 1], ["bags", 3]].map(([i, actual]) => ({
    key: KEY, industry_key: i as string, industry: i as string, actual: actual as number, share: null, rank: 1, focus_actual: 0,
  }));
  const t = transformedTable(fakeReport({ kpis: [kpiRow(KEY, 17)], district_industry: matrix, by_district: byDistrict, by_industry: byIndustry }), plan, min);
  const row = (code: string) => t.rows.findIndex((r) => r.key === code);
  const col = (key: string) => t.cols.findIndex((c) => c.key === key);

  test("should hold every district and industry plus the rest of each", () => {
    expect(t.rows.map((r) => r.label)).toEqual([...plan.districts.map((d) => d.name), "未注明区"]);
    expect(t.cols.map((c) => c.short ?? c.label)).toEqual([...plan.industries.map((i) => i.short), "其他行业"]);
    expect(t.total).toBe(17);
  });

  test("should show 1 and 2 as <3 and publish cells of 3 or more unless withheld as complements", () => {
    expect(t.cells[row("440111")]![col("cosmetics")]).toBe("<3");
    expect(t.cells[row("440112")]![col("auto")]).toBe("<3");
    expect(t.cells[row("440112")]![col("rest")]).toBe("<3");
    expect(t.row_totals[row("440111")]).toBe("<3");
    expect(t.row_totals[t.rows.length - 1]).toBe("<3");
    expect(t.row_totals[row("440112")]).toBe(8);
    expect(linesWithOneWithheld({ cells: t.cells, rowTotals: t.row_totals, colTotals: t.col_totals, total: t.total })).toEqual([]);
  });

  test("should mark the plan's pairs and give a district's share of its target only when its count shows", () => {
    expect(t.focus[row("440112")]![col("machine_robot")]).toBe(true);
    expect(t.focus[row("440111")]![col("cosmetics")]).toBe(false);
    expect(t.row_targets[row("440112")]).toBe(10);
    expect(t.row_pct[row("440112")]).toBe(0.8);
    // 白云 has a target of 5 but only "<3" enterprises: 1/5 would give the count away.
    expect(t.row_targets[row("440111")]).toBe(5);
    expect(t.row_pct[row("440111")]).toBeNull();
  });
});

describe("publicKpis", () => {
  test("should withhold every number derived from a count below 3", () => {
    const [k] = publicKpis(fakeReport({ kpis: [kpiRow("clusters", 2, { trailing_rate_weekly: 0.5 })] }), new Map(), min);
    expect(k).toMatchObject({ actual: "<3", pct: null, status: null, remaining: null, forecast: null, trailing_rate_weekly: null, required_weekly: null, expected: 5, target: 10 });
  });

  test("should withhold the weekly rate and forecast when the recent weeks added 1 or 2", () => {
    // 0.25 a week over 8 weeks is 2 added: a small count by subtraction.
    const [slow, fast, flat] = publicKpis(
      fakeReport({ kpis: [kpiRow("a", 40, { trailing_rate_weekly: 0.25 }), kpiRow("b", 40, { trailing_rate_weekly: 0.5, forecast: 43 }), kpiRow("c", 40, { trailing_rate_weekly: 0 })] }),
      new Map(),
      min,
    );
    expect([slow!.trailing_rate_weekly, slow!.forecast, slow!.pct]).toEqual([null, null, 4]);
    expect([fast!.trailing_rate_weekly, fast!.forecast]).toEqual([0.5, 43]);
    expect([flat!.trailing_rate_weekly, flat!.forecast]).toEqual([0, 40]);
  });

  test("should take a target's count from its table and keep the platform's status", () => {
    const [fromTable, platform] = publicKpis(
      fakeReport({ kpis: [kpiRow(KEY, 17), kpiRow("platform", 1, { kind: "status", target: 1 })] }),
      new Map([[KEY, "—"]]),
      min,
    );
    expect([fromTable!.actual, fromTable!.pct]).toEqual(["—", null]);
    expect(platform!.actual).toBe(1);
  });
});

describe("fundTable", () => {
  const dir = (key: string, direction: string, cap: number | null, amounts: number[]): DirectionRow => ({
    key, direction, ord: 0, amount_wan: amounts.reduce((a, b) => a + b, 0), payments: 9, cap_wan: cap, per_district_cap_wan: null,
    pct_of_cap: null, counted_wan: 0, other_levels_wan: 0, cap_sources: [], by_source: plan.funding.sources.map((source, k) => ({ source, amount_wan: amounts[k]! })),
  });
  const report = fakeReport({
    funding: { by_direction: [dir("transformation_subsidy", "改造补助", null, [100, 50, 80, 0]), dir("training", "人才培训", 300, [30, 20, 0, 0])], by_district: [], by_industry: [], monthly: [] },
  });
  const c = (direction_key: string | null, source: string | null, contributors: number) => ({ direction_key, source, contributors });
  const contributors = [
    c("transformation_subsidy", "中央", 5), c("transformation_subsidy", "省级", 2), c("transformation_subsidy", "市级", 4), c("transformation_subsidy", null, 6),
    c("training", "中央", 1), c("training", "省级", 2), c("training", null, 3),
    c(null, "中央", 6), c(null, "省级", 4), c(null, "市级", 4), c(null, null, 9),
  ];

  test("should withhold amounts from fewer than 3 payees and the complement that protects them", () => {
    const f = fundTable(report, plan, contributors, min);
    // 省级 subsidy (2 payees) is alone in its row: the row's smallest cell whose column already has
    // a withheld cell is 中央 100 (training 中央 has 1 payee). Training 50 has 3 payees: it shows.
    expect(f.cells).toEqual([["—", "—", 80, 0], ["—", "—", 0, 0]]);
    expect([f.row_totals, f.col_totals, f.total]).toEqual([[230, 50], [130, 70, 80, 0], 280]);
    expect(f.caps.map((x) => x.pct_of_cap)).toEqual([null, 50 / 300]);
  });
});

describe("assertNoIdentifiers", () => {
  test("should refuse identifier fields and identifier-shaped text anywhere in the data", () => {
    expect(() => assertNoIdentifiers({ a: [{ uscc: "x" }] })).toThrow(/"uscc"/);
    expect(() => assertNoIdentifiers({ a: ["91440101327598294H"] })).toThrow(/identifier-like/);
    expect(() => assertNoIdentifiers({ a: { b: "电话 13800000001" } })).toThrow(/identifier-like/);
    expect(() => assertNoIdentifiers({ note: "020-83000001" })).toThrow(/identifier-like/);
  });

  test("should pass aggregate data through unchanged", () => {
    const data = { meta: { snapshot: "2026-11-20" }, kpis: [{ key: "products", label: "产品", actual: 380 }], cells: [["<3", "—", 12]] };
    expect(assertNoIdentifiers(data)).toBe(data);
  });
});
