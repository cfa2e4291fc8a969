/**
 * What each public page's data file holds: a projection of the public aggregates plus plan facts.
 * Only aggregates reach these files: no list of enterprises, projects, payments or units.
 */
import { headlineTargets, supplyTargetGroups, supplyTargetKeys } from "../plan/measures.ts";
import { tableIdentities } from "../contract/tables.ts";
import type { Meta } from "./report.ts";
import { countingRules } from "../plan/countingRules.ts";
import type { PilotPlan } from "../plan/types.ts";
import { assertNoIdentifiers } from "../public/assertNoIdentifiers.ts";
import type { PublicAggregates } from "../public/publicAggregates.ts";

/** Page name → the data it needs. */
export const publicPageData = {
  index: (a: PublicAggregates, plan: PilotPlan) => ({
    plan: { title: plan.title, doc_no: plan.docNo, city: plan.city, end: plan.end, warning: plan.monitoring.warning },
    timing: a.timing,
    kpis: a.kpis,
    series: a.series,
  }),
  districts: (a: PublicAggregates, plan: PilotPlan) => ({
    districts: plan.districts.map((d) => ({ code: d.code, label: d.name, short: d.short, tile: d.tile })),
    kpi: a.kpis.find((k) => k.key === headlineTargets(plan).primary?.key) ?? null,
    area: plan.areaNoun,
    transformed: a.transformed,
  }),
  supply: (a: PublicAggregates, plan: PilotPlan) => ({
    kpis: a.kpis.filter((k) => supplyTargetKeys(plan).includes(k.key)),
    groups: supplyTargetGroups(plan),
    area: plan.areaNoun,
    leading_units: a.leading_units,
    recognitions: a.recognitions,
    products: a.products,
  }),
  funds: (a: PublicAggregates, plan: PilotPlan) => ({
    directions: plan.funding.directions.map((d) => ({ key: d.key, label: d.name, cite: d.cite })),
    funds: a.funds,
  }),
  methodology: (a: PublicAggregates, plan: PilotPlan) => ({
    timing: a.timing,
    plan: { title: plan.title, doc_no: plan.docNo },
    targets: plan.targets.map((t) => ({ key: t.key, label: t.label, target: t.target, unit: t.unit, cite: t.cite })),
    // The rules behind the published numbers, each with its source (internal review lists left out).
    rules: countingRules(plan).filter((r) => !r.internal),
    // The tables of the input contract, by their Chinese names: what the numbers are built from.
    sources: tableIdentities.map((t) => ({ label: t.zh, required: t.required })),
  }),
} satisfies Record<string, (a: PublicAggregates, plan: PilotPlan) => unknown>;

export type PublicPageName = keyof typeof publicPageData;

/** The public meta: which snapshot, as of when, and whether the data are the synthetic sample. */
export function publicMeta(meta: Meta): { snapshot: string; as_of: string; snapshots: string[]; sample: boolean } {
  return { snapshot: meta.snapshot, as_of: meta.as_of, snapshots: meta.snapshots, sample: meta.sample };
}

/** The JSON text of one public page's data file (with `plan`'s facts), checked for identifiers. */
export function publicPageJson(page: PublicPageName, a: PublicAggregates, meta: Meta, plan: PilotPlan): string {
  return JSON.stringify(assertNoIdentifiers({ meta: publicMeta(meta), min: a.min, ...publicPageData[page](a, plan) }));
}
