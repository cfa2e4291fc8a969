// Money disbursed per funding direction (plan 四) against the direction's cap, where the plan sets one.
// A cap counts only the levels of money the plan names for the direction (counted_wan); money from
// other levels (区级配套, unnamed levels) is drawn beside in a lighter shade and never meets the cap.
import * as Plot from "@observablehq/plot";
import type { DirectionRow } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtPct, fmtWan } from "../shared/format.js";
import { chartAria } from "../shared/chartAria.js";

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
    "深色为方案为该方向列明级别的资金(计入上限),浅色为区级配套等其他级别资金(不计入上限)。",
  ].join("");
}

/** One bar per direction, its amount and cap written above it; a red tick marks a total cap. */
export function capBars(directions: DirectionRow[], { width }: { width: number }) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const step = 44;
  const other = (d: DirectionRow) => (d.other_levels_wan > 0 ? ` · 另区级配套等${fmtWan(d.other_levels_wan)}不计入` : "");
  const label = (d: DirectionRow) => `${d.direction} ${fmtWan(d.counted_wan)}(${fmtCount(d.payments)}笔)· ${capText(d)}${other(d)}`;
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
      Plot.barX(directions, { y: "direction", x: "counted_wan", fill: "#3b6a9a", insetTop: step / 2 + 2, insetBottom: 4 }),
      Plot.barX(directions.filter((d) => d.other_levels_wan > 0), { y: "direction", x1: "counted_wan", x2: "amount_wan", fill: "#9bb7d4", insetTop: step / 2 + 2, insetBottom: 4 }),
      Plot.tickX(capped, { y: "direction", x: "cap_wan", stroke: "#c62828", strokeWidth: 3, insetTop: step / 2 - 2 }),
      Plot.text(directions, { y: "direction", frameAnchor: "left", text: label, textAnchor: "start", lineAnchor: "bottom", dy: -2, fontSize: width < 420 ? 11 : 12 }),
      Plot.ruleX([0]),
    ],
  }));
}
