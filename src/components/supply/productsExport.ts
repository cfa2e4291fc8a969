// Listed products per value-chain stage and industry as a file: the numbers behind the supply page's chart.
import type { ProductCell } from "../../../loaders/kpi/reportTypes.ts";
import { exportCols } from "../shared/exportCells.js";
import type { ExportTable } from "../shared/tableDownloads.js";

/** One row per stage × industry in the plan's stage order; products for every industry are "通用". */
export function productsExport(products: readonly ProductCell[], { stages }: { stages: readonly string[] }): ExportTable {
  const rank = (s: string) => (stages.includes(s) ? stages.indexOf(s) : stages.length);
  return {
    columns: exportCols([["stage", "环节"], ["industry", "行业"], ["products", "产品(个)"]]),
    rows: [...products]
      .sort((a, b) => rank(a.stage) - rank(b.stage))
      .map((p) => ({ stage: p.stage, industry: p.industry_key == null ? "通用" : p.industry, products: p.products })),
  };
}
