// The counting rules both sites print (loaders/plan/countingRules.ts): each with its source, the
// monitor's own conventions said to be so, the provincial rule not passed off as the plan's.
import { describe, expect, test } from "vitest";
import { countingRules } from "../../loaders/plan/countingRules.ts";
import { resolve } from "node:path";
import { projectRoot } from "../../loaders/config/paths.ts";
import { readPlanFile } from "../../loaders/plan/load.ts";
import { plan } from "../helpers/plan.ts";
import { publicPageData } from "../../loaders/outputs/public.ts";
import { fakeReport } from "../public/fakeReport.ts";

const rules = countingRules(plan);
const rule = (key: string) => rules.find((r) => r.key === key)!;

describe("countingRules", () => {
  test("should give every rule a basis and a source, and cite the plan's section when the basis is the plan", () => {
    for (const r of rules) {
      expect(r.source.length, r.key).toBeGreaterThan(0);
      if (r.basis === "plan") expect(r.source, r.key).toMatch(/^方案 [一二三四五六七]/);
      if (r.basis === "monitor") expect(r.basisText, r.key).toBe("本监测自定口径");
    }
    expect(new Set(rules.map((r) => r.key)).size).toBe(rules.length);
  });

  test("should call the straight line from 2024-09-01, the 85% band and the forecast the monitor's own", () => {
    expect(rule("expected")).toMatchObject({ basis: "monitor", group: "pace" });
    expect(rule("expected").rule).toBe("目标 × 自2024年9月1日起到统计日已过的时间占全程(至2026年12月31日)的比例,即一条直线。");
    expect(rule("status").rule).toBe("达标:实际数不少于按进度应达数的100%;预警:不少于其85%;落后:低于其85%。");
    expect(rule("status").source).toBe("本监测自定口径:85%预警线不是方案的规定");
    expect(rule("forecast").basis).toBe("monitor");
  });

  test("should give the 2023-10-11 signing cut-off as a Guangdong provincial rule, not the plan's", () => {
    expect(rule("window")).toMatchObject({ basis: "province", basisText: "广东省规定(非本市方案)", source: "广东省省级试点规定,不是本市方案的条文" });
    expect(rule("window").rule).toContain("签约日期不早于2023年10月11日");
  });

  test("should say the level band rule is unverified against 工信厅企业〔2024〕56号", () => {
    expect(rule("level_band").unverified).toContain("尚未与《中小企业数字化水平评测指标(2024年版)》(工信厅企业〔2024〕56号)正式文本核对");
    expect(rule("level_band").rule).toContain("二级总分≥40分且≥6个经营场景达到该级及以上(其中约束性场景≥3个)");
  });

  test("should give the platform's 无数据 as the monitor's convention and tier criteria as an input, not a plan number", () => {
    expect(rule("platform_no_data").basis).toBe("monitor");
    expect(rule("unit_tiers").rule).toContain("一档不超过100万元、二档不超过80万元、三档不超过50万元。方案没有给出各档标准");
  });

  test("should give the reporting calendar from 五(五) and call its due day and tolerance the monitor's", () => {
    expect(rule("unit_reports").rule).toContain("每月一期,自遴选日期后第一个完整月起、至移出名单为止;每期应于次月10日前报送");
    expect(rule("unit_reports").source).toContain("方案未规定报送周期和期限");
    expect(rule("unit_acceptance").rule).toContain("验收未通过率 = 验收未通过 ÷(验收通过 + 验收未通过)");
    expect(rule("unit_acceptance").source).toContain("验收未通过率的算法为本监测自定口径");
    expect(rule("list_removal")).toMatchObject({ basis: "plan", source: "方案 五(五)(对牵引单位名单和被改造企业实行动态调整管理)" });
  });

  test("should publish only the rules behind published numbers on the public site", () => {
    // The methodology page reads only the timing from the aggregates.
    const shown = publicPageData.methodology({ timing: fakeReport().timing } as never, plan).rules.map((r) => r.key);
    expect(shown).toEqual([
      "target:enterprises_transformed", "target:diagnosed", "target:digital_workshops", "target:smart_factories", "target:service_providers", "target:products",
      "target:scenarios", "target:chain_cases", "target:clusters", "target:platform", "target:training_person_times",
      "list_removal", "sme", "sme_unknown", "window", "platform_no_data", "attribution", "funds", "expected", "status", "forecast",
    ]);
  });

  test("should word each target's rule from its measure, with the target's own section", () => {
    expect(rule("target:enterprises_transformed")).toMatchObject({
      topic: "完成数字化改造并达到数字化水平二级及以上的中小企业",
      rule: "按企业去重:改造项目“验收通过”且验收日期不晚于统计日,并且统计日前最近一次“改造后”评测为数字化水平二级及以上。填报有误被退回的记录不计入。",
      basis: "plan", source: "方案 二、工作目标",
    });
    expect(rule("target:diagnosed")).toMatchObject({ rule: "统计日前有“改造前”评测的中小企业,按企业去重。", source: "方案 三(九)、四(三)5" });
    expect(rule("target:platform").source).toBe("方案 二、工作目标;三(九)");
    expect(rule("unit_indicators").rule).toContain("入选示范项目数(所服务企业获评的典型场景和链式转型案例)");
  });
});

describe("countingRules for plans whose text gives less", () => {
  const jj = countingRules(readPlanFile(resolve(projectRoot, "plans/jiujiang.json")));
  const dy = countingRules(readPlanFile(resolve(projectRoot, "plans/dongying.json")));
  const of = (rules: typeof jj, key: string) => rules.find((r) => r.key === key)!;

  test("should word filters, shares, signing and cloud measures", () => {
    expect(of(jj, "target:above_scale_in_transformation").rule).toBe("统计日前签约改造项目(有签约日期)的中小企业(仅规上企业),按企业去重,自首个项目的签约日期起计入。计入“开展改造”的一部分。");
    expect(of(jj, "target:share_level2_above_scale_srdi").rule).toBe("比例(仅规上企业或专精特新、小巨人企业):最近一次评测为二级及以上的企业数 ÷ 企业名录中同一范围的企业数(自入库日期起计入分母)。");
    expect(of(jj, "target:workshops").rule).toBe("示范认定中类型为“数字化车间”或“智能车间”、认定日期不晚于统计日的认定个数。");
    expect(of(jj, "target:cloud").rule).toBe("企业名录“上云用云日期”不晚于统计日的中小企业,按企业去重。");
    expect(of(dy, "target:little_giants_transformed").rule).toContain("按企业去重(仅小巨人企业):改造项目“验收通过”");
  });

  test("should call a rule the monitor's own when the plan's text has no section for it, and drop rules on what the plan lacks", () => {
    expect(of(jj, "list_removal")).toMatchObject({ basis: "monitor", source: "本监测自定口径:方案文本未载明对牵引单位名单和被改造企业实行动态调整管理" });
    expect(of(jj, "fund_caps")).toMatchObject({ basis: "monitor", source: "本监测自定口径:方案文本未载明资金上限,不作上限核对" });
    expect(of(jj, "unit_tiers").rule).toMatch(/^方案文本未载明各档奖励。/);
    expect(of(jj, "unit_indicators").rule).toContain("入选示范项目数(方案未指定计入的认定类型,均记为0)");
    expect(of(jj, "expected")).toMatchObject({ rule: "方案文本未给出进度起算日:不按时间进度判断,只显示完成数。", basis: "monitor" });
    expect(jj.map((r) => r.key)).not.toContain("platform_no_data");
    expect(jj.map((r) => r.key)).not.toContain("milestone_days");
    for (const r of [...jj, ...dy]) if (r.basis === "plan") expect(r.source, r.key).toMatch(/^方案 [一二三四五六七]/);
  });
});
