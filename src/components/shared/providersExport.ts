// Providers per leading unit as a file: counts and the provider names, one row per unit.
import type { ProvidersOfUnit } from "../../../loaders/kpi/reportTypes.ts";
import { exportCols } from "./exportCells.js";
import type { ExportTable } from "./tableDownloads.js";

/** One row per leading unit (and one for providers of none): providers, products, names. */
export function providersExport(rows: readonly ProvidersOfUnit[]): ExportTable {
  return {
    columns: exportCols([["unit", "牵引单位"], ["providers", "服务商(家)"], ["products", "产品(个)"], ["names", "服务商名单"]]),
    rows: rows.map((r) => ({ unit: r.unit ?? "无所属牵引单位", providers: r.providers, products: r.products, names: r.provider_names.join("、") })),
  };
}
