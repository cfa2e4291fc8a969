// Who paid for each direction: the mix of 中央 / 省级 / 市级 / 区级 money (plan 四: 资金来源).
import * as Plot from "@observablehq/plot";
import type { DirectionRow } from "../../../loaders/kpi/reportTypes.ts";
import { fmtPct, fmtWan } from "../shared/format.js";
import { chartAria } from "../shared/chartAria.js";

// Dark enough for white labels (contrast ≥ 4.5:1).
const sourceColors = ["#2f5d8a", "#3d7d3a", "#a65300", "#6f513c"];

/** Per direction, bars stacked by fund source as shares of the direction's total; amounts in the labels and titles. */
export function directionSourceChart(directions: DirectionRow[], { width, sources }: { width: number; sources: string[] }) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const rows = directions.flatMap((d) =>
    d.by_source.filter((s) => s.amount_wan > 0).map((s) => ({ direction: d.direction, source: s.source, amount_wan: s.amount_wan, share: d.amount_wan > 0 ? s.amount_wan / d.amount_wan : 0 })),
  );
  type Row = (typeof rows)[number];
  const plotWidth = width - 88 - 20;
  const segmentLabel = (r: Row) => `${r.source}${fmtPct(r.share, 0)}`;
  // Rough width at 11px (CJK ~11px, digits and % ~6.5px) plus padding: only labels that fit their segment are written.
  const fits = (r: Row) => r.share * plotWidth >= [...segmentLabel(r)].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 11 : 6.5), 8);
  return chartAria(Plot.plot({
    width,
    height: 60 + directions.length * 30,
    marginLeft: 88,
    marginRight: 20,
    style: { fontSize: "12px" },
    ariaLabel: "各资金方向的资金来源构成",
    ariaDescription: rows.map((r) => `${r.direction}${r.source}${fmtWan(r.amount_wan)}`).join(";"),
    x: { label: null, tickFormat: (x: number) => fmtPct(x, 0), domain: [0, 1], ticks: 4 },
    y: { domain: directions.map((d) => d.direction), label: null, tickSize: 0 },
    color: { domain: sources, range: sourceColors, legend: true },
    marks: [
      Plot.barX(rows, Plot.stackX({ y: "direction", x: "share", fill: "source", order: sources, title: (r: Row) => `${r.direction} · ${r.source} ${fmtWan(r.amount_wan)}(${fmtPct(r.share)})`, insetTop: 3, insetBottom: 3 })),
      // Source names written on segments wide enough to hold them, so colour is not the only key.
      Plot.text(rows, Plot.stackX({ y: "direction", x: "share", order: sources, z: "source", text: (r: Row) => (fits(r) ? segmentLabel(r) : ""), fill: "white", fontSize: 11 })),
    ],
  }));
}
