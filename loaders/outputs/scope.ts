/**
 * The audience filter of the internal site's data (see loaders/config/audience.ts). A district
 * build's loaders print the report with every enterprise-, project- and payment-level list cut to
 * the district's own rows; aggregates (KPIs, series, per-district and per-industry figures) stay,
 * since the comparison pages show every district's rank and the city totals. Which enterprises
 * are the district's own comes from the warehouse (SQL, district bound as a parameter).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Report } from "../kpi/reportTypes.ts";
import { queryRows } from "../warehouse/query.ts";
import { audienceFromEnv, scopeDistrict, type Audience } from "../config/audience.ts";
import type { PilotPlan } from "../plan/types.ts";
import { reportOn, withWarehouse, type Meta } from "./report.ts";

/** Credit codes of the district's enterprises in `snapshot`. */
export async function districtUsccs(conn: DuckDBConnection, snapshot: string, district: string): Promise<Set<string>> {
  const rows = await queryRows<{ uscc: string }>(conn, "SELECT uscc FROM enterprises WHERE snapshot = $snapshot::DATE AND district = $district", { snapshot, district });
  return new Set(rows.map((r) => r.uscc));
}

/** The report with its row-level lists cut to `district` (own: that district's credit codes). */
export function scopeReport(report: Report, district: string, own: ReadonlySet<string>): Report {
  const mine = (uscc: string | null | undefined) => uscc != null && own.has(uscc);
  return {
    ...report,
    level_audit: report.level_audit.filter((r) => mine(r.uscc)),
    pipeline: {
      ...report.pipeline,
      overdue: report.pipeline.overdue.filter((r) => r.district_code === district && mine(r.uscc)),
      stuck: report.pipeline.stuck.filter((r) => r.district_code === district && mine(r.uscc)),
    },
    // Leading units, providers and products belong to no district: a district build has no page for them.
    leading_units: [],
    tier_criteria: [],
    supply: { products: [], providers: [] },
    // The units' reports, reviews and 整改 are city-only too; of the list removals, the district's own enterprises.
    unit_management: {
      ...report.unit_management,
      units: [], calendar: [], mismatches: [], rectifications: [], reviews: [],
      removals: report.unit_management.removals.filter((r) => r.kind === "enterprise" && mine(r.id)),
    },
    compliance: {
      // An enterprise's breaches, and the district's own per-district cap (entity = the district).
      breaches: report.compliance.breaches.filter((b) => (b.uscc != null ? mine(b.uscc) : b.unit_id == null && b.entity_id === district)),
      review_items: report.compliance.review_items.filter((r) => mine(r.uscc)),
    },
  };
}

/** The report a page loader of this build may print: whole for the city, cut for a district. */
export async function loadAudienceReport(root: string, plan: PilotPlan, audience: Audience = audienceFromEnv(plan)): Promise<{ report: Report; meta: Meta }> {
  return withWarehouse(root, plan, async (conn) => audienceReport(conn, await reportOn(conn, root, plan), audience));
}

/** The city's report `loaded` as `audience` may see it, on an open warehouse (whole for the city, cut for a district). */
export async function audienceReport(conn: DuckDBConnection, loaded: { report: Report; meta: Meta }, audience: Audience): Promise<{ report: Report; meta: Meta }> {
  const district = scopeDistrict(audience);
  if (district == null) return loaded;
  const own = await districtUsccs(conn, loaded.report.snapshot, district);
  return { report: scopeReport(loaded.report, district, own), meta: { ...loaded.meta, district } };
}
