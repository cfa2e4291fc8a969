/**
 * 改造补助: for accepted projects of SMEs at 二级+, ≤ 50% of verified investment and ≤ the level cap,
 * cumulative per enterprise, paid by source after acceptance (中央 first). Plus the deliberate breaches:
 * over 50%, over the level cap, and a payment to a project not yet accepted; and 区级 top-ups (review items).
 */
import { addDays, floor2, round2, type ISO } from "./days.ts";
import { RULE } from "./breachRules.ts";
import { KIND, plan, SOURCE, subsidyCap } from "./lookup.ts";
import { split, type PayContext } from "./payContext.ts";
import type { Assessment, Project } from "./types.ts";

/** Returns the ids of the projects whose payments were built as breaches. */
export function paySubsidies(x: PayContext): Set<string> {
  const { rng, roles, pay, intended, last } = x;
  const posts = new Map<string, Assessment[]>();
  for (const a of x.assessments) if (a.kind === KIND.post) posts.set(a.uscc, [...(posts.get(a.uscc) ?? []), a]);
  const levelAt = (uscc: string, d: ISO) => [...(posts.get(uscc) ?? [])].filter((a) => a.on <= d).sort((a, b) => a.on.localeCompare(b.on)).pop()?.level ?? 0;
  const sme = new Map(x.enterprises.map((e) => [e.uscc, e.sme]));

  /** A subsidy paid by source: 中央 first, 省级 and 市级 after, sometimes a 区级 top-up. */
  const subsidy = (p: Project, total: number, firstPaid: ISO, withDistrict: boolean) => {
    const shares: [string, number][] = [[SOURCE.central, rng.float(0.4, 0.5)], [SOURCE.province, rng.float(0.2, 0.3)], [SOURCE.city, 0.3]];
    if (withDistrict) shares.push([SOURCE.district, 0.1]);
    for (const [source, amount] of split(total, shares)) {
      const on = source === SOURCE.central ? firstPaid : addDays(firstPaid, source === SOURCE.district ? rng.int(10, 60) : rng.int(0, 45));
      pay("transformation_subsidy", source, p.uscc, amount, on, { projectId: p.id });
    }
  };

  // Deliberate breaches (their verified investment is set to make the point).
  const designated = new Set<string>();
  for (const p of roles.breach.share) {
    const cap = subsidyCap(levelAt(p.uscc, last));
    p.verifiedWan = round2(cap * rng.float(1.2, 1.5));
    p.contractWan = round2(p.verifiedWan * rng.float(1.02, 1.1));
    subsidy(p, floor2(p.verifiedWan * 0.6), addDays(p.acceptedOn!, rng.int(30, 60)), false);
    intended.add(`${RULE.subsidyShare}|${p.id}`);
    designated.add(p.id);
  }
  for (const p of roles.breach.cap) {
    const cap = subsidyCap(levelAt(p.uscc, last));
    p.verifiedWan = round2(cap * rng.float(2.6, 3.2));
    p.contractWan = round2(p.verifiedWan * rng.float(1.02, 1.1));
    subsidy(p, round2(cap * 1.1), addDays(p.acceptedOn!, rng.int(30, 60)), false);
    intended.add(`${RULE.subsidyCap}|${p.uscc}`);
    designated.add(p.id);
  }
  for (const { first: p1, second: p2 } of roles.breach.notAccepted) {
    const base = Math.min(subsidyCap(levelAt(p1.uscc, last)), 0.5 * p1.verifiedWan!);
    subsidy(p1, floor2(base * 0.5), addDays(p1.acceptedOn!, rng.int(30, 60)), false);
    pay("transformation_subsidy", SOURCE.central, p2.uscc, floor2(base * 0.3), addDays(p2.signedOn!, rng.int(5, 15)), { projectId: p2.id });
    intended.add(`${RULE.subsidyNotAccepted}|${p2.id}`);
    designated.add(p1.id);
  }

  // Regular subsidies, in order of acceptance.
  const paidSoFar = new Map<string, number>();
  const accepted = x.projects.filter((p) => p.acceptedOn !== null && !designated.has(p.id) && !roles.noPay.has(p.id) && sme.get(p.uscc)).sort((a, b) => a.acceptedOn!.localeCompare(b.acceptedOn!));
  for (const p of accepted) {
    const firstPaid = addDays(p.acceptedOn!, rng.int(30, 120));
    const room = subsidyCap(levelAt(p.uscc, firstPaid)) - (paidSoFar.get(p.uscc) ?? 0);
    const total = Math.min(round2(room), floor2(p.verifiedWan! * rng.float(0.35, plan.funding.subsidy!.maxShareOfVerified)));
    if (total < 1) continue;
    paidSoFar.set(p.uscc, round2((paidSoFar.get(p.uscc) ?? 0) + total));
    subsidy(p, total, firstPaid, rng.chance(0.1));
  }

  // 区级 top-ups (六(二) 配套) during the snapshot weeks: at the enterprises already paid over their level cap
  // and at a few paid exactly up to it. No cap counts them: each is a review item, never a breach.
  for (const p of roles.breach.cap) pay("transformation_subsidy", SOURCE.district, p.uscc, 20, addDays(x.snapshots[2]!, 2), { projectId: p.id });
  const atCap = [...paidSoFar]
    .filter(([uscc, paid]) => paid === subsidyCap(levelAt(uscc, last)))
    .map(([uscc]) => uscc)
    .sort()
    .slice(0, x.k);
  for (const uscc of atCap) {
    const p = accepted.find((q) => q.uscc === uscc)!;
    pay("transformation_subsidy", SOURCE.district, uscc, 15, addDays(x.snapshots[4]!, 1), { projectId: p.id });
  }
  return designated;
}
