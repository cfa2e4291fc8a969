// The weekly review as tables, one per section: the sheets of the workbook download and the CSV/XLSX
// of each section on the 周报 page, so a file holds exactly what the page shows.
import type { HeadlineTarget } from "../../../loaders/outputs/pages.ts";
import type { Breach, ReviewItem } from "../../../loaders/kpi/reportTypes.ts";
import type { WeeklyReview } from "../../../loaders/weekly/types.ts";
import type { UnitChanges } from "../../../loaders/weekly/unitChanges.ts";
import type { Cell, Sheet } from "../shared/tableExport.js";
import { metText, revisionKindLabel, statusKindLabel } from "../shared/format.js";

// Rates are shown with one decimal on the page; the files carry the same rounding.
const one = (x: number | null): number | null => (x == null ? null : Math.round(x * 10) / 10);
const cols = (spec: [string, string][]) => spec.map(([key, label]) => ({ key, label }));

const projectCols = cols([["change", "变化"], ["project_id", "项目编号"], ["project_name", "项目名称"], ["enterprise", "企业"], ["district", "区"], ["leading_unit", "牵引单位"], ["status", "状态"], ["days", "天数"]]);

function breachRows(change: string, xs: Breach[]): Record<string, Cell>[] {
  return xs.map((b) => ({ change, rule: b.rule_label, entity: b.entity_name ?? b.entity_id, period: b.period, amount: b.amount_wan, limit: b.limit_wan, excess: b.excess_wan, other: b.other_levels_wan, payments: b.payment_ids.join("、") }));
}

function reviewRows(change: string, xs: ReviewItem[]): Record<string, Cell>[] {
  return xs.map((i) => ({ change, rule: i.rule_label, payment_id: i.payment_id, entity: i.entity_name, direction: i.direction, source: i.source, amount: i.amount_wan, paid_on: i.paid_on, project_id: i.project_id, loan_id: i.loan_id }));
}

/** The units section (五(五)、五(六)) as rows: one per report, figure, 整改 item or removal that changed this week. */
function unitRows(u: UnitChanges): Record<string, Cell>[] {
  const who = (x: { unit_id: string; unit_name: string | null }) => `${x.unit_id} ${x.unit_name ?? ""}`.trim();
  return [
    ...u.reports_filed.map((p) => ({ change: p.status === "late" ? "收到报送(逾期)" : "收到报送", who: who(p), when: p.period, what: `应于${p.due_on}前报送`, date: p.submitted_on })),
    ...u.reports_gone_missing.map((p) => ({ change: "新增未报送", who: who(p), when: p.period, what: `应于${p.due_on}前报送`, date: p.due_on })),
    ...u.mismatches_new.map((m) => ({ change: "报送数与台账不一致", who: who(m), when: m.period, what: `${m.figure_label}:报送${m.reported},台账${m.exported}`, date: m.submitted_on })),
    ...u.items_opened.map((i) => ({ change: "新提出整改", who: who(i), when: i.reviewed_on, what: i.item, date: i.deadline })),
    ...u.items_closed.map((i) => ({ change: i.closed_late ? "完成整改(超期)" : "完成整改", who: who(i), when: i.reviewed_on, what: i.item, date: i.closed_on })),
    ...u.items_gone_overdue.map((i) => ({ change: "整改新逾期", who: who(i), when: i.reviewed_on, what: i.item, date: i.deadline })),
    ...u.removals.map((x) => ({ change: `${x.kind_label}移出名单`, who: `${x.id} ${x.name}`, when: null, what: x.removed_reason, date: x.removed_on })),
  ];
}

/** Work streams whose deadline is near (only when there are some, as on the page). */
function milestoneSheets(r: WeeklyReview): Sheet[] {
  if (r.milestones_due.rows.length === 0) return [];
  return [{
    name: "临近工作节点",
    columns: cols([["cite", "方案条目"], ["name", "工作事项"], ["words", "方案原文时间"], ["to", "截止日期"], ["days_left", "距截止天数"]]),
    rows: r.milestones_due.rows.map((m) => ({ cite: m.cite, name: m.name, words: m.words, to: m.to, days_left: m.days_left })),
  }];
}

/** Every section of the review as a sheet, in the page's order, ending with the attention list. */
export function weeklySheets(r: WeeklyReview, { headline, area }: { headline: readonly HeadlineTarget[]; area: string }): Sheet[] {
  const main = headline[0]?.short ?? "";
  const second = headline[1]?.short;
  const totalCols = cols([["label", "事项"], ["events", "本期新增"], ["unit", "单位"], ["qty", "人次或金额(万元)"], ["late", "补录"]]);
  const eventCols = [totalCols[0]!, { key: "name", label: "范围" }, ...totalCols.slice(1)];
  return [
    ...milestoneSheets(r),
    {
      name: "目标变化",
      columns: cols([["short", "指标"], ["unit", "单位"], ["target", "目标"], ["before", "上期"], ["after", "本期"], ["delta", "变化"], ["required", "本期应增"], ["met", "是否达到应增"], ["status_before", "上期状态"], ["status_after", "本期状态"]]),
      rows: r.targets.map((t) => ({ ...t, required: one(t.required_for_period), met: metText(t.met) })),
    },
    { name: "本期新增", columns: totalCols, rows: r.events.totals.map((e) => ({ ...e })) },
    { name: "新增-分区", columns: eventCols, rows: r.events.by_district.map((e) => ({ ...e })) },
    { name: "新增-行业", columns: eventCols, rows: r.events.by_industry.map((e) => ({ ...e })) },
    {
      name: "分区进展",
      columns: cols([
        ["district", area], ["transformed_before", `${main}上期`], ["transformed_after", `${main}本期`], ["transformed_delta", "变化"], ["target", `分${area}目标`], ["required", "本期应增"], ["shortfall", "差距"],
        ...(second ? ([["diagnosed_before", `${second}上期`], ["diagnosed_after", `${second}本期`], ["diagnosed_delta", `${second.slice(0, 2)}变化`]] as [string, string][]) : []),
      ]),
      rows: r.districts.map((d) => ({ ...d, required: one(d.required_for_period), shortfall: one(d.shortfall) })),
    },
    {
      name: "项目状态变化",
      columns: cols([["project_id", "项目编号"], ["project_name", "项目名称"], ["enterprise", "企业"], ["district", "区"], ["industry", "行业"], ["leading_unit", "牵引单位"], ["from_status", "原状态"], ["to_status", "新状态"], ["kind", "类型"], ["changed_on", "变化日期"]]),
      rows: r.status_changes.map((c) => ({ ...c, kind: statusKindLabel[c.kind] })),
    },
    {
      name: "逾期变化",
      columns: projectCols,
      rows: [
        ...r.overdue.added.map((p) => ({ change: "新增", ...p, days: p.days_overdue })),
        ...r.overdue.removed.map((p) => ({ change: "移出", ...p, status: p.status_after })),
      ],
    },
    {
      name: "停滞变化",
      columns: projectCols,
      rows: [
        ...r.stuck.added.map((p) => ({ change: "新增", ...p, days: p.days_since_change })),
        ...r.stuck.removed.map((p) => ({ change: "移出", ...p, status: p.status_after })),
      ],
    },
    {
      name: "合规变化",
      columns: cols([["change", "变化"], ["rule", "规则"], ["entity", "对象"], ["period", "年度"], ["amount", "计入上限金额(万元)"], ["limit", "上限(万元)"], ["excess", "超出(万元)"], ["other", "不计入上限的区级配套等(万元)"], ["payments", "拨付编号"]]),
      rows: [...breachRows("新增", r.breaches.added), ...breachRows("消除", r.breaches.removed)],
    },
    {
      name: "待核实变化",
      columns: cols([["change", "变化"], ["rule", "事项"], ["payment_id", "拨付编号"], ["entity", "对象"], ["direction", "资金方向"], ["source", "资金来源"], ["amount", "金额(万元)"], ["paid_on", "拨付日期"], ["project_id", "关联项目"], ["loan_id", "关联贷款"]]),
      rows: [...reviewRows("新增", r.review_items.added), ...reviewRows("移出", r.review_items.removed)],
    },
    {
      name: "牵引单位变化",
      columns: cols([["change", "变化"], ["who", "单位或企业"], ["when", "报送期或考核日期"], ["what", "事项"], ["date", "日期"]]),
      rows: unitRows(r.units),
    },
    {
      name: "数据修订",
      columns: cols([["table_zh", "表"], ["record_id", "记录编号"], ["label", "名称"], ["enterprise", "企业"], ["column_zh", "字段"], ["kind", "修订类型"], ["before_text", "修订前"], ["after_text", "修订后"], ["reason", "本期校验结果"]]),
      rows: r.revisions.map((v) => ({
        ...v,
        kind: revisionKindLabel[v.kind],
        column_zh: v.column_zh ?? "(整行)",
        reason: v.kind === "row_removed" ? (v.reason ? `未通过校验:${v.reason}` : "本期导出中无此行") : null,
      })),
    },
    {
      name: "数据质量变化",
      columns: cols([["change", "变化"], ["severity", "级别"], ["file", "文件"], ["row", "行"], ["column", "列"], ["code", "代码"], ["message_zh", "说明"]]),
      rows: r.quality.changes.map((q) => ({ ...q, change: q.change === "new" ? "新增" : "已修复", severity: q.severity === "error" ? "错误" : "警告" })),
    },
    {
      name: "需关注事项",
      columns: cols([["n", "序号"], ["text", "事项"]]),
      rows: r.attention.map((a, i) => ({ n: i + 1, text: a.text })),
    },
  ];
}
