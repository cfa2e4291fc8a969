/**
 * How much of everything the sample holds at scale 1, from the plan's own targets (by measure kind):
 * the enterprise pool from the main enterprise target, supply-side counts from their targets (else the
 * base counts resized with the pool), recognitions per target, tier and 规上 shares from filtered
 * targets, cloud adopters from a cloud_adoption target. A plan without a target of a kind still gets
 * the simulation's modest default; knobs.base is sized for a main target of knobs.base.forTarget firms.
 */
import type { Measure, Target } from "../../loaders/plan/types.ts";
import { knobs } from "./knobs.ts";
import { plan } from "./lookup.ts";

const f = knobs.fates;
/** Share of the pool that reaches each enterprise measure by the last snapshot (accepted ⊂ signed ⊂ assessed). */
const signedShare = f.accepted + f.applyPending + f.implementing + f.signedOnly + f.rejected + f.terminated;
const reach: Partial<Record<Measure["kind"], number>> = {
  enterprises_at_level: f.accepted,
  enterprises_signed: signedShare,
  enterprises_assessed: signedShare + f.diagProject + f.diagnosedOnly,
};

type Filter = { aboveScale?: boolean; tiers?: string[]; industries?: string[]; match?: string };
const filterOf = (t: Target): Filter => t.measure as Filter;
const unfiltered = (t: Target) => {
  const x = filterOf(t);
  return x.aboveScale === undefined && x.tiers === undefined && x.industries === undefined;
};
const numbered = plan.targets.filter((t): t is Target & { target: number } => t.target !== null);
const ofKind = (kind: Measure["kind"]) => numbered.filter((t) => t.measure.kind === kind);

/** The main enterprise target: the first unfiltered count of firms at a level, else signed, else assessed. */
const main = (["enterprises_at_level", "enterprises_signed", "enterprises_assessed"] as const)
  .map((kind) => ofKind(kind).find(unfiltered))
  .find((t) => t !== undefined);

const enterprises = main ? Math.round(knobs.base.enterprises * (main.target / knobs.base.forTarget) * (f.accepted / reach[main.measure.kind]!)) : knobs.base.enterprises;
/** The pool's size against the base pool: what counts without a target of their own grow with. */
const poolFactor = enterprises / knobs.base.enterprises;
const resized = (base: number) => Math.max(1, Math.round(base * poolFactor));
const fromTarget = (kind: Measure["kind"], base: number) => {
  const t = ofKind(kind)[0];
  return t ? Math.max(1, Math.round(t.target * knobs.ofTarget[kind]!)) : resized(base);
};

/** Shares of filtered enterprise targets against the main one (same measure kind, filters "all"). */
const filteredShares = main ? ofKind(main.measure.kind).filter((t) => t !== main && filterOf(t).match !== "any" && filterOf(t).industries === undefined).map((t) => ({ filter: filterOf(t), share: Math.min(1, t.target / main.target) })) : [];

/** Tier weights in plan.qualityTiers order: knobs.tierShares, except the tiers a tier target sizes. */
function tierWeights(): number[] {
  const base = plan.qualityTiers.map((_, i) => knobs.tierShares[i] ?? 0.01);
  const set = new Map<number, number>();
  for (const { filter, share } of filteredShares) {
    if (!filter.tiers || filter.aboveScale !== undefined) continue;
    const idx = filter.tiers.map((t) => plan.qualityTiers.indexOf(t)).filter((i) => i >= 0);
    const sum = idx.reduce((s, i) => s + base[i]!, 0);
    for (const i of idx) set.set(i, (share * base[i]!) / sum);
  }
  if (set.size === 0) return base;
  const fixed = [...set.values()].reduce((s, x) => s + x, 0);
  const restBase = base.reduce((s, w, i) => s + (set.has(i) ? 0 : w), 0);
  return base.map((w, i) => set.get(i) ?? (Math.max(0, 1 - fixed) * w) / restBase);
}

/** Share of 规上 firms a 规上 target asks for, or null (the pool's sizes then decide). */
const aboveScale = filteredShares.find((x) => x.filter.aboveScale === true && x.filter.tiers === undefined)?.share ?? null;

const cloud = ofKind("cloud_adoption")[0];

export const volumes = {
  enterprises,
  // At least the ten the unit loop's planted cases need (scripts/sample/unitLoop.ts): a small city
  // still gets its late, missing and mismatched reports.
  leadingUnits: Math.max(10, resized(knobs.base.leadingUnits)),
  providers: fromTarget("providers", knobs.base.providers),
  products: fromTarget("products", knobs.base.products),
  trainings: fromTarget("trainings", knobs.base.trainings),
  trainingPersonTimes: fromTarget("training_person_times", knobs.base.trainingPersonTimes),
  loans: resized(knobs.base.loans),
  unitAwards: resized(knobs.base.unitAwards),
  platformProjects: resized(knobs.base.platformProjects),
  /** Quality-tier weights, plan.qualityTiers order. */
  tierWeights: tierWeights(),
  /** Share of firms over the 规上 line, or null to leave it to the size draws. */
  aboveScaleShare: aboveScale,
  /** Firms on the cloud by the last snapshot, or null when the plan has no cloud_adoption target. */
  cloudAdopters: cloud ? Math.round(cloud.target * knobs.ofTarget.cloud_adoption!) : null,
  /** Recognitions per target (plan order): total count by the last snapshot and the batches. */
  recognitions: plan.targets
    .filter((t) => t.measure.kind === "recognitions")
    .map((t, i) => {
      const profile = knobs.recognitions[Math.min(i, knobs.recognitions.length - 1)]!;
      return { target: t.key as string, count: Math.round((t.target ?? 0) * profile.ofTarget), batches: profile.batches };
    }),
};
