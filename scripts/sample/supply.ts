/** The supply side: leading units (牵引单位), service providers (服务商) and their products. */
import { addDays, daysBetween, fromDay, round2, toDay, type ISO } from "./days.ts";
import { milestoneOr, plan, TIERS } from "./lookup.ts";
import { productName, providerName, unitName } from "./names.ts";
import type { Rng } from "./rng.ts";
import { idMaker } from "./scaled.ts";
import type { LeadingUnit, Product, Provider } from "./types.ts";
import { makeUscc } from "./uscc.ts";

/** Tier weights, highest award first: few in the top tier, most in the lowest (three tiers: 20/36/44%). */
const TIER_WEIGHTS = TIERS.length === 3 ? [0.2, 0.36, 0.44] : TIERS.map((_, i) => i + 1);

/**
 * Units selected over the plan's window (五(二), 2024-04..12; the generator's own window when the plan
 * dates none), tiers 一档 few … 三档 most; no tier when the plan sets no award tiers.
 */
export function makeUnits(rng: Rng, n: number, names: Set<string>, codes: Set<string>, area: () => string): LeadingUnit[] {
  const m = milestoneOr("leading_units");
  const span = daysBetween(m.from!, m.to!);
  const id = idMaker("QY", n, 3);
  const units: LeadingUnit[] = [];
  for (let i = 0; i < n; i++) {
    const { name, short } = unitName(rng, names);
    units.push({
      id: "",
      name,
      short,
      uscc: makeUscc(rng, area(), codes),
      industry: plan.industries[i % plan.industries.length]!.key,
      selectedOn: addDays(m.from!, rng.int(0, span)),
      tier: TIERS.length > 0 ? rng.weighted(TIERS.map((t, k) => [t, TIER_WEIGHTS[k]!] as const)) : null,
    });
  }
  units.sort((a, b) => a.selectedOn.localeCompare(b.selectedOn));
  units.forEach((u, i) => (u.id = id(i + 1)));
  return units;
}

/** Providers selected from mid-2024 on, most attached to a unit; a few join during the snapshot weeks. */
export function makeProviders(rng: Rng, n: number, units: LeadingUnit[], names: Set<string>, codes: Set<string>, area: () => string, from: ISO, firstSnapshot: ISO, last: ISO): Provider[] {
  const id = idMaker("FW", n, 3);
  const providers: Provider[] = [];
  for (let i = 0; i < n; i++) {
    const { name, short } = providerName(rng, names);
    const phase = rng.weighted([["early", 0.75], ["later", 0.2], ["recent", 0.05]] as const);
    const [a, b] =
      phase === "early" ? [from, "2025-06-30"] : phase === "later" ? ["2025-07-01", addDays(firstSnapshot, -7)] : [addDays(firstSnapshot, 1), last];
    const selectedOn = fromDay(rng.int(toDay(a), toDay(b)));
    const linked = units.filter((u) => u.selectedOn <= selectedOn);
    providers.push({
      id: "",
      name,
      short,
      uscc: makeUscc(rng, area(), codes),
      selectedOn,
      unitId: linked.length > 0 && rng.chance(0.85) ? rng.pick(linked).id : null,
    });
  }
  providers.sort((a, b) => a.selectedOn.localeCompare(b.selectedOn));
  providers.forEach((p, i) => (p.id = id(i + 1)));
  return providers;
}

/** Products listed from 2024-09 (五(三)), fast at first and slower later, reaching n by the last snapshot. */
export function makeProducts(rng: Rng, n: number, providers: Provider[], last: ISO): Product[] {
  const from = milestoneOr("products").from;
  const span = daysBetween(from, last);
  const id = idMaker("CP", n, 4);
  const products: Product[] = [];
  for (let i = 0; i < n; i++) {
    const listedOn = addDays(from, Math.min(span, Math.floor(span * Math.pow(rng.next(), 1.25))));
    const eligible = providers.filter((p) => p.selectedOn <= listedOn);
    const provider = eligible.length > 0 ? rng.pick(eligible) : providers[0]!;
    const stageIndex = rng.int(0, plan.productStages.length - 1);
    products.push({
      id: "",
      name: productName(rng, provider.short, stageIndex),
      providerId: provider.id,
      stage: plan.productStages[stageIndex]!,
      industry: rng.chance(0.7) ? rng.pick(plan.industries).key : null,
      listedOn: eligible.length > 0 ? listedOn : provider.selectedOn,
      priceWan: round2(Math.min(30, Math.max(0.5, rng.logNormal(3, 0.8)))),
    });
  }
  products.sort((a, b) => a.listedOn.localeCompare(b.listedOn));
  products.forEach((p, i) => (p.id = id(i + 1)));
  return products;
}
