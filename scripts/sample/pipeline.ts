/**
 * Each enterprise's path through the pilot (摸查 → 入库 → 诊断 → 签约 → 实施 → 验收): its fate by the
 * last snapshot and the dates of every step. Faster firms (pace) get further and get there earlier;
 * acceptances follow an S-curve from mid-2025. Dates are day numbers here, ISO once on the entities.
 */
import { fromDay, toDay, type ISO } from "./days.ts";
import { assignFates, sCurveDays } from "./fates.ts";
import { knobs } from "./knobs.ts";
import { milestoneOr } from "./lookup.ts";
import type { Rng } from "./rng.ts";
import type { Enterprise } from "./types.ts";

export interface ProjectPlan {
  ent: Enterprise;
  ordinal: 1 | 2;
  created: number;
  signed?: number;
  impl?: number;
  applied?: number;
  accepted?: number;
  failed?: number;
  terminated?: number;
  /** Day of the 改造后 assessment, and a level it must have (验收未通过 → 一级). */
  post?: number;
  postLevel?: number;
}

export interface Pipeline {
  projects: ProjectPlan[];
  /** Day of each diagnosed enterprise's 改造前 assessment. */
  diagnosed: Map<Enterprise, number>;
}

interface Frame {
  surveyFrom: number;
  diagFrom: number;
  first: number;
  last: number;
}

/** Survey and listing dates before a diagnosis (or before `anchor` for firms that went no further). */
function earlySteps(rng: Rng, e: Enterprise, fr: Frame, anchor: number, listed: boolean): void {
  let L = anchor - (listed ? rng.int(5, 40) : 0);
  let V = L - rng.int(7, 75);
  if (V < fr.surveyFrom) {
    V = fr.surveyFrom + Math.floor(rng.next() * Math.max(0, anchor - fr.surveyFrom) * 0.5);
    L = V + (listed ? 1 + Math.floor(rng.next() * Math.max(0, anchor - V - 1)) : 0);
  }
  e.surveyedOn = fromDay(V);
  e.listedOn = listed ? fromDay(Math.min(L, anchor)) : null;
}

/** Diagnosis day before a signing (not before the diagnosis milestone). */
function diagnosisBefore(rng: Rng, signed: number, fr: Frame): number {
  const G = signed - rng.int(15, 90);
  if (G >= fr.diagFrom) return G;
  return fr.diagFrom + Math.floor(rng.next() * Math.max(0, signed - 7 - fr.diagFrom));
}

/** A first project signed on day S: diagnosis before it, the project record opened in between. */
function firstProject(rng: Rng, e: Enterprise, fr: Frame, S: number): { p: ProjectPlan; G: number } {
  const G = diagnosisBefore(rng, S, fr);
  const created = G + rng.int(1, Math.max(1, Math.min(10, S - G - 1)));
  return { p: { ent: e, ordinal: 1, created, signed: S }, G };
}

function withImplementation(rng: Rng, p: ProjectPlan, until: number): void {
  const impl = p.signed! + rng.int(7, 40);
  if (impl < until) p.impl = impl;
}

/** A second project after the first ended (restart or phase 2), with whatever status time allows. */
function secondProject(rng: Rng, e: Enterprise, fr: Frame, after: number, acceptChance: number): ProjectPlan | null {
  const created = after + rng.int(10, 60);
  const signed = created + rng.int(10, 40);
  if (signed >= fr.last) return null;
  const p: ProjectPlan = { ent: e, ordinal: 2, created, signed };
  if (signed + 150 <= fr.last && rng.chance(acceptChance)) {
    p.accepted = rng.int(signed + 150, Math.min(signed + 300, fr.last));
    p.applied = p.accepted - rng.int(10, 45);
    p.impl = signed + rng.int(7, 40);
    p.post = p.accepted + rng.int(-20, 10);
  } else if (rng.chance(0.75)) withImplementation(rng, p, fr.last);
  return p;
}

/** Walk every enterprise through the pipeline up to its fate. */
export function runPipeline(rng: Rng, ents: Enterprise[], snapshots: ISO[], forced: number): Pipeline {
  const fr: Frame = {
    surveyFrom: toDay(knobs.surveyFrom),
    diagFrom: toDay(milestoneOr("diagnosis").from),
    first: toDay(snapshots[0]!),
    last: toDay(snapshots[snapshots.length - 1]!),
  };
  assignFates(rng, ents);
  const projects: ProjectPlan[] = [];
  const diagnosed = new Map<Enterprise, number>();
  const diagnose = (e: Enterprise, G: number) => {
    diagnosed.set(e, G);
    earlySteps(rng, e, fr, G, true);
  };

  // Accepted: acceptance day from the S-curve, the fastest firms first.
  const accepted = ents.filter((e) => e.fate === "accepted").sort((a, b) => b.pace - a.pace || a.uscc.localeCompare(b.uscc));
  const days = sCurveDays(rng, accepted.length, toDay(knobs.acceptanceCurve.from), fr.last);
  const order = accepted.map((e, i) => ({ e, k: i + rng.normal(0, accepted.length * 0.08) })).sort((a, b) => a.k - b.k);
  order.forEach(({ e }, i) => {
    const C = days[i]!;
    const A = C - rng.int(10, 45);
    let S = A - rng.int(150, 330);
    if (S < fr.diagFrom + 20) S = fr.diagFrom + 20 + Math.floor(rng.next() * Math.max(0, A - 90 - fr.diagFrom - 20));
    const { p, G } = firstProject(rng, e, fr, S);
    p.impl = Math.min(S + rng.int(7, 40), A - 1);
    p.applied = A;
    p.accepted = C;
    p.post = C + rng.int(-20, 10);
    diagnose(e, G);
    projects.push(p);
  });

  for (const e of ents) {
    switch (e.fate) {
      case "accepted":
        break;
      case "applyPending": {
        const A = rng.chance(0.7) ? fr.last - rng.int(0, 60) : fr.last - rng.int(90, 240);
        const S = A - rng.int(150, 330);
        const { p, G } = firstProject(rng, e, fr, S);
        p.impl = S + rng.int(7, 40);
        p.applied = A;
        diagnose(e, G);
        projects.push(p);
        break;
      }
      case "implementing": {
        const S = rng.int(toDay("2025-04-01"), fr.last - 20);
        const { p, G } = firstProject(rng, e, fr, S);
        p.impl = Math.min(S + rng.int(7, 40), fr.last);
        diagnose(e, G);
        projects.push(p);
        break;
      }
      case "signedOnly": {
        const S = rng.chance(0.7) ? fr.last - rng.int(3, 100) : fr.last - rng.int(120, 300);
        const { p, G } = firstProject(rng, e, fr, S);
        diagnose(e, G);
        projects.push(p);
        break;
      }
      case "rejected": {
        const A = rng.int(toDay("2025-09-01"), fr.last - 30);
        const S = A - rng.int(150, 330);
        const { p, G } = firstProject(rng, e, fr, S);
        p.impl = S + rng.int(7, 40);
        p.applied = A;
        p.failed = Math.min(A + rng.int(14, 60), fr.last);
        p.post = p.failed - rng.int(0, 10);
        p.postLevel = 1;
        diagnose(e, G);
        projects.push(p);
        break;
      }
      case "terminated": {
        const S = rng.int(toDay("2025-01-15"), fr.last - 60);
        const { p, G } = firstProject(rng, e, fr, S);
        p.terminated = Math.min(S + rng.int(30, 240), fr.last - 1);
        if (p.terminated > S + 45) p.impl = S + rng.int(7, 40);
        diagnose(e, G);
        projects.push(p);
        if (rng.chance(knobs.restartShare)) {
          const again = secondProject(rng, e, fr, p.terminated, 0.5);
          if (again) projects.push(again);
        }
        break;
      }
      case "diagProject": {
        const G = rng.int(toDay("2024-10-01"), fr.last - 3);
        diagnose(e, G);
        projects.push({ ent: e, ordinal: 1, created: Math.min(G + rng.int(1, 15), fr.last) });
        break;
      }
      case "diagnosedOnly":
        diagnose(e, rng.int(fr.diagFrom, fr.last));
        break;
      case "listedOnly": {
        const L = rng.int(fr.surveyFrom + 30, fr.last);
        earlySteps(rng, e, fr, L, true);
        e.listedOn = fromDay(L);
        break;
      }
      case "surveyedOnly":
        e.surveyedOn = fromDay(rng.int(fr.surveyFrom, fr.last));
        break;
    }
  }

  // Phase 2: some accepted firms start a second project. The first `forced` of them are signed well
  // before the first snapshot and still being implemented (one of them gets a subsidy too early).
  const phase2 = Math.max(forced, Math.round(ents.length * knobs.phase2Share));
  const candidates = rng.shuffle(projects.filter((p) => p.accepted !== undefined && p.accepted < fr.last - 60));
  const early = candidates.filter((p) => p.accepted! < fr.first - 120);
  if (early.length < forced) throw new Error("scale too small: not enough early acceptances for phase-2 projects");
  const chosen = [...early.slice(0, forced), ...candidates.filter((p) => !early.slice(0, forced).includes(p)).slice(0, phase2 - forced)];
  chosen.forEach((p, i) => {
    if (i < forced) {
      const created = p.accepted! + rng.int(20, 40);
      const signed = created + rng.int(10, 20);
      projects.push({ ent: p.ent, ordinal: 2, created, signed, impl: signed + rng.int(7, 20) });
      return;
    }
    const again = secondProject(rng, p.ent, fr, p.accepted!, 0.25);
    if (again) projects.push(again);
  });
  return { projects, diagnosed };
}
