/**
 * Who plays which part: the enterprises and projects that carry a fault, a breach or a revision.
 * Each role takes its own entities (never shared), so faults do not cascade into one another and
 * the truth stays easy to state. Roles that need later entities (payments, recognitions …) are
 * picked where those are made.
 */
import { addDays, type ISO } from "./days.ts";
import { KIND, plan, STATUS } from "./lookup.ts";
import type { Rng } from "./rng.ts";
import { statusAt } from "./timeline.ts";
import type { Assessment, Enterprise, Project } from "./types.ts";

export interface Roles {
  /** Enterprises taken by a role: no loans, recognitions or subsidies unless the role says so. */
  reserved: Set<string>;
  /** Projects that must receive no subsidy (their rows are rejected, or their acceptance is withdrawn). */
  noPay: Set<string>;
  ent: Record<"usccCheck" | "usccFormat" | "district" | "industry" | "listedFuture" | "surveyedInvalid" | "nameMissing" | "notSme", Enterprise[]>;
  proj: Record<"dateOrderA" | "dateOrderB" | "enumDone" | "statusDateMissing" | "appliedFuture" | "statusMissing" | "signedInvalid" | "dupStale" | "dupExact", Project[]>;
  preInvalid: Assessment[];
  breach: { share: Project[]; cap: Project[]; notAccepted: { first: Project; second: Project }[] };
  withdrawn: { project: Project; from: number }[];
  signedMoved: { project: Project; from: number }[];
}

export interface RoleInput {
  rng: Rng;
  k: number;
  snapshots: ISO[];
  enterprises: Enterprise[];
  projects: Project[];
  assessments: Assessment[];
  /** Snapshot pairs where revisions land: index of the later snapshot. */
  withdrawAt: number;
  signedMovedAt: number;
}

export function pickRoles(x: RoleInput): Roles {
  const { rng, k, snapshots } = x;
  const D = snapshots;
  const D0 = D[0]!;
  const byUscc = new Map<string, Project[]>();
  for (const p of x.projects) byUscc.set(p.uscc, [...(byUscc.get(p.uscc) ?? []), p]);
  const assessed = new Map<string, Assessment[]>();
  for (const a of x.assessments) assessed.set(a.uscc, [...(assessed.get(a.uscc) ?? []), a]);
  const listedAlways = new Set(x.enterprises.filter((e) => e.inExportFrom === 0).map((e) => e.uscc));
  const reserved = new Set<string>();
  const noPay = new Set<string>();

  const take = <T>(what: string, pool: T[], n: number, key: (t: T) => string): T[] => {
    const free = pool.filter((t) => !reserved.has(key(t)));
    if (free.length < n) throw new Error(`scale too small: only ${free.length} candidates for ${what}, need ${n}`);
    const got = free.slice(0, n);
    got.forEach((t) => reserved.add(key(t)));
    return got;
  };
  const ofEnt = (e: Enterprise) => e.uscc;
  const ofProj = (p: Project) => p.uscc;

  // Enterprises with no dependants (surveyed or listed only), in every snapshot.
  const bare = rng.shuffle(x.enterprises.filter((e) => (e.fate === "surveyedOnly" || e.fate === "listedOnly") && e.surveyedOn <= D0 && e.inExportFrom === 0));
  const listedBare = bare.filter((e) => e.fate === "listedOnly" && e.listedOn !== null && e.listedOn <= D0);
  const ent = {
    listedFuture: take("listed-date fault", listedBare, k, ofEnt),
    usccCheck: take("check-digit fault", bare, 2 * k, ofEnt),
    usccFormat: take("credit-code format fault", bare, 2 * k, ofEnt),
    district: take("district fault", bare, 2 * k, ofEnt),
    industry: take("industry fault", bare, 2 * k, ofEnt),
    surveyedInvalid: take("survey-date fault", bare, k, ofEnt),
    nameMissing: take("missing-name fault", bare, k, ofEnt),
    notSme: [] as Enterprise[],
  };

  // Accepted firms with one project, one post assessment at 二级+ visible in every snapshot, no level mismatch.
  const clean = (maxAccepted: ISO) =>
    rng.shuffle(
      x.enterprises
        .filter((e) => e.fate === "accepted" && e.sme && e.inExportFrom === 0 && (byUscc.get(e.uscc) ?? []).length === 1)
        .map((e) => ({ e, p: byUscc.get(e.uscc)![0]!, posts: (assessed.get(e.uscc) ?? []).filter((a) => a.kind === KIND.post) }))
        .filter(({ p, posts }) => p.acceptedOn !== null && p.acceptedOn <= maxAccepted && posts.length === 1 && posts[0]!.on <= D0 && posts[0]!.level >= plan.levels.transformedMinLevel)
        .filter(({ e }) => (assessed.get(e.uscc) ?? []).every((a) => a.computedLevel === null)),
    );
  const settled = clean(addDays(D0, -7));
  const early = clean(addDays(D0, -120));
  const levelOf = (p: Project) => (assessed.get(p.uscc) ?? []).find((a) => a.kind === KIND.post)!.level;

  const accepted = (what: string, n: number) => take(what, settled, n, (c) => c.e.uscc).map((c) => c.p);
  const notSmeAccepted = take("non-SME firms", settled, 2 * k, (c) => c.e.uscc).map((c) => c.e);
  const diagnosedOnly = rng.shuffle(x.enterprises.filter((e) => e.fate === "diagnosedOnly" && e.inExportFrom === 0 && e.surveyedOn <= D0));
  const preOf = (e: Enterprise) => (assessed.get(e.uscc) ?? []).find((a) => a.kind === KIND.pre)!;
  const diagnosedNotSme = take("non-SME diagnosed firm", diagnosedOnly.filter((e) => preOf(e).on <= D0), k, ofEnt);
  ent.notSme = [...notSmeAccepted, ...diagnosedNotSme];
  const preInvalid = take("assessment-date fault", diagnosedOnly.filter((e) => preOf(e).on <= D0 && preOf(e).computedLevel === null), k, ofEnt).map(preOf);

  const statusOnD0 = (status: string, signedBefore: ISO) =>
    rng.shuffle(x.projects.filter((p) => listedAlways.has(p.uscc) && p.ordinal === 1 && (byUscc.get(p.uscc) ?? []).length === 1 && statusAt(p, D0) === status && statusAt(p, D[D.length - 1]!) === status && p.signedOn !== null && p.signedOn <= signedBefore));
  const implementing = statusOnD0(STATUS.implementing, addDays(D0, -30));
  const proj = {
    dateOrderA: accepted("date-order fault", k),
    dateOrderB: accepted("date-order fault fixed later", k),
    enumDone: accepted("status-enum fault", k),
    statusDateMissing: accepted("missing acceptance date", k),
    dupExact: accepted("duplicate project row", k),
    appliedFuture: take("future application date", statusOnD0(STATUS.applied, D0).filter((p) => p.appliedOn! <= D0), k, ofProj),
    statusMissing: take("missing status", implementing, k, ofProj),
    signedInvalid: take("invalid signed date", implementing, k, ofProj),
    dupStale: take("stale duplicate row", implementing, k, ofProj),
  };
  for (const p of [proj.dateOrderA, proj.dateOrderB, proj.enumDone, proj.statusDateMissing].flat()) noPay.add(p.id);

  // Breaches: paid long before the first snapshot, so every snapshot shows them.
  // One level-cap breach at 二级 (e.g. 66万 against 60万), one at a higher level.
  const atMin = early.filter((c) => levelOf(c.p) === plan.levels.transformedMinLevel);
  const higher = early.filter((c) => levelOf(c.p) > plan.levels.transformedMinLevel);
  const share = take("50%-rule breach", atMin, 2 * k, (c) => c.e.uscc).map((c) => c.p);
  const capLow = take("level-cap breach", atMin, k, (c) => c.e.uscc).map((c) => c.p);
  const capHigh = take("level-cap breach (higher level)", higher.length >= k ? higher : atMin, k, (c) => c.e.uscc).map((c) => c.p);
  const phase2 = x.projects.filter((p) => p.ordinal === 2 && statusAt(p, D[D.length - 1]!) === STATUS.implementing && p.signedOn! <= addDays(D0, -20));
  const notAccepted = take(
    "subsidy to a project not accepted",
    rng.shuffle(phase2.map((second) => ({ second, first: byUscc.get(second.uscc)!.find((p) => p.ordinal === 1)! }))).filter(
      ({ first }) => first.acceptedOn !== null && first.acceptedOn <= addDays(D0, -120) && (assessed.get(first.uscc) ?? []).every((a) => a.computedLevel === null) && levelOf(first) >= plan.levels.transformedMinLevel,
    ),
    k,
    (c) => c.first.uscc,
  );

  // Revisions: an acceptance withdrawn a week after it showed up; a signed date corrected.
  const lo = D[x.withdrawAt - 2]!;
  const hi = D[x.withdrawAt - 1]!;
  const withdrawPool = rng.shuffle(
    x.enterprises
      .filter((e) => e.fate === "accepted" && e.sme && e.inExportFrom === 0 && (byUscc.get(e.uscc) ?? []).length === 1)
      .map((e) => ({ e, p: byUscc.get(e.uscc)![0]!, all: assessed.get(e.uscc) ?? [] }))
      .filter(({ p, all }) => {
        const posts = all.filter((a) => a.kind === KIND.post);
        return p.acceptedOn! > lo && p.acceptedOn! <= hi && posts.length === 1 && posts[0]!.on <= hi && posts[0]!.level >= plan.levels.transformedMinLevel && all.every((a) => a.computedLevel === null);
      }),
  );
  const withdrawn = take("withdrawn acceptance", withdrawPool, k, (c) => c.e.uscc).map((c) => {
    const on = addDays(hi, 1 + Math.floor(rng.next() * 6));
    c.p.events.push({ on, status: STATUS.applied });
    noPay.add(c.p.id);
    return { project: c.p, from: x.withdrawAt };
  });
  const signedMoved = accepted("moved signed date", k).map((p) => {
    p.signedOnRevised = { from: x.signedMovedAt, before: addDays(p.signedOn!, -12) };
    return { project: p, from: x.signedMovedAt };
  });

  return { reserved, noPay, ent, proj, preInvalid, breach: { share, cap: [...capLow, ...capHigh], notAccepted }, withdrawn, signedMoved };
}
