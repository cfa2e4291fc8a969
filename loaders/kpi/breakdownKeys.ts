/**
 * Which target and stage keys each breakdown covers. The contract decides it: enterprises carry
 * district and industry; recognitions both; trainings a district only; products an industry only;
 * providers neither (data-contract.md).
 */
import type { PilotPlan } from "../plan/types.ts";

/** Keys counted per enterprise: the 710 target, the diagnosis target, and every pipeline stage. */
export function enterpriseKeys(plan: PilotPlan): string[] {
  const stages = plan.stages.map((s) => s.key).filter((k) => k !== "diagnosed");
  return ["enterprises_transformed", "diagnosed", ...stages];
}

const recognitionKeys = (plan: PilotPlan): string[] => plan.recognitionKinds.map((k) => k.target);

/** Keys broken down per district. */
export function districtKeys(plan: PilotPlan): string[] {
  return [...enterpriseKeys(plan), ...recognitionKeys(plan), "training_person_times"];
}

/** Keys broken down per industry. */
export function industryKeys(plan: PilotPlan): string[] {
  return [...enterpriseKeys(plan), ...recognitionKeys(plan), "products"];
}

/** Keys with both a district and an industry: the district × industry matrix. */
export function matrixKeys(plan: PilotPlan): string[] {
  return [...enterpriseKeys(plan), ...recognitionKeys(plan)];
}
