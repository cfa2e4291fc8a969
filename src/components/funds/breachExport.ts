// The breaches (超限) as a file: the funds page's table, largest excess first, amounts in 万元.
import type { Breach } from "../../../loaders/kpi/reportTypes.ts";
import { breachTableOptions } from "./breachTableOptions.js";
import { inputsTableExport } from "../shared/inputsTableExport.js";
import type { ExportTable } from "../shared/tableDownloads.js";

/** One row per project, enterprise, loan, unit, district or direction over a limit. */
export function breachExport(breaches: readonly Breach[]): ExportTable {
  return inputsTableExport(breaches, breachTableOptions(), {
    units: { amount_wan: "万元", limit_wan: "万元", excess_wan: "万元", other_levels_wan: "万元" },
    values: { payment_ids: (v) => (v as string[]).join("、") },
  });
}
