/** Build the whole sample world once, from a seed and a scale; every snapshot is then a view of it. */
import { assertBreaches } from "./assertBreaches.ts";
import { assignCloud } from "./cloud.ts";
import { makeAssessments } from "./assessments.ts";
import { addDays, fromDay, toDay } from "./days.ts";
import { makeDistrictTargets } from "./districtTargets.ts";
import { largeSize, makeEnterprises, registrarArea } from "./enterprises.ts";
import { makeFaults } from "./faults.ts";
import { makePayments } from "./funds.ts";
import { knobs } from "./knobs.ts";
import { makeLoans } from "./loans.ts";
import { plan } from "./lookup.ts";
import { runPipeline, type ProjectPlan } from "./pipeline.ts";
import { makeProjects } from "./projects.ts";
import { makeRecognitions, platformRecord } from "./recognitions.ts";
import { Rng } from "./rng.ts";
import { pickRoles } from "./roles.ts";
import { multiplicity, scaled } from "./scaled.ts";
import { makeProducts, makeProviders, makeUnits } from "./supply.ts";
import { makeTrainings } from "./trainings.ts";
import type { Enterprise, World } from "./types.ts";
import { makeUnitLoop } from "./unitLoop.ts";
import { volumes } from "./volumes.ts";
import { recognitionKindTargets, statusRecordKind } from "../../loaders/plan/measures.ts";

export function buildWorld(seed: string, scale: number): World {
  if (!(scale > 0)) throw new Error(`scale must be positive, got ${scale}`);
  const k = multiplicity(scale);
  const { first, count, stepDays } = knobs.snapshots;
  const snapshots = Array.from({ length: count }, (_, i) => addDays(first, i * stepDays));
  const D0 = snapshots[0]!;
  const last = snapshots[count - 1]!;
  // One random stream per concern, so changing one part does not reshuffle the others.
  const rng = (name: string) => new Rng(`${seed}:${name}`);
  const names = new Set<string>();
  const codes = new Set<string>();

  const supply = rng("supply");
  const units = makeUnits(supply, scaled(volumes.leadingUnits, scale), names, codes, () => registrarArea(supply));
  const providers = makeProviders(supply, scaled(volumes.providers, scale), units, names, codes, () => registrarArea(supply), knobs.surveyFrom, D0, last);

  const entRng = rng("enterprises");
  const pool = makeEnterprises(entRng, scaled(volumes.enterprises, scale), names, codes);
  const pipe = runPipeline(rng("pipeline"), pool, snapshots, k);

  // Enterprises the desk forgot to list: they have a signed project but are missing from 企业名录 until ghostAddedAt.
  const ghostRng = rng("ghosts");
  const ghosts = makeEnterprises(entRng, k, names, codes);
  const ghostPlans: ProjectPlan[] = ghosts.map((g) => {
    const surveyed = toDay(D0) - ghostRng.int(150, 300);
    const listed = surveyed + ghostRng.int(10, 40);
    const created = listed + ghostRng.int(5, 20);
    const signed = created + ghostRng.int(10, 30);
    Object.assign(g, { fate: "implementing", inExportFrom: knobs.ghostAddedAt, surveyedOn: fromDay(surveyed), listedOn: fromDay(listed) });
    return { ent: g, ordinal: 1, created, signed, impl: signed + ghostRng.int(7, 30) };
  });

  const enterprises: Enterprise[] = [...pool, ...ghosts].sort((a, b) => a.surveyedOn.localeCompare(b.surveyedOn) || a.uscc.localeCompare(b.uscc));
  enterprises.forEach((e, i) => (e.seq = i + 1));
  const pairs = makeProjects(rng("projects"), [...pipe.projects, ...ghostPlans], units, providers);
  const projects = pairs.map((x) => x.project);
  const assessments = makeAssessments(rng("assessments"), pipe, pairs.map((x) => x.plan));
  const ghostProjects = pairs.filter((x) => ghosts.includes(x.plan.ent)).map((x) => x.project);

  const at = knobs.revisionsAt;
  const roles = pickRoles({ rng: rng("roles"), k, snapshots, enterprises, projects, assessments, withdrawAt: at.acceptanceWithdrawn, signedMovedAt: at.signedMoved });
  const sizeRng = rng("large");
  for (const e of roles.ent.notSme) Object.assign(e, largeSize(sizeRng), { sme: false });

  // Cloud adopters (plans with a cloud_adoption target): their own stream, so nothing else moves.
  if (volumes.cloudAdopters !== null) assignCloud(rng("cloud"), enterprises, scaled(volumes.cloudAdopters, scale), last);

  const recognitions = makeRecognitions(rng("recognitions"), scale, enterprises, units, roles.reserved);
  // A recognition withdrawn later: one of the first recognitions kind the plan counts (if it counts any).
  const withdrawable = recognitionKindTargets(plan)[0]?.kind;
  const removable = rng("revisions").shuffle(recognitions.filter((r) => r.kind === withdrawable && r.on <= D0));
  removable.slice(0, k).forEach((r) => (r.removedFrom = at.recognitionRemoved));
  // The platform goes live late in the sample (no random draw, so no other stream moves).
  if (statusRecordKind(plan) !== undefined) recognitions.push(platformRecord(addDays(snapshots[knobs.platformLiveAt]!, -2)));

  const trainings = makeTrainings(rng("trainings"), scale, providers, D0, last);
  const products = makeProducts(rng("products"), scaled(volumes.products, scale), providers, last);
  const loans = makeLoans(rng("loans"), scale, k, enterprises, projects, roles.reserved, D0, last);
  const funds = makePayments({ rng: rng("funds"), scale, k, snapshots, enterprises, projects, assessments, units, providers, loans, roles, amountFixAt: at.amountFixed });

  const world: World = {
    seed,
    scale,
    snapshots,
    enterprises,
    projects,
    assessments,
    units,
    providers,
    products,
    recognitions,
    trainings,
    loans: loans.loans,
    payments: funds.payments,
    districtTargets: makeDistrictTargets(enterprises),
    faults: [],
    intendedBreaches: funds.intended,
    withdrawals: roles.withdrawn.map((w) => ({ projectId: w.project.id, from: w.from })),
    unitReports: [],
    reviews: [],
    unitLoopIntent: { late: [], missing: [], mismatches: [] },
  };
  world.faults = makeFaults({ rng: rng("faults"), k, world, roles, ghosts: ghostProjects });
  // After the faults: report figures match what the last snapshot's warehouse holds.
  const loop = makeUnitLoop(rng("unit-loop"), world);
  Object.assign(world, { unitReports: loop.reports, reviews: loop.reviews, unitLoopIntent: loop.intent });
  assertBreaches(world);
  return world;
}
