// Money disbursed per funding direction (plan 四) against the direction's cap, where the plan sets one.
import * as Plot from "@observablehq/plot";
import type { DirectionRow } from "../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtPct, fmtWan } from "./format.js";
import { chartAria } from "./chartAria.js";

/** What the label says about a direction's cap: a total, a per-district cap, or a per-recipient rule. */
function capText(d: DirectionRow): string {
  if (d.cap_wan != null) return `上限${fmtWan(d.cap_wan)},已用${fmtPct(d.pct_of_cap)}`;
  if (d.per_district_cap_wan != null) return `每区上限${fmtWan(d.per_district_cap_wan)}`;
  return "按单户上限";
}

/** The caption: which caps the red ticks are, and where the other caps are checked. */
function caption(directions: DirectionRow[]): string {
  const total = directions.filter((d) => d.cap_wan != null).map((d) => `${d.direction}${fmtWan(d.cap_wan)}`);
  const district = directions.filter((d) => d.per_district_cap_wan != null).map((d) => `${d.direction}每区不超过${fmtWan(d.per_district_cap_wan)}`);
  const perRecipient = directions.filter((d) => d.cap_wan == null && d.per_district_cap_wan == null).map((d) => d.direction);
  return [
    total.length ? `红色竖线为方向总额上限(${total.join("、")})。` : "",
    district.length ? `${district.join("、")},按区核对,见各区图。` : "",
    perRecipient.length ? `${perRecipient.join("、")}按单个企业或单位封顶,超限见合规检查。` : "",
  ].join("");
}

/** One bar per direction, its amount and cap written above it; a red tick marks a total cap. */
export function capBars(directions: DirectionRow[], { width }: { width: number }) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const step = 44;
  const label = (d: DirectionRow) => `${d.direction} ${fmtWan(d.amount_wan)}(${fmtCount(d.payments)}笔)· ${capText(d)}`;
  const capped = directions.filter((d) => d.cap_wan != null);
  return chartAria(Plot.plot({
    width,
    height: 30 + directions.length * step,
    marginLeft: 4,
    marginRight: 12,
    marginBottom: 30,
    ariaLabel: "各资金方向拨付金额与上限",
    ariaDescription: directions.map(label).join(";"),
    caption: caption(directions),
    x: { label: null, grid: true, tickFormat: (v: number) => fmtWan(v), ticks: Math.max(2, Math.floor(width / 110)) },
    y: { domain: directions.map((d) => d.direction), axis: null, paddingInner: 0, paddingOuter: 0 },
    marks: [
      // Bars in the lower half of each row, the label in the upper half: no y axis to squeeze on a phone.
      Plot.barX(directions, { y: "direction", x: "amount_wan", fill: "#3b6a9a", insetTop: step / 2 + 2, insetBottom: 4 }),
      Plot.tickX(capped, { y: "direction", x: "cap_wan", stroke: "#c62828", strokeWidth: 3, insetTop: step / 2 - 2 }),
      Plot.text(directions, { y: "direction", frameAnchor: "left", text: label, textAnchor: "start", lineAnchor: "bottom", dy: -2, fontSize: width < 420 ? 11 : 12 }),
      Plot.ruleX([0]),
    ],
  }));
}
