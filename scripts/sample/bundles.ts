/**
 * Synthetic city bundles for the roll-up (issue 16): varied plans (dates, targets, areas 区/县/镇街,
 * industries, city classes) and a synthetic KPI report per city, passed through the real export
 * (loaders/bundle/export.ts bundleRows: the public site's suppression) and the real writer, so a
 * sample bundle is shaped exactly like an exported one. Every draw comes from the seeded Rng of
 * ./rng.ts: one seed, the same bundles. Each manifest says sample: true.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { bundleRows, programmeMinLevel, type ProgrammeInputs } from "../../loaders/bundle/export.ts";
import { readProgramme } from "../../loaders/rollup/programme.ts";
import type { BundleManifest } from "../../loaders/bundle/format.ts";
import { toolVersion, writeBundle } from "../../loaders/bundle/write.ts";
import { projectRoot } from "../../loaders/config/paths.ts";
import { breachRules, reviewRules } from "../../loaders/kpi/complianceRules.ts";
import type * as R from "../../loaders/kpi/reportTypes.ts";
import type { FundContributors } from "../../loaders/public/fundContributors.ts";
import { reportPlan } from "../../loaders/kpi/computeReport.ts";
import { targetKind } from "../../loaders/plan/measures.ts";
import type { Measure, PilotPlan, ProgrammeFacts } from "../../loaders/plan/types.ts";
import { Rng } from "./rng.ts";

/** The roll-up's sample "today": data dates fall on or before it. */
export const sampleBaseDate = "2026-11-20";

const day = 86_400_000;
const toDate = (s: string): number => Date.parse(`${s}T00:00:00Z`);
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const addDays = (s: string, n: number): string => iso(toDate(s) + n * day);
const addMonths = (s: string, n: number): string => {
  const d = new Date(toDate(s));
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d.getTime());
};

const first = "东西南北青临安长新金云江宁平龙永";
const second = "阳川州山河海源德兴丰泉城溪林湖岭";
const areaSyll = "桥湾港坪塘岗头田埔沙圩坝湾浦洲口";

const industryPool: [string, string][] = [
  ["auto_parts", "汽车零部件"], ["electronics", "电子信息"], ["textile", "纺织服装"], ["food", "食品加工"],
  ["furniture", "家具制造"], ["hardware", "五金制品"], ["pharma", "医药制造"], ["chemicals", "化工新材料"],
  ["machinery", "机械装备"], ["ceramics", "陶瓷建材"], ["plastics", "塑料制品"], ["leather", "皮革箱包"],
];

/** [key, label, short, unit, measure, [lo, hi] target]. Keys are the plans' own strings: the roll-up treats them as opaque. */
const targetPool: [string, string, string, string, Measure, [number, number]][] = [
  ["enterprises_transformed", "完成数字化改造并达到二级及以上的中小企业", "改造达二级", "家", { kind: "enterprises_at_level", minLevel: 2, accepted: true }, [300, 2500]],
  ["diagnosed", "开展评估诊断的中小企业", "诊断评测", "家", { kind: "enterprises_assessed", assessment: "改造前" }, [300, 3000]],
  ["digital_workshops", "数字化车间", "数字化车间", "个", { kind: "recognitions", kinds: ["数字化车间"] }, [10, 80]],
  ["smart_factories", "智能工厂", "智能工厂", "个", { kind: "recognitions", kinds: ["智能工厂"] }, [5, 60]],
  ["service_providers", "优质数字化服务商", "服务商", "家", { kind: "providers" }, [10, 80]],
  ["products", "\"小快轻准\"产品和服务", "小快轻准产品", "个", { kind: "products" }, [50, 500]],
  ["cloud_enterprises", "上云用云中小企业", "上云用云", "家", { kind: "cloud_adoption" }, [500, 5000]],
  ["scenarios", "典型应用场景", "典型场景", "个", { kind: "recognitions", kinds: ["典型场景"] }, [10, 100]],
  ["training_person_times", "数字化人才培训", "人才培训", "人次", { kind: "training_person_times" }, [1000, 8000]],
  ["platform", "中小企业数字化转型公共服务平台", "公共服务平台", "个", { kind: "status_record", recordKind: "公共服务平台" }, [1, 1]],
  ["level2_share", "规上工业企业数字化水平二级及以上比例", "二级以上占比", "%", { kind: "share_at_level", minLevel: 2, aboveScale: true }, [0.6, 0.9]],
];

export interface SampleCity {
  plan: PilotPlan;
  report: R.Report;
  contributors: FundContributors[];
  inputs: ProgrammeInputs;
}

const template = (): PilotPlan => JSON.parse(readFileSync(resolve(projectRoot, "plans/guangzhou.json"), "utf8")) as PilotPlan;

/** Split `total` into `n` whole parts by random weights (the rest to the first). */
function split(rng: Rng, total: number, n: number): number[] {
  const w = Array.from({ length: n }, () => rng.float(0.1, 1) ** 2);
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.floor((total * x) / sum));
  parts[0]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** One synthetic city: plan, report and programme inputs. `i` varies what is missing. */
export function sampleCity(seed: number, i: number, names: string[], minLevel: number | null): SampleCity {
  const rng = new Rng(`bundles:${seed}:${i}`);
  const base = template();
  const name = names[i]!;
  const cityClass: ProgrammeFacts["cityClass"] = rng.weighted([["provincial_capital", 15], ["separately_listed", 5], ["other", 80]] as const);
  const start = rng.pick(["2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01"]);
  const end = addDays(addMonths(start, rng.pick([24, 30, 36])), -1);
  const expectationStart = addMonths(start, rng.int(0, 8));
  const stale = rng.chance(0.1);
  const dataDate = addDays(sampleBaseDate, -(stale ? rng.int(15, 60) : rng.int(0, 10)));
  const areaKind = rng.pick(["区", "县", "镇街"]);
  const nAreas = rng.int(4, 14);
  const districts = Array.from({ length: nAreas }, (_, k) => {
    const short = `${name.slice(0, 1)}${areaSyll[k]}`;
    return { code: String(100000 + i * 100 + k), name: `${short}${areaKind === "镇街" ? (k % 2 ? "镇" : "街道") : areaKind}`, short, pinyin: `area${k}`, aliases: [], tile: { x: k % 4, y: Math.floor(k / 4) } };
  });
  const industries = rng.shuffle([...industryPool]).slice(0, rng.int(3, 8)).map(([key, n]) => ({
    key, name: n, short: n, aliases: [], focusDistricts: [districts[rng.int(0, nAreas - 1)]!.code],
  }));
  const pool = rng.shuffle([...targetPool]);
  const chosen = pool.slice(0, rng.int(5, 9)).sort((a, b) => targetPool.indexOf(a) - targetPool.indexOf(b));
  const targets = chosen.map(([key, label, short, unit, measure, [lo, hi]]) => {
    const kind = targetKind(measure);
    return {
      key, label, short, unit, measure, cite: "二、工作目标",
      target: kind === "ratio" ? Math.round(rng.float(lo, hi) * 100) / 100 : kind === "status" ? 1 : Math.round(rng.float(lo, hi) / 10) * 10 || lo,
    };
  });
  const onTrack = rng.pick([1, 1, 0.95]);
  const warning = rng.pick([0.85, 0.8, 0.9]);
  const missingProgramme = i % 50 === 4;
  const plan = {
    ...base,
    id: `sample-${String(i + 1).padStart(3, "0")}`,
    title: `${name}中小企业数字化转型城市试点实施方案(示例)`,
    docNo: `示例〔${start.slice(0, 4)}〕${100 + i}号`,
    city: name,
    areaNoun: areaKind,
    start, end, expectationStart,
    finalAcceptanceBy: addMonths(end, 3),
    targets,
    industries,
    districts,
    retiredDistrictCodes: {},
    milestones: [],
    monitoring: { ...base.monitoring, onTrack, warning },
    citations: { "": "示例数据: a synthetic plan written by npm run generate:bundles, not a real city's." },
  } as unknown as PilotPlan;
  if (missingProgramme) delete (plan as { programme?: unknown }).programme;
  else plan.programme = { cityClass, centralSource: "中央" };

  // Where the city stands: its own clock and its own pace.
  const clamp = (x: number): number => Math.max(0, Math.min(1, x));
  const elapsedAt = (d: string): number => clamp((toDate(d) - toDate(expectationStart)) / (toDate(end) - toDate(expectationStart)));
  const elapsed = elapsedAt(dataDate);
  const pace = rng.float(0.55, 1.25);
  const kpis: R.KpiRow[] = targets.map((t, ord) => {
    const f = pace * rng.float(0.85, 1.15);
    const kind = targetKind(t.measure) as R.KpiRow["kind"];
    const actual = kind === "status" ? (rng.chance(0.6) ? 1 : null) : kind === "ratio" ? Math.round(Math.min(1, t.target * (0.6 + 0.4 * elapsed) * f) * 1000) / 1000 : Math.round(t.target * elapsed * f);
    const expected = t.target * elapsed;
    const pctExp = actual == null || expected === 0 ? null : actual / expected;
    const status: R.Status = actual == null ? "无数据" : kind === "status" ? "达标" : pctExp! >= onTrack ? "达标" : pctExp! >= warning ? "预警" : "落后";
    return {
      key: t.key as R.KpiRow["key"], label: t.label, short: t.short, unit: t.unit, kind, ord, actual, target: t.target,
      pct: actual == null ? null : actual / t.target, expected, pct_of_expected: pctExp, status,
      remaining: actual == null ? null : Math.max(0, t.target - actual), week_delta: null, trailing_rate_weekly: null, forecast: null, required_weekly: null,
      weeks_left: Math.max(0, (toDate(end) - toDate(dataDate)) / day / 7),
    };
  });
  const counts = kpis.filter((k) => k.kind === "count");
  const series: R.SeriesPoint[] = [];
  for (const k of counts) {
    for (let d = addDays(expectationStart, 6); d <= dataDate; d = addDays(d, 7)) series.push({ key: k.key, week_end: d, actual: Math.round((k.actual ?? 0) * (elapsed ? elapsedAt(d) / elapsed : 0)) });
    series.push({ key: k.key, week_end: dataDate, actual: k.actual ?? 0 });
  }
  // Each count split over area × industry; the area and industry rows are the matrix's sums, so every table adds up.
  const nInd = industries.length;
  const matrix = new Map(counts.map((k) => [k.key as string, split(rng, k.actual ?? 0, nAreas * nInd)]));
  const cell = (key: string, a: number, j: number): number => matrix.get(key)![a * nInd + j]!;
  const district_industry: R.MatrixCell[] = counts.flatMap((k) =>
    districts.flatMap((d, a) => industries.map((x, j) => ({
      key: k.key, district_code: d.code, district: d.name, industry_key: x.key, industry: x.name, actual: cell(k.key, a, j), is_focus: x.focusDistricts.includes(d.code),
    }))),
  );
  const by_district: R.DistrictRow[] = counts.flatMap((k) =>
    districts.map((d, a) => ({
      key: k.key, district_code: d.code, district: d.name, actual: industries.reduce((s, _, j) => s + cell(k.key, a, j), 0), share: null, rank: 0, focus_actual: 0,
      is_focus: industries.some((x) => x.focusDistricts.includes(d.code)), target: null, pct: null,
    })),
  );
  const by_industry: R.IndustryRow[] = counts.flatMap((k) =>
    industries.map((x, j) => ({
      key: k.key, industry_key: x.key, industry: x.name, actual: districts.reduce((s, _, a) => s + cell(k.key, a, j), 0), share: null, rank: 0, focus_actual: 0,
    })),
  );

  // Money: central money against the class ceiling, split 80/20 with some cities off it.
  const ceiling = cityClass === "other" ? 10000 : 15000;
  const over = rng.chance(0.06);
  const central = Math.round(ceiling * (over ? rng.float(1.03, 1.2) : clamp(elapsed * rng.float(0.5, 1.0))) * 100) / 100;
  const smeShare = rng.chance(0.15) ? rng.float(0.65, 0.79) : rng.float(0.81, 0.93);
  const sources = plan.funding.sources;
  const contributors: FundContributors[] = [];
  const by_direction: R.DirectionRow[] = plan.funding.directions.map((d, ord) => {
    const sideDirs = plan.funding.directions.filter((x) => x.programmeUse === d.programmeUse);
    const sideShare = d.programmeUse === "sme_transformation" ? smeShare : 1 - smeShare;
    const centralHere = Math.round(((central * sideShare) / sideDirs.length) * 100) / 100;
    const bySource = sources.map((s) => ({ source: s, amount_wan: s === sources[0] ? centralHere : Math.round(centralHere * rng.float(0, 0.6) * 100) / 100 }));
    for (const b of bySource) contributors.push({ direction_key: d.key, source: b.source, contributors: b.amount_wan > 0 ? Math.max(1, Math.round(b.amount_wan / rng.float(20, 400))) : 0 });
    const amount = bySource.reduce((a, b) => a + b.amount_wan, 0);
    contributors.push({ direction_key: d.key, source: null, contributors: Math.max(...contributors.filter((c) => c.direction_key === d.key).map((c) => c.contributors)) });
    return {
      key: d.key, direction: d.name, ord, amount_wan: amount, payments: 0, cap_wan: d.totalCapWan ?? null, per_district_cap_wan: d.perDistrictCapWan ?? null,
      pct_of_cap: null, counted_wan: amount, other_levels_wan: 0, cap_sources: d.sources, by_source: bySource,
    };
  });
  for (const s of sources) contributors.push({ direction_key: null, source: s, contributors: contributors.filter((c) => c.source === s && c.direction_key).reduce((a, c) => a + c.contributors, 0) });
  contributors.push({ direction_key: null, source: null, contributors: contributors.filter((c) => c.direction_key && c.source).reduce((a, c) => a + c.contributors, 0) });
  const centralOf = (use: string | null): number =>
    by_direction.filter((d) => (plan.funding.directions.find((x) => x.key === d.key)!.programmeUse ?? null) === use).reduce((a, d) => a + d.by_source[0]!.amount_wan, 0);
  const nCentral = (use: string | null): number =>
    contributors.filter((c) => c.source === sources[0] && c.direction_key && (plan.funding.directions.find((x) => x.key === c.direction_key)!.programmeUse ?? null) === use).reduce((a, c) => a + c.contributors, 0);
  const funds = [
    { programme_use: "sme_transformation", central_wan: centralOf("sme_transformation"), contributors: nCentral("sme_transformation") },
    { programme_use: "public_service", central_wan: centralOf("public_service"), contributors: nCentral("public_service") },
    { programme_use: "unplaced", central_wan: 0, contributors: 0 },
  ];
  funds.push({ programme_use: "total", central_wan: funds.reduce((a, f) => a + f.central_wan, 0), contributors: funds.reduce((a, f) => a + f.contributors, 0) });

  const noLevels = i % 50 === 9 || minLevel == null;
  const levels = noLevels
    ? []
    : industries.map((x) => {
        const above = rng.int(20, 300);
        return { industry_key: x.key, industry: x.name, above_scale: above, at_level: Math.round(above * clamp(rng.float(0.3, 0.8) + 0.3 * elapsed)) };
      });

  const findings = <T>(rules: { key: string }[]): T[] => rules.flatMap((r) => Array.from({ length: rng.chance(0.3) ? rng.int(1, 6) : 0 }, () => ({ rule: r.key }) as T));
  const report = {
    plan: reportPlan(plan),
    as_of: dataDate,
    snapshot: dataDate,
    timing: { expectation_start: expectationStart, plan_end: end, elapsed, weeks_left: kpis[0]!.weeks_left, trailing_weeks: plan.monitoring.trailingWeeks },
    kpis, series, by_district, by_industry,
    district_industry, level_uplift: [], level_audit: [],
    pipeline: { stages: [], overdue: [], stuck: [], stuck_after_days: 60 },
    leading_units: [], tier_criteria: [],
    supply: { products: [], providers: [] },
    funding: { by_direction, by_district: [], by_industry: [], monthly: [] },
    compliance: { breaches: findings<R.Breach>(breachRules(plan)), review_items: findings<R.ReviewItem>(reviewRules(plan)) },
  } as unknown as R.Report;
  return { plan, report, contributors, inputs: { minLevel, levels, funds } };
}

/** `n` distinct city names from the seed. */
export function cityNames(seed: number, n: number): string[] {
  const rng = new Rng(`bundles:${seed}:names`);
  const all = [...first].flatMap((a) => [...second].map((b) => `${a}${b}市`));
  return rng.shuffle(all).slice(0, n);
}

/** Write `n` sample bundles into `out/<plan id>/`; returns their manifests. */
export async function generateBundles(out: string, n: number, seed: number): Promise<BundleManifest[]> {
  const names = cityNames(seed, n);
  // The level the programme's level rule counts (plans/programme.json), as the export takes it.
  const minLevel = programmeMinLevel(readProgramme());
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  // The tool's name and version, no commit: the same seed writes the same bytes whatever is checked out.
  const tool = { ...toolVersion(), commit: null };
  const manifests: BundleManifest[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const c = sampleCity(seed, i, names, minLevel);
      const rows = bundleRows(c.plan, c.report, c.contributors, c.inputs);
      rows.quality = ["enterprises", "projects", "funds", "assessments"].map((t) => {
        const read = 200 + ((i * 37 + t.length * 101) % 900);
        const rejected = (i + t.length) % 7;
        return { plan_id: c.plan.id, table_name: t, files: 1, rows_read: read, rows_loaded: read - rejected, rows_rejected: rejected };
      });
      manifests.push(
        await writeBundle(join(out, c.plan.id), {
          plan: c.plan, planText: `${JSON.stringify(c.plan, null, 2)}\n`, dataDate: c.report.snapshot, sample: true, rows, tool, conn,
        }),
      );
    }
  } finally {
    conn.closeSync();
  }
  return manifests;
}

