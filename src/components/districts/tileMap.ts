// Guangzhou's districts as equal squares on a grid (north up): no boundary file, every district equally legible.
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtPct } from "../shared/format.js";
import type { DistrictRow } from "../../../loaders/kpi/reportTypes.ts";
import type { PageData } from "../../../loaders/outputs/pages.ts";

type District = PageData<"districts">["districts"][number];

/** One linked square per district at tile.x/y, coloured and labelled by % of district target (`pct`) or share of the city. */
export function tileMap(
  districts: District[],
  rows: DistrictRow[],
  { width, metric, hrefPrefix = "./districts/", linked = () => true }: { width: number; metric: "pct" | "share"; hrefPrefix?: string; linked?: (d: District) => boolean },
): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  const byCode = new Map(rows.map((r) => [r.district_code, r]));
  const value = (d: District) => byCode.get(d.code)?.[metric] ?? null;
  const cols = Math.max(...districts.map((d) => d.tile.x)) + 1;
  const lines = Math.max(...districts.map((d) => d.tile.y)) + 1;
  // Tiles stop growing past ~100px: a bigger map says nothing more.
  const w = Math.min(width, cols * 100);
  const size = w / cols;
  const max = Math.max(metric === "pct" ? 1 : 0.01, ...districts.map((d) => value(d) ?? 0));
  const label = metric === "pct" ? "完成率(对区目标)" : "占全市份额";
  return chartAria(Plot.plot({
    width: w,
    height: size * lines + 6,
    margin: 0,
    marginTop: 6,
    ariaLabel: `各区方块图:${label}`,
    ariaDescription: districts.map((d) => `${d.name}${fmtPct(value(d))}`).join(";"),
    x: { axis: null, domain: Array.from({ length: cols }, (_, i) => i), padding: 0.06 },
    y: { axis: null, domain: Array.from({ length: lines }, (_, i) => i), padding: 0.06 },
    color: { type: "linear", scheme: "blues", domain: [0, max], legend: true, label, tickFormat: (v: number) => fmtPct(v, 0) },
    marks: [
      Plot.cell(districts, {
        x: (d: District) => d.tile.x,
        y: (d: District) => d.tile.y,
        fill: (d: District) => value(d) ?? undefined,
        stroke: "#ccc",
        rx: 6,
        href: (d: District) => (linked(d) ? `${hrefPrefix}${d.pinyin}` : null),
        ariaLabel: (d: District) => `${d.name} ${fmtPct(value(d))}`,
      }),
      Plot.text(districts, {
        x: (d: District) => d.tile.x,
        y: (d: District) => d.tile.y,
        text: (d: District) => `${d.short}\n${fmtPct(value(d), 0)}`,
        fontSize: Math.max(11, Math.min(15, size / 6)),
        fontWeight: 600,
        lineHeight: 1.3,
        fill: "black",
        stroke: "white",
        strokeWidth: 3,
        pointerEvents: "none",
      }),
    ],
  }));
}
