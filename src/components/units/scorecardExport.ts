// The leading-unit scorecard as a file: tiers and flags in words, amounts in 万元, as the table sorts it.
// Without tier criteria the file has no tier-earned or verdict column, as the table has none.
import type { LeadingUnitRow } from "../../../loaders/kpi/reportTypes.ts";
import { inputsTableExport } from "../shared/inputsTableExport.js";
import type { ExportTable } from "../shared/tableDownloads.js";
import { NONE_AWARDED, NONE_EARNED, unitScorecardOptions, unitScorecardRows, verdictText } from "./unitScorecard.js";

/** One row per leading unit; `tiers` highest first, as the scorecard takes them. */
export function scorecardExport(
  units: readonly LeadingUnitRow[],
  { tiers, industries, criteria }: { tiers: string[]; industries: { key: string; short: string }[]; criteria: boolean },
): ExportTable {
  const short = new Map(industries.map((i) => [i.key, i.short]));
  const tier = (none: string) => (r: unknown) => (r == null ? null : tiers[(r as number) - 1] ?? none);
  const options = unitScorecardOptions({ tiers, industries, criteria });
  // The table flags a payment above the tier's amount inside the amount cell; the file keeps the amount a number and says so in a column of its own.
  const columns = options.columns.flatMap((c) => (c === "award_cap_wan" ? [c, "award_check"] : [c]));
  const rows = unitScorecardRows([...units], tiers).map((r) => ({ ...r, award_check: r.award_cap_wan != null && r.award_paid_wan > r.award_cap_wan ? "超上限" : "未超" }));
  return inputsTableExport(rows, { ...options, columns, header: { ...options.header, award_check: "奖励核对" } }, {
    units: { award_paid_wan: "万元", award_cap_wan: "万元", award_other_wan: "万元" },
    values: {
      tier_awarded: tier(NONE_AWARDED),
      tier_earned: tier(NONE_EARNED),
      awarded_above_earned: (v) => verdictText(v as boolean | null),
      avg_days_to_accept: (v) => (v == null ? null : Math.round(v as number)),
      industry: (v, r) => short.get(r.industry_key ?? "") ?? (v as string | null),
    },
  });
}
