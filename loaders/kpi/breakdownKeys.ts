/**
 * Which target and stage keys each breakdown covers. The contract and the measure catalogue decide
 * it (loaders/plan/measures.ts): enterprises carry district and industry; recognitions both;
 * trainings a district only; products an industry only; providers neither (data-contract.md).
 * Share (ratio) and status targets are not broken down: a share of a district's firms is not a
 * part of the city's share, and a status is one record.
 */
import { countsEnterprises, hasDistrict, hasIndustry, recognitionTargets, targetKind } from "../plan/measures.ts";
import type { PilotPlan, Target } from "../plan/types.ts";

const counts = (t: Target): boolean => targetKind(t.measure) === "count";

/** Keys counted per enterprise: the enterprise targets, then every pipeline stage that is not a target. */
export function enterpriseKeys(plan: PilotPlan): string[] {
  const targets = plan.targets.filter((t) => counts(t) && countsEnterprises(t.measure)).map((t) => t.key);
  const all = new Set(plan.targets.map((t) => t.key));
  return [...targets, ...plan.stages.map((s) => s.key).filter((k) => !all.has(k))];
}

const recognitionKeys = (plan: PilotPlan): string[] => recognitionTargets(plan).map((r) => r.target.key);

/** Count targets of other measures whose rows carry the dimension(s), in plan order. */
const others = (plan: PilotPlan, carries: (t: Target) => boolean): string[] =>
  plan.targets
    .filter((t) => counts(t) && !countsEnterprises(t.measure) && t.measure.kind !== "recognitions" && carries(t))
    .map((t) => t.key);

/** Keys broken down per district. */
export function districtKeys(plan: PilotPlan): string[] {
  return [...enterpriseKeys(plan), ...recognitionKeys(plan), ...others(plan, (t) => hasDistrict(t.measure))];
}

/** Keys broken down per industry. */
export function industryKeys(plan: PilotPlan): string[] {
  return [...enterpriseKeys(plan), ...recognitionKeys(plan), ...others(plan, (t) => hasIndustry(t.measure))];
}

/** Keys with both a district and an industry: the district × industry matrix. */
export function matrixKeys(plan: PilotPlan): string[] {
  return [...enterpriseKeys(plan), ...recognitionKeys(plan), ...others(plan, (t) => hasDistrict(t.measure) && hasIndustry(t.measure))];
}
