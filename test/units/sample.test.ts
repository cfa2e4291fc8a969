// The sample (data/sample) against what its generator built into the leading units' management loop
// (truth.json `unit_loop`): late, missing and inconsistent reports, 整改 items, removals and the
// weekly review of the last week: two independent implementations.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { computeReport } from "../../loaders/kpi/computeReport.ts";
import type { Report } from "../../loaders/kpi/reportTypes.ts";
import { rectificationSummary } from "../../loaders/selfassessment/rectification.ts";
import { computeWeekly } from "../../loaders/weekly/computeWeekly.ts";
import type { WeeklyReview } from "../../loaders/weekly/types.ts";
import { openWarehouse } from "../../loaders/warehouse/build.ts";
import { plan } from "../helpers/plan.ts";

const root = resolve(import.meta.dirname, "../../data/sample");
const truth = JSON.parse(readFileSync(`${root}/truth.json`, "utf8"));
const loop = truth.unit_loop as {
  late_reports: { unit_id: string; period: string }[];
  missing_reports: { unit_id: string; period: string }[];
  report_mismatches: { unit_id: string; period: string; figure: string; reported: number; exported: number }[];
  rectification_items: { unit_id: string; reviewed_on: string; item_no: string; status: string }[];
  removals: { kind: string; id: string; removed_on: string; removed_reason: string }[];
  last_week: { items_opened: string[]; items_closed: string[]; items_gone_overdue: string[]; removals: string[] };
};
const snapshots = (truth.snapshots as { snapshot: string }[]).map((s) => s.snapshot);
const last = snapshots.at(-1)!;

let report: Report;
let before: Report;
let weekly: WeeklyReview;
let close: () => void = () => {};
beforeAll(async () => {
  const wh = await openWarehouse(root, plan);
  close = wh.close;
  report = await computeReport(wh.conn, { plan });
  before = await computeReport(wh.conn, { plan, asOf: "2026-10-23" });
  weekly = await computeWeekly(wh.conn, { plan });
}, 600_000);
afterAll(() => close());

const byPeriod = (xs: { unit_id: string; period: string }[]) => xs.map((x) => `${x.unit_id}|${x.period}`).sort();
const itemKey = (i: { unit_id: string; reviewed_on: string; item_no: string | null }) => `${i.unit_id}|${i.reviewed_on}|${i.item_no}`;

describe(`sample on ${last}: the leading units' management loop`, () => {
  test("should supply both optional tables", () => {
    expect(report.unit_management.supplied).toEqual({ unit_reports: true, unit_reviews: true });
  });

  test("should find exactly the late and missing reports the sample holds, every other one on time", () => {
    const cal = report.unit_management.calendar;
    expect(byPeriod(cal.filter((r) => r.status === "late"))).toEqual(byPeriod(loop.late_reports));
    expect(byPeriod(cal.filter((r) => r.status === "missing"))).toEqual(byPeriod(loop.missing_reports));
    expect(cal.filter((r) => r.status === "not_due")).toEqual([]);
  });

  test("should find exactly the inconsistent figures, with both values", () => {
    const got = report.unit_management.mismatches.map((m) => ({ unit_id: m.unit_id, period: m.period, figure: m.figure, reported: m.reported, exported: m.exported }));
    const key = (m: { unit_id: string; period: string; figure: string }) => `${m.unit_id}|${m.period}|${m.figure}`;
    expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...loop.report_mismatches].sort((a, b) => key(a).localeCompare(key(b))));
  });

  test("should give every 整改 item the state the sample gave it", () => {
    const got = report.unit_management.rectifications.map((i) => `${itemKey(i)}|${i.status}`).sort();
    expect(got).toEqual(loop.rectification_items.map((i) => `${itemKey(i)}|${i.status}`).sort());
  });

  test("should list both removals with day and reason, and drop the removed unit from the scorecard", () => {
    const got = report.unit_management.removals.map((r) => ({ kind: r.kind, id: r.id, removed_on: r.removed_on, removed_reason: r.removed_reason }));
    expect(got.sort((a, b) => a.id.localeCompare(b.id))).toEqual([...loop.removals].sort((a, b) => a.id.localeCompare(b.id)));
    const unit = loop.removals.find((r) => r.kind === "leading_unit")!;
    expect(report.leading_units.map((u) => u.unit_id)).not.toContain(unit.id);
    expect(report.unit_management.units.find((u) => u.unit_id === unit.id)).toMatchObject({ on_list: false, removed_on: unit.removed_on });
    // Before the removals, the earlier snapshot has none and the unit is scored.
    expect(before.unit_management.removals).toEqual([]);
    expect(before.leading_units.map((u) => u.unit_id)).toContain(unit.id);
  });

  test("should show the last week's opened, closed and overdue items and the removal in the weekly review", () => {
    const u = weekly.units;
    expect(u.items_opened.map(itemKey)).toEqual(loop.last_week.items_opened);
    expect(u.items_closed.map(itemKey)).toEqual(loop.last_week.items_closed);
    expect(u.items_gone_overdue.map(itemKey)).toEqual(loop.last_week.items_gone_overdue);
    expect(u.removals.map((r) => `${r.kind}|${r.id}`)).toEqual(loop.last_week.removals);
  });

  test("should give the self-assessment's 考核整改 figures from the same rows as the page", () => {
    // 牵引单位考核整改台账.csv of the last snapshot: 97 rows from 25 units, 51 reviews without an item;
    // of the 46 items, truth.json says 41 closed, 3 overdue, 2 open (so 5 not closed).
    expect(rectificationSummary(report)).toEqual({
      units_reviewed: 25, items: 46, open: 5, overdue: 3, closed: 41,
      source: { path: "/unit-reviews", page: "报送与考核", table: "整改事项" },
    });
    // The earlier fixture without the table keeps 未提供数据 (test/selfassessment/figures.test.ts).
  });
});
