/**
 * The short list of items needing attention that ends the weekly review: the largest gaps, the
 * overdue and stuck projects, rule breaches and review items, the worst-moving districts, revisions and new data
 * errors. Each item is one Chinese sentence, printed as is by the page and the markdown.
 */
import { fmtCount, fmtDelta, fmtPct, fmtWan } from "../format/format.ts";
import type { Breach, ReviewItem } from "../kpi/reportTypes.ts";
import { worstMovingDistricts } from "./diffReports.ts";
import type { AttentionItem, WeeklyReview } from "./types.ts";
import { behindPace } from "../kpi/gaps.ts";

const MAX_GAPS = 3;
const MAX_NAMES = 3;

// Whose projects they are: each enterprise once, the first few by name.
const names = (xs: { enterprise: string | null; project_id: string }[]): string => {
  const who = [...new Set(xs.map((p) => p.enterprise ?? p.project_id))];
  const shown = who.slice(0, MAX_NAMES).join("、");
  return who.length > MAX_NAMES ? `${shown}等` : shown;
};

function breachText(b: Breach): string {
  const who = [b.entity_name ?? b.entity_id, b.period ? `${b.period}年` : null].filter(Boolean).join(" ");
  const limit = b.limit_wan === 0 ? "不应拨付" : `上限${fmtWan(b.limit_wan)},超出${fmtWan(b.excess_wan)}`;
  return `${b.rule_label}:${who},${fmtWan(b.amount_wan)},${limit}`;
}

function reviewText(i: ReviewItem): string {
  return `${i.rule_label}:${i.payment_id} ${i.entity_name},${i.direction}${i.source}${fmtWan(i.amount_wan)}`;
}

const MAX_REVIEW = 5;

/** Build the attention list from the rest of the review (everything but `attention`). */
export function attentionItems(r: Omit<WeeklyReview, "attention">): AttentionItem[] {
  const items: AttentionItem[] = [];

  // Largest gaps: the count targets behind the plan's line, furthest behind first.
  behindPace(r.targets, (t) => ({ kind: t.kind, status: t.status_after, pctOfExpected: t.pct_of_expected_after }))
    .slice(0, MAX_GAPS)
    .forEach((t) => {
      const pace = t.met === false && t.required_for_period != null ? `,低于应增的${fmtCount(t.required_for_period)}${t.unit}` : "";
      items.push({
        kind: "gap",
        text: `【${t.status_after}】${t.short}${fmtCount(t.after)}/${fmtCount(t.target)}${t.unit},比进度少${fmtCount(Math.round((t.expected_after ?? 0) - (t.after ?? 0)))}${t.unit}(达进度要求的${fmtPct(t.pct_of_expected_after ?? 0)});本期${fmtDelta(t.delta)}${t.unit}${pace}`,
      });
    });
  // A target that went down is news whatever its status: usually a revision.
  for (const t of r.targets.filter((t) => t.delta != null && t.delta < 0)) {
    items.push({ kind: "gap", text: `${t.short}比上期减少${fmtCount(-t.delta!)}${t.unit}(${fmtCount(t.before)}→${fmtCount(t.after)}),请核对数据修订` });
  }

  const { overdue, stuck, breaches, review_items: review } = r;
  if (overdue.total_after > 0 || overdue.added.length > 0) {
    items.push({
      kind: "overdue",
      text: overdue.added.length > 0
        ? `本期新增逾期未验收项目${overdue.added.length}个(${names(overdue.added)}),累计${overdue.total_after}个`
        : `逾期未验收项目累计${overdue.total_after}个,本期无新增`,
    });
  }
  if (stuck.added.length > 0) {
    items.push({
      kind: "stuck",
      text: `本期新增超过${stuck.stuck_after_days}天无进展项目${stuck.added.length}个(${names(stuck.added)}),累计${stuck.total_after}个`,
    });
  }

  breaches.added.forEach((b) => items.push({ kind: "breach", text: `新增超限拨付:${breachText(b)}` }));
  if (breaches.added.length === 0 && breaches.total_after > 0) {
    items.push({ kind: "breach", text: `超限拨付${breaches.total_after}项尚未纠正,本期无新增` });
  }
  // Review items are not breaches: a few by name, the rest counted.
  review.added.slice(0, MAX_REVIEW).forEach((i) => items.push({ kind: "review", text: `新增待核实:${reviewText(i)}` }));
  if (review.added.length > MAX_REVIEW) items.push({ kind: "review", text: `另有新增待核实${review.added.length - MAX_REVIEW}项,累计${review.total_after}项` });

  const worst = worstMovingDistricts(r.districts);
  if (worst.length > 0) {
    const parts = worst.map((d) =>
      d.transformed_delta < 0
        ? `${d.district}减少${fmtCount(-d.transformed_delta)}家(${fmtCount(d.transformed_before)}→${fmtCount(d.transformed_after)})`
        : `${d.district}新增${fmtCount(d.transformed_delta)}家,按分区目标应增${fmtCount(d.required_for_period!)}家`);
    items.push({ kind: "district", text: `改造达二级进展最慢的区:${parts.join(";")}` });
  }

  if (r.revisions.length > 0) {
    const records = new Set(r.revisions.map((v) => `${v.table_key}|${v.record_id}`)).size;
    items.push({ kind: "revision", text: `历史数据被修订${r.revisions.length}处,涉及${records}条记录,请向报送单位核实原因` });
  }

  const newErrors = r.quality.changes.filter((q) => q.change === "new" && q.severity === "error").length;
  if (newErrors > 0) items.push({ kind: "quality", text: `新增数据错误${newErrors}条,相关行未计入指标,请报送单位更正` });
  return items;
}
