/**
 * The measure catalogue's facts about each measure kind (docs/plan-file.md, "Measures"): what kind
 * of number a target is, which breakdowns its rows carry, the warehouse row of its parameters.
 * loaders/sql/macros/target_facts.sql computes every kind; this module only describes them.
 */
import type { EnterpriseFilter, Measure, PilotPlan, Target } from "./types.ts";

/** count: events add up; status: met or not by one record; ratio: a share (0–1) of a population. */
export type TargetKind = "count" | "status" | "ratio";

export function targetKind(m: Measure): TargetKind {
  return m.kind === "status_record" ? "status" : m.kind === "share_at_level" ? "ratio" : "count";
}

/** Measures whose rows are enterprises of the pool (they carry the enterprise's district and industry). */
const enterpriseKinds: ReadonlySet<Measure["kind"]> = new Set(["enterprises_at_level", "share_at_level", "enterprises_assessed", "enterprises_signed", "cloud_adoption"]);

/** Whether a measure's rows carry a district (so the target can be broken down by district). */
export function hasDistrict(m: Measure): boolean {
  return enterpriseKinds.has(m.kind) || m.kind === "recognitions" || m.kind === "training_person_times" || m.kind === "trainings";
}

/** Whether a measure's rows carry an industry. */
export function hasIndustry(m: Measure): boolean {
  return enterpriseKinds.has(m.kind) || m.kind === "recognitions" || m.kind === "products";
}

/** Whether a target counts enterprises of the pool (one row per firm). */
export function countsEnterprises(m: Measure): boolean {
  return enterpriseKinds.has(m.kind);
}

/** The recognitions kinds a target counts (recognitions and status_record measures), else none. */
export function recognitionKindsOf(m: Measure): string[] {
  return m.kind === "recognitions" ? m.kinds : m.kind === "status_record" ? [m.recordKind] : [];
}

/** Count targets made of recognitions rows, with the kinds each counts: what recognition tables and charts show per target. */
export function recognitionTargets(plan: PilotPlan): { target: Target; kinds: string[] }[] {
  return plan.targets.filter((t) => t.measure.kind === "recognitions").map((t) => ({ target: t, kinds: recognitionKindsOf(t.measure) }));
}

/** Each (recognitions kind, target key) pair a count target counts, in plan order. */
export function recognitionKindTargets(plan: PilotPlan): { kind: string; target: string }[] {
  return recognitionTargets(plan).flatMap(({ target, kinds }) => kinds.map((kind) => ({ kind, target: target.key })));
}

/** The record kind of the plan's status target (status_record measure), if it has one. */
export function statusRecordKind(plan: PilotPlan): string | undefined {
  for (const t of plan.targets) if (t.measure.kind === "status_record") return t.measure.recordKind;
  return undefined;
}

/**
 * The plan's main target of a measure kind (the first one that is not a part of another), e.g. the
 * enterprises transformed to a level for the self-assessment's 改造 section; undefined without one.
 */
export function mainTarget(plan: PilotPlan, kind: Measure["kind"]): Target | undefined {
  const of = plan.targets.filter((t) => t.measure.kind === kind);
  return of.find((t) => t.partOf === undefined) ?? of[0];
}

/** The plan_measure row of a target (loaders/warehouse/schema.ts); absent parameters are NULL. */
export function measureRow(t: Target): (string | number | boolean | string[] | null)[] {
  const m = t.measure;
  const f = (enterpriseKinds.has(m.kind) ? m : {}) as EnterpriseFilter;
  const level = m.kind === "enterprises_at_level" || m.kind === "share_at_level" ? m : null;
  return [
    t.key,
    m.kind,
    level ? level.minLevel : null,
    level ? level.accepted ?? false : null,
    f.aboveScale ?? null,
    f.tiers ?? null,
    "industries" in m ? m.industries ?? null : null,
    recognitionKindsOf(m).length ? recognitionKindsOf(m) : null,
    m.kind === "products" ? m.stages ?? null : null,
    m.kind === "training_person_times" || m.kind === "trainings" ? m.audiences ?? null : null,
    m.kind === "enterprises_assessed" ? m.assessment ?? "改造前" : null,
    enterpriseKinds.has(m.kind) ? f.match ?? "all" : null,
  ];
}

/**
 * The two enterprise counts the district, industry and weekly pages break down (the monitor's
 * choice of what to lead with, not a plan rule): `primary`, the plan's headline enterprise count
 * (the first count target of enterprises that is a part of no other and is not a diagnosis count:
 * 改造达二级 in Guangzhou and 东营, 开展数字化改造 in 九江), and `diagnosis`, its enterprises_assessed
 * target. Either is null when the plan has none; pages then leave that column out.
 */
export function headlineTargets(plan: PilotPlan): { primary: Target | null; diagnosis: Target | null } {
  const primary = plan.targets.find((t) => countsEnterprises(t.measure) && targetKind(t.measure) === "count" && t.partOf === undefined && t.measure.kind !== "enterprises_assessed") ?? null;
  return { primary, diagnosis: mainTarget(plan, "enterprises_assessed") ?? null };
}

/** Measures of the supply side and showcases (the 供给与示范 pages): providers, products, recognitions, status records, trainings. */
const supplyKinds: ReadonlySet<Measure["kind"]> = new Set(["providers", "products", "recognitions", "status_record", "training_person_times", "trainings"]);

/** The keys of the plan's supply-side targets, in plan order. */
export function supplyTargetKeys(plan: PilotPlan): string[] {
  return plan.targets.filter((t) => supplyKinds.has(t.measure.kind)).map((t) => t.key);
}

/** Those keys in the supply pages' two groups: 数字化供给 (providers, products, trainings, status records) and 示范认定 (recognitions). */
export function supplyTargetGroups(plan: PilotPlan): { supply: string[]; showcase: string[] } {
  const keys = new Set(supplyTargetKeys(plan));
  const of = (showcase: boolean) => plan.targets.filter((t) => keys.has(t.key) && (t.measure.kind === "recognitions") === showcase).map((t) => t.key);
  return { supply: of(false), showcase: of(true) };
}
