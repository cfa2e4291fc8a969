/** Transformation projects (改造项目) from the pipeline's plans: who leads them, what they cost, their status timeline. */
import { fromDay, round2 } from "./days.ts";
import { plan, STATUS } from "./lookup.ts";
import type { ProjectPlan } from "./pipeline.ts";
import type { Rng } from "./rng.ts";
import { idMaker } from "./scaled.ts";
import type { LeadingUnit, Project, Provider, StatusEvent } from "./types.ts";

const iso = (d: number | undefined) => (d === undefined ? null : fromDay(d));

/** Projects with ids in the order their records were opened (new projects append to the ledger). */
export function makeProjects(rng: Rng, plans: ProjectPlan[], units: LeadingUnit[], providers: Provider[]): { project: Project; plan: ProjectPlan }[] {
  const sorted = [...plans].sort((a, b) => a.created - b.created || a.ent.seq - b.ent.seq || a.ordinal - b.ordinal);
  const id = idMaker("XM", sorted.length, 6);
  const scenarios = plan.levels.scenarios.map((s) => s.name);
  const unitsOf = new Map<string, LeadingUnit[]>();
  for (const u of units) unitsOf.set(u.industry, [...(unitsOf.get(u.industry) ?? []), u]);
  const providersOf = new Map<string, Provider[]>();
  for (const v of providers) if (v.unitId) providersOf.set(v.unitId, [...(providersOf.get(v.unitId) ?? []), v]);
  const byDate = [...providers].sort((a, b) => a.selectedOn.localeCompare(b.selectedOn));
  /** Providers selected by `day`: a prefix of byDate. */
  const openBy = (day: string) => {
    let lo = 0;
    let hi = byDate.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byDate[mid]!.selectedOn <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.map((p, i) => {
    const created = fromDay(p.created);
    const signed = iso(p.signed);
    const sameIndustry = (unitsOf.get(p.ent.industry) ?? []).filter((u) => u.selectedOn <= created);
    const unit = rng.pick(sameIndustry.length > 0 ? sameIndustry : units);
    let providerId: string | null = null;
    if (signed && rng.chance(0.9)) {
      const ofUnit = (providersOf.get(unit.id) ?? []).filter((v) => v.selectedOn <= signed);
      const open = openBy(signed);
      if (ofUnit.length > 0 && rng.chance(0.7)) providerId = rng.pick(ofUnit).id;
      else if (open > 0) providerId = byDate[rng.int(0, open - 1)]!.id;
    }
    const contract = round2(Math.min(900, Math.max(20, rng.logNormal(110, 0.6))));
    const what = rng.pick(scenarios);
    const events: StatusEvent[] = [{ on: created, status: STATUS.diagnosing }];
    const push = (d: number | undefined, status: string) => d !== undefined && events.push({ on: fromDay(d), status });
    push(p.signed, STATUS.signed);
    push(p.impl, STATUS.implementing);
    push(p.applied, STATUS.applied);
    push(p.accepted, STATUS.accepted);
    push(p.failed, STATUS.failed);
    push(p.terminated, STATUS.terminated);
    for (let k = 1; k < events.length; k++) {
      if (events[k]!.on <= events[k - 1]!.on) throw new Error(`project timeline out of order for ${p.ent.uscc}: ${JSON.stringify(events)}`);
    }
    const project: Project = {
      id: id(i + 1),
      uscc: p.ent.uscc,
      name: `${p.ent.short}${what}数字化改造项目${p.ordinal === 2 ? "(二期)" : ""}`,
      unitId: unit.id,
      providerId,
      createdOn: created,
      signedOn: signed,
      plannedEnd: p.signed === undefined ? null : fromDay(p.signed + rng.int(180, 365)),
      contractWan: signed ? contract : null,
      verifiedWan: p.accepted !== undefined ? round2(contract * rng.float(0.85, 1)) : null,
      appliedOn: iso(p.applied),
      acceptedOn: iso(p.accepted),
      events,
      ordinal: p.ordinal,
    };
    return { project, plan: p };
  });
}
