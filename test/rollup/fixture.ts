/**
 * A hand-specified 3-city fixture of bundles, written by the real writer (loaders/bundle/write.ts):
 *
 * - 甲市 (a): line 2025-01-01 … 2025-04-11 (100 days), data date 2025-02-20 (day 50: elapsed 0.5);
 *   t1: target 100, actual 45 → 45 ÷ (100 × 0.5) = 0.9 → 预警 (onTrack 1, warning 0.85); platform met.
 *   Central money 70 to SMEs, 30 to public services: 70% < 80% and 30% > 20% (breaches 80/20).
 *   Provincial capital: 100 万元 ≤ 15000. Levels: 5 of 10 at 二级+, pilot not ended → 进度.
 * - 乙市 (b): line 2024-01-01 … 2024-04-10 (100 days), data date 2025-03-01 (elapsed 1);
 *   t1: target 200, actual 210 → 1.05 → 达标. Central 10000 + 2000 = 12000 万元 > 10000 (other city):
 *   over its ceiling; 10000 / 12000 = 0.8333 ≥ 0.8 and 0.1667 ≤ 0.2. Levels 19 of 20 = 0.95, ended → 达标.
 * - 丙市 (c): data date 2025-01-01: 59 days before the as-of date 2025-03-01 → stale (> 14).
 *   t9 withheld ("<3") → 数据抑制. No programme facts and no programme tables → 无法判定 with reasons.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BundleRows } from "../../loaders/bundle/write.ts";
import { writeBundle } from "../../loaders/bundle/write.ts";

interface CitySpec {
  id: string;
  city: string;
  start: string;
  end: string;
  dataDate: string;
  cityClass: string | null;
  targets: { key: string; kind: string; target: number; actual: number | null; shown: string | null }[];
  funds: { use: string | null; wan: number }[] | null;
  levels: { above: number; at: number }[];
}

const specs: CitySpec[] = [
  {
    id: "a", city: "甲市", start: "2025-01-01", end: "2025-04-11", dataDate: "2025-02-20", cityClass: "provincial_capital",
    targets: [
      { key: "t1", kind: "count", target: 100, actual: 45, shown: "45" },
      { key: "platform", kind: "status", target: 1, actual: 1, shown: "1" },
    ],
    funds: [{ use: "sme_transformation", wan: 70 }, { use: "public_service", wan: 30 }, { use: null, wan: 0 }, { use: "total", wan: 100 }],
    levels: [{ above: 10, at: 5 }],
  },
  {
    id: "b", city: "乙市", start: "2024-01-01", end: "2024-04-10", dataDate: "2025-03-01", cityClass: "other",
    targets: [{ key: "t1", kind: "count", target: 200, actual: 210, shown: "210" }],
    funds: [{ use: "sme_transformation", wan: 10000 }, { use: "public_service", wan: 2000 }, { use: null, wan: 0 }, { use: "total", wan: 12000 }],
    levels: [{ above: 20, at: 19 }],
  },
  {
    id: "c", city: "丙市", start: "2024-06-01", end: "2025-06-01", dataDate: "2025-01-01", cityClass: null,
    targets: [{ key: "t9", kind: "count", target: 50, actual: null, shown: "<3" }],
    funds: null,
    levels: [],
  },
];

function rows(s: CitySpec): BundleRows {
  const dates = { plan_start: s.start, plan_end: s.end, expectation_start: s.start };
  return {
    city: [{ plan_id: s.id, city: s.city, plan_title: `${s.city}方案`, doc_no: "测试", data_date: s.dataDate, ...dates, on_track: 1, warning: 0.85, public_min_count: 3, city_class: s.cityClass, central_source: s.cityClass ? "中央" : null, areas: 1, industries: 1 }],
    targets: s.targets.map((t, ord) => ({ plan_id: s.id, data_date: s.dataDate, key: t.key, label: t.key, short: t.key, unit: "个", kind: t.kind, ord, target: t.target, actual: t.actual, actual_shown: t.shown, ...dates })),
    series: [],
    by_area: [],
    by_industry: [],
    funds: [],
    compliance: [],
    quality: [{ plan_id: s.id, table_name: "enterprises", files: 1, rows_read: 10, rows_loaded: 9, rows_rejected: 1 }],
    programme_levels: s.levels.map((l) => ({ plan_id: s.id, industry_key: "x", industry: "某行业", min_level: 2, above_scale: l.above, above_scale_shown: String(l.above), at_level: l.at, at_level_shown: String(l.at) })),
    programme_funds: (s.funds ?? []).map((f) => ({ plan_id: s.id, central_source: "中央", programme_use: f.use, central_wan: f.wan, central_wan_shown: String(f.wan) })),
  };
}

/** Write the three bundles into a new temporary folder; returns it. */
export async function writeFixtureBundles(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "rollup-fixture-"));
  for (const s of specs) {
    await writeBundle(join(dir, s.id), {
      plan: { id: s.id, city: s.city }, planText: JSON.stringify({ id: s.id, city: s.city }), dataDate: s.dataDate, sample: true, rows: rows(s),
      tool: { name: "test", version: "0", commit: null },
    });
  }
  return dir;
}
