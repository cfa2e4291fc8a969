// The counting rules (loaders/plan/countingRules.ts) as a table: what each rule says and where it comes from.
import { html } from "htl";
import type { CountingRule } from "../../../loaders/plan/countingRules.ts";


/** One row per rule: 事项, 规则 (with any unverified caveat in bold), 依据 (basis and source). */
export function ruleTable(rules: CountingRule[]): HTMLElement {
  return html`<div class="table-scroll"><table>
    <thead><tr><th scope="col">事项</th><th scope="col">规则</th><th scope="col">依据</th></tr></thead>
    <tbody>${rules.map((r) => html`<tr>
      <td>${r.topic}</td>
      <td>${r.rule}${r.unverified ? html`<br><strong>未经核实:</strong>${r.unverified}` : ""}</td>
      <td><strong>${r.basisText}</strong><br>${r.source}</td>
    </tr>`)}</tbody>
  </table></div>`;
}
