/**
 * 分区目标: the plan's numbered counts of enterprises split over districts in proportion to each district's
 * pool (largest remainder): the 改造前 assessment target by the whole pool, the others by listed firms.
 */
import { countsEnterprises, targetKind } from "../../loaders/plan/measures.ts";
import { plan } from "./lookup.ts";
import type { DistrictTarget, Enterprise } from "./types.ts";

function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * total : total / weights.length));
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const left = total - out.reduce((s, x) => s + x, 0);
  for (let j = 0; j < left; j++) out[order[j % order.length]!.i]! += 1;
  return out;
}

export function makeDistrictTargets(enterprises: Enterprise[]): DistrictTarget[] {
  const targets = plan.targets.filter((t) => t.target !== null && targetKind(t.measure) === "count" && countsEnterprises(t.measure));
  const listed = plan.districts.map((d) => enterprises.filter((e) => e.district === d.code && e.listedOn !== null).length);
  const pool = plan.districts.map((d) => enterprises.filter((e) => e.district === d.code).length);
  return targets.flatMap((t) => {
    const split = apportion(t.target!, t.measure.kind === "enterprises_assessed" ? pool : listed);
    return plan.districts.map((d, i) => ({ district: d.code, indicator: t.key, target: split[i]! }));
  });
}
