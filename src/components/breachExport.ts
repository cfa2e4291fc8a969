// The compliance breaches as a file: the funds page's table, largest excess first, amounts in 万元.
import type { Breach } from "../../loaders/kpi/reportTypes.ts";
import { breachTableOptions } from "./breachTableOptions.js";
import { inputsTableExport } from "./inputsTableExport.js";
import type { ExportTable } from "./tableDownloads.js";

/** One row per payment, entity or district that breaks a funding rule. */
export function breachExport(breaches: readonly Breach[]): ExportTable {
  return inputsTableExport(breaches, breachTableOptions(), { units: { amount_wan: "万元", limit_wan: "万元", excess_wan: "万元" } });
}
