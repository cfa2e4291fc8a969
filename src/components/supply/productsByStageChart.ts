// "小快轻准" products per business stage (plan 三(三): 设计、制造、销售、服务、管理、安全) × industry.
import * as Plot from "@observablehq/plot";
import type { ProductCell } from "../../../loaders/kpi/reportTypes.ts";
import { chartAria } from "../shared/chartAria.js";

const GENERAL = "通用";

/** A heat table: stages across, industries (short names, 通用 last) down, the count written in every cell. */
export function productsByStageChart(
  products: ProductCell[],
  { width, stages, industries }: { width: number; stages: string[]; industries: { key: string; short: string }[] },
) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const short = new Map(industries.map((i) => [i.key, i.short]));
  const rowOf = (c: ProductCell) => (c.industry_key == null ? GENERAL : short.get(c.industry_key) ?? c.industry);
  const rows = [...industries.map((i) => i.short), GENERAL];
  const cellW = Math.max(36, Math.floor((width - 84) / stages.length));
  return chartAria(Plot.plot({
    width,
    height: 40 + rows.length * 34,
    marginLeft: 80,
    marginTop: 30,
    style: { fontSize: "12px" },
    ariaLabel: "各环节、各行业的入库数字化产品数",
    ariaDescription: products.map((c) => `${rowOf(c)}${c.stage}${c.products}个`).join(";"),
    x: { domain: stages, axis: "top", label: null, tickSize: 0 },
    y: { domain: rows, label: null, tickSize: 0 },
    color: { type: "linear", scheme: "blues", domain: [0, Math.max(1, ...products.map((c) => c.products))] },
    marks: [
      Plot.cell(products, { x: "stage", y: rowOf, fill: "products", inset: 1 }),
      // A white halo keeps dark digits readable on the darkest cells.
      Plot.text(products, { x: "stage", y: rowOf, text: (c: ProductCell) => String(c.products), fill: "black", stroke: "white", strokeWidth: 3, paintOrder: "stroke", fontSize: cellW < 44 ? 11 : 12 }),
    ],
  }));
}
