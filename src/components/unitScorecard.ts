// The leading-unit scorecard for Inputs.table: results beside the tier awarded, sortable by any column.
import { html } from "htl";
import type { LeadingUnitRow } from "../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtWan } from "./format.js";

const NONE_AWARDED = "未评档";
const NONE_SUPPORTED = "未达三档";

/** A scorecard row: tiers as ranks (1 = 一档; none = after the last tier) so sorting follows the tiers, not the characters. */
export interface ScorecardRow extends Omit<LeadingUnitRow, "tier_awarded" | "tier_supported"> {
  tier_awarded: number;
  tier_supported: number;
}

/** The units as table rows; `tiers` is highest first (一档, 二档, 三档). Inputs.table skips null cells, so none are left in tier columns. */
export function unitScorecardRows(units: LeadingUnitRow[], tiers: string[]): ScorecardRow[] {
  const rank = (t: string | null) => (t == null || !tiers.includes(t) ? tiers.length + 1 : tiers.indexOf(t) + 1);
  return units.map((u) => ({ ...u, tier_awarded: rank(u.tier_awarded), tier_supported: rank(u.tier_supported) }));
}

/** Inputs.table options for unitScorecardRows; a unit awarded above its results, or paid above its cap, is flagged in words. */
export function unitScorecardOptions({ tiers, industries }: { tiers: string[]; industries: { key: string; short: string }[] }) {
  const short = new Map(industries.map((i) => [i.key, i.short]));
  const tierName = (none: string) => (r: number) => tiers[r - 1] ?? none;
  const n = (v: number) => fmtCount(v);
  const flag = (text: string) => html`<strong style="color: var(--status-behind)">⚠ ${text}</strong>`;
  return {
    columns: [
      "name", "tier_awarded", "tier_supported", "awarded_above_results", "enterprises_diagnosed", "enterprises_signed",
      "enterprises_transformed", "products", "scenarios", "avg_days_to_accept", "award_paid_wan", "award_cap_wan", "industry",
    ],
    header: {
      name: "牵引单位",
      tier_awarded: "评定档次",
      tier_supported: "实绩对应档次",
      awarded_above_results: "档次核对",
      enterprises_diagnosed: "诊断企业",
      enterprises_signed: "签约企业",
      enterprises_transformed: "改造达标",
      products: "产品",
      scenarios: "场景案例",
      avg_days_to_accept: "签约至验收(天)",
      award_paid_wan: "已拨奖励",
      award_cap_wan: "档次奖励上限",
      industry: "行业",
    },
    format: {
      tier_awarded: tierName(NONE_AWARDED),
      tier_supported: tierName(NONE_SUPPORTED),
      awarded_above_results: (v: boolean) => (v ? flag("评定高于实绩") : "相符或偏低"),
      enterprises_diagnosed: n,
      enterprises_signed: n,
      enterprises_transformed: n,
      products: n,
      scenarios: n,
      avg_days_to_accept: (v: number) => fmtCount(Math.round(v)),
      award_paid_wan: (v: number, i: number, rows: ScorecardRow[]) => {
        const cap = rows[i]?.award_cap_wan;
        return cap != null && v > cap ? flag(`${fmtWan(v)} 超上限`) : fmtWan(v);
      },
      award_cap_wan: (v: number) => fmtWan(v),
      industry: (v: string, i: number, rows: ScorecardRow[]) => short.get(rows[i]?.industry_key ?? "") ?? v,
    },
    align: { tier_awarded: "left", tier_supported: "left", awarded_above_results: "left" },
    sort: "enterprises_transformed",
    reverse: true,
    rows: 15,
    layout: "auto",
    select: false,
  };
}
