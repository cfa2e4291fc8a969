/**
 * The report as a short Simplified Chinese briefing a leader can paste into a message: plain
 * paragraphs and bullets only (chat apps render no tables), numbers in 万元/亿元.
 */
import { fmtCount, fmtPct, fmtTarget, fmtWan, zhDate } from "../format/format.ts";
import { kpisBehindPace } from "./gaps.ts";
import type { Breach, KpiRow, Report, ReviewItem } from "./reportTypes.ts";
import type { PilotPlan } from "../plan/types.ts";

const MAX_BREACHES = 10;
const MAX_REVIEW = 10;

function kpiLine(k: KpiRow, trailingWeeks: number): string {
  if (k.kind === "status") return `- 【${k.status}】${k.short}:${k.actual != null && k.actual >= (k.target ?? 1) ? "已建成运行" : "台账中尚无上线记录"}`;
  if (k.kind === "ratio") {
    return `- 【${k.status}】${k.short}${fmtPct(k.actual)}/${fmtTarget(k.target, k.kind, k.unit)}${k.expected == null ? "" : `,按进度应达${fmtPct(k.expected)}`}`;
  }
  if (k.target == null || k.expected == null) {
    return `- 【${k.status}】${k.short}${fmtCount(k.actual ?? 0)}${k.unit}(${k.target == null ? "方案未给出目标数值" : "方案未给出进度起算日"},不判断进度)`;
  }
  const parts = [
    `${k.short}${fmtCount(k.actual ?? 0)}/${fmtCount(k.target)}${k.unit}(${fmtPct(k.pct ?? 0)})`,
    `按进度应达${fmtCount(Math.round(k.expected))}${k.unit}`,
  ];
  if (k.trailing_rate_weekly != null) {
    parts.push(k.trailing_rate_weekly === 0
      ? `近${trailingWeeks}周无新增`
      : `近${trailingWeeks}周平均每周${k.trailing_rate_weekly > 0 ? "+" : ""}${fmtCount(k.trailing_rate_weekly)}${k.unit}`);
  }
  if ((k.remaining ?? 0) > 0 && k.forecast != null) parts.push(`照此到期末约${fmtCount(Math.round(k.forecast))}${k.unit}`);
  if ((k.remaining ?? 0) > 0 && k.required_weekly != null) parts.push(`此后每周需+${fmtCount(k.required_weekly)}${k.unit}`);
  return `- 【${k.status}】${parts.join(",")}`;
}

function lagging(report: Report): string[] {
  const lines: string[] = [];
  const key = report.plan.headline.primary;
  const kpi = report.kpis.find((k) => k.key === key);
  if (key == null || kpi == null) return [`- 方案无按${report.plan.area_noun}、行业分解的企业数目标`];
  const { short, unit } = kpi;
  const area = report.plan.area_noun;
  const rows = report.by_district.filter((r) => r.key === key);
  const withTargets = rows.filter((r) => r.target != null);
  if (withTargets.length > 0) {
    // District targets given: the districts behind their own target's pro-rated share.
    // No start date in the plan ⇒ no pro-rated share ⇒ no district is judged behind.
    const elapsed = report.timing.elapsed;
    const behind = elapsed == null ? [] : withTargets
      .filter((r) => (r.pct ?? 0) < elapsed)
      .sort((a, b) => (a.pct ?? 0) - (b.pct ?? 0))
      .map((r) => `${r.district}${fmtCount(r.actual)}/${fmtCount(r.target!)}${unit}`);
    const more = behind.length > 3 ? `等${behind.length}个${area}` : "";
    lines.push(`- ${short}落后于分区目标进度的${area}:${behind.length ? behind.slice(0, 3).join("、") + more : "无"}`);
  } else {
    // No district targets: the plan's focus districts with the fewest.
    const fewest = rows
      .filter((r) => r.is_focus)
      .sort((a, b) => a.actual - b.actual || a.district_code.localeCompare(b.district_code))
      .slice(0, 3)
      .map((r) => `${r.district}${fmtCount(r.actual)}${unit}`);
    if (fewest.length > 0) lines.push(`- 重点${area}中${short}最少的:${fewest.join("、")}`);
  }
  const industries = report.by_industry
    .filter((r) => r.key === key)
    .sort((a, b) => a.actual - b.actual)
    .slice(0, 3)
    .map((r) => `${r.industry}${fmtCount(r.actual)}${unit}`);
  lines.push(`- ${short}最少的行业:${industries.join("、")}`);
  return lines;
}

function breachLine(b: Breach): string {
  const who = [b.entity_name ?? b.entity_id, b.period ? `${b.period}年` : null].filter(Boolean).join(" ");
  // A limit of 0 means no such money was due at all.
  const limit = b.limit_wan === 0 ? "不应拨付" : `上限${fmtWan(b.limit_wan)},超出${fmtWan(b.excess_wan)}`;
  const other = b.other_levels_wan > 0 ? `(另有区级配套等不计入上限的资金${fmtWan(b.other_levels_wan)})` : "";
  return `- ${b.rule_label}:${who},${fmtWan(b.amount_wan)},${limit}${other}`;
}

function reviewLine(i: ReviewItem): string {
  const where = [i.project_id ? `项目${i.project_id}` : null, i.loan_id ? `贷款${i.loan_id}` : null].filter(Boolean).join(",");
  return `- ${i.rule_label}:${i.payment_id} ${i.entity_name},${i.direction}${i.source}${fmtWan(i.amount_wan)}(${zhDate(i.paid_on)}${where ? `,${where}` : ""})`;
}

/** Render the report as a Chinese briefing in Markdown. */
export function reportMarkdown(report: Report, plan: PilotPlan): string {
  const out: string[] = [];
  const count = (s: string): number => report.kpis.filter((k) => k.status === s).length;
  out.push(`**${report.plan.city}中小企业数字化转型城市试点进展(截至${zhDate(report.as_of)})**`);
  out.push(
    `数据快照:${zhDate(report.snapshot)}。` +
      (report.timing.elapsed == null ? "方案未给出起算日期,不按时间进度判定;" : `按进度应完成全期目标的${fmtPct(report.timing.elapsed)},`) +
      `距${zhDate(report.timing.plan_end)}还有${fmtCount(Math.round(report.timing.weeks_left))}周。`,
  );

  out.push("", `**一、目标完成情况**(达标${count("达标")}项、预警${count("预警")}项、落后${count("落后")}项${count("无数据") > 0 ? `、无数据${count("无数据")}项` : ""}${count("无法判定") > 0 ? `、无法判定${count("无法判定")}项` : ""})`);
  out.push(...report.kpis.map((k) => kpiLine(k, report.timing.trailing_weeks)));

  const gaps = kpisBehindPace(report.kpis).slice(0, 3);
  if (gaps.length) {
    out.push("", "**二、差距最大的目标**");
    gaps.forEach((k, i) =>
      out.push(`${i + 1}. ${k.short}:比进度少${fmtCount(Math.round((k.expected ?? 0) - (k.actual ?? 0)))}${k.unit},仅达进度要求的${fmtPct(k.pct_of_expected ?? 0)}`));
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
  if (plan.funding.directions.length === 0) out.push("- 方案文本未列资金使用方向,不汇总拨付");
  else out.push(`- 累计拨付${fmtWan(total)}:` +
    report.funding.by_direction.filter((d) => d.amount_wan > 0).map((d) => `${d.direction}${fmtWan(d.amount_wan)}`).join("、"));

  const { breaches, review_items: review } = report.compliance;
  out.push("", `**六、合规提示**(超限${breaches.length}项,待核实${review.length}项)`);
  out.push("超限:方案数字所禁止的拨付(各项上限只计方案为该方向列明的资金级别)。");
  if (breaches.length === 0) out.push("- 未发现超限拨付");
  out.push(...breaches.slice(0, MAX_BREACHES).map(breachLine));
  if (breaches.length > MAX_BREACHES) out.push(`- 另有${breaches.length - MAX_BREACHES}项超限,详见完整报告`);
  out.push("待核实:方案未给出数字、需人工核实的拨付(区级配套、非方案所列级别的资金、再次奖励、无等级上限、未关联项目或贷款)。");
  if (review.length === 0) out.push("- 无待核实事项");
  out.push(...review.slice(0, MAX_REVIEW).map(reviewLine));
  if (review.length > MAX_REVIEW) out.push(`- 另有${review.length - MAX_REVIEW}项待核实,详见完整报告`);

  const s = plan.sections;
  const cites = [...new Set([s.unitReports, s.unitAssessment, s.unitAcceptance, s.listAdjustment].filter((x): x is string => x != null))];
  out.push("", `**七、牵引单位报送与考核**${cites.length ? `(方案${cites.join("、")})` : ""}`);
  out.push(...unitLines(report.unit_management));
  return out.join("\n") + "\n";
}

/** Section 七: reports (state of the periods owed), 整改 items, acceptance results, removals. */
export function unitLines(u: Report["unit_management"]): string[] {
  const out: string[] = [];
  const n = (s: string) => u.calendar.filter((r) => r.status === s).length;
  if (!u.supplied.unit_reports) out.push("- 进展报送:未报送此表(牵引单位进展报送)");
  else out.push(`- 进展报送(每月一期,次月${u.settings.report_due_day}日前报送,期限为本监测约定):按时${fmtCount(n("on_time"))}期,逾期报送${fmtCount(n("late"))}期,未报送${fmtCount(n("missing"))}期;报送数与台账不一致${fmtCount(u.mismatches.length)}项(待核实)`);
  const items = (s: string) => u.rectifications.filter((i) => i.status === s).length;
  if (!u.supplied.unit_reviews) out.push("- 考核整改:未报送此表(牵引单位考核整改)");
  else out.push(`- 考核整改:整改事项${fmtCount(u.rectifications.length)}项,逾期未整改${fmtCount(items("overdue"))}项,整改中${fmtCount(items("open"))}项,已整改${fmtCount(items("closed"))}项`);
  const accepted = u.units.reduce((s, x) => s + x.projects_accepted, 0);
  const failed = u.units.reduce((s, x) => s + x.projects_failed, 0);
  out.push(`- 验收结果:验收通过${fmtCount(accepted)}个,验收未通过${fmtCount(failed)}个${accepted + failed > 0 ? `(未通过率${fmtPct(failed / (accepted + failed))},本监测口径)` : ""}`);
  out.push(`- 名单动态调整:已移出${fmtCount(u.removals.length)}个${u.removals.map((r) => `;${r.kind_label}${r.name}(${zhDate(r.removed_on)},${r.removed_reason ?? "未注明原因"})`).join("")}`);
  return out;
}
