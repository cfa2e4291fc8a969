// How the supply side is organised: providers and their products under each leading unit.
import * as Plot from "@observablehq/plot";
import type { ProvidersOfUnit } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount } from "../shared/format.js";
import { chartAria } from "../shared/chartAria.js";

/** Bars of providers per leading unit (most first), the unit's name and product count written above each bar. */
export function providersChart(rows: ProvidersOfUnit[], { width }: { width: number }) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const sorted = [...rows].sort((a, b) => b.providers - a.providers || b.products - a.products);
  const unit = (r: ProvidersOfUnit) => r.unit ?? "无所属牵引单位";
  const step = 36;
  return chartAria(Plot.plot({
    width,
    height: 30 + sorted.length * step,
    marginLeft: 4,
    marginRight: 12,
    ariaLabel: "各牵引单位的服务商与产品数",
    ariaDescription: sorted.map((r) => `${unit(r)}:服务商${r.providers}家,产品${r.products}个`).join(";"),
    x: { axis: null },
    y: { domain: sorted.map(unit), axis: null, paddingInner: 0, paddingOuter: 0 },
    marks: [
      // Bars in the lower half of each row, names in the upper half: long names need the full width on a phone.
      Plot.barX(sorted, { y: unit, x: "providers", fill: "#3b6a9a", insetTop: step / 2 + 2, insetBottom: 3 }),
      Plot.text(sorted, { y: unit, frameAnchor: "left", text: (r: ProvidersOfUnit) => `${unit(r)} · 服务商${fmtCount(r.providers)}家 · 产品${fmtCount(r.products)}个`, textAnchor: "start", lineAnchor: "bottom", dy: -2, fontSize: width < 420 ? 11 : 12 }),
    ],
  }));
}
