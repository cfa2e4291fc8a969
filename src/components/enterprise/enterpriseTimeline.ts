// The eight stages of one enterprise (意愿摸查 → … → 补助拨付) as an ordered list: each stage says in
// words whether it was reached and when, so colour and the tick are never the only signal.
import { html } from "htl";
import type { StageStep } from "./enterpriseArchive.js";
import { zhDate } from "../shared/format.js";

const done = "#1a7f37";
// Darker than the theme's muted grey, which fails WCAG contrast on a card background.
const muted = "#555";

/** The stages in plan order, wrapping into rows on narrow screens. */
export function enterpriseTimeline(stages: StageStep[]): HTMLElement {
  // A stage without a date is still passed when a later stage has one (exports often skip dates).
  const lastDated = stages.reduce((last, s, k) => (s.date ? k : last), -1);
  const state = (s: StageStep, k: number) => (s.date ? zhDate(s.date) : k < lastDated ? "已过,无日期记录" : "未到达");
  return html`<ol aria-label="企业推进阶段" style="list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(7.5rem,1fr));gap:0.5rem">
    ${stages.map(
      (s, k) => html`<li style=${`border-top:4px solid ${s.date ? done : k < lastDated ? "#8fbf9a" : "#d0d0d0"};padding:0.35rem 0.25rem 0`}>
        <div style="font-weight:600">${s.date ? "✓ " : ""}${k + 1}. ${s.name}</div>
        <div style=${`color:${s.date ? "inherit" : muted}`}>${state(s, k)}</div>
        ${s.note && s.date ? html`<div style="font-size:12px;color:${muted}">${s.note}</div>` : ""}
      </li>`,
    )}
  </ol>`;
}
