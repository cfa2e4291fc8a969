// @vitest-environment jsdom
// The leading-unit page's headline and download: no tier verdict unless tier criteria are supplied
// (plan 四(二)2 sets none), and the right one when they are.
import { describe, expect, test } from "vitest";
import type { LeadingUnitRow, ProvidersOfUnit, TierCriterion } from "../../loaders/kpi/reportTypes.ts";
import { providersTable } from "../../src/components/units/providersTable.ts";
import { scorecardExport } from "../../src/components/units/scorecardExport.ts";
import { tierCriteriaNote } from "../../src/components/units/tierCriteriaNote.ts";
import { tierVerdictNote } from "../../src/components/units/tierVerdictNote.ts";

const tiers = ["一档", "二档", "三档"];
const awards = { 一档: 100, 二档: 80, 三档: 50 };
const industries = [{ key: "auto", short: "汽车零部件" }];

const unit = (id: string, name: string, parts: Partial<LeadingUnitRow>): LeadingUnitRow => ({
  unit_id: id, name, industry_key: "auto", industry: "智能网联与新能源汽车(零部件)", selected_on: "2024-06-01", tier_awarded: null,
  projects_accepted: 0, projects_accepted_rank: 1, products: 0, products_rank: 1, scenarios: 0, scenarios_rank: 1,
  enterprises_diagnosed: 0, enterprises_signed: 0, enterprises_transformed: 0, avg_days_to_accept: null,
  award_paid_wan: 0, award_other_wan: 0, award_cap_wan: null, criteria_given: false, tier_earned: null, awarded_above_earned: null, ...parts,
});

// As the scorecard query returns them for the KPI fixture (test/kpi/pipeline.test.ts), without criteria and with.
const bare = [
  unit("U1", "汽配牵引一号", { tier_awarded: "一档", projects_accepted: 6, products: 3, products_rank: 1, scenarios: 1, scenarios_rank: 2, award_paid_wan: 100, award_cap_wan: 100 }),
  unit("U2", "美妆牵引二号", { tier_awarded: "三档", projects_accepted: 6, products: 1, products_rank: 2, scenarios: 2, award_paid_wan: 50.5, award_cap_wan: 50 }),
  unit("U3", "家居牵引三号", { projects_accepted: 1, projects_accepted_rank: 3, products_rank: 3, scenarios_rank: 3, award_other_wan: 10 }),
];
const judged = bare.map((u, i) => ({
  ...u, criteria_given: true, tier_earned: ["二档", "三档", null][i]!, awarded_above_earned: [true, false, false][i]!,
}));
const criteria: TierCriterion[] = [
  { tier: "一档", award_wan: 100, min_projects_accepted: 6, min_products: 4, min_demonstrations: 1, source: "示例管理办法第八条" },
  { tier: "二档", award_wan: 80, min_projects_accepted: 6, min_products: 3, min_demonstrations: 1, source: "示例管理办法第八条" },
  { tier: "三档", award_wan: 50, min_projects_accepted: 6, min_products: null, min_demonstrations: 2, source: "示例管理办法第八条" },
];

const text = (el: HTMLElement) => el.textContent!.replace(/\s+/g, " ");
const labels = (t: ReturnType<typeof scorecardExport>) => t.columns.map((c) => c.label);
const column = (t: ReturnType<typeof scorecardExport>, label: string) => {
  const key = t.columns.find((c) => c.label === label)!.key;
  return t.rows.map((r) => [r.name, r[key]]);
};

describe("without tier criteria", () => {
  test("should say the plan sets no thresholds and make no verdict in the headline", () => {
    const t = text(tierVerdictNote(bare, []));
    expect(t).toContain("没有给出各档的具体标准");
    expect(t).toContain("不判断评定档次是否与实绩相符");
    expect(t).not.toMatch(/高于|建议复核/);
  });

  test("should download the indicators, ranks, tier awarded and award against its amount, and no verdict column", () => {
    const file = scorecardExport(bare, { tiers, industries, criteria: false });
    expect(labels(file)).toEqual([
      "牵引单位", "评定档次", "已拨奖励(计入档次上限)(万元)", "该档奖励上限(万元)", "奖励核对", "其他级别资金(不计入)(万元)", "验收通过项目", "项目排名", "供给产品", "产品排名",
      "入选示范项目", "示范排名", "诊断企业", "签约企业", "改造达标企业", "签约至验收(天)", "行业",
    ]);
    // Sorted by projects accepted, most first (U1 and U2 tie at 6: the query's order stands).
    expect(column(file, "评定档次")).toEqual([["汽配牵引一号", "一档"], ["美妆牵引二号", "三档"], ["家居牵引三号", "未评档"]]);
    expect(column(file, "奖励核对")).toEqual([["汽配牵引一号", "未超"], ["美妆牵引二号", "超上限"], ["家居牵引三号", "未超"]]);
    expect(column(file, "其他级别资金(不计入)(万元)")).toEqual([["汽配牵引一号", 0], ["美妆牵引二号", 0], ["家居牵引三号", 10]]);
    expect(JSON.stringify(file.rows)).not.toMatch(/高于|应得/);
  });

  test("should list each tier's amount from the plan and no thresholds", () => {
    const t = text(tierCriteriaNote([], awards));
    expect(t).toContain("一档:奖励不超过100万元");
    expect(t).toContain("三档:奖励不超过50万元");
    expect(t).not.toContain("≥");
  });
});

describe("with tier criteria", () => {
  test("should name the unit rated above the tier its results earn, with the criteria's source", () => {
    const t = text(tierVerdictNote(judged, criteria));
    expect(t).toContain("依据:示例管理办法第八条");
    expect(t).toContain("1 家评定档次高于按标准应得的档次");
    expect(t).toContain("汽配牵引一号:评定一档,按标准应得二档");
    expect(t).not.toContain("美妆牵引二号");
  });

  test("should download tier earned and the verdict", () => {
    const file = scorecardExport(judged, { tiers, industries, criteria: true });
    expect(column(file, "按标准应得档次")).toEqual([["汽配牵引一号", "二档"], ["美妆牵引二号", "三档"], ["家居牵引三号", "未达任何一档"]]);
    expect(column(file, "档次核对")).toEqual([["汽配牵引一号", "评定高于标准"], ["美妆牵引二号", "相符或偏低"], ["家居牵引三号", "相符或偏低"]]);
  });

  test("should leave a unit whose tier has no criteria unjudged", () => {
    const partial = judged.map((u, i) => (i === 0 ? { ...u, awarded_above_earned: null } : u));
    expect(text(tierVerdictNote(partial, criteria.slice(1)))).toContain("另有 1 家的评定档次没有对应标准,未作比较");
    expect(column(scorecardExport(partial, { tiers, industries, criteria: true }), "档次核对")[0]).toEqual(["汽配牵引一号", "无对应标准"]);
  });

  test("should print each tier's thresholds and source, a blank one as no condition", () => {
    const t = text(tierCriteriaNote(criteria, awards));
    expect(t).toContain("一档:奖励不超过100万元;标准:验收通过项目 ≥ 6 个、供给产品 ≥ 4 个、入选示范项目 ≥ 1 个(依据:示例管理办法第八条)");
    expect(t).toContain("三档:奖励不超过50万元;标准:验收通过项目 ≥ 6 个、入选示范项目 ≥ 2 个(依据:示例管理办法第八条)");
  });

  test("should draw the first providers' rows and the rest on request, as the weekly tables do", () => {
    const rows: ProvidersOfUnit[] = Array.from({ length: 5 }, (_, i) => ({ unit_id: `U${i + 1}`, unit: `牵引单位${i + 1}`, providers: i + 1, products: 2 * i, provider_names: [`服务商${i + 1}`] }));
    rows.push({ unit_id: null, unit: null, providers: 1, products: 0, provider_names: [] });
    const el = providersTable(rows, 4);
    const units = () => [...el.querySelectorAll("tbody tr")].map((tr) => tr.querySelector("td div")!.textContent);
    expect(units()).toEqual(["牵引单位1", "牵引单位2", "牵引单位3", "牵引单位4"]);
    expect([...el.querySelectorAll("tbody tr")][1]!.textContent!.replace(/\s+/g, " ").trim()).toBe("牵引单位2服务商2 2家2个");
    const note = el.querySelector("p.muted")!;
    expect(note.textContent!.replace(/\s+/g, " ")).toBe("共 6 行,此处列出前 4 行,完整清单见下载。 显示其余 2 行");
    note.querySelector("button")!.click();
    expect(units()).toEqual(["牵引单位1", "牵引单位2", "牵引单位3", "牵引单位4", "牵引单位5", "无所属牵引单位"]);
    expect(el.querySelector("tbody tr:last-child")!.textContent).toContain("暂无服务商");
    expect(el.querySelector("p.muted")).toBeNull();
    // At or under the limit (100 by default): every row, no note.
    expect(providersTable(rows).querySelectorAll("tbody tr")).toHaveLength(6);
    expect(providersTable(rows).querySelector("p.muted")).toBeNull();
  });
});
