// The counting rules both sites print (loaders/plan/countingRules.ts): each with its source, the
// monitor's own conventions said to be so, the provincial rule not passed off as the plan's.
import { describe, expect, test } from "vitest";
import { countingRules } from "../../loaders/plan/countingRules.ts";
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
    expect(shown).toEqual(["transformed", "list_removal", "sme", "sme_unknown", "window", "diagnosed", "recognitions", "supply", "training", "platform", "platform_no_data", "attribution", "funds", "expected", "status", "forecast"]);
  });
});
