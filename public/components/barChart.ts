// Horizontal bars of published values; a withheld value gets no bar, only its sign as text.
import * as Plot from "@observablehq/plot";

export interface BarRow {
  label: string;
  value: number | string;
}

export interface BarOptions {
  width: number;
  /** Chinese caption for screen readers. */
  ariaLabel: string;
  /** How a number is written at the end of its bar. */
  format: (v: number | string) => string;
}

/** One bar per row in the given order; "<3" and "—" rows are labelled, not drawn. */
export function barChart(rows: BarRow[], {width, ariaLabel, format}: BarOptions): SVGSVGElement | HTMLElement {
  const data = rows.map((r) => ({label: r.label, value: typeof r.value === "number" ? r.value : 0, text: format(r.value)}));
  const longest = Math.max(...rows.map((r) => r.label.length), 2);
  return Plot.plot({
    width,
    height: rows.length * 26 + 30,
    marginLeft: Math.min(14 * longest + 8, width * 0.45),
    marginRight: 70,
    ariaLabel,
    x: {axis: null},
    y: {label: null, domain: rows.map((r) => r.label)},
    marks: [
      Plot.barX(data, {x: "value", y: "label", fill: "#1f5fa8"}),
      Plot.text(data, {x: "value", y: "label", text: "text", textAnchor: "start", dx: 4}),
      Plot.ruleX([0]),
    ],
  });
}
