/**
 * 上云用云: for a plan with a cloud_adoption target, the firms that go on the cloud and the day each does
 * (enterprises' cloud_on). Firms further along the pipeline adopt first; days fall between the firm's
 * survey and the last snapshot, weighted towards the later part (the pilot pushes adoption).
 */
import { fromDay, toDay, type ISO } from "./days.ts";
import type { Rng } from "./rng.ts";
import type { Enterprise } from "./types.ts";

const ORDER = ["accepted", "applyPending", "implementing", "signedOnly", "rejected", "terminated", "diagProject", "diagnosedOnly", "listedOnly", "surveyedOnly"];

export function assignCloud(rng: Rng, ents: Enterprise[], adopters: number, last: ISO): void {
  const rank = (e: Enterprise) => ORDER.indexOf(e.fate) + rng.float(0, 3);
  const ranked = ents.map((e) => ({ e, r: rank(e) })).sort((a, b) => a.r - b.r || a.e.uscc.localeCompare(b.e.uscc));
  for (const { e } of ranked.slice(0, adopters)) {
    const from = toDay(e.surveyedOn);
    const to = toDay(last);
    e.cloudOn = fromDay(from + Math.floor((to - from) * Math.sqrt(rng.next())));
  }
}
