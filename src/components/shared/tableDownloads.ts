// 下载CSV / 下载Excel under a page's table: files named after the table and the snapshot date,
// buttons named after the table so a screen reader tells a page's many download buttons apart.
import { html } from "htl";
import { downloadButtons } from "./downloadButtons.js";
import type { Cell, ExportColumn } from "./tableExport.js";

/** A table as it goes into a file: the rows and the columns (key and Chinese header) in order. */
export interface ExportTable {
  rows: Record<string, Cell>[];
  columns: ExportColumn[];
}

// Characters Windows or macOS refuse in a file name (an enterprise name may carry one).
const unsafe = /[\\/:*?"<>|\u0000-\u001f]/g;

/** The buttons saving `table` as "<title>-<date>.csv / .xlsx" (sheet `title`), hidden in print; nothing for no rows (the section says it is empty). */
export function tableDownloads(table: ExportTable, { title, date }: { title: string; date: string }): HTMLElement {
  if (table.rows.length === 0) return html`<span></span>`;
  const buttons = downloadButtons(table.rows, { filename: `${title}-${date}`.replace(unsafe, "_"), columns: table.columns, sheet: title });
  // The visible words stay first in the name (WCAG 2.5.3), then which table and how many rows.
  for (const b of buttons.querySelectorAll("button")) b.setAttribute("aria-label", `${b.textContent}:${title},${table.rows.length} 行`);
  return html`<div class="no-print" style="margin-top:0.5rem">${buttons}</div>`;
}
