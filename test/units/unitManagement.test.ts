// The leading units' management loop (五(五)–(七)) on the hand-made fixture of ./fixture.ts:
// late and missing reports, reported figures against the exports, 整改 items, the acceptance
// record and its failure rate, removals before and after their day, and the tables left out.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DuckDBConnection } from "@duckdb/node-api";
import { kpiParams } from "../../loaders/kpi/params.ts";

import { installMacros, prepareBound } from "../../loaders/warehouse/query.ts";
import type * as R from "../../loaders/kpi/reportTypes.ts";
import { plan } from "../helpers/plan.ts";
import { parseMonth } from "../../loaders/ingest/normalise/index.ts";
import { S, openUnitFixture } from "./fixture.ts";
import { runQueryFile } from "../../loaders/warehouse/query.ts";

let conn: DuckDBConnection;
let bare: DuckDBConnection;
beforeAll(async () => {
  conn = await openUnitFixture(plan);
  bare = await openUnitFixture(plan, false);
});
afterAll(() => {
  conn.closeSync();
  bare.closeSync();
});

const run = <Row>(name: string, asOf = S, c = conn) => runQueryFile<Row>(c, "report", name, kpiParams(plan, S, asOf));
const unit = async (id: string, asOf = S, c = conn) => (await run<R.UnitRecord>("unit_management_summary", asOf, c)).find((u) => u.unit_id === id);

describe("reporting calendar (五(五), monthly, due the 10th: the monitor's convention)", () => {
  test("should owe each unit the months from its first full month to the last ended one, with each state", async () => {
    const cal = await run<R.UnitReportPeriod>("unit_report_calendar");
    expect(cal.map((r) => [r.unit_id, r.period, r.due_on, r.submitted_on, r.status, r.days_late])).toEqual([
      ["U1", "2026-03", "2026-04-10", "2026-04-08", "on_time", null],
      ["U1", "2026-04", "2026-05-10", "2026-05-15", "late", 5],
      ["U1", "2026-05", "2026-06-10", null, "missing", 20],
      ["U2", "2026-04", "2026-05-10", "2026-05-10", "on_time", null],
      ["U2", "2026-05", "2026-06-10", null, "missing", 20],
      // U3 was removed on 05-20: it owes only the months it was listed for in full.
      ["U3", "2026-02", "2026-03-10", null, "missing", 112],
      ["U3", "2026-03", "2026-04-10", null, "missing", 81],
      ["U3", "2026-04", "2026-05-10", null, "missing", 51],
    ]);
    expect(cal[0]!.status_label).toBe("按时报送");
    expect(cal[1]!.status_label).toBe("逾期报送");
    expect(cal[2]!.status_label).toBe("未报送");
  });

  test("should read a period not yet due as not_due, and a report filed after as_of as not filed", async () => {
    const cal = await run<R.UnitReportPeriod>("unit_report_calendar", "2026-06-05");
    const u2 = cal.filter((r) => r.unit_id === "U2").map((r) => [r.period, r.status, r.days_late]);
    expect(u2).toEqual([["2026-04", "on_time", null], ["2026-05", "not_due", null]]);
    // On 05-12 U1's April report (filed 05-15) is not in yet: missing, 2 days.
    const early = await run<R.UnitReportPeriod>("unit_report_calendar", "2026-05-12");
    expect(early.find((r) => r.unit_id === "U1" && r.period === "2026-04")).toMatchObject({ status: "missing", days_late: 2, submitted_on: null });
  });

  test("should count each unit's periods by state", async () => {
    expect(await unit("U1")).toMatchObject({ reports_owed: 3, reports_on_time: 1, reports_late: 1, reports_missing: 1, reports_not_due: 0, report_periods_differing: 1 });
    expect(await unit("U2", "2026-06-05")).toMatchObject({ reports_owed: 1, reports_on_time: 1, reports_missing: 0, reports_not_due: 1 });
  });
});

describe("reported figures against the exports (exact match: the plan gives no tolerance)", () => {
  test("should list only the figures that differ, with both values", async () => {
    const rows = await run<R.UnitReportMismatch>("unit_report_mismatches");
    expect(rows.map((r) => [r.unit_id, r.period, r.figure, r.reported, r.exported, r.difference])).toEqual([
      ["U1", "2026-04", "projects_accepted", 2, 1, 1],
      ["U1", "2026-04", "projects_signed", 6, 5, 1],
    ]);
    expect(rows[0]!.figure_label).toBe("验收通过项目数");
  });
});

describe("review items (五(六) 整改)", () => {
  test("should give each item its state on as_of", async () => {
    const items = await run<R.RectificationItem>("unit_rectification_items");
    expect(items.map((i) => [i.unit_id, i.item_no, i.status, i.closed_late, i.days_overdue])).toEqual([
      ["U2", "1", "overdue", false, 15],
      ["U2", "2", "open", false, null],
      ["U1", "1", "closed", false, null],
      ["U1", "2", "closed", true, null],
    ]);
  });

  test("should keep the deadline day in time and read an item closed later as overdue before", async () => {
    const on = await run<R.RectificationItem>("unit_rectification_items", "2026-06-15");
    expect(on.find((i) => i.unit_id === "U2" && i.item_no === "1")!.status).toBe("open");
    const may = await run<R.RectificationItem>("unit_rectification_items", "2026-05-20");
    expect(may.find((i) => i.unit_id === "U1" && i.item_no === "2")).toMatchObject({ status: "overdue", days_overdue: 5, closed_on: null });
  });

  test("should list each review once, a review without items included", async () => {
    const reviews = await run<R.UnitReview>("unit_review_history");
    expect(reviews.map((r) => [r.unit_id, r.reviewed_on, r.result, r.items, r.items_closed, r.items_open, r.items_overdue])).toEqual([
      ["U1", "2026-03-15", "基本合格", 2, 2, 0, 0],
      ["U1", "2026-06-01", "合格", 0, 0, 0, 0],
      ["U2", "2026-05-01", "不合格", 2, 0, 1, 1],
    ]);
    expect(await unit("U2")).toMatchObject({ reviews: 1, items: 2, items_open: 1, items_overdue: 1, items_closed: 0 });
    expect(await unit("U1")).toMatchObject({ reviews: 2, items: 2, items_closed: 2 });
  });
});

describe("acceptance record (五(七)) and failure rate = failed / (accepted + failed)", () => {
  test("should count accepted, failed and pending per unit on as_of", async () => {
    // At S: P1 and P6 accepted (P5's enterprise left the list on 04-30), P3 failed, P4 pending: 1 / 3.
    expect(await unit("U1")).toMatchObject({ projects_accepted: 2, projects_failed: 1, projects_pending: 1, failure_rate: 1 / 3 });
    // On 04-20: P1 and P5 accepted; P3 applied only on 05-01, P4 on 06-01: nothing failed or pending.
    expect(await unit("U1", "2026-04-20")).toMatchObject({ projects_accepted: 2, projects_failed: 0, projects_pending: 0, failure_rate: 0 });
    // On 06-10 P6 (applied 05-20, accepted 06-20) is pending.
    expect(await unit("U1", "2026-06-10")).toMatchObject({ projects_accepted: 1, projects_failed: 1, projects_pending: 2, failure_rate: 0.5 });
    // Nothing decided: no rate.
    expect(await unit("U2")).toMatchObject({ projects_accepted: 0, projects_failed: 0, failure_rate: null });
  });
});

describe("removals (五(五) 动态调整)", () => {
  test("should list a removal from its day on, with its reason", async () => {
    expect(await run<R.ListRemoval>("list_removals", "2026-04-29")).toEqual([]);
    expect((await run<R.ListRemoval>("list_removals", "2026-05-01")).map((r) => [r.kind, r.id, r.removed_on, r.removed_reason])).toEqual([
      ["enterprise", "E5", "2026-04-30", "企业注销"],
    ]);
    expect((await run<R.ListRemoval>("list_removals")).map((r) => r.id)).toEqual(["E5", "U3"]);
  });

  test("should drop a removed unit from the scorecard from its day on, and keep it before", async () => {
    const before = await run<R.LeadingUnitRow>("leading_unit_scorecard", "2026-05-19");
    const after = await run<R.LeadingUnitRow>("leading_unit_scorecard", "2026-05-20");
    expect(before.map((u) => u.unit_id)).toEqual(["U1", "U2", "U3"]);
    expect(after.map((u) => u.unit_id)).toEqual(["U1", "U2"]);
    expect(await unit("U3")).toMatchObject({ on_list: false, removed_on: "2026-05-20", removed_reason: "未按期报送" });
    expect(await unit("U3", "2026-05-19")).toMatchObject({ on_list: true, removed_on: null, removed_reason: null });
  });

  test("should stop counting a removed enterprise's projects and facts from its day on", async () => {
    const accepted = async (asOf: string) => (await run<R.LeadingUnitRow>("leading_unit_scorecard", asOf)).find((u) => u.unit_id === "U1")!.projects_accepted;
    expect([await accepted("2026-04-29"), await accepted("2026-04-30")]).toEqual([2, 1]);
    const signed = async (asOf: string) => {
      await installMacros(conn);
      const p = await prepareBound(conn, "SELECT count(*)::INTEGER AS n FROM kpi_facts_at($snapshot, $as_of, $eligible_from) WHERE key = 'signed'", kpiParams(plan, S, asOf));
      const n = (await p.runAndReadAll()).getRowObjectsJson()[0]!.n;
      p.destroySync();
      return n;
    };
    // Signed by 04-29: E1 E2 E3 E4 E5 E6 (six); from 04-30 E5 is off the list.
    expect([await signed("2026-04-29"), await signed("2026-04-30")]).toEqual([6, 5]);
  });
});

describe("optional tables", () => {
  test("should say which tables were supplied", async () => {
    expect(await run("unit_reports_supplied")).toEqual([{ unit_reports: true, unit_reviews: true }]);
    expect(await run("unit_reports_supplied", S, bare)).toEqual([{ unit_reports: false, unit_reviews: false }]);
  });

  test("should give null report and review figures, never zeros, and no calendar when they are absent", async () => {
    expect(await run("unit_report_calendar", S, bare)).toEqual([]);
    expect(await unit("U1", S, bare)).toMatchObject({
      reports_owed: null, reports_missing: null, report_periods_differing: null, reviews: null, items: null, items_overdue: null,
      projects_accepted: 2, projects_failed: 1,
    });
  });
});

describe("reporting period cells", () => {
  test("should read a month in the forms desks write it", () => {
    for (const raw of ["2026-10", "2026/10", "2026年10月", "2026年10月份", "202610", "2026-10-01", "２０２６年１０月", new Date(Date.UTC(2026, 9, 15))]) {
      expect(parseMonth(raw)).toEqual({ ok: true, value: "2026-10-01" });
    }
    expect(parseMonth("2026-13").ok).toBe(false);
    expect(parseMonth("十月").ok).toBe(false);
    expect(parseMonth("")).toEqual({ ok: true, value: null });
  });
});

describe("the report's briefing (section 七)", () => {
  test("should count the periods, items, acceptance results and removals, and say when a table is missing", async () => {
    const { computeReport } = await import("../../loaders/kpi/computeReport.ts");
    const { unitLines } = await import("../../loaders/kpi/reportMarkdown.ts");
    expect(unitLines((await computeReport(conn, { plan })).unit_management)).toEqual([
      "- 进展报送(每月一期,次月10日前报送,期限为本监测约定):按时2期,逾期报送1期,未报送5期;报送数与台账不一致2项(待核实)",
      "- 考核整改:整改事项4项,逾期未整改1项,整改中1项,已整改2项",
      "- 验收结果:验收通过2个,验收未通过1个(未通过率33.3%,本监测口径)",
      "- 名单动态调整:已移出2个;被改造企业企五(2026年4月30日,企业注销);牵引单位丙牵引(2026年5月20日,未按期报送)",
    ]);
    const lines = unitLines((await computeReport(bare, { plan })).unit_management);
    expect(lines.slice(0, 2)).toEqual(["- 进展报送:未报送此表(牵引单位进展报送)", "- 考核整改:未报送此表(牵引单位考核整改)"]);
  });
});
