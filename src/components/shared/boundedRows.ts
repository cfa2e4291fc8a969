// A table body that draws its first `limit` rows and the rest on request, for lists that grow with
// the pilot (the weekly review's sections, the units page's providers). At national scale a list
// can hold over a thousand rows, which no meeting reads on paper and which slow the page (1,283
// provider rows: 0.3 s of blocking); the page's downloads always hold every row.
import { html } from "htl";
import { fmtCount } from "./format.js";

/** Rows drawn before "显示其余": a screen or an A4 page or two. */
export const TABLE_ROW_LIMIT = 100;

/**
 * The `<tbody>` with the first `limit` rows drawn by `row`, and, when rows are left out, a note
 * saying how many there are with a button that appends the rest (and removes the note).
 */
export function boundedRows<T>(rows: readonly T[], row: (r: T) => Node, limit = TABLE_ROW_LIMIT): { tbody: HTMLElement; more: HTMLElement | null } {
  const tbody = html`<tbody>${rows.slice(0, limit).map(row)}</tbody>` as HTMLElement;
  const hidden = rows.length - Math.min(limit, rows.length);
  const more = hidden > 0
    ? (html`<p class="muted">共 ${fmtCount(rows.length)} 行,此处列出前 ${fmtCount(limit)} 行,完整清单见下载。
        <button type="button" onclick=${(e: Event) => {
          tbody.append(...rows.slice(limit).map(row));
          (e.currentTarget as HTMLElement).closest("p")?.remove();
        }}>显示其余 ${fmtCount(hidden)} 行</button></p>` as HTMLElement)
    : null;
  return { tbody, more };
}
