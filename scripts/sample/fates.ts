/** Who gets how far (fates by pace rank) and when acceptances happen (a logistic S-curve). */
import { toDay } from "./days.ts";
import { knobs, type Fate } from "./knobs.ts";
import type { Rng } from "./rng.ts";
import type { Enterprise } from "./types.ts";

/** Fates by pace rank: the fastest are accepted, then the signed-but-not-yet group, and so on. */
export function assignFates(rng: Rng, ents: Enterprise[]): void {
  const n = ents.length;
  const c = (share: number) => Math.round(share * n);
  const f = knobs.fates;
  const ranked = [...ents].sort((a, b) => b.pace * rng.logNormal(1, 0.25) - a.pace * rng.logNormal(1, 0.25) || a.uscc.localeCompare(b.uscc));
  const blocks: Fate[][] = [
    Array(c(f.accepted)).fill("accepted"),
    rng.shuffle([
      ...Array(c(f.applyPending)).fill("applyPending"),
      ...Array(c(f.implementing)).fill("implementing"),
      ...Array(c(f.signedOnly)).fill("signedOnly"),
      ...Array(c(f.rejected)).fill("rejected"),
      ...Array(c(f.terminated)).fill("terminated"),
    ]),
    rng.shuffle([...Array(c(f.diagProject)).fill("diagProject"), ...Array(c(f.diagnosedOnly)).fill("diagnosedOnly")]),
    Array(c(f.listedOnly)).fill("listedOnly"),
  ];
  const fates = blocks.flat();
  ranked.forEach((e, i) => (e.fate = fates[i] ?? "surveyedOnly"));
}

/** k acceptance days along a logistic S-curve cut to [from, to], ascending (stratified draws). */
export function sCurveDays(rng: Rng, k: number, from: number, to: number): number[] {
  const mid = toDay(knobs.acceptanceCurve.mid);
  const w = knobs.acceptanceCurve.widthDays;
  const F = (t: number) => 1 / (1 + Math.exp(-(t - mid) / w));
  const a = F(from);
  const b = F(to);
  return Array.from({ length: k }, (_, i) => {
    const u = a + ((i + rng.next()) / k) * (b - a);
    return Math.min(to, Math.max(from, Math.round(mid + w * Math.log(u / (1 - u)))));
  });
}
