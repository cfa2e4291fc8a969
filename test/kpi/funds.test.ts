// Disbursement totals and the funding-rule checks on the fixture (payments listed in fixture.ts).
import { beforeAll, describe, expect, test } from "vitest";
import { computeReport } from "../../loaders/kpi/computeReport.ts";
import type { Report } from "../../loaders/kpi/reportTypes.ts";
import { plan } from "../helpers/plan.ts";
import { installMacros } from "../../loaders/warehouse/query.ts";
import { S1, S2, openFixture } from "./fixture.ts";

let atS2: Report;
let atS1: Report;

beforeAll(async () => {
  const conn = await openFixture(plan);
  atS2 = await computeReport(conn, { plan, asOf: S2 });
  atS1 = await computeReport(conn, { plan, asOf: S1 });
});

describe("by direction", () => {
  const amounts = (r: Report) => r.funding.by_direction.map((d) => [d.direction, d.amount_wan, d.cap_wan]);

  test("should total each direction up to as-of, beside its cap", () => {
    expect(amounts(atS2)).toEqual([
      ["改造补助", 310.51, null], // 60 + 50.01 + 60.5 + 10 + 80 + 10 + 40; E11's 100 of 07-01 is after as-of
      ["数字贷贴息", 256.01, null], // 30 + 30.01 + 20 + 20.5 + 30 + 20 + 30 + 20.5 + 30 + 25
      ["牵引单位奖励", 160.5, null], // 100 + 50.5 + 10
      ["平台项目", 1061, null], // 150 + 150.5 + 250 + 250.5 + 260
      ["集中采购", 3000.5, null], // 1500 + 1500.5 (per-district cap, not a total)
      ["人才培训", 300, 300],
      ["第三方服务", 1200.01, 1200],
      ["平台运营", 500.5, 500],
    ]);
    expect(amounts(atS1)).toEqual([
      ["改造补助", 310.51, null],
      ["数字贷贴息", 256.01, null],
      ["牵引单位奖励", 160.5, null],
      ["平台项目", 810.5, null], // PP4's 250.5 is paid 05-10
      ["集中采购", 2500, null], // 花都's 500.5 is paid 04-20
      ["人才培训", 200, 300],
      ["第三方服务", 1000, 1200],
      ["平台运营", 500.5, 500],
    ]);
  });

  test("should split each direction by source in the plan's order", () => {
    const subsidy = atS2.funding.by_direction[0]!;
    // 中央 30 + 20 + 60.5 + 50 + 20; 省级 15 + 30; 市级 30 + 15.01 + 10 + 20; 区级 10.
    expect(subsidy.by_source).toEqual([
      { source: "中央", amount_wan: 180.5 },
      { source: "省级", amount_wan: 45 },
      { source: "市级", amount_wan: 75.01 },
      { source: "区级", amount_wan: 10 },
    ]);
    expect(subsidy.payments).toBe(12);
    expect(atS2.funding.by_direction.find((d) => d.key === "procurement")!.per_district_cap_wan).toBe(1500);
  });
});

describe("by district, industry and month", () => {
  const district = (code: string | null, direction: string) =>
    atS2.funding.by_district.find((x) => x.district_code === code && x.direction === direction)?.amount_wan;
  const industry = (key: string | null, direction: string) =>
    atS2.funding.by_industry.find((x) => x.industry_key === key && x.direction === direction)?.amount_wan;

  test("should place money by its own district, else its enterprise's", () => {
    expect(district("440112", "改造补助")).toBe(60); // E01
    expect(district("440111", "改造补助")).toBe(60.01); // E02 50.01 + E16 10
    expect(district("440111", "集中采购")).toBe(1500); // the payments name their district
    expect(district(null, "牵引单位奖励")).toBe(160.5); // units have no district
  });

  test("should place money by its enterprise's industry, else the leading unit's", () => {
    expect(industry("auto", "改造补助")).toBe(140); // E01 60 + E07 80
    expect(industry("cosmetics", "牵引单位奖励")).toBe(50.5); // U2, paid to its credit code
    expect(industry("auto", "平台项目")).toBe(400); // PP1 150 + PP3 250, paid to U1
    expect(industry(null, "集中采购")).toBe(3000.5);
  });

  test("should total each month and run a cumulative per direction", () => {
    const month = (m: string, d: string) => atS2.funding.monthly.find((x) => x.month === m && x.direction === d);
    expect(month("2025-05", "改造补助")).toMatchObject({ amount_wan: 20, cumulative_wan: 20 }); // F11 on 05-31
    expect(month("2025-06", "改造补助")).toMatchObject({ amount_wan: 50, cumulative_wan: 70 }); // F01 30 + F12 20
    expect(month("2026-06", "改造补助")).toMatchObject({ amount_wan: 0, cumulative_wan: 310.51 });
    expect(month("2026-06", "人才培训")).toMatchObject({ amount_wan: 100, cumulative_wan: 300 }); // M02 on as-of
    // 2024-12 (first payment) to 2026-06: 19 months × 8 directions.
    expect(atS2.funding.monthly).toHaveLength(152);
  });
});

describe("compliance", () => {
  const rows = (r: Report) => r.compliance.breaches.map((b) => [b.rule, b.entity_id, b.period, b.amount_wan, b.limit_wan, b.excess_wan]);

  test("should flag exactly the amounts past their limit at 2026-06-30", () => {
    // Not flagged, at the limit: E01 60 = 50% of P01's 120 = the 二级 cap 60; P02b 15.01 ≤ 50% of 40; E07 80 ≤ 三级 100
    // (latest level, not its earlier 一级); L1 30 = 3% of 1000; L3 20 = interest paid; E13 30 + 20 = 50 in 2025 (and 30
    // in 2026 apart); L10 (interest paid unknown); U1 100 = 一档; PP1 150 = 30% of 500; PP3 250; 白云 1500; 人才培训 300;
    // F01 paid on its project's acceptance day; E11's 100 after as-of. Not breaches at all (review items, below): E05's
    // 10 (区级), E16's level (never assessed after), U3's 10 award (区级, and no tier).
    expect(rows(atS2)).toEqual([
      ["subsidy_share", "P02a", null, 35, 30, 5], // F03 20 + F04 15 vs 50% of P02a's own 60 (per project; E02's 50.01 ≤ 50% of 60 + 40 no longer decides)
      ["subsidy_level_cap", "E04", null, 60.5, 60, 0.5], // 二级
      ["interest_share", "L2", null, 30.01, 30, 0.01], // 3% of 1000
      ["interest_per_year", "E17", "2025", 50.5, 50, 0.5], // L7 30 + L8 20.5
      ["interest_over_paid", "L4", null, 20.5, 20, 0.5],
      ["leading_unit_award", "U2", null, 50.5, 50, 0.5], // 三档
      ["platform_share", "PP2", null, 150.5, 150, 0.5], // 30% of 500
      ["platform_cap", "PP4", null, 250.5, 250, 0.5],
      ["platform_cap", "U3", null, 260, 250, 10], // no project linked: taken per payee, 30% not judged
      ["procurement_district_cap", "440114", null, 1500.5, 1500, 0.5],
      ["third_party_total_cap", "third_party", null, 1200.01, 1200, 0.01],
      ["platform_operation_total_cap", "platform_operation", null, 500.5, 500, 0.5],
      ["paid_not_accepted", "P16", null, 10, 0, 10], // 实施中
      ["paid_not_accepted", "P17", null, 20, 0, 20], // F11 paid 2025-05-31, accepted 06-01
    ]);
  });

  test("should list the review items apart from the breaches, one per payment", () => {
    expect(atS2.compliance.review_items.map((i) => [i.rule, i.payment_id, i.entity_id, i.source, i.amount_wan])).toEqual([
      ["district_top_up", "H04", "U3", "区级", 10], // 2025-02-01
      ["district_top_up", "F07", "E05", "区级", 10], // 2025-11-01
      ["no_level_cap", "F10", "E16", "市级", 10], // never assessed after transformation
      ["missing_project", "J06", "U3", "中央", 260], // the 30% rule needs the project
    ]);
  });

  test("should count payments only up to as-of", () => {
    // At 2026-03-31 PP4 (05-10), 花都's second payment (04-20) and 第三方服务's 200.01 (04-15) are not paid yet.
    expect(rows(atS1).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      "subsidy_share P02a",
      "subsidy_level_cap E04",
      "interest_share L2",
      "interest_per_year E17",
      "interest_over_paid L4",
      "leading_unit_award U2",
      "platform_share PP2",
      "platform_cap U3",
      "platform_operation_total_cap platform_operation",
      "paid_not_accepted P16",
      "paid_not_accepted P17",
    ]);
  });

  test("should name the entity and the rule in Chinese", () => {
    const find = (rule: string) => atS2.compliance.breaches.find((b) => b.rule === rule)!;
    expect(find("subsidy_share")).toMatchObject({ entity_name: "乙二美妆 · 乙二改造一期", uscc: "E02", project_id: "P02a", payment_ids: ["F03", "F04"], rule_label: "改造补助(中央、省级、市级)超过该项目核定投入的50%", rule_cite: "四(一)1" });
    expect(find("interest_share")).toMatchObject({ entity_name: "乙二美妆 · 建设银行", rule_label: "贴息(省级、市级)超过贷款合同金额的3%" });
    expect(find("procurement_district_cap")).toMatchObject({ entity_name: "花都区", rule_label: "集中采购(中央、市级)单个区超过1,500万元" });
    expect(find("paid_not_accepted")).toMatchObject({ entity_name: "巳十六家居 · 巳十六改造", rule_label: "项目未验收通过即拨付改造补助" });
    expect(find("leading_unit_award").entity_name).toBe("美妆牵引二号");
  });
});

describe("payee matched to a leading unit", () => {
  // A1 is listed with U1's unit id as its credit code, so payee "U1" (H01 60, H02 40) matches two
  // units: U1 by id and A1 by credit code. The smallest unit id (A1) takes the payment, once.
  test("should attribute a payee matching two units once, to the smaller unit id", async () => {
    const conn = await openFixture(plan);
    await conn.run(
      `INSERT INTO leading_units (snapshot, unit_id, name, uscc, industry, selected_on, tier)
       VALUES (DATE '${S2}', 'A1', '同码单位', 'U1', 'home', DATE '2024-05-01', NULL)`,
    );
    await installMacros(conn);
    const rows = (await conn.runAndReadAll(
      `SELECT payment_id, unit_id, industry FROM fund_attribution(DATE '${S2}') WHERE direction = '牵引单位奖励' ORDER BY payment_id`,
    )).getRowObjectsJson();
    expect(rows).toEqual([
      { payment_id: "H01", unit_id: "A1", industry: "home" },
      { payment_id: "H02", unit_id: "A1", industry: "home" },
      { payment_id: "H03", unit_id: "U2", industry: "cosmetics" }, // paid to U2's credit code
      { payment_id: "H04", unit_id: "U3", industry: "home" },
    ]);
    const total = (await conn.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, (SELECT count(*)::INTEGER FROM funds WHERE snapshot = DATE '${S2}') AS funds
       FROM fund_attribution(DATE '${S2}')`,
    )).getRowObjectsJson();
    expect(total).toEqual([{ n: 42, funds: 42 }]); // the fixture's 42 payments, none doubled or lost
  });
});
