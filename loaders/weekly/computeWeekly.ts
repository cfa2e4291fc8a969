/** The weekly review: snapshot A against snapshot B of one warehouse, assembled into one object. */
import type { DuckDBConnection } from "@duckdb/node-api";
import { storedCellText } from "../format/format.ts";
import { reportAsOf } from "../kpi/computeReport.ts";
import type { Report } from "../kpi/reportTypes.ts";
import type { PilotPlan } from "../plan/types.ts";
import { attentionItems } from "./attention.ts";
import { breachChange, districtMoves, projectListChange, reviewChange, targetChanges } from "./diffReports.ts";
import { weeklyParams } from "./params.ts";
import { eventKinds } from "./rules.ts";
import { runQueryFile } from "../warehouse/query.ts";
import { installCellsView } from "./cellsView.ts";
import { unitChanges } from "./unitChanges.ts";
import { pickPair } from "../warehouse/snapshots.ts";
import type * as W from "./types.ts";

export interface WeeklyOptions {
  /** Snapshot A: the newest snapshot on or before this date. Default: the snapshot before B. */
  before?: string;
  /** Snapshot B: the newest snapshot on or before this date. Default: the newest snapshot. */
  after?: string;
  /** With a single snapshot (and no `before` given), compare B with itself (nothing changed) instead of failing. */
  allowSame?: boolean;
  /** The plan the warehouse was built with. */
  plan: PilotPlan;
  /** A report already at hand, used for A or B when it is theirs (reportAsOf). */
  known?: Report;
}

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

type RevisionRow = Omit<W.Revision, "before_text" | "after_text"> & {
  row_before: { column_zh: string; column_type: string; value: string }[] | null;
};
type EventRow = Omit<W.EventCount, "label" | "unit"> & { dim: "total" | "district" | "industry" };

/** Compute the weekly review of snapshot A (before) against B (after). */
export async function computeWeekly(conn: DuckDBConnection, opts: WeeklyOptions): Promise<W.WeeklyReview> {
  const plan = opts.plan;
  const { before, after } = await pickPair(conn, opts);
  const days = daysBetween(before, after);
  const weeks = days / 7;

  const reportA = await reportAsOf(conn, plan, before, opts.known);
  const reportB = await reportAsOf(conn, plan, after, opts.known);
  const params = weeklyParams(plan, before, after);
  // The weekly queries (loaders/sql/weekly/) read the generated weekly_cells view over this plan's contract.
  await installCellsView(conn, plan);
  const run = <Row>(name: string): Promise<Row[]> => runQueryFile<Row>(conn, "weekly", name, params);

  const kinds = new Map(eventKinds(plan).map((k) => [k.key, k]));
  const eventRows = await run<EventRow>("new_events");
  const eventsOf = (dim: EventRow["dim"]): W.EventCount[] =>
    eventRows
      .filter((e) => e.dim === dim)
      .map(({ dim: _dim, ...e }) => ({ ...e, label: kinds.get(e.key)!.label, unit: kinds.get(e.key)!.unit }));

  const names: Record<string, string> = Object.fromEntries([
    ...plan.districts.map((d) => [d.code, d.name]),
    ...plan.industries.map((i) => [i.key, i.name]),
  ]);
  const revisions: W.Revision[] = (await run<RevisionRow>("revisions")).map(({ row_before, ...r }) => ({
    ...r,
    before_text: r.kind === "row_removed"
      ? (row_before ?? []).map((c) => `${c.column_zh}:${storedCellText(c.value, c.column_type, names, plan.levels.names)}`).join(";")
      : storedCellText(r.before, r.column_type, names, plan.levels.names),
    after_text: r.kind === "row_removed" ? "整行删除" : storedCellText(r.after, r.column_type, names, plan.levels.names),
  }));

  const statusChanges = await run<W.StatusChange>("status_changes");
  const transitions = new Map<string, W.StatusTransition>();
  for (const c of statusChanges) {
    const k = `${c.from_status}|${c.to_status}`;
    const t = transitions.get(k) ?? { from_status: c.from_status, to_status: c.to_status, kind: c.kind, projects: 0 };
    t.projects += 1;
    transitions.set(k, t);
  }

  const [totals] = await run<W.QualityTotals>("quality_totals");
  const partial: Omit<W.WeeklyReview, "attention"> = {
    plan: { title: plan.title, city: plan.city },
    before,
    after,
    days,
    weeks,
    weeks_left: reportB.timing.weeks_left,
    targets: targetChanges(reportA, reportB, weeks),
    events: { totals: eventsOf("total"), by_district: eventsOf("district"), by_industry: eventsOf("industry") },
    status_changes: statusChanges,
    status_transitions: [...transitions.values()],
    overdue: projectListChange(reportA.pipeline.overdue, reportB.pipeline.overdue, statusChanges),
    stuck: { ...projectListChange(reportA.pipeline.stuck, reportB.pipeline.stuck, statusChanges), stuck_after_days: reportB.pipeline.stuck_after_days },
    breaches: breachChange(reportA.compliance.breaches, reportB.compliance.breaches),
    review_items: reviewChange(reportA.compliance.review_items, reportB.compliance.review_items),
    units: unitChanges(reportA, reportB),
    revisions,
    quality: { totals: totals!, changes: await run<W.QualityChange>("quality_changes") },
    districts: districtMoves(reportA, reportB, weeks),
    milestones_due: { alert_days: reportB.milestones.alert_days, rows: reportB.milestones.rows.filter((m) => m.due_soon) },
  };
  return { ...partial, attention: attentionItems(partial) };
}
