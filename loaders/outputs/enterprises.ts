/**
 * The 一企一档 output: every enterprise of the newest snapshot with the dates it reached each stage,
 * its assessments, projects and payments. Names and facts come from loaders/sql/enterprises/*.sql; this
 * module only packs them. At national scale (~55,000 firms) one object per field name would weigh
 * several times the data, so rows are arrays in the order of `fields`, repeated words (district,
 * status, unit …) are indexes into `dict`, and dates (the fields `dates` names, and stage dates) are
 * whole days since 1970-01-01. enterpriseFiles.ts splits it into the page's files (a search index and
 * shards); src/components/enterprise/enterpriseArchive.ts unpacks them. No contact person or
 * phone is ever here (the warehouse has no column for them).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { isSampleData } from "../config/paths.ts";
import type { PilotPlan } from "../plan/types.ts";
import { runQueryFile } from "../warehouse/query.ts";
import { pageMeta, warehouseSnapshots } from "../warehouse/snapshots.ts";
import { withWarehouse } from "./report.ts";


type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

/** Field order of each packed row; "stages" and the three histories are nested arrays. */
export const fields = {
  enterprise: ["uscc", "name", "district", "industry", "size_class", "is_sme", "quality_tier", "reached", "stages", "assessments", "projects", "payments"],
  assessment: ["kind", "assessed_on", "score_basis", "score_management", "score_outcome", "score", "level"],
  project: ["project_id", "project_name", "leading_unit", "provider", "signed_on", "planned_end", "contract_wan", "verified_wan", "status", "applied_on", "accepted_on"],
  payment: ["payment_id", "direction", "source", "amount_wan", "paid_on", "project_id", "loan_id", "counted"],
} as const;

/** Fields stored as an index into dict[field]: few distinct values, repeated on many rows. */
const dictFields = ["district", "industry", "size_class", "quality_tier", "kind", "leading_unit", "provider", "status", "direction", "source"] as const;
/** Fields stored as days since 1970-01-01 (stage dates too). */
const dateFields = ["assessed_on", "signed_on", "planned_end", "applied_on", "accepted_on", "paid_on"] as const;

/** Column of enterprise_files.sql holding each stage's date, in plan.stages order. */
const stageColumn: Record<string, string> = {
  surveyed: "surveyed_on",
  listed: "listed_on",
  diagnosed: "diagnosed_on",
  signed: "signed_on",
  implementing: "implementing_on",
  applied: "applied_on",
  accepted: "accepted_on",
  paid: "paid_on",
};

/** What a reader must know about a stage's date (the rule lives in enterprise_files.sql). */
const stageNotes: Record<string, string> = {
  implementing: "台账无实施开始日期,按签约日期计(实施不早于此日)",
  applied: "无验收申请日期的,按验收日期计",
  paid: "首笔改造补助拨付日期",
};

const DAY_MS = 86_400_000;

/** "2025-02-01" → whole days since 1970-01-01 (UTC, so no time zone can shift it). */
export function isoToDay(iso: string | null): number | null {
  return iso == null ? null : Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
}

/** Builds dict[field] as values are met, returning each value's index. */
function dictionary() {
  const dict: Record<string, string[]> = Object.fromEntries(dictFields.map((f) => [f, []]));
  const seen = new Map<string, Map<string, number>>(dictFields.map((f) => [f, new Map()]));
  const code = (field: string, v: Cell): Cell => {
    if (v == null) return null;
    const m = seen.get(field)!;
    let i = m.get(String(v));
    if (i === undefined) {
      i = dict[field]!.push(String(v)) - 1;
      m.set(String(v), i);
    }
    return i;
  };
  return { dict, code };
}

/** The archive of every enterprise in `snapshot` (of `district` when given), packed (see the module comment). */
export async function enterpriseArchive(conn: DuckDBConnection, plan: PilotPlan, snapshot: string, district: string | null = null) {
  // '' = every district; a code keeps that district's enterprises (and their rows) only.
  const p = { snapshot, district: district ?? "" };
  // One connection runs one query at a time; the macros give fund_attribution, shared with the funds KPIs.
  const run = (name: string) => runQueryFile<Row>(conn, "enterprises", name, p);
  const firms = await run("enterprise_files");
  const assessments = await run("enterprise_assessments");
  const projects = await run("enterprise_projects");
  const payments = await run("enterprise_payments");
  const { dict, code } = dictionary();
  const pack = (row: Row, names: readonly string[]): Cell[] =>
    names.map((f) =>
      (dictFields as readonly string[]).includes(f) ? code(f, row[f]!) : (dateFields as readonly string[]).includes(f) ? isoToDay(row[f] as string | null) : (row[f] ?? null),
    );
  const byFirm = (rows: Row[], names: readonly string[]) => {
    const m = new Map<string, Cell[][]>();
    for (const r of rows) {
      const list = m.get(r.uscc as string) ?? [];
      list.push(pack(r, names));
      m.set(r.uscc as string, list);
    }
    return m;
  };
  const a = byFirm(assessments, fields.assessment);
  const pr = byFirm(projects, fields.project);
  const pay = byFirm(payments, fields.payment);
  const head = fields.enterprise.slice(0, 7);
  const enterprises = firms.map((f) => {
    const stages = plan.stages.map((s) => isoToDay(f[stageColumn[s.key]!] as string | null));
    // The furthest stage with evidence: what the search results show as 当前阶段.
    const reached = stages.reduce<number>((last, d, i) => (d == null ? last : i), -1);
    return [...pack(f, head), reached, stages, a.get(f.uscc as string) ?? [], pr.get(f.uscc as string) ?? [], pay.get(f.uscc as string) ?? []];
  });
  return {
    stages: plan.stages.map((s) => ({ key: s.key, name: s.name, note: stageNotes[s.key] ?? null })),
    fields,
    dict,
    dates: [...dateFields],
    enterprises,
  };
}

/** The newest snapshot's archive of a data root (of one district when given), with the meta every data file carries. */
export async function loadEnterpriseArchive(root: string, plan: PilotPlan, district: string | null = null) {
  return withWarehouse(root, plan, (conn) => enterpriseArchiveOn(conn, root, plan, district));
}

/** loadEnterpriseArchive on an open warehouse of `root`. */
export async function enterpriseArchiveOn(conn: DuckDBConnection, root: string, plan: PilotPlan, district: string | null = null) {
  const snapshots = await warehouseSnapshots(conn);
  if (snapshots.length === 0) throw new Error(`the warehouse of ${root} holds no snapshot`);
  const meta = pageMeta({ title: plan.title, snapshots, sample: isSampleData(root) });
  return { meta, data: await enterpriseArchive(conn, plan, meta.snapshot, district) };
}

/**
 * The whole archive as one JSON text: meta plus every firm's packed row. The page no longer ships
 * it (it grows to 4.8 MB gzip at scale 50): enterpriseFiles.ts splits it into the search index and
 * shards. Kept as the form the tests and bench/arrowFiles.ts read the archive in.
 */
export async function enterprisesJson(root: string, plan: PilotPlan, district: string | null = null): Promise<string> {
  const { meta, data } = await loadEnterpriseArchive(root, plan, district);
  return JSON.stringify({ meta, ...data });
}
