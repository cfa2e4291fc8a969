// The weekly review's section on the leading units (五(五)、五(六)): reports filed and gone missing,
// new mismatches, 整改 items opened / closed / gone overdue, and removals, on the two-snapshot
// fixture of ./fixture.ts (A = 2026-06-08, B = 2026-06-30), and the text a secretary pastes.
import { beforeAll, describe, expect, test } from "vitest";
import type { DuckDBConnection } from "@duckdb/node-api";
import { computeWeekly } from "../../loaders/weekly/computeWeekly.ts";
import { weeklyMarkdown } from "../../loaders/weekly/weeklyMarkdown.ts";
import type { WeeklyReview } from "../../loaders/weekly/types.ts";
import { plan } from "../helpers/plan.ts";
import { A, S, openUnitFixture, openUnitWeeklyFixture } from "./fixture.ts";

let review: WeeklyReview;
beforeAll(async () => {
  const conn: DuckDBConnection = await openUnitWeeklyFixture(plan);
  review = await computeWeekly(conn, { plan });
  conn.closeSync();
});

describe("weekly review: leading units", () => {
  test("should compare A with B", () => {
    expect([review.before, review.after]).toEqual([A, S]);
  });

  test("should list reports filed this week and periods gone missing", () => {
    const u = review.units;
    expect(u.reports_filed.map((p) => [p.unit_id, p.period, p.status, p.days_late])).toEqual([["U1", "2026-04", "late", 5]]);
    expect(u.reports_gone_missing.map((p) => [p.unit_id, p.period, p.due_on])).toEqual([
      ["U1", "2026-05", "2026-06-10"],
      ["U2", "2026-05", "2026-06-10"],
    ]);
    expect(u.mismatches_new.map((m) => [m.unit_id, m.period, m.figure])).toEqual([
      ["U1", "2026-04", "projects_accepted"],
      ["U1", "2026-04", "projects_signed"],
    ]);
  });

  test("should list items opened, closed and gone overdue this week", () => {
    const u = review.units;
    const ids = (xs: { unit_id: string; item_no: string | null }[]) => xs.map((i) => `${i.unit_id}-${i.item_no}`);
    expect(ids(u.items_opened)).toEqual(["U2-1", "U2-2"]);
    expect(ids(u.items_closed)).toEqual(["U1-2"]);
    expect(ids(u.items_gone_overdue)).toEqual(["U2-1"]);
    expect([u.items_open_after, u.items_overdue_after]).toEqual([1, 1]);
  });

  test("should show the removal recorded this week, and not the one already shown", () => {
    expect(review.units.removals.map((r) => [r.kind, r.id, r.removed_on, r.removed_reason])).toEqual([["leading_unit", "U3", "2026-05-20", "未按期报送"]]);
  });

  test("should write the section in the pasted text", () => {
    const md = weeklyMarkdown(review);
    expect(md).toContain("**七、牵引单位报送、考核整改与名单调整**");
    expect(md).toContain("- 进展报送:本期新收到1期报送(其中逾期报送1期),新增未报送2期");
    expect(md).toContain("  - 未报送:U1 甲牵引 2026-05期(应于2026年6月10日前报送)");
    expect(md).toContain("  - U1 甲牵引 2026-04期 已签约项目数:报送6,台账5");
    expect(md).toContain("- 考核整改:本期新提出整改事项2项,完成整改1项,新逾期1项;现整改中1项,逾期未整改1项");
    expect(md).toContain("  - 新逾期:U2 乙牵引 项目进度滞后(整改期限2026年6月15日)");
    expect(md).toContain("  - 牵引单位 U3 丙牵引:2026年5月20日移出,原因:未按期报送");
  });

  test("should say the tables were not supplied rather than count zeros", async () => {
    const conn = await openUnitFixture(plan, false);
    const md = weeklyMarkdown(await computeWeekly(conn, { plan, allowSame: true }));
    conn.closeSync();
    expect(md).toContain("- 进展报送:未报送此表(牵引单位进展报送),无法判断按期报送情况");
    expect(md).toContain("- 考核整改:未报送此表(牵引单位考核整改)");
    expect(md).not.toContain("新增未报送");
  });
});
