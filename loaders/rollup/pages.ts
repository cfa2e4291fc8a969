/** What each roll-up page's data file holds: one projection of RollupData per page (rollup/data/). */
import type { RollupData } from "./types.ts";

export const overviewJson = (d: RollupData) => ({
  as_of: d.as_of,
  cities: d.cities.map((c) => ({ plan_id: c.plan_id, city: c.city, data_date: c.data_date, on_track: c.on_track, warning: c.warning })),
  attainment: d.attainment.map((a) => ({ plan_id: a.plan_id, city: a.city, key: a.key, short: a.short, kind: a.kind, attainment: a.attainment, band: a.band })),
});

export const ranksJson = (d: RollupData) => ({ as_of: d.as_of, ranks: d.ranks });

/** One line of the trends page: a city's measure as parallel arrays (dates, attainment to 0.1%), so 100 cities stay light. */
export interface TrendLine {
  key: string;
  city: string;
  dates: string[];
  values: number[];
}

export function trendsJson(d: RollupData) {
  const lines = new Map<string, TrendLine>();
  for (const s of d.series) {
    if (s.attainment == null) continue;
    const id = `${s.plan_id}\0${s.key}`;
    const line = lines.get(id) ?? { key: s.key, city: s.city, dates: [], values: [] };
    line.dates.push(s.date);
    line.values.push(Math.round(s.attainment * 1000) / 1000);
    lines.set(id, line);
  }
  return {
    as_of: d.as_of,
    measures: [...new Map(d.series.map((s) => [s.key, { key: s.key, short: s.short }])).values()],
    lines: [...lines.values()],
  };
}

export const programmeJson = (d: RollupData) => ({ as_of: d.as_of, rules: d.rules });

export const freshnessJson = (d: RollupData) => ({ as_of: d.as_of, as_of_given: d.as_of_given, rule: d.programme.freshness, rows: d.freshness });

export const qualityJson = (d: RollupData) => ({ skipped: d.skipped, quality: d.quality });

/** One city page's data: the city's rows of every table. */
export function cityJson(d: RollupData, planId: string) {
  const mine = <T extends { plan_id: string }>(rows: T[]): T[] => rows.filter((r) => r.plan_id === planId);
  return {
    as_of: d.as_of,
    city: d.cities.find((c) => c.plan_id === planId) ?? null,
    attainment: mine(d.attainment),
    rank: mine(d.ranks)[0] ?? null,
    cities: d.cities.length,
    freshness: mine(d.freshness)[0] ?? null,
    max_age_days: d.programme.freshness.maxAgeDays,
    rules: d.rules.map((r) => ({ key: r.key, label: r.label, source: r.source, note: r.note, verdict: mine(r.cities)[0] ?? null, levels: mine(r.level_rows ?? []) })),
    by_area: mine(d.details.by_area),
    funds: mine(d.details.funds),
    compliance: mine(d.details.compliance),
    quality: mine(d.quality)[0] ?? null,
  };
}

export type OverviewData = ReturnType<typeof overviewJson>;
export type RanksData = ReturnType<typeof ranksJson>;
export type TrendsData = ReturnType<typeof trendsJson>;
export type ProgrammeData = ReturnType<typeof programmeJson>;
export type FreshnessData = ReturnType<typeof freshnessJson>;
export type QualityData = ReturnType<typeof qualityJson>;
export type CityData = ReturnType<typeof cityJson>;
