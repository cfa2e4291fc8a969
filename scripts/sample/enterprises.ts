/** The enterprise pool: where each firm sits (district × industry), how big it is, how fast it moves. */
import { knobs } from "./knobs.ts";
import { plan } from "./lookup.ts";
import { fakePhone, enterpriseName, personName } from "./names.ts";
import { place } from "./place.ts";
import { hashUnit, type Rng } from "./rng.ts";
import type { Enterprise } from "./types.ts";
import { makeUscc } from "./uscc.ts";
import { volumes } from "./volumes.ts";

/** Whether the knobs size any of the plan's districts; if none, sizes vary by a stable hash of the pinyin. */
const sized = plan.districts.some((d) => knobs.districtSize[d.pinyin] !== undefined);
const size = (pinyin: string) => knobs.districtSize[pinyin] ?? (sized ? 0.7 : 0.4 + hashUnit("district-size", pinyin));
const pace = (pinyin: string) => knobs.districtPace[pinyin] ?? 1;

/** Registrar area of a credit code: mostly the city bureau, else any district's (never the firm's district by rule). */
export function registrarArea(rng: Rng): string {
  if (rng.chance(0.6)) return place.registrarCityArea;
  return rng.pick([...plan.districts.map((d) => d.code), ...Object.keys(plan.retiredDistrictCodes)]);
}

/** n enterprises; their dates and fates are set later by the pipeline. */
export function makeEnterprises(rng: Rng, n: number, names: Set<string>, codes: Set<string>): Enterprise[] {
  const industries = plan.industries.map((i) => [i, knobs.industrySize[i.key] ?? 0.1] as const);
  const focusCount = Math.round(n * knobs.focusShare);
  const out: Enterprise[] = [];
  for (let i = 0; i < n; i++) {
    const industry = rng.weighted(industries);
    const inFocus = i < focusCount;
    // An industry the plan gives no focus districts is found in every district.
    const candidates = industry.focusDistricts.length > 0 ? plan.districts.filter((d) => industry.focusDistricts.includes(d.code) === inFocus) : plan.districts;
    const district = rng.weighted(candidates.map((d) => [d, size(d.pinyin)] as const));
    const { name, short } = enterpriseName(rng, industry.key, names);
    const { employees, revenueWan } = smeSize(rng);
    out.push({
      seq: 0,
      uscc: makeUscc(rng, registrarArea(rng), codes),
      name,
      short,
      district: district.code,
      industry: industry.key,
      employees,
      revenueWan,
      tier: rng.weighted(plan.qualityTiers.map((t, k) => [t, volumes.tierWeights[k]!] as const)),
      surveyedOn: "",
      listedOn: null,
      contact: personName(rng),
      phone: fakePhone(rng),
      pace: pace(district.pinyin) * (knobs.industryPace[industry.key] ?? 1) * rng.logNormal(1, 0.35),
      fate: "surveyedOnly",
      sme: true,
      inExportFrom: 0,
    });
  }
  return out;
}

/**
 * Employees and revenue of an SME, with a long tail; a few firms sit over one limit but not both
 * (still SMEs under the "or" rule). Never over both: that is reserved for the NOT_SME cases.
 */
function smeSize(rng: Rng): { employees: number; revenueWan: number } {
  const { maxEmployees, maxRevenueWan } = plan.sme;
  let employees = Math.round(Math.min(maxEmployees - 20, Math.max(6, rng.logNormal(85, 0.9))));
  let revenueWan = Math.round(Math.min(maxRevenueWan * 0.95, Math.max(120, employees * rng.logNormal(45, 0.5))) * 10) / 10;
  const edge = rng.next();
  if (edge < 0.01) employees = rng.int(maxEmployees, Math.round(maxEmployees * 1.6));
  else if (edge < 0.015) revenueWan = Math.round(rng.float(maxRevenueWan, maxRevenueWan * 1.5) * 10) / 10;
  if (employees >= maxEmployees && revenueWan >= maxRevenueWan) revenueWan = Math.round(maxRevenueWan * 0.8);
  return { employees, revenueWan: towardsAboveScale(rng, revenueWan) };
}

/**
 * When a plan's 规上 target asks for a share of firms over the 规上 line (volumes.aboveScaleShare), move the
 * revenue across the line to match it (an extra draw, only for such plans); else the revenue as drawn.
 */
function towardsAboveScale(rng: Rng, revenueWan: number): number {
  const share = volumes.aboveScaleShare;
  if (share === null) return revenueWan;
  const line = knobs.aboveScaleRevenueWan;
  const above = rng.chance(share);
  if (above === revenueWan >= line) return revenueWan;
  const moved = above ? rng.float(line, Math.min(plan.sme.maxRevenueWan * 0.95, line * 8)) : rng.float(Math.min(120, line / 2), line * 0.95);
  return Math.round(moved * 10) / 10;
}

/** A large firm (over both SME limits): it may join the pilot but never counts toward the 710. */
export function largeSize(rng: Rng): { employees: number; revenueWan: number } {
  const { maxEmployees, maxRevenueWan } = plan.sme;
  return {
    employees: rng.int(maxEmployees, Math.round(maxEmployees * 2.5)),
    revenueWan: Math.round(rng.float(maxRevenueWan, maxRevenueWan * 3) * 10) / 10,
  };
}
