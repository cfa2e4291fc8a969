/**
 * The report as a short Simplified Chinese briefing a leader can paste into a message: plain
 * paragraphs and bullets only (chat apps render no tables), numbers in 万元/亿元.
 */
import { formatCount, formatDateZh, formatPct, formatWan } from "./format.ts";
import type { Breach, KpiRow, Report } from "./reportTypes.ts";

const MAX_BREACHES = 10;

function kpiLine(k: KpiRow, trailingWeeks: number): string {
  if (k.kind === "status") return `- 【${k.status}】${k.short}:${k.actual != null && k.actual >= k.target ? "已建成运行" : "台账中尚无上线记录"}`;
  const parts = [
    `${k.short}${formatCount(k.actual ?? 0)}/${formatCount(k.target)}${k.unit}(${formatPct(k.pct ?? 0)})`,
    `按进度应达${formatCount(Math.round(k.expected))}${k.unit}`,
  ];
  if (k.trailing_rate_weekly != null) {
    parts.push(k.trailing_rate_weekly === 0
      ? `近${trailingWeeks}周无新增`
      : `近${trailingWeeks}周平均每周${k.trailing_rate_weekly > 0 ? "+" : ""}${formatCount(k.trailing_rate_weekly)}${k.unit}`);
  }
  if ((k.remaining ?? 0) > 0 && k.forecast != null) parts.push(`照此到期末约${formatCount(Math.round(k.forecast))}${k.unit}`);
  if ((k.remaining ?? 0) > 0 && k.required_weekly != null) parts.push(`此后每周需+${formatCount(k.required_weekly)}${k.unit}`);
  return `- 【${k.status}】${parts.join(",")}`;
}

function lagging(report: Report): string[] {
  const lines: string[] = [];
  const rows = report.by_district.filter((r) => r.key === "enterprises_transformed");
  const withTargets = rows.filter((r) => r.target != null);
  if (withTargets.length > 0) {
    // District targets given: the districts behind their own target's pro-rated share.
    const behind = withTargets
      .filter((r) => (r.pct ?? 0) < report.timing.elapsed)
      .sort((a, b) => (a.pct ?? 0) - (b.pct ?? 0))
      .map((r) => `${r.district}${formatCount(r.actual)}/${formatCount(r.target!)}家`);
    const more = behind.length > 3 ? `等${behind.length}个区` : "";
    lines.push(`- 改造达二级落后于分区目标进度的区:${behind.length ? behind.slice(0, 3).join("、") + more : "无"}`);
  } else {
    // No district targets: the plan's focus districts with the fewest.
    const fewest = rows
      .filter((r) => r.is_focus)
      .sort((a, b) => a.actual - b.actual || a.district_code.localeCompare(b.district_code))
      .slice(0, 3)
      .map((r) => `${r.district}${formatCount(r.actual)}家`);
    lines.push(`- 重点区中改造达二级最少的:${fewest.join("、")}`);
  }
  const industries = report.by_industry
    .filter((r) => r.key === "enterprises_transformed")
    .sort((a, b) => a.actual - b.actual)
    .slice(0, 3)
    .map((r) => `${r.industry}${formatCount(r.actual)}家`);
  lines.push(`- 改造达二级最少的行业:${industries.join("、")}`);
  return lines;
}

function breachLine(b: Breach): string {
  const who = [b.entity_name ?? b.entity_id, b.period ? `${b.period}年` : null].filter(Boolean).join(" ");
  // A limit of 0 means no such money was due at all.
  const limit = b.limit_wan === 0 ? "不应拨付" : `上限${formatWan(b.limit_wan)},超出${formatWan(b.excess_wan)}`;
  return `- ${b.rule_label}:${who},${formatWan(b.amount_wan)},${limit}`;
}

/** Render the report as a Chinese briefing in Markdown. */
export function reportMarkdown(report: Report): string {
  const out: string[] = [];
  const count = (s: string): number => report.kpis.filter((k) => k.status === s).length;
  out.push(`**${report.plan.city}中小企业数字化转型城市试点进展(截至${formatDateZh(report.as_of)})**`);
  out.push(
    `数据快照:${formatDateZh(report.snapshot)}。按进度应完成全期目标的${formatPct(report.timing.elapsed)},` +
      `距${formatDateZh(report.timing.plan_end)}还有${formatCount(Math.round(report.timing.weeks_left))}周。`,
  );

  out.push("", `**一、目标完成情况**(达标${count("达标")}项、预警${count("预警")}项、落后${count("落后")}项${count("无数据") > 0 ? `、无数据${count("无数据")}项` : ""})`);
  out.push(...report.kpis.map((k) => kpiLine(k, report.timing.trailing_weeks)));

  const gaps = report.kpis
    .filter((k) => k.kind === "count" && k.status !== "达标")
    .sort((a, b) => (a.pct_of_expected ?? 0) - (b.pct_of_expected ?? 0))
    .slice(0, 3);
  if (gaps.length) {
    out.push("", "**二、差距最大的目标**");
    gaps.forEach((k, i) =>
      out.push(`${i + 1}. ${k.short}:比进度少${formatCount(Math.round(k.expected - (k.actual ?? 0)))}${k.unit},仅达进度要求的${formatPct(k.pct_of_expected ?? 0)}`));
  }

  out.push("", "**三、分区与行业**");
  out.push(...lagging(report));

  const { overdue, stuck } = report.pipeline;
  out.push("", "**四、项目推进**");
  const worst = overdue[0];
  out.push(`- 逾期未验收项目${overdue.length}个${worst ? `,最长逾期${worst.days_overdue}天(${worst.enterprise ?? worst.uscc},${worst.leading_unit ?? worst.leading_unit_id})` : ""}`);
  out.push(`- 超过${report.pipeline.stuck_after_days}天无进展项目${stuck.length}个`);

  const total = report.funding.by_direction.reduce((s, d) => s + d.amount_wan, 0);
  out.push("", "**五、资金拨付**");
  out.push(`- 累计拨付${formatWan(total)}:` +
    report.funding.by_direction.filter((d) => d.amount_wan > 0).map((d) => `${d.direction}${formatWan(d.amount_wan)}`).join("、"));

  out.push("", `**六、合规提示**(${report.compliance.length}项)`);
  if (report.compliance.length === 0) out.push("- 未发现超标拨付");
  out.push(...report.compliance.slice(0, MAX_BREACHES).map(breachLine));
  if (report.compliance.length > MAX_BREACHES) out.push(`- 另有${report.compliance.length - MAX_BREACHES}项,详见完整报告`);
  return out.join("\n") + "\n";
}
