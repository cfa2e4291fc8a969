// The period's revisions as a list a phone can read: which record, which field, the value before and after.
import { html } from "htl";
import type { Revision } from "../../../loaders/weekly/types.ts";
import { revisionKindLabel } from "../shared/format.js";

/** One item per revision (names and values set as text); a removed row shows what it held and why it is gone. */
export function weeklyRevisions(revisions: Revision[]): HTMLElement {
  if (revisions.length === 0) return html`<p class="empty-note">本期没有修订历史数据。</p>`;
  return html`<ol style="padding-left:1.4em;margin:0">${revisions.map((v) => {
    const who = html`<b>${v.table_zh} ${v.record_id}</b>${v.label ? html`「${v.label}」` : ""}${v.enterprise && v.enterprise !== v.label ? html`(${v.enterprise})` : ""}`;
    if (v.kind === "row_removed") {
      return html`<li style="margin-bottom:0.5em">${who}:<b>${revisionKindLabel.row_removed}</b>${v.reason ? html`,本期该行未通过校验:${v.reason}` : ",本期导出中无此行"}
        <br><span style="color:var(--theme-foreground-muted)">原为 ${v.before_text}</span></li>`;
    }
    return html`<li style="margin-bottom:0.5em">${who} ${v.column_zh}:<del>${v.before_text}</del> → <b>${v.after_text}</b>(${revisionKindLabel[v.kind]})</li>`;
  })}</ol>`;
}
