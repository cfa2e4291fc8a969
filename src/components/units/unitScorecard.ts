// The leading-unit scorecard for Inputs.table: the three indicators of plan 四(二)2 with the unit's
// rank on each, the tier awarded and the award paid against that tier's amount, sortable by any
// column. Tier earned and the verdict are columns only when tier criteria were supplied.
import { html } from "htl";
import type { LeadingUnitRow } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtWan } from "../shared/format.js";

export const NONE_AWARDED = "未评档";
export const NONE_EARNED = "未达任何一档";

/** A scorecard row: tiers as ranks (1 = 一档; none = after the last tier) so sorting follows the tiers, not the characters. */
export interface ScorecardRow extends Omit<LeadingUnitRow, "tier_awarded" | "tier_earned"> {
  tier_awarded: number;
  tier_earned: number | null;
}

/** The units as table rows; `tiers` is highest first (一档, 二档, 三档). Inputs.table skips null cells, so none are left in tier_awarded. */
export function unitScorecardRows(units: LeadingUnitRow[], tiers: string[]): ScorecardRow[] {
  const rank = (t: string | null) => (t == null || !tiers.includes(t) ? tiers.length + 1 : tiers.indexOf(t) + 1);
  return units.map((u) => ({ ...u, tier_awarded: rank(u.tier_awarded), tier_earned: u.criteria_given ? rank(u.tier_earned) : null }));
}

/** What the verdict column says: only ever shown with criteria. */
export function verdictText(v: boolean | null): string {
  return v == null ? "无对应标准" : v ? "评定高于标准" : "相符或偏低";
}

/** Inputs.table options for unitScorecardRows; `criteria`: whether tier criteria were supplied (adds tier earned and the verdict). */
export function unitScorecardOptions({ tiers, industries, criteria }: { tiers: string[]; industries: { key: string; short: string }[]; criteria: boolean }) {
  const short = new Map(industries.map((i) => [i.key, i.short]));
  const tierName = (none: string) => (r: number) => tiers[r - 1] ?? none;
  const n = (v: number) => fmtCount(v);
  const rank = (v: number) => `第${v}`;
  const flag = (text: string) => html`<strong style="color: var(--status-behind)">⚠ ${text}</strong>`;
  return {
    columns: [
      "name", "tier_awarded", "award_paid_wan", "award_cap_wan", "award_other_wan",
      ...(criteria ? ["tier_earned", "awarded_above_earned"] : []),
      "projects_accepted", "projects_accepted_rank", "products", "products_rank", "scenarios", "scenarios_rank",
      "enterprises_diagnosed", "enterprises_signed", "enterprises_transformed", "avg_days_to_accept", "industry",
    ],
    header: {
      name: "牵引单位",
      tier_awarded: "评定档次",
      award_paid_wan: "已拨奖励(计入档次上限)",
      award_cap_wan: "该档奖励上限",
      award_other_wan: "其他级别资金(不计入)",
      tier_earned: "按标准应得档次",
      awarded_above_earned: "档次核对",
      projects_accepted: "验收通过项目",
      projects_accepted_rank: "项目排名",
      products: "供给产品",
      products_rank: "产品排名",
      scenarios: "入选示范项目",
      scenarios_rank: "示范排名",
      enterprises_diagnosed: "诊断企业",
      enterprises_signed: "签约企业",
      enterprises_transformed: "改造达标企业",
      avg_days_to_accept: "签约至验收(天)",
      industry: "行业",
    },
    format: {
      tier_awarded: tierName(NONE_AWARDED),
      tier_earned: tierName(NONE_EARNED),
      awarded_above_earned: (v: boolean | null) => (v === true ? flag(verdictText(v)) : verdictText(v)),
      projects_accepted: n,
      projects_accepted_rank: rank,
      products: n,
      products_rank: rank,
      scenarios: n,
      scenarios_rank: rank,
      enterprises_diagnosed: n,
      enterprises_signed: n,
      enterprises_transformed: n,
      avg_days_to_accept: (v: number) => fmtCount(Math.round(v)),
      award_paid_wan: (v: number, i: number, rows: ScorecardRow[]) => {
        const cap = rows[i]?.award_cap_wan;
        return cap != null && v > cap ? flag(`${fmtWan(v)} 超上限`) : fmtWan(v);
      },
      award_cap_wan: (v: number) => fmtWan(v),
      award_other_wan: (v: number) => fmtWan(v),
      industry: (v: string, i: number, rows: ScorecardRow[]) => short.get(rows[i]?.industry_key ?? "") ?? v,
    },
    align: { tier_awarded: "left", tier_earned: "left", awarded_above_earned: "left" },
    sort: "projects_accepted",
    reverse: true,
    rows: 15,
    layout: "auto",
    select: false,
  };
}
