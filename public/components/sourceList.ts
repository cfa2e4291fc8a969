// The exported tables the numbers are built from, by their Chinese names.
import {html} from "htl";

/** A list of table names, each marked 必需 or 可选. */
export function sourceList(sources: {label: string; required: boolean}[]): HTMLElement {
  return html`<ul>${sources.map((s) => html`<li>${s.label}(${s.required ? "必需" : "可选"})</li>`)}</ul>`;
}
