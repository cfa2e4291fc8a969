// The pasted text, the page and the workbook are all rendered from one WeeklyReview: each number of
// the review must appear in the markdown exactly as the page's formatters write it.
import { beforeAll, describe, expect, test } from "vitest";
import { weeklySheets } from "../../src/components/weekly/weeklySheets.ts";
import { plan } from "../helpers/plan.ts";
import { computeWeekly } from "../../loaders/weekly/computeWeekly.ts";
import type { WeeklyReview } from "../../loaders/weekly/types.ts";
import { weeklyMarkdown } from "../../loaders/weekly/weeklyMarkdown.ts";
import { openWeeklyFixture } from "./fixture.ts";
import { planFacts } from "../helpers/plan.ts";
import { reviewNumbers } from "./numbers.ts";

let r: WeeklyReview;
let md: string;

beforeAll(async () => {
  r = await computeWeekly(await openWeeklyFixture(plan), { plan });
  md = weeklyMarkdown(r);
});

const sheetWords = { headline: planFacts.headline, area: planFacts.area_noun };

describe("weekly markdown", () => {
  test("should contain every number of the review, written as the page writes it", () => {
    const missing = reviewNumbers(r).filter(([, text]) => !md.includes(text));
    expect(missing).toEqual([]);
  });

  test("should open with the two snapshot dates and number the attention items", () => {
    expect(md.split("\n")[0]).toBe("**广州市中小企业数字化转型城市试点周报(2026年6月5日—2026年6月12日)**");
    expect(md).toContain(`${r.attention.length}. ${r.attention.at(-1)!.text}`);
  });

  test("should list each revision with the record it belongs to", () => {
    expect(md).toContain("- 改造项目 P2「乙二改造」(乙二美妆) 验收日期:2025年11月20日 → 空(值被清空)");
    expect(md).toContain("- 示范认定 R2「乙二车间」(乙二美妆):整行删除,本期该行未通过校验:取值「车间」不在允许范围内(原为 ");
    expect(md).toContain("- 资金拨付 F1 金额(万元):20万元 → 25万元(值被修改)");
  });

  test("should keep a name's line break from breaking its bullet", () => {
    const hostile = { ...r, revisions: [{ ...r.revisions[0]!, label: "甲\n- 伪造一行" }] };
    expect(weeklyMarkdown(hostile)).not.toContain("\n- 伪造一行");
  });
});

describe("weekly workbook", () => {
  test("should hold one sheet per section, ending with the attention list", () => {
    expect(weeklySheets(r, sheetWords).map((s) => s.name)).toEqual([
      "目标变化", "本期新增", "新增-分区", "新增-行业", "分区进展", "项目状态变化",
      "逾期变化", "停滞变化", "合规变化", "待核实变化", "牵引单位变化", "数据修订", "数据质量变化", "需关注事项",
    ]);
  });

  test("should hold the same rows as the review", () => {
    const sheet = Object.fromEntries(weeklySheets(r, sheetWords).map((s) => [s.name, s]));
    expect(sheet["数据修订"]!.rows.map((x) => [x.record_id, x.before_text, x.after_text])).toEqual(r.revisions.map((v) => [v.record_id, v.before_text, v.after_text]));
    expect(sheet["需关注事项"]!.rows.map((x) => x.text)).toEqual(r.attention.map((a) => a.text));
    expect(sheet["目标变化"]!.rows.map((x) => [x.key, x.before, x.after, x.delta])).toEqual(r.targets.map((t) => [t.key, t.before, t.after, t.delta]));
    expect(sheet["逾期变化"]!.rows.map((x) => [x.change, x.project_id])).toEqual([["新增", "P2"], ["新增", "P4"], ["移出", "P6"], ["移出", "P1"]]);
  });
});
