/** The pages and tables the self-assessment's figures come from (titles as the pages print them). */
import type { SaSource } from "./types.ts";

const src = (path: string, page: string, table: string): SaSource => ({ path, page, table });

export const sources = {
  targets: src("/", "总览", "目标完成情况"),
  byLevel: src("/selfassessment", "绩效自评估", "被改造企业数量(按改造后等级)"),
  investment: src("/selfassessment", "绩效自评估", "带动改造资金投入"),
  fundsByDirection: src("/funds", "资金", "各方向拨付与上限"),
  fundSources: src("/funds", "资金", "资金来源构成"),
  products: src("/supply", "供给与示范", "“小快轻准”产品:环节 × 行业"),
  units: src("/units", "牵引单位", "牵引单位成绩单"),
  breaches: src("/funds", "资金", "超限(方案数字所禁止)"),
  reviewItems: src("/funds", "资金", "待核实(需人工核实,非超限)"),
  rectification: src("/unit-reviews", "报送与考核", "整改事项"),
  milestones: src("/", "总览", "试点工作节点"),
  rules: src("/methodology", "统计口径", "统计口径"),
};

/** "资金(/funds)·各方向拨付与上限": how the markdown and the workbook cite a source. */
export function sourceText(s: SaSource): string {
  return `${s.page}(${s.path})·${s.table}`;
}
