// The weekly review on the hand-made pair of snapshots (fixture.ts): every kind of change and of
// revision, with the expected diff written out from the fixture's comments.
import type { DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, test } from "vitest";
import { plan } from "../helpers/plan.ts";
import { computeWeekly } from "../../loaders/weekly/computeWeekly.ts";
import { pickPair } from "../../loaders/warehouse/snapshots.ts";
import type { WeeklyReview } from "../../loaders/weekly/types.ts";
import { A, B, WEEKS_LEFT_A, openWeeklyFixture } from "./fixture.ts";

let conn: DuckDBConnection;
let r: WeeklyReview;

beforeAll(async () => {
  conn = await openWeeklyFixture(plan);
  r = await computeWeekly(conn, { plan });
});

describe("snapshot pair", () => {
  test("should compare the newest snapshot with the one before it by default", () => {
    expect([r.before, r.after, r.days, r.weeks]).toEqual([A, B, 7, 1]);
  });

  test("should take the newest snapshot on or before the dates given", async () => {
    expect(await pickPair(conn, { before: "2026-06-10" })).toEqual({ before: A, after: B });
    expect(await pickPair(conn, { before: A, after: "2026-06-30" })).toEqual({ before: A, after: B });
  });

  test("should compare a lone snapshot with itself when asked to, finding no change", async () => {
    const lone = await openWeeklyFixture(plan);
    await lone.run(`DELETE FROM snapshots WHERE snapshot = DATE '${A}'`);
    await expect(computeWeekly(lone, { plan })).rejects.toThrow(`no snapshot before ${B}`);
    const same = await computeWeekly(lone, { plan, allowSame: true });
    expect([same.before, same.after, same.days]).toEqual([B, B, 0]);
    expect([same.revisions, same.status_changes, same.quality.changes, same.breaches.added]).toEqual([[], [], [], []]);
    expect(same.events.totals.every((e) => e.events === 0 && e.late === 0)).toBe(true);
    expect(same.targets.every((t) => (t.kind === "status" ? t.delta === null : t.delta === 0) && t.met === null)).toBe(true);
  });

  test("should refuse a pair that is not earlier → later", async () => {
    await expect(pickPair(conn, { before: B })).rejects.toThrow("must come before");
    await expect(pickPair(conn, { after: A })).rejects.toThrow(`no snapshot before ${A}`);
    await expect(pickPair(conn, { before: "2026-01-01" })).rejects.toThrow("no snapshot on or before 2026-01-01");
  });
});

describe("target changes", () => {
  const row = (key: string) => r.targets.find((t) => t.key === key)!;
  // What A's required weekly rate asks of one week: (target − actual on A) / weeks left on A.
  const required = (target: number, before: number) => (target - before) / WEEKS_LEFT_A;

  test("should give each count target's value on A and B and the change", () => {
    expect(r.targets.map((t) => [t.key, t.before, t.after, t.delta])).toEqual([
      ["enterprises_transformed", 1, 1, 0], // E1 joins, E2's acceptance is withdrawn
      ["diagnosed", 2, 3, 1], // E3
      ["digital_workshops", 2, 1, -1], // R2 removed
      ["smart_factories", 0, 0, 0],
      ["service_providers", 1, 2, 1], // V2
      ["products", 1, 2, 1], // D2
      ["scenarios", 0, 1, 1], // R3
      ["chain_cases", 0, 0, 0],
      ["clusters", 0, 0, 0],
      ["platform", null, null, null], // no go-live record in either snapshot: 无数据, no change to state
      ["training_person_times", 100, 140, 40], // T1
    ]);
  });

  test("should judge the week against the weekly rate A required", () => {
    expect(row("enterprises_transformed").required_for_period).toBeCloseTo(required(710, 1), 10);
    expect(row("training_person_times").required_for_period).toBeCloseTo(required(2000, 100), 10);
    expect(row("enterprises_transformed").met).toBe(false);
    expect(row("platform")).toMatchObject({ required_weekly: null, required_for_period: null, met: null });
  });

  test("should count a week as met when it adds at least what was required", () => {
    // service_providers needed (50 − 1) / 29.86 = 1.64 and added 1: not met.
    expect(row("service_providers")).toMatchObject({ delta: 1, met: false });
    expect(r.targets.filter((t) => t.met === true)).toEqual([]);
  });
});

describe("new events", () => {
  test("should count events dated after A and on or before B, and late entries apart", () => {
    expect(r.events.totals.map((e) => [e.key, e.events, e.qty, e.late])).toEqual([
      ["listed", 1, null, 1], // E3 listed 06-08; E5 listed 05-01, first seen in B: late
      ["diagnosed", 1, null, 0], // E3 06-10
      ["signed", 1, null, 0], // E5 (P4) 06-10
      ["accepted", 1, null, 0], // E1 (P1) 06-09
      ["enterprises_transformed", 1, null, 0], // E1 from 06-10 (its 二级 assessment)
      ["digital_workshops", 0, null, 0],
      ["smart_factories", 0, null, 0],
      ["scenarios", 1, null, 0], // R3
      ["chain_cases", 0, null, 0],
      ["clusters", 0, null, 0],
      ["service_providers", 1, null, 0], // V2
      ["products", 1, null, 0], // D2
      ["trainings", 1, 40, 0], // T1: one session, 40 person-times
      ["payments", 1, 30, 1], // F2 30万元; F3 dated 06-01, first seen in B: late
    ]);
  });

  test("should break events down per district, with 未注明 for records without one", () => {
    expect(r.events.by_district.map((e) => [e.key, e.name, e.events, e.qty, e.late])).toEqual([
      ["listed", "番禺区", 1, null, 0],
      ["listed", "增城区", 0, null, 1],
      ["diagnosed", "番禺区", 1, null, 0],
      ["signed", "增城区", 1, null, 0],
      ["accepted", "黄埔区", 1, null, 0],
      ["enterprises_transformed", "黄埔区", 1, null, 0],
      ["scenarios", "番禺区", 1, null, 0],
      ["service_providers", "未注明", 1, null, 0],
      ["products", "未注明", 1, null, 0],
      ["trainings", "天河区", 1, 40, 0],
      ["payments", "黄埔区", 1, 30, 0],
      ["payments", "未注明", 0, 0, 1],
    ]);
  });

  test("should break events down per industry, in the plan's order", () => {
    expect(r.events.by_industry.filter((e) => e.key === "listed").map((e) => [e.code, e.events, e.late])).toEqual([
      ["home", 1, 0],
      ["apparel", 0, 1],
    ]);
    expect(r.events.by_industry.filter((e) => e.key === "products").map((e) => [e.name, e.events])).toEqual([["智能网联与新能源汽车(零部件)", 1]]);
  });
});

describe("project status changes", () => {
  test("should list each project whose status differs, revisions first", () => {
    expect(r.status_changes.map((c) => [c.project_id, c.from_status, c.to_status, c.kind, c.changed_on])).toEqual([
      ["P2", "验收通过", "验收申请", "backward", null],
      ["P5", "实施中", null, "removed", null],
      ["P1", "验收申请", "验收通过", "forward", "2026-06-09"],
      ["P6", "验收未通过", "验收通过", "forward", "2026-06-11"], // a re-review
      ["P4", null, "已签约", "new", "2026-06-10"],
    ]);
  });

  test("should count the from → to moves", () => {
    expect(r.status_transitions.map((t) => [t.from_status, t.to_status, t.projects])).toEqual([
      ["验收通过", "验收申请", 1],
      ["实施中", null, 1],
      ["验收申请", "验收通过", 1],
      ["验收未通过", "验收通过", 1],
      [null, "已签约", 1],
    ]);
  });
});

describe("overdue, stuck, breaches", () => {
  test("should find the projects that became overdue and those that left the list", () => {
    expect(r.overdue.added.map((p) => [p.project_id, p.days_overdue])).toEqual([["P2", 224], ["P4", 1]]);
    // A lists the most overdue first: P6 (66 days), P1 (5).
    expect(r.overdue.removed.map((p) => [p.project_id, p.status_after])).toEqual([["P6", "验收通过"], ["P1", "验收通过"]]);
    expect([r.overdue.total_before, r.overdue.total_after]).toEqual([2, 2]);
  });

  test("should find the projects that became stuck this week", () => {
    // On A: P3 (277 days), P5 (247), P6 (65); on B: P3 (270), P2 (223), P7 (63).
    expect(r.stuck.added.map((p) => [p.project_id, p.days_since_change])).toEqual([["P2", 223], ["P7", 63]]);
    expect(r.stuck.removed.map((p) => [p.project_id, p.status_after])).toEqual([["P5", null], ["P6", "验收通过"]]);
    expect([r.stuck.total_before, r.stuck.total_after, r.stuck.stuck_after_days]).toEqual([3, 3, 60]);
  });

  test("should find the breach a revision created", () => {
    expect(r.breaches.added.map((b) => [b.rule, b.entity_id, b.amount_wan, b.limit_wan])).toEqual([["paid_not_accepted", "P2", 25, 0]]);
    expect([r.breaches.removed.length, r.breaches.total_before, r.breaches.total_after]).toEqual([0, 0, 1]);
  });
});

describe("revisions", () => {
  test("should list every past value changed or cleared and every row removed, and nothing else", () => {
    expect(r.revisions.map((v) => [v.table_key, v.record_id, v.column_key, v.kind, v.before, v.after])).toEqual([
      ["enterprises", "E4", "name", "changed", "丁四箱包", "丁四箱包有限公司"],
      ["assessment_scenarios", "A4 / 产品设计", "scenario_level", "changed", "2", "3"],
      ["projects", "P2", "status", "changed", "验收通过", "验收申请"], // acceptance withdrawn
      ["projects", "P2", "accepted_on", "cleared", "2025-11-20", null],
      ["projects", "P3", "signed_on", "changed", "2025-09-01", "2025-09-15"], // a date moved
      ["projects", "P5", null, "row_removed", null, null],
      ["funds", "F1", "amount_wan", "changed", "20.0", "25.0"], // amount corrected
      ["loans", "L2", "interest_paid_wan", "changed", "8.0", "6.0"], // a running total that fell
      ["recognitions", "R2", null, "row_removed", null, null],
      ["district_targets", "440111 / enterprises_transformed", "target", "changed", "4.0", "3.0"],
    ]);
  });

  test("should not count progress as a revision", () => {
    const revised = new Set(r.revisions.map((v) => `${v.record_id}.${v.column_key}`));
    for (const progress of [
      "P1.status", "P1.accepted_on", "P1.verified_wan", // moved forward, values filled in
      "P6.status", "P6.accepted_on", // re-review passed: a new date in a row that moved forward
      "P3.planned_end", // a plan after A re-planned
      "L1.interest_paid_wan", // a running total growing
    ]) expect(revised.has(progress), progress).toBe(false);
  });

  test("should write values the Chinese way and name whose record it is", () => {
    const f1 = r.revisions.find((v) => v.record_id === "F1")!;
    expect([f1.before_text, f1.after_text]).toEqual(["20万元", "25万元"]);
    const p2 = r.revisions.find((v) => v.record_id === "P2" && v.column_key === "accepted_on")!;
    expect(p2).toMatchObject({ label: "乙二改造", enterprise: "乙二美妆", column_zh: "验收日期", before_text: "2025年11月20日", after_text: "空" });
    expect(r.revisions.find((v) => v.record_id === "A4 / 产品设计")).toMatchObject({ before_text: "二级", after_text: "三级" });
  });

  test("should write a removed row out and say why B lacks it when B rejected it", () => {
    const r2 = r.revisions.find((v) => v.record_id === "R2")!;
    expect(r2).toMatchObject({
      label: "乙二车间",
      enterprise: "乙二美妆",
      reason: "取值「车间」不在允许范围内",
      before_text: "类型:数字化车间;名称:乙二车间;所属区:白云区;行业:时尚美妆;相关企业:E2;认定日期:2025年11月1日",
      after_text: "整行删除",
    });
    expect(r.revisions.find((v) => v.record_id === "P5")!.reason).toBeNull();
  });
});

describe("data quality", () => {
  test("should list problems new in B and those B fixed, matched by table, record, code and column", () => {
    expect(r.quality.changes.map((q) => [q.change, q.table_key, q.record_id, q.code, q.row])).toEqual([
      ["new", "funds", "F9", "NEGATIVE_AMOUNT", 7],
      ["new", "recognitions", "R2", "INVALID_ENUM", 3],
      ["fixed", "enterprises", "E9", "REQUIRED_MISSING", 5],
    ]);
  });

  test("should count errors and warnings on each side (info notes are no problems)", () => {
    expect(r.quality.totals).toEqual({ errors_before: 2, errors_after: 3, warnings_before: 1, warnings_after: 1 });
  });
});

describe("districts and attention", () => {
  test("should give each district's change against its district target's line", () => {
    const baiyun = r.districts.find((d) => d.district_code === "440111")!;
    expect(baiyun).toMatchObject({ transformed_before: 1, transformed_after: 0, transformed_delta: -1, target: 3 });
    expect(baiyun.required_for_period).toBeCloseTo((3 - 1) / WEEKS_LEFT_A, 10);
    expect(r.districts.find((d) => d.district_code === "440113")).toMatchObject({ diagnosed_before: 0, diagnosed_after: 1, target: null, shortfall: null });
  });

  test("should end with the items needing attention, in words", () => {
    expect(r.attention.map((a) => a.kind)).toEqual(["gap", "gap", "gap", "gap", "overdue", "stuck", "breach", "district", "revision", "quality"]);
    expect(r.attention.map((a) => a.text).slice(3)).toEqual([
      "数字化车间比上期减少1个(2→1),请核对数据修订",
      "本期新增逾期未验收项目2个(乙二美妆、戊五服装),累计2个",
      "本期新增超过60天无进展项目2个(乙二美妆),累计3个",
      "新增超限拨付:项目未验收通过即拨付改造补助:乙二美妆 · 乙二改造,25万元,不应拨付",
      "改造达二级进展最慢的区:白云区减少1家(1→0)",
      "历史数据被修订10处,涉及9条记录,请向报送单位核实原因",
      "新增数据错误2条,相关行未计入指标,请报送单位更正",
    ]);
  });
});
