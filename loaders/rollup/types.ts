/** The roll-up's rows: what computeRollup returns and the roll-up site's pages draw (components import these types). */
import type { BundleProblem } from "./bundles.ts";

export interface CityRow {
  plan_id: string;
  city: string;
  plan_title: string;
  doc_no: string;
  data_date: string;
  plan_start: string;
  plan_end: string;
  expectation_start: string;
  on_track: number;
  warning: number;
  public_min_count: number;
  city_class: string | null;
  central_source: string | null;
  areas: number;
  industries: number;
  bundle: string;
  sample: boolean;
  tool_version: string;
}

export type Band = "达标" | "预警" | "落后" | "无数据" | "未达成" | "数据抑制" | "未开始";

export interface AttainmentRow {
  plan_id: string;
  city: string;
  key: string;
  label: string;
  short: string;
  unit: string;
  kind: string;
  ord: number;
  target: number;
  actual: number | null;
  actual_shown: string | null;
  data_date: string;
  /** Elapsed share of the city's own expectation line at its data date. */
  elapsed: number;
  expected_own: number;
  /** actual ÷ (target × elapsed); null for status targets, withheld counts and lines not started. */
  attainment: number | null;
  band: Band;
}

export interface RankRow {
  plan_id: string;
  city: string;
  measures: number;
  mean_attainment: number | null;
  min_attainment: number | null;
  behind: number;
  warning: number;
  on_track: number;
  rank: number | null;
}

export interface SeriesRow {
  plan_id: string;
  city: string;
  key: string;
  short: string;
  date: string;
  actual: number;
  target: number;
  attainment: number | null;
}

export interface FreshnessRow {
  plan_id: string;
  city: string;
  bundle: string;
  data_date: string;
  age_days: number;
  stale: boolean;
}

export interface LevelShareRow {
  plan_id: string;
  city: string;
  industry_key: string | null;
  industry: string | null;
  above_scale: number | null;
  above_scale_shown: string | null;
  at_level: number | null;
  at_level_shown: string | null;
  share: number | null;
  verdict: "达标" | "未达标" | "进度" | "无法判定";
  reason: string | null;
}

export interface CentralShareRow {
  plan_id: string;
  city: string;
  side_wan: number | null;
  total_wan: number | null;
  share: number | null;
  verdict: "符合" | "不符合" | "无法判定";
  reason: string | null;
}

export interface CeilingRow {
  plan_id: string;
  city: string;
  city_class: string | null;
  cap_wan: number | null;
  total_wan: number | null;
  verdict: "未超上限" | "超过上限" | "无法判定";
  reason: string | null;
}

/** One city's verdict on one rule; `value` is the share or amount the verdict rests on. */
export interface CityVerdict {
  plan_id: string;
  city: string;
  verdict: string;
  reason: string | null;
  value: number | null;
  detail: CentralShareRow | CeilingRow | null;
}

export interface RuleResult {
  key: string;
  kind: string;
  label: string;
  label_en: string;
  source: string;
  note: string | null;
  threshold: number | null;
  cities: CityVerdict[];
  /** The level rule's rows per city and industry. */
  level_rows?: LevelShareRow[];
}

export interface QualityRow {
  plan_id: string;
  city: string;
  tables: number;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rejected_share: number | null;
}

export interface RollupData {
  /** The roll-up's as-of date: the newest data date among the bundles, or --as-of. */
  as_of: string;
  as_of_given: boolean;
  /** Any bundle is sample data: every page says 示例数据. */
  sample: boolean;
  programme: { id: string; title: string; freshness: { maxAgeDays: number; source: string } };
  cities: CityRow[];
  /** Bundles skipped, with the located bilingual reason. */
  skipped: BundleProblem[];
  attainment: AttainmentRow[];
  ranks: RankRow[];
  series: SeriesRow[];
  freshness: FreshnessRow[];
  rules: RuleResult[];
  quality: QualityRow[];
  /** Per-city tables for the city pages. */
  details: {
    by_area: { plan_id: string; key: string; area_code: string; area: string; actual: number | null; actual_shown: string; is_focus: boolean }[];
    by_industry: { plan_id: string; key: string; industry_key: string; industry: string; actual: number | null; actual_shown: string }[];
    funds: { plan_id: string; direction_key: string; direction: string; source: string; amount_wan: number | null; amount_wan_shown: string; programme_use: string | null; cap_wan: number | null }[];
    compliance: { plan_id: string; finding: string; rule: string; rule_label: string; rule_cite: string; findings: number | null; findings_shown: string }[];
  };
}
