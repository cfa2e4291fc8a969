// Table of files with rows read / loaded / rejected: names from the data are set as text, never HTML.
import { html } from "htl";

export interface IngestFileRow {
  file: string;
  table_key: string;
  encoding: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
}

/** One row per file; counts right-aligned. */
export function ingestTable(files: IngestFileRow[]): HTMLElement {
  if (files.length === 0) return html`<p>没有导入任何文件。</p>`;
  return html`<div class="table-scroll"><table>
    <thead><tr><th>文件</th><th>表</th><th>编码</th><th style="text-align:right">读取</th><th style="text-align:right">导入</th><th style="text-align:right">拒绝</th></tr></thead>
    <tbody>${files.map(
      (f) => html`<tr><td>${f.file}</td><td>${f.table_key}</td><td>${f.encoding}</td>
        <td style="text-align:right">${f.rows_read}</td><td style="text-align:right">${f.rows_loaded}</td><td style="text-align:right">${f.rows_rejected}</td></tr>`,
    )}</tbody></table></div>`;
}
