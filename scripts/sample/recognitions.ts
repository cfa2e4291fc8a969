/** 示范认定: workshops, factories, scenarios, chain cases and clusters, published in batches through 2025–2026. */
import type { TargetKey } from "../../loaders/plan/types.ts";
import { knobs } from "./knobs.ts";
import { districtByCode, industryByKey, plan } from "./lookup.ts";
import { workshopWord } from "./names.ts";
import type { Rng } from "./rng.ts";
import { idMaker, scaled } from "./scaled.ts";
import type { Enterprise, LeadingUnit, Recognition } from "./types.ts";
import { recognitionKindTargets, statusRecordKind } from "../../loaders/plan/measures.ts";

/** How many per batch: shares of the kind's count, the last batch taking the remainder. */
function batchSizes(count: number, batches: [string, number][]): [string, number][] {
  let left = count;
  return batches.map(([day, share], i) => {
    const n = i === batches.length - 1 ? left : Math.min(left, Math.round(count * share));
    left -= n;
    return [day, n];
  });
}

/** Recognitions linked to accepted, unreserved enterprises (each firm recognised at most once per kind). */
export function makeRecognitions(rng: Rng, scale: number, enterprises: Enterprise[], units: LeadingUnit[], reserved: Set<string>): Recognition[] {
  const eligible = enterprises
    .filter((e) => e.fate === "accepted" && e.sme && e.inExportFrom === 0 && !reserved.has(e.uscc))
    .sort((a, b) => a.surveyedOn.localeCompare(b.surveyedOn) || a.seq - b.seq);
  const pairs = plan.industries.flatMap((i) => i.focusDistricts.map((d) => ({ district: d, industry: i.key })));
  const out: Recognition[] = [];
  for (const { kind, target } of recognitionKindTargets(plan)) {
    const conf = knobs.recognitions[target];
    if (!conf) continue;
    const used = new Set<string>();
    for (const [day, n] of batchSizes(scaled(conf.count, scale), conf.batches)) {
      for (let j = 0; j < n; j++) {
        const e = pickUnused(rng, eligible, day, used);
        used.add(e.uscc);
        out.push({ id: "", kind, on: day, ...describe(rng, target, e, units, pairs, out.length) });
      }
    }
  }
  out.sort((a, b) => a.on.localeCompare(b.on));
  const id = idMaker("RD", out.length, 3);
  out.forEach((r, i) => (r.id = id(i + 1)));
  return out;
}

/** The 公共服务平台's go-live record (二、工作目标: 完善建设中小企业数字化转型公共服务平台): one, whatever the scale. */
export function platformRecord(liveOn: string): Recognition {
  const kind = statusRecordKind(plan)!;
  return { id: "RP01", kind, on: liveOn, name: "广州市中小企业数字化转型公共服务平台", district: null, industry: null, uscc: null };
}

/** A random firm surveyed by `day` and not yet used (eligible is sorted by survey date). */
function pickUnused(rng: Rng, eligible: Enterprise[], day: string, used: Set<string>): Enterprise {
  // Firms surveyed by `day` are a prefix of `eligible`: find its end by binary search.
  let lo = 0;
  let hi = eligible.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (eligible[mid]!.surveyedOn <= day) lo = mid + 1;
    else hi = mid;
  }
  const n = lo;
  for (let t = 0; t < 30 && n > 0; t++) {
    const e = eligible[rng.int(0, n - 1)]!;
    if (!used.has(e.uscc)) return e;
  }
  return eligible.find((e) => !used.has(e.uscc)) ?? rng.pick(eligible);
}

function describe(rng: Rng, target: TargetKey, e: Enterprise, units: LeadingUnit[], pairs: { district: string; industry: string }[], n: number) {
  switch (target) {
    case "digital_workshops":
      return { name: `${e.short}${workshopWord(rng)}数字化车间`, district: e.district, industry: e.industry, uscc: e.uscc };
    case "smart_factories":
      return { name: `${e.short}智能制造示范工厂`, district: e.district, industry: e.industry, uscc: e.uscc };
    case "scenarios":
      return { name: `${e.short}${rng.pick(plan.levels.scenarios).name}典型场景`, district: e.district, industry: e.industry, uscc: e.uscc };
    case "chain_cases": {
      const ofIndustry = units.filter((u) => u.industry === e.industry);
      const unit = rng.pick(ofIndustry.length > 0 ? ofIndustry : units);
      return { name: `${unit.short}带动${industryByKey(e.industry).short}产业链"链式"转型案例`, district: e.district, industry: e.industry, uscc: e.uscc };
    }
    default: {
      const pair = pairs[n % pairs.length]!;
      return { name: `${districtByCode(pair.district).short}${industryByKey(pair.industry).short}特色产业集群`, district: pair.district, industry: pair.industry, uscc: null };
    }
  }
}
