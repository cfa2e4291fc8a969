// Every cap of plan 四 at, just under and just over its limit, with and without money from levels the
// cap does not count, on tiny hand-made warehouses (one snapshot, a few payments each). Expected
// values are worked out by hand in the comments. Whose money each cap counts (plan.funding.directions):
//   改造补助 中央/省级/市级 · 数字贷贴息 省级/市级 · 牵引单位奖励 中央/市级 · 平台项目 中央/省级 ·
//   集中采购 中央/市级 · 人才培训 中央/省级 · 第三方服务 省级/市级 · 平台运营 市级.
import type { DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, test } from "vitest";
import { breachRules, reviewRules } from "../../loaders/kpi/complianceRules.ts";
import { kpiParams } from "../../loaders/kpi/params.ts";
import type { Breach, DirectionRow, ReviewItem } from "../../loaders/kpi/reportTypes.ts";

import { installMacros } from "../../loaders/warehouse/query.ts";
import { plan } from "../helpers/plan.ts";
import { openEmpty } from "./fixture.ts";
import { runQueryFile } from "../../loaders/warehouse/query.ts";

const S = "2026-06-30";
const D1 = "2025-10-01";
const D2 = "2025-11-01";

/*
 * The world every case shares.
 *  E1 post-assessment 一级 (no cap in the plan); E0 never assessed after; E2 二级 (cap 60); E3 三级 (100);
 *  E4 四级 (150); E5 二级, E6 二级 (loans only).
 *  Projects, all accepted 2025-06-01: P2 (E2, 核定投入 100 → 50% = 50); P3a, P3b (E3, 1000 each); P4 (E4,
 *  1000); P22 (E2 second project, 1000); PA (E2 project accepted 2026-07-01, after S).
 *  Loans: L1 E5 principal 1000 (3% = 30), interest paid 100; L2 E5 principal 10000 (3% = 300), paid 20;
 *  L3, L4 E6 principal 5000 each (3% = 150), paid 100 each.
 *  Units: U1 一档 (100), U3 三档 (50), U0 no tier. Platform projects: PP1 (U1, 核定投入 500 → 30% = 150),
 *  PP2 (U1, 1000 → 30% = 300, so the 250 cap decides).
 */
const base = [
  `INSERT INTO enterprises BY NAME SELECT DATE '${S}' AS snapshot, * FROM (VALUES
     ('E0', '零号'), ('E1', '一号'), ('E2', '二号'), ('E3', '三号'), ('E4', '四号'), ('E5', '五号'), ('E6', '六号')) v(uscc, name)`,
  `INSERT INTO assessments BY NAME SELECT DATE '${S}' AS snapshot, * FROM (VALUES
     ('A1', 'E1', '改造后', DATE '2025-07-01', 1), ('A2', 'E2', '改造后', DATE '2025-07-01', 2),
     ('A3', 'E3', '改造后', DATE '2025-07-01', 3), ('A4', 'E4', '改造后', DATE '2025-07-01', 4),
     ('A5', 'E5', '改造后', DATE '2025-07-01', 2), ('A6', 'E6', '改造后', DATE '2025-07-01', 2)) v(assessment_id, uscc, kind, assessed_on, level)`,
  `INSERT INTO projects BY NAME SELECT DATE '${S}' AS snapshot, * FROM (VALUES
     ('P2', 'E2', '二号改造', 100, '验收通过', DATE '2025-06-01'),
     ('P22', 'E2', '二号二期', 1000, '验收通过', DATE '2025-06-01'),
     ('P3a', 'E3', '三号一期', 1000, '验收通过', DATE '2025-06-01'),
     ('P3b', 'E3', '三号二期', 1000, '验收通过', DATE '2025-06-01'),
     ('P4', 'E4', '四号改造', 1000, '验收通过', DATE '2025-06-01'),
     ('P1', 'E1', '一号改造', 1000, '验收通过', DATE '2025-06-01'),
     ('P0', 'E0', '零号改造', 1000, '验收通过', DATE '2025-06-01'),
     ('PP1', 'PU1', '平台一', 500, '验收通过', DATE '2025-06-01'),
     ('PP2', 'PU1', '平台二', 1000, '验收通过', DATE '2025-06-01')) v(project_id, uscc, project_name, verified_wan, status, accepted_on)`,
  `INSERT INTO loans BY NAME SELECT DATE '${S}' AS snapshot, * FROM (VALUES
     ('L1', 'E5', 1000, 100), ('L2', 'E5', 10000, 20), ('L3', 'E6', 5000, 100), ('L4', 'E6', 5000, 100)) v(loan_id, uscc, principal_wan, interest_paid_wan)`,
  `INSERT INTO leading_units BY NAME SELECT DATE '${S}' AS snapshot, * FROM (VALUES
     ('U1', '一档单位', '一档'), ('U3', '三档单位', '三档'), ('U0', '未评档单位', NULL)) v(unit_id, name, tier)`,
  `INSERT INTO snapshots VALUES (DATE '${S}', '${S}')`,
];

/** [payment id, direction, source, payee, project, loan, district, amount, paid on]. */
type Pay = [string, string, string, string, string | null, string | null, string | null, number, string?];

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openEmpty(plan);
  for (const sql of base) await conn.run(sql);
  await installMacros(conn);
});

const lit = (v: string | number | null): string => (v == null ? "NULL" : typeof v === "number" ? String(v) : `'${v}'`);

/** Run the compliance and direction queries with exactly these payments in the ledger. */
async function run(payments: Pay[]): Promise<{ breaches: Breach[]; review: ReviewItem[]; directions: DirectionRow[] }> {
  await conn.run("DELETE FROM funds");
  if (payments.length > 0) {
    const rows = payments.map(([id, dir, src, payee, project, loan, district, amount, on]) =>
      `(${[id, dir, src, payee, project, loan, district, amount].map(lit).join(", ")}, DATE '${on ?? D1}')`);
    await conn.run(`INSERT INTO funds BY NAME SELECT DATE '${S}' AS snapshot, * FROM (VALUES ${rows.join(", ")})
      v(payment_id, direction, source, payee_id, project_id, loan_id, district, amount_wan, paid_on)`);
  }
  const params = kpiParams(plan, S, S);
  return {
    breaches: await runQueryFile<Breach>(conn, "report", "compliance_breaches", params),
    review: await runQueryFile<ReviewItem>(conn, "report", "compliance_review_items", params),
    directions: await runQueryFile<DirectionRow>(conn, "report", "funds_by_direction_source", params),
  };
}

const brief = (bs: Breach[]) => bs.map((b) => [b.rule, b.entity_id, b.period, b.amount_wan, b.limit_wan, b.excess_wan]);
const reviews = (rs: ReviewItem[]) => rs.map((r) => [r.rule, r.payment_id]);

/*
 * One row per cap: payments that sit exactly at the limit, the breach rule and entity, the limit, one
 * named-level payment to add to go just over (by 0.01), and payments from other levels for that direction.
 */
interface CapCase {
  name: string;
  at: Pay[];
  rule: string;
  entity: string;
  period?: string;
  limit: number;
  /** The payment that tips it 0.01 over (a named level). */
  over: Pay;
  /** Payments from levels the cap does not count (区级, and an unnamed level where one exists). */
  others: Pay[];
}

const cases: CapCase[] = [
  {
    // 50% of P2's 核定投入 100 = 50 (E2's 二级 cap 60 is not reached).
    name: "改造补助 ≤ 50% of the project's 核定投入",
    at: [["F1", "改造补助", "中央", "E2", "P2", null, null, 30], ["F2", "改造补助", "省级", "E2", "P2", null, null, 10], ["F3", "改造补助", "市级", "E2", "P2", null, null, 10]],
    rule: "subsidy_share", entity: "P2", limit: 50,
    over: ["F4", "改造补助", "市级", "E2", "P2", null, null, 0.01],
    others: [["X1", "改造补助", "区级", "E2", "P2", null, null, 40]],
  },
  {
    // E2 (二级) over two projects (P22's 50% is 500): 40 + 20 = 60 = the 二级 cap, cumulative per enterprise.
    name: "改造补助 二级 ≤ 60万 cumulative",
    at: [["F1", "改造补助", "中央", "E2", "P22", null, null, 40], ["F2", "改造补助", "市级", "E2", "P2", null, null, 20]],
    rule: "subsidy_level_cap", entity: "E2", limit: 60,
    over: ["F3", "改造补助", "省级", "E2", "P22", null, null, 0.01],
    others: [["X1", "改造补助", "区级", "E2", "P22", null, null, 30]],
  },
  {
    name: "改造补助 三级 ≤ 100万 cumulative over two projects",
    at: [["F1", "改造补助", "中央", "E3", "P3a", null, null, 60], ["F2", "改造补助", "省级", "E3", "P3b", null, null, 40]],
    rule: "subsidy_level_cap", entity: "E3", limit: 100,
    over: ["F3", "改造补助", "市级", "E3", "P3b", null, null, 0.01],
    others: [["X1", "改造补助", "区级", "E3", "P3a", null, null, 50]],
  },
  {
    name: "改造补助 四级 ≤ 150万",
    at: [["F1", "改造补助", "中央", "E4", "P4", null, null, 150]],
    rule: "subsidy_level_cap", entity: "E4", limit: 150,
    over: ["F2", "改造补助", "市级", "E4", "P4", null, null, 0.01],
    others: [["X1", "改造补助", "区级", "E4", "P4", null, null, 20]],
  },
  {
    // 3% of L1's 1000 = 30 (interest paid 100 and the yearly 50 are not reached).
    name: "数字贷贴息 ≤ 3% of the loan contract",
    at: [["G1", "数字贷贴息", "省级", "E5", null, "L1", null, 20], ["G2", "数字贷贴息", "市级", "E5", null, "L1", null, 10]],
    rule: "interest_share", entity: "L1", limit: 30,
    over: ["G3", "数字贷贴息", "市级", "E5", null, "L1", null, 0.01],
    others: [["X1", "数字贷贴息", "区级", "E5", null, "L1", null, 5], ["X2", "数字贷贴息", "中央", "E5", null, "L1", null, 5]],
  },
  {
    // L2: 3% of 10000 = 300, but only 20 of interest was paid.
    name: "数字贷贴息 ≤ interest actually paid",
    at: [["G1", "数字贷贴息", "省级", "E5", null, "L2", null, 20]],
    rule: "interest_over_paid", entity: "L2", limit: 20,
    over: ["G2", "数字贷贴息", "市级", "E5", null, "L2", null, 0.01],
    others: [["X1", "数字贷贴息", "区级", "E5", null, "L2", null, 10], ["X2", "数字贷贴息", "中央", "E5", null, "L2", null, 10]],
  },
  {
    // E6's two loans (each 3% = 150, paid 100) in 2025: 30 + 20 = 50 = the yearly cap.
    name: "数字贷贴息 ≤ 50万 per enterprise per year",
    at: [["G1", "数字贷贴息", "省级", "E6", null, "L3", null, 30], ["G2", "数字贷贴息", "市级", "E6", null, "L4", null, 20]],
    rule: "interest_per_year", entity: "E6", period: "2025", limit: 50,
    over: ["G3", "数字贷贴息", "市级", "E6", null, "L4", null, 0.01],
    others: [["X1", "数字贷贴息", "区级", "E6", null, "L3", null, 10], ["X2", "数字贷贴息", "中央", "E6", null, "L4", null, 10]],
  },
  {
    // U1 一档: 60 + 40 on one day = 100.
    name: "牵引单位奖励 一档 ≤ 100万",
    at: [["H1", "牵引单位奖励", "中央", "U1", null, null, null, 60], ["H2", "牵引单位奖励", "市级", "U1", null, null, null, 40]],
    rule: "leading_unit_award", entity: "U1", limit: 100,
    over: ["H3", "牵引单位奖励", "市级", "U1", null, null, null, 0.01],
    others: [["X1", "牵引单位奖励", "区级", "U1", null, null, null, 20], ["X2", "牵引单位奖励", "省级", "U1", null, null, null, 20]],
  },
  {
    name: "牵引单位奖励 三档 ≤ 50万",
    at: [["H1", "牵引单位奖励", "中央", "U3", null, null, null, 50]],
    rule: "leading_unit_award", entity: "U3", limit: 50,
    over: ["H2", "牵引单位奖励", "中央", "U3", null, null, null, 0.01],
    others: [["X1", "牵引单位奖励", "区级", "U3", null, null, null, 20], ["X2", "牵引单位奖励", "省级", "U3", null, null, null, 20]],
  },
  {
    // 30% of PP1's 500 = 150.
    name: "平台项目 ≤ 30% of the project's 核定投入",
    at: [["J1", "平台项目", "中央", "U1", "PP1", null, null, 100], ["J2", "平台项目", "省级", "U1", "PP1", null, null, 50]],
    rule: "platform_share", entity: "PP1", limit: 150,
    over: ["J3", "平台项目", "省级", "U1", "PP1", null, null, 0.01],
    others: [["X1", "平台项目", "区级", "U1", "PP1", null, null, 30], ["X2", "平台项目", "市级", "U1", "PP1", null, null, 30]],
  },
  {
    // PP2: 30% of 1000 = 300, so 250 decides.
    name: "平台项目 ≤ 250万",
    at: [["J1", "平台项目", "中央", "U1", "PP2", null, null, 250]],
    rule: "platform_cap", entity: "PP2", limit: 250,
    over: ["J2", "平台项目", "省级", "U1", "PP2", null, null, 0.01],
    others: [["X1", "平台项目", "区级", "U1", "PP2", null, null, 30], ["X2", "平台项目", "市级", "U1", "PP2", null, null, 30]],
  },
  {
    name: "集中采购 ≤ 1500万 per district",
    at: [["K1", "集中采购", "中央", "C1", null, null, "440111", 1000], ["K2", "集中采购", "市级", "C1", null, null, "440111", 500]],
    rule: "procurement_district_cap", entity: "440111", limit: 1500,
    over: ["K3", "集中采购", "市级", "C1", null, null, "440111", 0.01],
    others: [["X1", "集中采购", "区级", "C1", null, null, "440111", 300], ["X2", "集中采购", "省级", "C1", null, null, "440111", 300]],
  },
  {
    name: "人才培训 ≤ 300万 in total",
    at: [["M1", "人才培训", "中央", "TR", null, null, null, 200], ["M2", "人才培训", "省级", "TR", null, null, null, 100]],
    rule: "training_total_cap", entity: "training", limit: 300,
    over: ["M3", "人才培训", "省级", "TR", null, null, null, 0.01],
    others: [["X1", "人才培训", "区级", "TR", null, null, null, 50], ["X2", "人才培训", "市级", "TR", null, null, null, 50]],
  },
  {
    name: "第三方服务 ≤ 1200万 in total",
    at: [["N1", "第三方服务", "省级", "TP", null, null, null, 700], ["N2", "第三方服务", "市级", "TP", null, null, null, 500]],
    rule: "third_party_total_cap", entity: "third_party", limit: 1200,
    over: ["N3", "第三方服务", "市级", "TP", null, null, null, 0.01],
    others: [["X1", "第三方服务", "区级", "TP", null, null, null, 100], ["X2", "第三方服务", "中央", "TP", null, null, null, 100]],
  },
  {
    name: "平台运营 ≤ 500万 in total",
    at: [["Q1", "平台运营", "市级", "PO", null, null, null, 500]],
    rule: "platform_operation_total_cap", entity: "platform_operation", limit: 500,
    over: ["Q2", "平台运营", "市级", "PO", null, null, null, 0.01],
    others: [["X1", "平台运营", "区级", "PO", null, null, null, 100], ["X2", "平台运营", "中央", "PO", null, null, null, 100]],
  },
];

/** The same payments, the last one 0.02 smaller: 0.01 under the limit. */
const under = (ps: Pay[]): Pay[] =>
  ps.map((p, i) => {
    if (i < ps.length - 1) return p;
    const [id, dir, src, payee, project, loan, district, amount, on] = p;
    return [id, dir, src, payee, project, loan, district, Math.round((amount - 0.01) * 100) / 100, on];
  });

describe.each(cases)("$name", (c) => {
  const ruleOf = (bs: Breach[]) => brief(bs.filter((b) => b.rule === c.rule));
  const overRow = [c.rule, c.entity, c.period ?? null, c.limit + 0.01, c.limit, 0.01];
  const otherReviews = c.others.map((p) => [p[2] === "区级" ? "district_top_up" : "unnamed_source", p[0]]);

  test("should not flag it at the limit, nor just under", async () => {
    const at = await run(c.at);
    expect(brief(at.breaches)).toEqual([]);
    expect(at.review).toEqual([]);
    expect(brief((await run(under(c.at))).breaches)).toEqual([]);
  });

  test("should flag it just over, by 0.01万元", async () => {
    const r = await run([...c.at, c.over]);
    expect(ruleOf(r.breaches)).toEqual([overRow]);
    expect(r.breaches.find((b) => b.rule === c.rule)!.other_levels_wan).toBe(0);
  });

  test("should count no other level: at the limit plus other levels' money is no breach, each such payment one review item", async () => {
    const r = await run([...c.at, ...c.others]);
    expect(brief(r.breaches)).toEqual([]);
    expect(reviews(r.review)).toEqual(otherReviews);
  });

  test("should show other levels' money beside a breach, never in its amount", async () => {
    const r = await run([...c.at, c.over, ...c.others]);
    expect(ruleOf(r.breaches)).toEqual([overRow]);
    const b = r.breaches.find((x) => x.rule === c.rule)!;
    expect(b.other_levels_wan).toBe(c.others.reduce((s, p) => s + p[7], 0));
    expect(b.payment_ids).toEqual([...c.at, c.over].map((p) => p[0]).sort());
    expect(reviews(r.review)).toEqual(otherReviews);
  });

  test("should keep the direction's counted money and cap share unchanged by other levels", async () => {
    const dir = (rows: DirectionRow[]) => rows.find((d) => d.direction === c.at[0]![1])!;
    const without = dir((await run(c.at)).directions);
    const withOthers = dir((await run([...c.at, ...c.others])).directions);
    expect(withOthers.counted_wan).toBe(without.counted_wan);
    expect(withOthers.pct_of_cap).toBe(without.pct_of_cap);
    expect(withOthers.other_levels_wan).toBe(c.others.reduce((s, p) => s + p[7], 0));
    expect(withOthers.amount_wan).toBe(Math.round((without.amount_wan + withOthers.other_levels_wan) * 100) / 100);
  });
});

describe("review items", () => {
  test("should make a subsidy below 二级, or with no post-assessment, a review item and no breach", async () => {
    const r = await run([["F1", "改造补助", "市级", "E1", "P1", null, null, 10], ["F2", "改造补助", "中央", "E0", "P0", null, null, 10]]);
    expect(brief(r.breaches)).toEqual([]);
    expect(reviews(r.review)).toEqual([["no_level_cap", "F1"], ["no_level_cap", "F2"]]);
    expect(r.review[0]).toMatchObject({ entity_id: "E1", entity_name: "一号", uscc: "E1", project_id: "P1", amount_wan: 10, source: "市级", paid_on: D1 });
  });

  test("should list a 区级 payment to a firm below 二级 once, as a top-up only", async () => {
    const r = await run([["X1", "改造补助", "区级", "E1", "P1", null, null, 10]]);
    expect(reviews(r.review)).toEqual([["district_top_up", "X1"]]);
  });

  test("should make a second award day to the same unit a review item, and judge the total by the tier", async () => {
    // U1: 60 on D1, 40 on D2 = 100 = 一档: no breach, one second award. U3: 50 on D1 + 10 on D2 = 60 > 50: also a breach.
    const r = await run([
      ["H1", "牵引单位奖励", "中央", "U1", null, null, null, 60, D1], ["H2", "牵引单位奖励", "市级", "U1", null, null, null, 40, D2],
      ["H3", "牵引单位奖励", "中央", "U3", null, null, null, 50, D1], ["H4", "牵引单位奖励", "中央", "U3", null, null, null, 10, D2],
      // A 区级 payment on a later day is a top-up, not a second award.
      ["X1", "牵引单位奖励", "区级", "U1", null, null, null, 5, D2],
    ]);
    expect(brief(r.breaches)).toEqual([["leading_unit_award", "U3", null, 60, 50, 10]]);
    expect(reviews(r.review)).toEqual([["district_top_up", "X1"], ["second_award", "H2"], ["second_award", "H4"]]);
  });

  test("should make an award to a unit with no tier a review item, not a breach with limit 0", async () => {
    const r = await run([["H1", "牵引单位奖励", "中央", "U0", null, null, null, 30]]);
    expect(brief(r.breaches)).toEqual([]);
    expect(r.review.map((i) => [i.rule, i.payment_id, i.entity_id, i.entity_name])).toEqual([["award_without_tier", "H1", "U0", "未评档单位"]]);
  });

  test("should check a subsidy with no project against the firm's accepted projects together, and list it", async () => {
    // E2: P2 50 (= its 50%) + 0.01 unlinked = 50.01; E2's accepted P2 100 + P22 1000 → 50% = 550: no breach.
    const ok = await run([["F1", "改造补助", "中央", "E2", "P2", null, null, 50], ["F2", "改造补助", "中央", "E2", null, null, null, 0.01]]);
    expect(brief(ok.breaches)).toEqual([]);
    expect(reviews(ok.review)).toEqual([["missing_project", "F2"]]);
    // E4: unlinked 100 + P4 80 = 180 > 四级 150 (cumulative, linked or not); 50% of P4's 1000 = 500 is not reached.
    // E2's unlinked 10: 10 ≤ 550 and ≤ 60.
    const r = await run([
      ["F1", "改造补助", "中央", "E4", "P4", null, null, 80], ["F2", "改造补助", "省级", "E4", null, null, null, 100],
      ["F3", "改造补助", "市级", "E2", null, null, null, 10, D2],
    ]);
    expect(brief(r.breaches)).toEqual([["subsidy_level_cap", "E4", null, 180, 150, 30]]);
    expect(reviews(r.review)).toEqual([["missing_project", "F2"], ["missing_project", "F3"]]);
  });

  test("should break the firm-wide 50% when unlinked money takes it over its accepted projects together", async () => {
    // E2 accepted P2 100 + P22 1000 → 550. Linked 40 + unlinked 510.01 = 550.01 > 550 (二级 cap 60 too).
    const r = await run([["F1", "改造补助", "中央", "E2", "P22", null, null, 40], ["F2", "改造补助", "市级", "E2", null, null, null, 510.01]]);
    // (The query orders by rule key; the report puts them in the plan's order.)
    expect(brief(r.breaches)).toEqual([
      ["subsidy_level_cap", "E2", null, 550.01, 60, 490.01],
      ["subsidy_share_unlinked", "E2", null, 550.01, 550, 0.01],
    ]);
  });

  test("should make interest with no loan a review item", async () => {
    const r = await run([["G1", "数字贷贴息", "省级", "E5", null, null, null, 5]]);
    expect(reviews(r.review)).toEqual([["missing_loan", "G1"]]);
  });

  test("should never list a payment from an unnamed level under another reason too", async () => {
    // 区级 with no project and to a firm below 二级; 中央 interest with no loan; 省级 award to a unit with no tier.
    const r = await run([
      ["X1", "改造补助", "区级", "E1", null, null, null, 10],
      ["X2", "数字贷贴息", "中央", "E5", null, null, null, 10],
      ["X3", "牵引单位奖励", "省级", "U0", null, null, null, 10],
      ["X4", "平台项目", "市级", "U1", null, null, null, 10],
    ]);
    expect(brief(r.breaches)).toEqual([]);
    expect(reviews(r.review)).toEqual([["district_top_up", "X1"], ["unnamed_source", "X2"], ["unnamed_source", "X3"], ["unnamed_source", "X4"]]);
  });
});

describe("rule labels", () => {
  test("should give every rule a Chinese and an English label and a section", () => {
    for (const r of [...breachRules(plan), ...reviewRules(plan)]) {
      expect(r.zh, r.key).toMatch(/[\u4e00-\u9fff]/);
      expect(r.en, r.key).toMatch(/^[\x20-\x7e\u4e00-\u9fff、]+$/);
      expect(r.cite, r.key).not.toBe("");
    }
  });

  test("should name in each breach label the levels the cap counts", () => {
    const labels = Object.fromEntries(breachRules(plan).map((r) => [r.key, r.zh]));
    expect(labels.subsidy_level_cap).toBe("改造补助(中央、省级、市级)累计超过所达等级上限(二级60万元、三级100万元、四级150万元)");
    expect(labels.training_total_cap).toBe("人才培训(中央、省级)总额超过300万元");
    expect(labels.platform_operation_total_cap).toBe("平台运营(市级)总额超过500万元");
  });
});
