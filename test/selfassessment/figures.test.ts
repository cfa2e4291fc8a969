// Every figure of the self-assessment (绩效自评估) on the KPI fixture (test/kpi/fixture.ts), worked out
// by hand from the fixture's comments, at its newest snapshot S2 = 2026-06-30.
import { beforeAll, describe, expect, test } from "vitest";
import { plan } from "../helpers/plan.ts";
import { computeSelfAssessment } from "../../loaders/selfassessment/compute.ts";
import { selfAssessmentMarkdown } from "../../loaders/selfassessment/markdown.ts";
import { fundTable, indicatorTable, rectificationTable, selfAssessmentTables } from "../../loaders/selfassessment/tables.ts";
import type { SelfAssessment } from "../../loaders/selfassessment/types.ts";
import { S2, openFixture } from "../kpi/fixture.ts";

let sa: SelfAssessment;
let md: string;

beforeAll(async () => {
  sa = await computeSelfAssessment(await openFixture(plan), { plan });
  md = selfAssessmentMarkdown(sa);
});

describe("二、目标完成情况", () => {
  test("should give every target with actual, share, completion and pace; the platform 无数据", () => {
    expect(sa.as_of).toBe(S2);
    expect(sa.targets.rows.map((t) => [t.key, t.target, t.actual, t.completion, t.pace])).toEqual([
      ["enterprises_transformed", 710, 9, "未完成", "落后"],
      ["diagnosed", 710, 16, "未完成", "落后"],
      ["digital_workshops", 40, 2, "未完成", "落后"],
      ["smart_factories", 40, 1, "未完成", "落后"],
      ["service_providers", 50, 4, "未完成", "落后"],
      ["products", 360, 4, "未完成", "落后"],
      ["scenarios", 50, 1, "未完成", "落后"],
      ["chain_cases", 20, 1, "未完成", "落后"],
      ["clusters", 5, 1, "未完成", "落后"],
      ["platform", 1, null, "无数据", "无数据"],
      ["training_person_times", 2000, 210, "未完成", "落后"],
    ]);
    expect(sa.targets.rows[0]!.pct).toBe(9 / 710);
    expect(sa.targets.rows.map((t) => t.cite).filter((c) => c === "二、工作目标")).toHaveLength(9);
    expect(md).toContain("| 完成数字化改造并达到数字化水平二级及以上的中小企业 | 二、工作目标 | 家 | 710 | 9 | 1.3% | 未完成 | 落后 |");
    expect(md).toContain("| 中小企业数字化转型公共服务平台 | 二、工作目标; 三(九) | 个 | 1 | 无数据 | 无数据 | 无数据 | 无数据 |");
    expect(md).toContain("共11项指标,截至2026年6月30日已完成0项,未完成10项,无数据1项");
  });
});

describe("三、五(八) indicators", () => {
  test("should count the enterprises transformed by the level they reached", () => {
    // E01 E02 E04 E08 E09 E10 E13 E17 at 二级; E07 at 三级 (A17); 9 in all.
    expect(sa.transformed).toMatchObject({ total: 9, target: 710, diagnosed: 16, by_level: [{ level: 2, name: "二级", enterprises: 8 }, { level: 3, name: "三级", enterprises: 1 }] });
    expect(md).toContain("按最近一次改造后评测等级:二级8家、三级1家。开展数字化水平评估诊断的中小企业16家。");
  });

  test("should set the verified investment of accepted projects against the public money paid for them", () => {
    // Accepted by S2, SME, signed in the window: P01 120, P02a 60, P02b 40, P04 200, P05 100, P06 80, P07 200,
    // P08 50, P09 90, P10 100, P13 100, P17 100 = 1240 over 12 projects of 11 enterprises (E02 twice).
    // Out: P03 (E03 large), P11 and P19 (accepted after S2), P12 (signed before the window), P14 (验收未通过).
    // Subsidy linked: F01 30 + F02 30 + F03 20 + F04 15 + F05 15.01 + F06 60.5 + F08 50 + F09 30 + F11 20 + F12 20
    // = 290.51 from named levels; F07 10 区级 beside. F10 10 is for P16 (实施中); F13 is paid after S2.
    expect(sa.investment).toMatchObject({
      projects: 12, enterprises: 11, verified_wan: 1240,
      subsidy_counted_wan: 290.51, subsidy_other_wan: 10, public_wan: 300.51, own_wan: 939.49,
      subsidy_unlinked_wan: 0, subsidy_other_projects_wan: 10, provider_discount_wan: null,
    });
    expect(sa.investment.leverage).toBe(1240 / 300.51); // 4.13
    expect(sa.investment.own_share).toBe(939.49 / 1240); // 75.8%
    expect(md).toContain("验收通过的改造项目12个(涉及企业11家),核定投入1,240万元;拨付至上述项目的财政补助300.51万元(其中中央、省级、市级290.51万元,区级及其他级别10万元),企业自筹(按核定投入减财政补助推算)939.49万元,占75.8%;每1元财政补助带动改造投入4.13元。服务商让利:导出数据未包含服务商让利,无法计算。");
  });

  test("should count products, say solutions are not exported, and count the platform projects", () => {
    expect(sa.products).toMatchObject({ products: 4, target: 360, solutions: null });
    // PP1 (J01 100 + J02 50), PP2 150.5, PP3 250, PP4 250.5: 4 projects, all accepted 2025-12-01, verified
    // 500 + 500 + 1000 + 1000; paid 801 from 中央、省级. J06 260 has no project.
    expect(sa.platforms).toMatchObject({ projects: 4, accepted: 4, verified_wan: 3000, paid_counted_wan: 801, paid_other_wan: 0, paid_unlinked_wan: 260 });
    expect(md).toContain("数字化转型解决方案:导出数据未包含解决方案清单,无法统计。");
    expect(md).toContain("牵引单位建设的平台项目4个,其中验收通过4个,核定投入3,000万元,已拨付中央、省级资金801万元;另有未关联项目的平台项目拨付260万元。");
  });

  test("should give each indicator row its value and the page and table it comes from", () => {
    const rows = indicatorTable(sa).rows.map((r) => [r.label, r.value, r.source]);
    expect(rows).toContainEqual(["核定投入", 1240, "绩效自评估(/selfassessment)·带动改造资金投入"]);
    expect(rows).toContainEqual(["财政补助(中央、省级、市级)", 290.51, "资金(/funds)·各方向拨付与上限"]);
    expect(rows).toContainEqual(["服务商让利", "导出数据未包含服务商让利,无法计算", "绩效自评估(/selfassessment)·带动改造资金投入"]);
    expect(rows).toContainEqual(["入库“小快轻准”数字化产品和服务", 4, "供给与示范(/supply)·“小快轻准”产品:环节 × 行业"]);
    expect(md).toContain("| 带动比(核定投入÷财政补助合计) | 4.13 | 倍 | 每1元财政补助带动的改造投入 | 绩效自评估(/selfassessment)·带动改造资金投入 |");
  });
});

describe("四、资金使用情况", () => {
  test("should give each direction's counted money against its cap, other levels beside", () => {
    // 改造补助 310.51 paid by S2, of it F07 10 区级; 牵引单位奖励 160.5, of it H04 10 区级.
    expect(sa.funds.rows.map((r) => [r.key, r.counted_wan, r.other_levels_wan, r.cap_wan, r.per_district_cap_wan, r.max_district, r.max_district_wan])).toEqual([
      ["transformation_subsidy", 300.51, 10, null, null, null, null],
      ["loan_interest", 256.01, 0, null, null, null, null],
      ["leading_unit_award", 150.5, 10, null, null, null, null],
      ["platform_project", 1061, 0, null, null, null, null],
      ["procurement", 3000.5, 0, null, 1500, "花都区", 1500.5], // 白云 1000 + 500; 花都 1000 + 500.5
      ["training", 300, 0, 300, null, null, null],
      ["third_party", 1200.01, 0, 1200, null, null, null],
      ["platform_operation", 500.5, 0, 500, null, null, null],
    ]);
    expect(sa.funds.rows.map((r) => r.pct_of_cap)).toEqual([null, null, null, null, null, 1, 1200.01 / 1200, 500.5 / 500]);
    expect([sa.funds.total_counted_wan, sa.funds.total_other_wan]).toEqual([6769.03, 20]);
    const procurement = fundTable(sa).rows.find((r) => r.direction === "集中采购")!;
    expect([procurement.cap_wan, procurement.pct_of_cap, procurement.note]).toEqual([1500, 1500.5 / 1500, "每区上限;拨付最多的区:花都区,1500.5万元"]);
    expect(md).toContain("| 合计 |  |  | 6,769.03 |  |  |  | 20 |");
  });
});

describe("五、合规与整改情况", () => {
  test("should list the breaches and review items still open, by rule, apart", () => {
    expect([sa.compliance.breach_count, sa.compliance.review_count]).toEqual([14, 4]);
    expect(sa.compliance.breaches.map((b) => [b.rule_cite, b.count, b.excess_wan])).toEqual([
      ["四(一)1", 1, 5], // P02a 35 > 30
      ["四(一)1", 1, 0.5], // E04 60.5 > 60
      ["四(一)1", 1, 0.01], // L2 30.01 > 30
      ["四(一)1", 1, 0.5], // E17 50.5 in 2025
      ["四(一)1", 1, 0.5], // L4 20.5 > 20 paid
      ["四(二)2", 1, 0.5], // U2 50.5 > 三档 50
      ["四(二)2", 1, 0.5], // PP2 150.5 > 150
      ["四(二)2", 2, 10.5], // PP4 250.5, U3 260
      ["四(二)3", 1, 0.5], // 花都 1500.5
      ["四(三)5", 1, 0.01],
      ["四(三)6", 1, 0.5],
      ["五(七)", 2, 30], // F10 10 (P16 实施中), F11 20 (the day before acceptance)
    ]);
    expect(sa.compliance.review_items.map((r) => [r.rule_cite, r.count, r.amount_wan])).toEqual([
      ["六(二)", 2, 20], // F07, H04
      ["四(一)1", 1, 10], // F10: E16 has no 改造后 assessment
      ["四(一)1、四(二)2", 1, 260], // J06
    ]);
    expect(md).toContain("截至数据日期尚存超过方案限额的拨付14项");
    expect(md).toContain("需人工核实的拨付4项(方案未给出数字,不属超限)");
  });

  test("should say 未提供数据 for 考核整改 when the exports carry no review table, and show figures when they do", async () => {
    expect(sa.rectification).toBeNull();
    expect(md).toContain("### (三)考核整改\n\n牵引单位周期性考核及整改意见(五(六)):未提供数据。\n");
    expect(rectificationTable(sa).rows).toEqual([{ units_reviewed: "未提供数据", items: "未提供数据", open: "未提供数据", overdue: "未提供数据", closed: "未提供数据" }]);
    expect(sa.unknowns.at(-1)).toBe("牵引单位周期性考核和整改情况(五(六)):导出数据未提供。");
    const given = await computeSelfAssessment(await openFixture(plan), {
      plan,
      rectification: { units_reviewed: 3, items: 5, open: 2, overdue: 1, closed: 3, source: { path: "/units", page: "牵引单位", table: "考核整改" } },
    });
    const text = selfAssessmentMarkdown(given);
    expect(text).toContain("| 3 | 5 | 2 | 1 | 3 |\n\n数据来源:监测平台 牵引单位(/units)·考核整改。");
    expect(given.unknowns).not.toContain("牵引单位周期性考核和整改情况(五(六)):导出数据未提供。");
  });
});

describe("the document", () => {
  test("should state its data date, that the monitor generated it, and what it cannot know", () => {
    expect(md.split("\n").slice(0, 3)).toEqual(["# 广州市中小企业数字化转型城市试点工作绩效自评估报告", "", "(数据截至2026年6月30日)"]);
    expect(md).toContain("本报告由广州市中小企业数字化转型城市试点监测平台根据各责任单位导出的台账数据(数据快照2026年6月30日)自动生成");
    expect(md).toContain("试点工作全过程跟踪和验收截至2027年3月31日(2024年9月至2027年3月),距数据日期274天");
    expect(md).toContain("   (1)服务商让利(六(三)“平台让一点”):导出数据未包含服务商让利,无法计算。");
    expect(md.match(/^## .*$/gm)).toEqual(["## 一、基本情况", "## 二、目标完成情况", "## 三、绩效考核指标完成情况", "## 四、资金使用情况", "## 五、合规与整改情况", "## 六、工作节点", "## 七、数据说明"]);
  });

  test("should cite a source under every table and write no English words in the body", () => {
    for (const t of selfAssessmentTables(sa).filter((x) => x.name !== "考核整改")) expect(t.sources.length, t.name).toBeGreaterThan(0);
    // Page paths (/funds) are the only Latin letters the document holds.
    expect(md.replace(/\(\/[a-z]*\)/g, "").match(/[A-Za-z]+/g)).toBeNull();
  });

  test("should show the milestones with the days left from the data date", () => {
    expect(md).toContain("| 五(八) | 完成试点工作全过程跟踪和验收 | 2024年9月至2027年3月 | 2027年3月31日 | 进行中 | 274 |");
    expect(md).toContain("| 五(二) | 遴选数字化牵引单位,加强牵引单位管理 | 2024年4月—12月 | 2024年12月31日 | 已到期 | 已截止 |");
    expect(md).toContain("| 五(三) | 征集\"小快轻准\"数字化产品 | 2024年9月起持续征集 | 方案未定 | 持续开展 | — |");
  });
});
