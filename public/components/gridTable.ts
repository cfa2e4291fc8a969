// A suppressed table with its margins, as an HTML table that scrolls inside itself on phones.
import {html} from "htl";

/** The shape of a public table (loaders/public/publicTable.ts). */
export interface GridData {
  rows: {key: string; label: string}[];
  cols: {key: string; label: string; short?: string}[];
  cells: (number | string)[][];
  row_totals: (number | string | null)[];
  col_totals: (number | string | null)[];
  total: number | string | null;
}

export interface GridTableOptions {
  /** How a value is written (counts or 万元). */
  format: (v: number | string) => string;
  caption: string;
  /** Corner heading over the row labels. */
  corner: string;
  /** Cells to mark with "●" (the plan's focus pairs). */
  marked?: boolean[][];
}

const cls = (v: number | string | null) => (typeof v === "number" ? "num" : "num withheld");

/** The table, its row totals as a last column and column totals as a last row, when published. */
export function gridTable(t: GridData, {format, caption, corner, marked}: GridTableOptions): HTMLElement {
  const hasRowTotals = t.row_totals.some((v) => v != null);
  const hasColTotals = t.col_totals.some((v) => v != null);
  return html`<div class="table-scroll"><table>
    <caption class="fine-print" style="caption-side: bottom; text-align: left;">${caption}</caption>
    <thead><tr><th scope="col">${corner}</th>${t.cols.map((c) => html`<th scope="col" class="num" title=${c.label}>${c.short ?? c.label}</th>`)}${hasRowTotals ? html`<th scope="col" class="num">合计</th>` : null}</tr></thead>
    <tbody>
      ${t.rows.map((r, i) => html`<tr><th scope="row">${r.label}</th>${t.cells[i]!.map((v, j) => html`<td class=${cls(v)}>${marked?.[i]?.[j] ? "● " : ""}${format(v)}</td>`)}${hasRowTotals ? html`<td class=${cls(t.row_totals[i] ?? null)}>${t.row_totals[i] == null ? "" : format(t.row_totals[i]!)}</td>` : null}</tr>`)}
      ${hasColTotals ? html`<tr class="total"><th scope="row">合计</th>${t.col_totals.map((v) => html`<td class=${cls(v)}>${v == null ? "" : format(v)}</td>`)}${hasRowTotals ? html`<td class=${cls(t.total)}>${t.total == null ? "" : format(t.total)}</td>` : null}</tr>` : null}
    </tbody>
  </table></div>`;
}
