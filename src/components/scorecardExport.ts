// The leading-unit scorecard as a file: tiers and flags in words, amounts in 万元, as the table sorts it.
import type { LeadingUnitRow } from "../../loaders/kpi/reportTypes.ts";
import { inputsTableExport } from "./inputsTableExport.js";
import type { ExportTable } from "./tableDownloads.js";
import { unitScorecardOptions, unitScorecardRows } from "./unitScorecard.js";

/** One row per leading unit; `tiers` highest first, as the scorecard takes them. */
export function scorecardExport(units: readonly LeadingUnitRow[], { tiers, industries }: { tiers: string[]; industries: { key: string; short: string }[] }): ExportTable {
  const short = new Map(industries.map((i) => [i.key, i.short]));
  const tier = (none: string) => (r: unknown) => tiers[(r as number) - 1] ?? none;
  const options = unitScorecardOptions({ tiers, industries });
  // The table flags a payment above the tier's cap inside the amount cell; the file keeps the amount a number and says so in a column of its own.
  const columns = options.columns.flatMap((c) => (c === "award_cap_wan" ? [c, "award_check"] : [c]));
  const rows = unitScorecardRows([...units], tiers).map((r) => ({ ...r, award_check: r.award_cap_wan != null && r.award_paid_wan > r.award_cap_wan ? "超上限" : "未超" }));
  return inputsTableExport(rows, { ...options, columns, header: { ...options.header, award_check: "奖励核对" } }, {
    units: { award_paid_wan: "万元", award_cap_wan: "万元" },
    values: {
      // The same words the table shows (unitScorecard's NONE_AWARDED / NONE_SUPPORTED).
      tier_awarded: tier("未评档"),
      tier_supported: tier("未达三档"),
      awarded_above_results: (v) => (v ? "评定高于实绩" : "相符或偏低"),
      avg_days_to_accept: (v) => (v == null ? null : Math.round(v as number)),
      industry: (v, r) => short.get(r.industry_key ?? "") ?? (v as string | null),
    },
  });
}
