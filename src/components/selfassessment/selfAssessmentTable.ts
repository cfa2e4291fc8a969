// One table of the self-assessment (绩效自评估) with its sources as links: the same cells as the
// markdown and the workbook (loaders/selfassessment/tables.ts, cells written by loaders/format/format.ts).
import { html } from "htl";
import type { SaTable } from "../../../loaders/selfassessment/tables.ts";
import { docCellText, kindOf } from "../shared/format.js";
import { sourceLinks } from "./sourceLinks.js";

const numeric = new Set(["count", "wan", "pct", "ratio"]);

/** The table (optionally only `rows`, without `drop` columns), then "数据来源:" with links (unless `sources` is false: rows that name their own). */
export function selfAssessmentTable(t: SaTable, { rows = t.rows, drop = [] as string[], sources = true } = {}): HTMLElement {
  const cols = t.columns.filter((c) => !drop.includes(c.key));
  return html`<div class="sa-table">
    <div class="table-scroll"><table>
      <thead><tr>${cols.map((c) => html`<th>${c.title}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>${cols.map((c) => {
        const kind = kindOf(c, r);
        const text = docCellText(r[c.key] ?? null, kind);
        return c.key === "source" ? html`<td>${sourceLinks(text)}</td>` : html`<td class=${typeof r[c.key] === "number" && numeric.has(kind) ? "num" : ""}>${text}</td>`;
      })}</tr>`)}</tbody>
    </table></div>
    ${sources && t.sources.length ? html`<p class="sa-source">数据来源:${sourceLinks(t.sources.join(";"))}</p>` : ""}
  </div>`;
}
