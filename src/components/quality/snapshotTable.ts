// Which weekly snapshots the warehouse holds (one folder each), with file and row counts.
import { html } from "htl";
import { fmtCount, zhDate } from "../shared/format.js";
import type { QualitySnapshotRow } from "../../../loaders/quality/types.ts";

const right = "text-align:right;white-space:nowrap";

/** Newest first; the current snapshot (the one every page shows) is marked in words. */
export function snapshotTable(rows: QualitySnapshotRow[], { current }: { current: string | null }): HTMLElement {
  if (rows.length === 0) return html`<p class="empty-note">没有任何快照。</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="现有快照表(可左右滚动)"><table style="max-width:none">
    <thead><tr><th>快照日期</th><th style=${right}>文件数</th><th style=${right}>读取</th><th style=${right}>导入</th><th style=${right}>拒绝</th><th style=${right}>警告</th></tr></thead>
    <tbody>${[...rows].reverse().map(
      (r) => html`<tr style=${r.snapshot === current ? "font-weight:700" : ""}>
        <td style="white-space:nowrap">${zhDate(r.snapshot)}${r.snapshot === current ? "(当前)" : ""}</td>
        <td style=${right}>${fmtCount(r.files)}</td>
        <td style=${right}>${fmtCount(r.rows_read)}</td>
        <td style=${right}>${fmtCount(r.rows_loaded)}</td>
        <td style=${right}>${fmtCount(r.rows_rejected)}</td>
        <td style=${right}>${fmtCount(r.warnings)}</td>
      </tr>`,
    )}</tbody></table></div>`;
}
