/**
 * Enterprise size under 《中小企业划型标准规定》(工信部联企业〔2011〕300号), industrial sector.
 * Only SMEs count toward the 710 target, so a large firm must be told apart from one whose
 * figures are missing: the latter is "未知", never assumed either way.
 */
import type { PilotPlan } from "../../plan/types.ts";

/** A size band of the 300号 standard, or 未知 when the figures cannot decide it. */
export type SizeClass = "大型" | "中型" | "小型" | "微型" | "未知";

// A negative or non-finite figure is a data error reported elsewhere; for sizing it is as good as missing.
const known = (x: number | null): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0;

/** The size band from employees and revenue (万元) under the plan's SME rule; one missing figure leaves the band 未知 unless it can only be 微型. */
export function classifySize(employees: number | null, revenueWan: number | null, plan: PilotPlan): SizeClass {
  const { maxEmployees, maxRevenueWan, medium, small } = plan.sme;
  const e = known(employees) ? employees : null;
  const r = known(revenueWan) ? revenueWan : null;
  if (e !== null && r !== null) {
    if (e >= maxEmployees && r >= maxRevenueWan) return "大型";
    if (e >= medium.minEmployees && r >= medium.minRevenueWan) return "中型";
    if (e >= small.minEmployees && r >= small.minRevenueWan) return "小型";
    return "微型";
  }
  // 微型 is "employees below OR revenue below", so one figure alone can prove it; no other band.
  if ((e !== null && e < small.minEmployees) || (r !== null && r < small.minRevenueWan)) return "微型";
  return "未知";
}

/** Whether a size band is an SME: null for 未知 (see smeStatus, which can still decide from one figure). */
export function isSme(sizeClass: SizeClass): boolean | null {
  switch (sizeClass) {
    case "中型":
    case "小型":
    case "微型":
      return true;
    case "大型":
      return false;
    default:
      return null;
  }
}

/** Whether a firm is an SME from its figures: one figure below its limit is enough; null when undecidable. */
export function smeStatus(employees: number | null, revenueWan: number | null, plan: PilotPlan): boolean | null {
  const { maxEmployees, maxRevenueWan } = plan.sme;
  const e = known(employees) ? employees : null;
  const r = known(revenueWan) ? revenueWan : null;
  if ((e !== null && e < maxEmployees) || (r !== null && r < maxRevenueWan)) return true;
  return e !== null && r !== null ? false : null;
}
