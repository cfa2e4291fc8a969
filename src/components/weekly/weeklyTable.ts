// One section of the weekly review as a plain table with its CSV/XLSX download. Up to `limit` rows
// are drawn (and printed); a longer section says so and draws the rest on request: at national
// scale one week can change ~800 project statuses, which no meeting reads on paper, and 1,500
// table rows slow the page. The downloads always hold every row.
import { html } from "htl";
import { boundedRows, TABLE_ROW_LIMIT } from "../shared/boundedRows.js";
import { downloadButtons } from "../shared/downloadButtons.js";
import { fmtCount } from "../shared/format.js";
import type { Cell, Sheet } from "../shared/tableExport.js";

/** How one column's cell is shown; the row is there for cells whose unit depends on it. */
export type CellFormat = (value: Cell, row: Record<string, Cell>) => string | Node;

const plainCell = (v: Cell): string => (v == null || v === "" ? "—" : typeof v === "number" ? fmtCount(v) : String(v));

/** Rows drawn before "显示其余" (shared/boundedRows.ts draws them). */
export const WEEKLY_TABLE_LIMIT = TABLE_ROW_LIMIT;

/** The sheet as an HTML table (numbers right-aligned, names as text) followed by 下载CSV / 下载Excel of the same rows. */
export function weeklyTable(
  sheet: Sheet,
  { filename, format = {}, empty = "无", limit = WEEKLY_TABLE_LIMIT }: { filename: string; format?: Record<string, CellFormat>; empty?: string; limit?: number },
): HTMLElement {
  if (sheet.rows.length === 0) return html`<p class="empty-note">${empty}</p>`;
  // Short values stay on one line (ids, dates, statuses); long text (names, messages) wraps at a readable width.
  const style = (v: Cell) =>
    typeof v === "number" ? "text-align:right;white-space:nowrap" : typeof v === "string" && v.length > 12 ? "min-width:10em" : "white-space:nowrap";
  const row = (r: Record<string, Cell>) => html`<tr>${sheet.columns.map((c) => {
    const f = format[c.key];
    return html`<td style=${style(r[c.key])}>${f ? f(r[c.key], r) : plainCell(r[c.key])}</td>`;
  })}</tr>`;
  const { tbody, more } = boundedRows(sheet.rows, row, limit);
  return html`<div>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${`${filename}表`}><table style="max-width:none">
      <thead><tr>${sheet.columns.map((c) => html`<th scope="col" style="white-space:nowrap">${c.label}</th>`)}</tr></thead>
      ${tbody}
    </table></div>
    ${more}
    ${downloadButtons(sheet.rows, { filename, columns: sheet.columns, sheet: sheet.name })}
  </div>`;
}
