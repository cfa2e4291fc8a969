/** 示范认定: the kinds the plan counts (workshops, factories, scenarios, chain cases, clusters …), published in batches through 2025–2026. */
import { districtByCode, industryByKey, plan } from "./lookup.ts";
import { workshopWord } from "./names.ts";
import type { Rng } from "./rng.ts";
import { idMaker, scaled } from "./scaled.ts";
import type { Enterprise, LeadingUnit, Recognition } from "./types.ts";
import { volumes } from "./volumes.ts";
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

/** A count split over n kinds as evenly as it goes, the first kinds taking the remainder. */
const evenly = (count: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(count / n) + (i < count % n ? 1 : 0));

/**
 * Recognitions linked to accepted, unreserved enterprises (each firm recognised at most once per kind),
 * per recognitions target of the plan as volumes.ts sizes it; a target of several kinds splits its count.
 */
export function makeRecognitions(rng: Rng, scale: number, enterprises: Enterprise[], units: LeadingUnit[], reserved: Set<string>): Recognition[] {
  const eligible = enterprises
    .filter((e) => e.fate === "accepted" && e.sme && e.inExportFrom === 0 && !reserved.has(e.uscc))
    .sort((a, b) => a.surveyedOn.localeCompare(b.surveyedOn) || a.seq - b.seq);
  // District × industry pairs for 集群: the plan's focus pairs, else every pair.
  const focus = plan.industries.flatMap((i) => i.focusDistricts.map((d) => ({ district: d, industry: i.key })));
  const pairs = focus.length > 0 ? focus : plan.industries.flatMap((i) => plan.districts.map((d) => ({ district: d.code, industry: i.key })));
  const out: Recognition[] = [];
  for (const { target, count, batches } of volumes.recognitions) {
    const kinds = recognitionKindTargets(plan).filter((x) => x.target === target).map((x) => x.kind);
    const shares = evenly(count, kinds.length);
    kinds.forEach((kind, j) => {
      const used = new Set<string>();
      for (const [day, n] of batchSizes(scaled(shares[j]!, scale), batches)) {
        for (let b = 0; b < n; b++) {
          const e = pickUnused(rng, eligible, day, used);
          used.add(e.uscc);
          out.push({ id: "", kind, on: day, ...describe(rng, kind, e, units, pairs, out.length) });
        }
      }
    });
  }
  out.sort((a, b) => a.on.localeCompare(b.on));
  const id = idMaker("RD", out.length, 3);
  out.forEach((r, i) => (r.id = id(i + 1)));
  return out;
}

/** The 公共服务平台's go-live record (二、工作目标: 完善建设中小企业数字化转型公共服务平台): one, whatever the scale. */
export function platformRecord(liveOn: string): Recognition {
  const kind = statusRecordKind(plan)!;
  return { id: "RP01", kind, on: liveOn, name: `${plan.city}中小企业数字化转型${kind}`, district: null, industry: null, uscc: null };
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

/** A recognition's name (and, for enterprise ones, its firm), by what the kind's name says it is. */
function describe(rng: Rng, kind: string, e: Enterprise, units: LeadingUnit[], pairs: { district: string; industry: string }[], n: number) {
  const ofFirm = { district: e.district, industry: e.industry, uscc: e.uscc };
  if (kind.endsWith("车间")) return { name: `${e.short}${workshopWord(rng)}${kind}`, ...ofFirm };
  if (kind.includes("场景")) return { name: `${e.short}${rng.pick(plan.levels.scenarios).name}${kind}`, ...ofFirm };
  if (kind.includes("链")) {
    const ofIndustry = units.filter((u) => u.industry === e.industry);
    const unit = rng.pick(ofIndustry.length > 0 ? ofIndustry : units);
    return { name: `${unit.short}带动${industryByKey(e.industry).short}产业链"链式"转型案例`, ...ofFirm };
  }
  if (kind.includes("集群")) {
    const pair = pairs[n % pairs.length]!;
    return { name: `${districtByCode(pair.district).short}${industryByKey(pair.industry).short}${kind}`, district: pair.district, industry: pair.industry, uscc: null };
  }
  // 工厂 and any other kind a firm is recognised as.
  return { name: `${e.short}${kind}`, ...ofFirm };
}
