/**
 * The weekly review as a Simplified Chinese text a secretary pastes into a message or document:
 * bold headings, bullets and numbered items only (chat apps render no tables). Numbers are written
 * by the one formatting module (loaders/format/format.ts), so they read exactly
 * as on the 周报 page.
 */
import { fmtCount, fmtDelta, fmtPct, fmtTarget, fmtWan, metText, revisionKindLabel, statusKindLabel, statusText, zhDate } from "../format/format.ts";
import type { MilestoneRow } from "../kpi/milestones.ts";
import type { Breach, ReviewItem } from "../kpi/reportTypes.ts";
import type { EventCount, Revision, TargetChange, WeeklyReview } from "./types.ts";
import type { UnitChanges } from "./unitChanges.ts";

// A line break inside a name would break the bullet it sits in.
const plain = (s: string | null | undefined): string => (s ?? "").replace(/[\r\n]+/g, " ").trim();

function targetLine(t: TargetChange): string {
  if (t.kind === "status") return `- 【${t.status_after}】${t.short}:${t.after != null && t.after >= (t.target ?? 1) ? "已建成运行" : "台账中尚无上线记录"}`;
  if (t.kind === "ratio") return `- 【${t.status_after}】${t.short}:${fmtPct(t.before)}→${fmtPct(t.after)};目标${fmtTarget(t.target, t.kind, t.unit)}`;
  if (t.target == null) return `- 【${t.status_after}】${t.short}:${fmtCount(t.before)}→${fmtCount(t.after)}${t.unit}(${fmtDelta(t.delta)});方案未给出目标数值`;
  const pace = t.required_for_period == null ? "" : `,本期应增${fmtCount(t.required_for_period)}${t.unit},${metText(t.met)}`;
  return `- 【${t.status_after}】${t.short}:${fmtCount(t.before)}→${fmtCount(t.after)}${t.unit}(${fmtDelta(t.delta)})${pace};完成目标${fmtCount(t.target)}${t.unit}的${fmtPct(t.pct_after ?? 0)}`;
}

function eventLine(e: EventCount, r: WeeklyReview): string {
  const qty = e.key === "trainings" ? `,${fmtCount(e.qty ?? 0)}人次` : e.key === "payments" ? `,${fmtWan(e.qty ?? 0)}` : "";
  const where = r.events.by_district
    .filter((d) => d.key === e.key && d.events > 0)
    .map((d) => `${d.name}${fmtCount(d.events)}`);
  // Products and providers have no district: say where they are by industry instead.
  const byIndustry = r.events.by_industry.filter((d) => d.key === e.key && d.events > 0).map((d) => `${d.name}${fmtCount(d.events)}`);
  const detail = where.length > 0 && !(where.length === 1 && where[0]!.startsWith("未注明")) ? where : byIndustry;
  return `- ${e.label}${fmtCount(e.events)}${e.unit}${qty}${e.events > 0 && detail.length > 0 ? `(${detail.join("、")})` : ""}`;
}

function revisionLine(v: Revision): string {
  const who = [v.label ? `「${plain(v.label)}」` : "", v.enterprise && v.enterprise !== v.label ? `(${plain(v.enterprise)})` : ""].join("");
  if (v.kind === "row_removed") {
    const why = v.reason ? `,本期该行未通过校验:${plain(v.reason)}` : "";
    return `- ${v.table_zh} ${v.record_id}${who}:${revisionKindLabel.row_removed}${why}(原为 ${plain(v.before_text)})`;
  }
  return `- ${v.table_zh} ${v.record_id}${who} ${v.column_zh}:${plain(v.before_text)} → ${plain(v.after_text)}(${revisionKindLabel[v.kind]})`;
}

function breachLine(b: Breach): string {
  const who = [plain(b.entity_name ?? b.entity_id), b.period ? `${b.period}年` : null].filter(Boolean).join(" ");
  const limit = b.limit_wan === 0 ? "不应拨付" : `上限${fmtWan(b.limit_wan)},超出${fmtWan(b.excess_wan)}`;
  return `${b.rule_label}:${who},${fmtWan(b.amount_wan)},${limit}`;
}

function reviewLine(i: ReviewItem): string {
  return `${i.rule_label}:${i.payment_id} ${plain(i.entity_name)},${i.direction}${i.source}${fmtWan(i.amount_wan)}(${zhDate(i.paid_on)})`;
}

/** Section 七: the leading units' reports, 整改 items and list removals that changed this week. */
function unitLines(u: UnitChanges): string[] {
  const out: string[] = [];
  const unit = (x: { unit_id: string; unit_name: string | null }) => `${x.unit_id} ${plain(x.unit_name ?? "")}`.trim();
  if (!u.supplied.unit_reports) out.push("- 进展报送:未报送此表(牵引单位进展报送),无法判断按期报送情况");
  else {
    const late = u.reports_filed.filter((p) => p.status === "late").length;
    out.push(`- 进展报送:本期新收到${fmtCount(u.reports_filed.length)}期报送(其中逾期报送${fmtCount(late)}期),新增未报送${fmtCount(u.reports_gone_missing.length)}期`);
    for (const p of u.reports_gone_missing) out.push(`  - 未报送:${unit(p)} ${p.period}期(应于${zhDate(p.due_on)}前报送)`);
    out.push(`- 报送数与台账不一致(待核实):新增${fmtCount(u.mismatches_new.length)}项`);
    for (const m of u.mismatches_new) out.push(`  - ${unit(m)} ${m.period}期 ${m.figure_label}:报送${fmtCount(m.reported)},台账${fmtCount(m.exported)}`);
  }
  if (!u.supplied.unit_reviews) out.push("- 考核整改:未报送此表(牵引单位考核整改)");
  else {
    out.push(`- 考核整改:本期新提出整改事项${fmtCount(u.items_opened.length)}项,完成整改${fmtCount(u.items_closed.length)}项,新逾期${fmtCount(u.items_gone_overdue.length)}项;现整改中${fmtCount(u.items_open_after)}项,逾期未整改${fmtCount(u.items_overdue_after)}项`);
    for (const i of u.items_gone_overdue) out.push(`  - 新逾期:${unit(i)} ${plain(i.item)}(整改期限${i.deadline ? zhDate(i.deadline) : "未注明"})`);
  }
  out.push(`- 名单动态调整:本期移出${fmtCount(u.removals.length)}个`);
  for (const x of u.removals) out.push(`  - ${x.kind_label} ${x.id} ${plain(x.name)}:${zhDate(x.removed_on)}移出,原因:${plain(x.removed_reason) || "未注明"}`);
  return out;
}

/** "五(七) 开展数字化改造项目验收和补助(2024年6月至2026年底):距截止还有29天(2026年12月31日)". */
export function milestoneDueLine(m: MilestoneRow): string {
  const left = m.days_left === 0 ? "今日截止" : `距截止还有${fmtCount(m.days_left ?? 0)}天`;
  return `${m.cite} ${m.name}(${m.words}):${left}(${zhDate(m.to!)})`;
}

/** Render the weekly review as pasteable Chinese text (Markdown). */
export function weeklyMarkdown(r: WeeklyReview): string {
  const out: string[] = [];
  out.push(`**${r.plan.city}中小企业数字化转型城市试点周报(${zhDate(r.before)}—${zhDate(r.after)})**`);
  out.push(`对比${zhDate(r.before)}与${zhDate(r.after)}两期数据快照(间隔${fmtCount(r.days)}天),距期末还有${fmtCount(Math.round(r.weeks_left))}周。`);

  // Only when a deadline of 五(一)–(九) is near (the monitor's 30-day convention): the sections below keep their numbers.
  if (r.milestones_due.rows.length > 0) {
    out.push("", `**临近工作节点**(截止日期在${fmtCount(r.milestones_due.alert_days)}天内,本监测自定提示口径)`);
    for (const m of r.milestones_due.rows) out.push(`- ${milestoneDueLine(m)}`);
  }

  const counted = r.targets.filter((t) => t.met != null);
  out.push("", `**一、目标变化**(${counted.filter((t) => t.met).length}项达到本期应增要求,${counted.filter((t) => !t.met).length}项未达到)`);
  out.push(...r.targets.map(targetLine));

  out.push("", "**二、本期新增**(日期在两期快照之间的事项)");
  out.push(...r.events.totals.map((e) => eventLine(e, r)));
  const late = r.events.totals.filter((e) => e.late > 0);
  if (late.length > 0) out.push(`- 另有补录(日期在上期快照之前、上期未计入):${late.map((e) => `${e.label}${fmtCount(e.late)}${e.unit}`).join("、")}`);

  out.push("", "**三、分区进展**(改造达二级、诊断评测)");
  const moved = r.districts.filter((d) => d.transformed_delta !== 0 || d.diagnosed_delta !== 0);
  for (const d of moved) {
    out.push(`- ${d.district}:改造达二级${fmtCount(d.transformed_before)}→${fmtCount(d.transformed_after)}家(${fmtDelta(d.transformed_delta)}),诊断评测${fmtCount(d.diagnosed_before)}→${fmtCount(d.diagnosed_after)}家(${fmtDelta(d.diagnosed_delta)})`);
  }
  if (moved.length === 0) out.push("- 各区均无变化");
  else if (moved.length < r.districts.length) out.push("- 其余各区无变化");

  out.push("", `**四、项目状态变化**(${r.status_changes.length}个项目)`);
  if (r.status_changes.length === 0) out.push("- 无");
  for (const t of r.status_transitions) {
    out.push(`- ${statusText(t.from_status)}→${statusText(t.to_status)}:${fmtCount(t.projects)}个(${statusKindLabel[t.kind]})`);
  }
  for (const c of r.status_changes.filter((c) => c.kind === "backward" || c.kind === "removed")) {
    out.push(`  - ${c.project_id}「${plain(c.project_name ?? c.project_id)}」(${plain(c.enterprise ?? "")}):${statusText(c.from_status)}→${statusText(c.to_status)}`);
  }

  const { overdue, stuck, breaches } = r;
  out.push("", "**五、逾期与停滞**");
  out.push(`- 逾期未验收项目${fmtCount(overdue.total_before)}→${fmtCount(overdue.total_after)}个:新增${fmtCount(overdue.added.length)}个,移出${fmtCount(overdue.removed.length)}个`);
  for (const p of overdue.added) out.push(`  - 新增:${p.project_id}「${plain(p.project_name ?? p.project_id)}」(${plain(p.enterprise ?? p.uscc)},${plain(p.leading_unit ?? p.leading_unit_id)}),逾期${fmtCount(p.days_overdue)}天`);
  out.push(`- 超过${stuck.stuck_after_days}天无进展项目${fmtCount(stuck.total_before)}→${fmtCount(stuck.total_after)}个:新增${fmtCount(stuck.added.length)}个,移出${fmtCount(stuck.removed.length)}个`);
  for (const p of stuck.added) out.push(`  - 新增:${p.project_id}「${plain(p.project_name ?? p.project_id)}」(${plain(p.enterprise ?? p.uscc)}),${fmtCount(p.days_since_change)}天无进展`);

  out.push("", "**六、合规提示**");
  out.push(`- 超限拨付${fmtCount(breaches.total_before)}→${fmtCount(breaches.total_after)}项:新增${fmtCount(breaches.added.length)}项,消除${fmtCount(breaches.removed.length)}项`);
  for (const b of breaches.added) out.push(`  - 新增:${breachLine(b)}`);
  for (const b of breaches.removed) out.push(`  - 消除:${breachLine(b)}`);
  const review = r.review_items;
  out.push(`- 待核实事项${fmtCount(review.total_before)}→${fmtCount(review.total_after)}项:新增${fmtCount(review.added.length)}项,移出${fmtCount(review.removed.length)}项`);
  for (const i of review.added) out.push(`  - 新增:${reviewLine(i)}`);
  for (const i of review.removed) out.push(`  - 移出:${reviewLine(i)}`);

  out.push("", "**七、牵引单位报送、考核整改与名单调整**(五(五)、五(六))");
  out.push(...unitLines(r.units));

  out.push("", `**八、数据修订**(${r.revisions.length}处:已有数据的值被修改、清空或整行删除)`);
  if (r.revisions.length === 0) out.push("- 无");
  out.push(...r.revisions.map(revisionLine));

  const q = r.quality;
  const newOnes = q.changes.filter((c) => c.change === "new");
  const fixed = q.changes.filter((c) => c.change === "fixed");
  out.push("", "**九、数据质量**");
  out.push(`- 错误${fmtCount(q.totals.errors_before)}→${fmtCount(q.totals.errors_after)}条,警告${fmtCount(q.totals.warnings_before)}→${fmtCount(q.totals.warnings_after)}条;新增问题${fmtCount(newOnes.length)}条,已修复${fmtCount(fixed.length)}条`);
  for (const c of q.changes) {
    out.push(`  - ${c.change === "new" ? "新增" : "已修复"}:${c.file}${c.row != null ? ` 第${c.row}行` : ""}${c.column ? ` ${c.column}` : ""}:${plain(c.message_zh)}`);
  }

  out.push("", "**十、需关注事项**");
  if (r.attention.length === 0) out.push("无。");
  r.attention.forEach((a, i) => out.push(`${i + 1}. ${a.text}`));
  return out.join("\n") + "\n";
}
