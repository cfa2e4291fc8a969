/**
 * 数字化水平评测: a 改造前 assessment per diagnosed enterprise and a 改造后 one per accepted (or failed)
 * project. Scores sit in the level's band (plan.levels.bands) and scenario levels satisfy its scenario
 * rule, except a deliberate ~1% whose reported level disagrees (for the level audit). A post-transformation
 * mismatch never crosses the 二级 line, so the 710 count does not depend on which level one trusts.
 */
import { fromDay } from "./days.ts";
import { knobs } from "./knobs.ts";
import { KIND, levelBand, plan } from "./lookup.ts";
import type { Pipeline, ProjectPlan } from "./pipeline.ts";
import { hashUnit, type Rng } from "./rng.ts";
import { idMaker } from "./scaled.ts";
import type { Assessment, Enterprise } from "./types.ts";

const MAX = plan.levels.scoreMax;
const TOP = Math.max(...plan.levels.bands.map((b) => b.level));

/** Three dimension scores (to 0.5) whose total lies in `level`'s band. */
function scoresFor(rng: Rng, level: number): { basis: number; management: number; outcome: number } {
  const lo = levelBand(level).minScore * 2;
  const hi = level >= TOP ? (MAX.basis + MAX.management + MAX.outcome) * 2 : levelBand(level + 1).minScore * 2 - 1;
  const total = rng.int(lo, hi);
  const B = MAX.basis * 2;
  const M = MAX.management * 2;
  const O = MAX.outcome * 2;
  const share = (x: number) => x / (B + M + O);
  let b = Math.min(B, Math.max(0, Math.round(total * share(B) * (1 + rng.normal(0, 0.08)))));
  let m = Math.min(M, Math.max(0, Math.round(total * share(M) * (1 + rng.normal(0, 0.08)))));
  let o = total - b - m;
  if (o > O) {
    let excess = o - O;
    const tb = Math.min(excess, B - b);
    b += tb;
    excess -= tb;
    m += excess;
    o = O;
  } else if (o < 0) {
    let deficit = -o;
    const fb = Math.min(deficit, b);
    b -= fb;
    deficit -= fb;
    m -= deficit;
    o = 0;
  }
  return { basis: b / 2, management: m / 2, outcome: o / 2 };
}

/**
 * Sixteen scenario levels that meet `level`'s scenario rule (and mostly not the next one's). Firms of
 * one industry are strong in similar scenarios: each industry has its own order of scenarios, and a
 * firm's order is that one with a swap or two.
 */
function scenariosFor(rng: Rng, level: number, industry: string): number[] {
  const band = levelBand(level);
  const order = plan.levels.scenarios.map((s, i) => ({ i, c: s.constraint, k: hashUnit("scenario-order", industry, i) })).sort((a, b) => a.k - b.k);
  for (let swaps = rng.int(0, 2); swaps > 0; swaps--) {
    const j = rng.int(0, order.length - 2);
    [order[j], order[j + 1]] = [order[j + 1]!, order[j]!];
  }
  const cons = order.filter((x) => x.c).map((x) => x.i);
  const free = order.filter((x) => !x.c).map((x) => x.i);
  const nc = Math.min(cons.length, band.minConstraintScenarios + rng.int(0, 2));
  const nn = Math.min(free.length, Math.max(0, band.minScenarios - nc) + rng.int(0, 1));
  const at = new Set([...cons.slice(0, nc), ...free.slice(0, nn)]);
  const top = cons[0];
  return plan.levels.scenarios.map((_, i) => {
    if (at.has(i)) return level < TOP && i === top && rng.chance(0.2) ? level + 1 : level;
    return level <= 1 || rng.chance(0.8) ? Math.max(1, level - 1) : rng.int(1, level - 1);
  });
}

/** Pre- and post-transformation assessments, ids in date order. */
export function makeAssessments(rng: Rng, pipe: Pipeline, plans: ProjectPlan[]): Assessment[] {
  // Post levels first (chronological per enterprise, never going down), then pre levels below them.
  const postLevel = new Map<ProjectPlan, number>();
  const lastPost = new Map<Enterprise, number>();
  const firstPost = new Map<Enterprise, number>();
  for (const p of [...plans].filter((x) => x.post !== undefined).sort((a, b) => a.post! - b.post!)) {
    const drawn = p.postLevel ?? rng.weighted(knobs.postLevels);
    const level = p.postLevel ?? Math.max(drawn, lastPost.get(p.ent) ?? 1);
    postLevel.set(p, level);
    lastPost.set(p.ent, level);
    if (!firstPost.has(p.ent)) firstPost.set(p.ent, level);
  }

  const out: Assessment[] = [];
  for (const [e, day] of pipe.diagnosed) {
    const level = Math.min(rng.weighted(knobs.preLevels), firstPost.get(e) ?? TOP);
    out.push({ id: "", uscc: e.uscc, kind: KIND.pre, on: fromDay(day), ...scoresFor(rng, level), level, scenarioLevels: null, computedLevel: null });
  }
  for (const [p, level] of postLevel) {
    out.push({ id: "", uscc: p.ent.uscc, kind: KIND.post, on: fromDay(p.post!), ...scoresFor(rng, level), level, scenarioLevels: scenariosFor(rng, level, p.ent.industry), computedLevel: null });
  }
  markMismatches(rng, out, new Map([...pipe.diagnosed.keys(), ...plans.map((p) => p.ent)].map((e) => [e.uscc, e.industry])));
  out.sort((a, b) => a.on.localeCompare(b.on) || a.uscc.localeCompare(b.uscc) || a.kind.localeCompare(b.kind));
  const id = idMaker("PG", out.length, 6);
  out.forEach((a, i) => (a.id = id(i + 1)));
  return out;
}

/** Rewrite ~1% so the reported level disagrees with scores (post: never across the 二级 line). */
function markMismatches(rng: Rng, all: Assessment[], industryOf: Map<string, string>): void {
  const k = Math.max(2, Math.round(all.length * knobs.mismatchShare));
  const min = plan.levels.transformedMinLevel;
  const pre = rng.shuffle(all.filter((a) => a.kind === KIND.pre));
  const post = rng.shuffle(all.filter((a) => a.kind === KIND.post && a.level >= min));
  for (const a of pre.slice(0, Math.ceil(k / 2))) {
    const actual = a.level === 1 ? 2 : a.level - 1;
    Object.assign(a, scoresFor(rng, actual));
    a.computedLevel = actual;
  }
  for (const a of post.slice(0, Math.floor(k / 2))) {
    // Reported 二级 with 三级 scores and scenarios; or reported 三/四级 with scores one band lower.
    const actual = a.level === min ? min + 1 : a.level - 1;
    Object.assign(a, scoresFor(rng, actual));
    if (actual > a.level) a.scenarioLevels = scenariosFor(rng, actual, industryOf.get(a.uscc)!);
    a.computedLevel = actual;
  }
}
