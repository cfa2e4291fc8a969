/**
 * The self-assessment (绩效自评估) as a Markdown document in formal Chinese, for an official to send
 * with light editing: numbered headings (一、二、…), tables, each table followed by the page and table of
 * the monitor it comes from. Written from the same tables and sentences as the page and the workbook.
 */
import { selfAssessmentProse } from "./prose.ts";
import { docCellText, fundTable, indicatorTable, kindOf, levelTable, milestoneTable, rectificationTable, reviewTable, breachTable, targetTable, type SaTable } from "./tables.ts";
import type { SelfAssessment } from "./types.ts";

// A cell must not break the table it sits in.
const safe = (s: string): string => s.replace(/\|/g, "|").replace(/[\r\n]+/g, " ");

/** A Markdown table with its source line. */
export function mdTable(t: SaTable, rows = t.rows): string[] {
  const out = [`| ${t.columns.map((c) => c.title).join(" | ")} |`, `| ${t.columns.map(() => "---").join(" | ")} |`];
  for (const r of rows) out.push(`| ${t.columns.map((c) => safe(docCellText(r[c.key] ?? null, kindOf(c, r)))).join(" | ")} |`);
  if (t.sources.length) out.push("", `数据来源:监测平台 ${t.sources.join(";")}。`);
  return out;
}

/** Render the self-assessment as Markdown. */
export function selfAssessmentMarkdown(sa: SelfAssessment): string {
  const p = selfAssessmentProse(sa);
  const ind = indicatorTable(sa);
  // Each indicator row names its own source: no source line under the parts.
  const part = (g: string) => mdTable({ ...ind, columns: ind.columns.filter((c) => c.key !== "group"), sources: [] }, ind.rows.filter((r) => r.group === g));
  const out: string[] = [
    `# ${p.title}`, "", p.subtitle, "",
    "## 一、基本情况", "", p.basis, "", p.generated, "",
    "## 二、目标完成情况", "", p.targets, "", ...mdTable(targetTable(sa)), "",
    "## 三、绩效考核指标完成情况", "", p.indicators, "",
    "### (一)被改造企业数量", "", p.transformed, "", ...mdTable(levelTable(sa)), "",
    "### (二)带动改造资金投入", "", p.investment, "", ...part("带动改造资金投入"), "",
    "### (三)数字化转型产品及解决方案", "", p.products, "", ...part("产品及解决方案"), "",
    "### (四)数字化转型行业平台", "", p.platforms, "", ...part("行业平台"), "",
    "## 四、资金使用情况", "", p.funds, "", ...mdTable(fundTable(sa)), "",
    "## 五、合规与整改情况", "",
    "### (一)超限拨付", "", p.breaches, "", ...(sa.compliance.breach_count ? [...mdTable(breachTable(sa)), ""] : []),
    "### (二)待核实事项", "", p.review, "", ...(sa.compliance.review_count ? [...mdTable(reviewTable(sa)), ""] : []),
    "### (三)考核整改", "", p.rectification, "", ...(sa.rectification != null ? [...mdTable(rectificationTable(sa)), ""] : []),
    "## 六、工作节点", "", p.milestones, "", ...mdTable(milestoneTable(sa)), "",
    "## 七、数据说明", "",
    `1. ${p.dataDate}`,
    "2. 以下情况本报告无法反映:",
    ...sa.unknowns.map((u, k) => `   (${k + 1})${u}`),
  ];
  return out.join("\n") + "\n";
}
