// Every number of a weekly review, as the page's formatters write it: what the markdown must contain.
import { fmtCount, fmtWan } from "../../loaders/format/format.ts";
import { fmtDelta } from "../../loaders/format/format.ts";
import type { WeeklyReview } from "../../loaders/weekly/types.ts";

/** Every number of the review, as the page writes it, with where it comes from. */
export function reviewNumbers(r: WeeklyReview): [string, string][] {
  const out: [string, string][] = [];
  for (const t of r.targets.filter((t) => t.kind === "count")) {
    out.push([`${t.key} A→B`, `${fmtCount(t.before)}→${fmtCount(t.after)}${t.unit}(${fmtDelta(t.delta)})`]);
    if (t.required_for_period != null) out.push([`${t.key} required`, `本期应增${fmtCount(t.required_for_period)}${t.unit}`]);
  }
  for (const e of r.events.totals) {
    out.push([`${e.key} events`, `${e.label}${fmtCount(e.events)}${e.unit}`]);
    if (e.key === "trainings") out.push([`${e.key} qty`, `${fmtCount(e.qty!)}人次`]);
    if (e.key === "payments") out.push([`${e.key} qty`, fmtWan(e.qty!)]);
    if (e.late > 0) out.push([`${e.key} late`, `${e.label}${fmtCount(e.late)}${e.unit}`]);
  }
  for (const d of r.districts.filter((d) => d.transformed_delta !== 0 || d.diagnosed_delta !== 0)) {
    out.push([`${d.district}`, `改造达二级${fmtCount(d.transformed_before)}→${fmtCount(d.transformed_after)}家(${fmtDelta(d.transformed_delta)})`]);
  }
  for (const t of r.status_transitions) out.push([`${t.from_status}→${t.to_status}`, `:${fmtCount(t.projects)}个`]);
  out.push(["status changes", `${r.status_changes.length}个项目`]);
  out.push(["overdue", `逾期未验收项目${fmtCount(r.overdue.total_before)}→${fmtCount(r.overdue.total_after)}个:新增${r.overdue.added.length}个,移出${r.overdue.removed.length}个`]);
  out.push(["stuck", `${fmtCount(r.stuck.total_before)}→${fmtCount(r.stuck.total_after)}个:新增${r.stuck.added.length}个,移出${r.stuck.removed.length}个`]);
  out.push(["breaches", `超限拨付${fmtCount(r.breaches.total_before)}→${fmtCount(r.breaches.total_after)}项:新增${r.breaches.added.length}项,消除${r.breaches.removed.length}项`]);
  out.push(["review items", `待核实事项${fmtCount(r.review_items.total_before)}→${fmtCount(r.review_items.total_after)}项:新增${r.review_items.added.length}项,移出${r.review_items.removed.length}项`]);
  out.push(["revisions", `数据修订**(${r.revisions.length}处`]);
  for (const v of r.revisions) out.push([`revision ${v.record_id}.${v.column_key}`, v.kind === "row_removed" ? v.before_text : `${v.before_text} → ${v.after_text}`]);
  const q = r.quality;
  out.push(["quality", `错误${q.totals.errors_before}→${q.totals.errors_after}条,警告${q.totals.warnings_before}→${q.totals.warnings_after}条`]);
  for (const a of r.attention) out.push(["attention", a.text]);
  return out;
}
