// The counting rules as the public site states them (loaders/plan/countingRules.ts): rule and source.
import {html} from "htl";

interface Rule {
  topic: string;
  rule: string;
  basisText: string;
  source: string;
  unverified?: string;
}


/** One row per rule: 事项, 规则, 依据. */
export function ruleTable(rules: Rule[]): HTMLElement {
  return html`<div class="table-scroll"><table>
    <thead><tr><th scope="col">事项</th><th scope="col">规则</th><th scope="col">依据</th></tr></thead>
    <tbody>${rules.map((r) => html`<tr>
      <td>${r.topic}</td>
      <td>${r.rule}${r.unverified ? html`<br><strong>未经核实:</strong>${r.unverified}` : ""}</td>
      <td><strong>${r.basisText}</strong><br>${r.source}</td>
    </tr>`)}</tbody>
  </table></div>`;
}
