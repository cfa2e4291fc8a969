// Per-file ingest counts of one snapshot, with a totals row and the check read = loaded + rejected.
// File names come from the data: htl sets them as text.
import { html } from "htl";
import { fmtCount } from "../shared/format.js";
import type { QualityFileRow, QualitySnapshotRow } from "../../../loaders/quality/types.ts";

/** Counts of a file or of the whole snapshot (the trend's row of it). */
export type QualityTotals = Pick<QualityFileRow | QualitySnapshotRow, "rows_read" | "rows_loaded" | "rows_rejected" | "rows_skipped">;

const encodingName: Record<string, string> = { xlsx: "Excel", "utf-8": "UTF-8", "utf-8-bom": "UTF-8(带BOM)", gb18030: "GB18030" };
const right = "text-align:right;white-space:nowrap";

/** Says in words whether read = loaded + rejected holds, and by how much it misses. */
function check(r: QualityTotals) {
  const gap = r.rows_read - r.rows_loaded - r.rows_rejected;
  return gap === 0 ? "✓ 相符" : `✗ 差 ${fmtCount(gap)} 行`;
}

/** One row per file (counts and their check first, then table, encoding, header row, unknown columns), then the snapshot's totals. */
export function qualityFileTable(files: QualityFileRow[], { tables, totals }: { tables: { key: string; zh: string }[]; totals: QualityTotals | null }): HTMLElement {
  const zh = new Map(tables.map((t) => [t.key, t.zh]));
  if (files.length === 0) return html`<p class="empty-note">本快照没有导入任何文件。</p>`;
  return html`<div><div class="table-scroll" tabindex="0" role="region" aria-label="各文件导入情况表(可左右滚动)"><table style="max-width:none">
    <thead><tr><th>文件</th><th style=${right}>读取</th><th style=${right}>导入</th><th style=${right}>拒绝</th><th style=${right}>跳过</th><th>核对</th><th>表</th><th>编码</th><th style=${right}>表头行</th><th style="white-space:nowrap">未识别的列(已忽略)</th></tr></thead>
    <tbody>${files.map(
      (f) => html`<tr>
        <td style="white-space:nowrap">${f.file.replace(/^[^/]*\//, "")}</td>
        <td style=${right}>${fmtCount(f.rows_read)}</td>
        <td style=${right}>${fmtCount(f.rows_loaded)}</td>
        <td style=${right}>${fmtCount(f.rows_rejected)}</td>
        <td style=${right}>${fmtCount(f.rows_skipped)}</td>
        <td style="white-space:nowrap">${check(f)}</td>
        <td style="white-space:nowrap">${zh.get(f.table_key) ?? f.table_key}</td>
        <td style="white-space:nowrap">${encodingName[f.encoding] ?? f.encoding}${f.sheet ? `(工作表「${f.sheet}」)` : ""}</td>
        <td style=${right}>${f.header_row ?? "—"}</td>
        <td>${f.extra_columns?.length ? f.extra_columns.join("、") : "—"}</td>
      </tr>`,
    )}</tbody>
    ${totals ? html`<tfoot><tr style="font-weight:700">
      <td style="white-space:nowrap">合计(${fmtCount(files.length)} 个文件)</td>
      <td style=${right}>${fmtCount(totals.rows_read)}</td>
      <td style=${right}>${fmtCount(totals.rows_loaded)}</td>
      <td style=${right}>${fmtCount(totals.rows_rejected)}</td>
      <td style=${right}>${fmtCount(totals.rows_skipped)}</td>
      <td style="white-space:nowrap">${check(totals)}</td><td></td><td></td><td></td><td></td>
    </tr></tfoot>` : ""}
  </table></div>
  <p style="font-size:12px">核对:读取行数 = 导入行数 + 拒绝行数;跳过的是合计行、重复表头等非数据行,不计入读取。</p></div>`;
}
