// The review items (待核实) as a file: the funds page's table, amounts in 万元.
import type { ReviewItem } from "../../../loaders/kpi/reportTypes.ts";
import { inputsTableExport } from "../shared/inputsTableExport.js";
import { reviewTableOptions } from "./reviewTableOptions.js";
import type { ExportTable } from "../shared/tableDownloads.js";

/** One row per payment and reason to check. */
export function reviewExport(items: readonly ReviewItem[]): ExportTable {
  return inputsTableExport(items, reviewTableOptions(), { units: { amount_wan: "万元" } });
}
