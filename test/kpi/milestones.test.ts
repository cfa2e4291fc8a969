// The plan's work streams (五(一)–(九)) against the data date: days left, state, and the monitor's
// 30-day alert window at 29, 30 and 31 days; and their place in the report and the weekly review.
import { describe, expect, test } from "vitest";
import { computeReport } from "../../loaders/kpi/computeReport.ts";
import { daysBetween, milestoneRow, milestones } from "../../loaders/kpi/milestones.ts";
import { plan } from "../helpers/plan.ts";
import { computeWeekly } from "../../loaders/weekly/computeWeekly.ts";
import { weeklyMarkdown } from "../../loaders/weekly/weeklyMarkdown.ts";
import { weeklySheets } from "../../src/components/weekly/weeklySheets.ts";
import { planFacts } from "../helpers/plan.ts";
import { S2, openFixture } from "./fixture.ts";

const byKey = (asOf: string) => Object.fromEntries(milestones(plan, asOf).rows.map((m) => [m.key, m]));

const sheetWords = { headline: planFacts.headline, area: planFacts.area_noun };

describe("the plan's work streams", () => {
  test("should quote every period of 五(一)–(九) as the plan writes it, with the month convention's days", () => {
    expect(plan.milestones.map((m) => [m.cite, m.words, m.from ?? null, m.to ?? null])).toEqual([
      ["五(一)", "持续开展至2026年底", null, "2026-12-31"],
      ["五(二)", "2024年4月—12月", "2024-04-01", "2024-12-31"],
      ["五(三)", "2024年9月起持续征集", "2024-09-01", null],
      ["五(四)", "2024年9月起持续开展", "2024-09-01", null],
      ["五(五)", "2024年9月起持续开展", "2024-09-01", null],
      ["五(六)", "2024年11月起持续开展", "2024-11-01", null],
      ["五(七)", "2024年6月至2026年底", "2024-06-01", "2026-12-31"],
      ["五(八)", "2024年9月至2027年3月", "2024-09-01", "2027-03-31"],
      ["五(九)", "2025年1月至2027年3月持续开展", "2025-01-01", "2027-03-31"],
    ]);
    expect(plan.milestones.filter((m) => m.final).map((m) => m.cite)).toEqual(["五(八)"]);
    expect(plan.monitoring.milestoneAlertDays).toBe(30);
  });

  test("should count calendar days from the data date, signed", () => {
    // 2026-06-30 → 2026-12-31: 1+31+31+30+31+30+31 − 1 = 184; → 2027-03-31: 184 + 31 + 28 + 31 = 274.
    // 2024-12-31 → 2026-06-30: 365 + 181 = 546 days before.
    const m = byKey(S2);
    expect([m.survey!.days_left, m.acceptance!.days_left, m.pilot_acceptance!.days_left, m.replication!.days_left, m.leading_units!.days_left])
      .toEqual([184, 184, 274, 274, -546]);
    expect([m.products!.days_left, m.diagnosis!.days_left, m.transformation!.days_left, m.evaluation!.days_left]).toEqual([null, null, null, null]);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2); // a leap year
  });

  test("should say where each stream stands: not started, running, running on with no deadline, past", () => {
    expect(Object.values(byKey(S2)).map((m) => m.state)).toEqual(["进行中", "已到期", "持续开展", "持续开展", "持续开展", "持续开展", "进行中", "进行中", "进行中"]);
    // 五(九) starts 2025-01-01: on 2024-12-31 it has not started; its deadline is 365 + 365 + 31 + 28 + 31 = 820 days away.
    expect(byKey("2024-12-31").replication).toMatchObject({ state: "未开始", days_left: 820, due_soon: false });
    expect(byKey("2024-12-31").leading_units).toMatchObject({ state: "进行中", days_left: 0, due_soon: true });
  });

  test("should flag a deadline 29 or 30 days away and not one 31 days away or already past", () => {
    const m = plan.milestones.find((x) => x.key === "acceptance")!; // to 2026-12-31
    expect(milestoneRow(m, "2026-12-02", 30)).toMatchObject({ days_left: 29, due_soon: true });
    expect(milestoneRow(m, "2026-12-01", 30)).toMatchObject({ days_left: 30, due_soon: true });
    expect(milestoneRow(m, "2026-11-30", 30)).toMatchObject({ days_left: 31, due_soon: false });
    expect(milestoneRow(m, "2027-01-01", 30)).toMatchObject({ days_left: -1, due_soon: false, state: "已到期" });
    // The final acceptance: 2027-03-01 is 30 days before 2027-03-31.
    expect(byKey("2027-03-01").pilot_acceptance).toMatchObject({ days_left: 30, due_soon: true, final: true });
    expect(byKey("2027-02-28").pilot_acceptance).toMatchObject({ days_left: 31, due_soon: false });
    // On 2026-12-01 exactly 五(一) and 五(七) end within 30 days.
    expect(milestones(plan, "2026-12-01").rows.filter((x) => x.due_soon).map((x) => x.cite)).toEqual(["五(一)", "五(七)"]);
  });
});

describe("in the report and the weekly review", () => {
  test("should judge on the report's as-of (the data date), not the wall clock", async () => {
    const conn = await openFixture(plan);
    const r = await computeReport(conn, { plan });
    expect(r.milestones.as_of).toBe(S2);
    expect(r.milestones.alert_days).toBe(30);
    expect(r.milestones.rows.find((m) => m.key === "pilot_acceptance")!.days_left).toBe(274);
    const later = await computeReport(conn, { plan, asOf: "2026-12-01" });
    expect(later.milestones.rows.filter((m) => m.due_soon).map((m) => m.key)).toEqual(["survey", "acceptance"]);
  });

  test("should add the near deadlines to the weekly review only when there are some", async () => {
    const conn = await openFixture(plan);
    const review = await computeWeekly(conn, { plan });
    // B = 2026-06-30: the nearest deadline is 184 days away.
    expect(review.milestones_due).toEqual({ alert_days: 30, rows: [] });
    expect(weeklyMarkdown(review)).not.toContain("临近工作节点");
    const near = { ...review, milestones_due: { alert_days: 30, rows: milestones(plan, "2026-12-02").rows.filter((m) => m.due_soon) } };
    const md = weeklyMarkdown(near);
    expect(md).toContain("**临近工作节点**(截止日期在30天内,本监测自定提示口径)\n- 五(一) 摸查中小企业数字化转型现状及意愿(持续开展至2026年底):距截止还有29天(2026年12月31日)\n- 五(七) 开展数字化改造项目验收和补助(2024年6月至2026年底):距截止还有29天(2026年12月31日)\n");
    // The numbered sections keep their numbers.
    expect(md).toContain("**一、目标变化**");
    // The workbook gets a first sheet for them, only then.
    expect(weeklySheets(review, sheetWords).map((s) => s.name)).not.toContain("临近工作节点");
    expect(weeklySheets(near, sheetWords)[0]).toMatchObject({ name: "临近工作节点", rows: [
      { cite: "五(一)", words: "持续开展至2026年底", to: "2026-12-31", days_left: 29 },
      { cite: "五(七)", words: "2024年6月至2026年底", to: "2026-12-31", days_left: 29 },
    ] });
  });
});
