/** 分区目标: the city targets split over districts in proportion to each district's pool (largest remainder). */
import type { TargetKey } from "../../loaders/plan/types.ts";
import { plan, targetOf } from "./lookup.ts";
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
  const keys: TargetKey[] = ["enterprises_transformed", "diagnosed"];
  const listed = plan.districts.map((d) => enterprises.filter((e) => e.district === d.code && e.listedOn !== null).length);
  const pool = plan.districts.map((d) => enterprises.filter((e) => e.district === d.code).length);
  return keys.flatMap((key, k) => {
    const split = apportion(targetOf(key), k === 0 ? listed : pool);
    return plan.districts.map((d, i) => ({ district: d.code, indicator: key, target: split[i]! }));
  });
}
