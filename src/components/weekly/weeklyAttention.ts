// The items needing attention that end the weekly review, numbered, each with its kind in words.
import { html } from "htl";
import type { AttentionItem } from "../../../loaders/weekly/types.ts";

const kindLabel: Record<AttentionItem["kind"], string> = {
  gap: "目标差距", overdue: "逾期", stuck: "停滞", breach: "超限", review: "待核实", district: "分区", revision: "数据修订", quality: "数据质量",
};

/** An ordered list of the review's attention items (text from the review, set as text). */
export function weeklyAttention(items: AttentionItem[]): HTMLElement {
  if (items.length === 0) return html`<p>本期无需特别关注的事项。</p>`;
  return html`<ol style="padding-left:1.4em;margin:0">${items.map(
    (a) => html`<li style="margin-bottom:0.4em"><b>${kindLabel[a.kind]}</b>:${a.text}</li>`,
  )}</ol>`;
}
