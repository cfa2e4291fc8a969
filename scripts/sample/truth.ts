/**
 * truth.json: what the world was built to have, per snapshot, computed from the world model (not
 * by reading the files back). The KPI engine's tests compare against it.
 *
 * Subtleties, so that a reader can reproduce every number:
 * - enterprises_transformed(D): distinct enterprises that are SMEs (NOT_SME firms excluded, listed in
 *   `excluded_not_sme`) whose 企业名录 row is listed and valid in that snapshot, with at least one
 *   project whose row is valid, status 验收通过, accepted_on ≤ D and signed_on ≥
 *   plan.funding.eligibleProjectWindow!.from, and whose latest 改造后 assessment dated ≤ D has a reported
 *   level ≥ plan.levels.transformedMinLevel. "Valid" means no fault in faults.json rejects the row in that
 *   snapshot: projects with DATE_ORDER, INVALID_ENUM (已完成), STATUS_DATE_MISSING are excluded while the fault
 *   lasts (one DATE_ORDER is fixed from the fifth snapshot, so its firm counts from then). An accepted
 *   project whose 改造后 assessment is dated after D does not count yet. An acceptance withdrawn
 *   (验收通过 → 验收申请) stops counting from the snapshot that shows the withdrawal.
 * - Level mismatches (`level_mismatches`) on 改造后 assessments never cross the 二级 line, so counting with
 *   the reported or the recomputed level gives the same number.
 * - diagnosed(D): distinct SMEs, listed and valid, with a valid 改造前 assessment dated ≤ D (one 改造前 row
 *   with INVALID_DATE is excluded). `diagnosed_including_not_sme` adds the non-SME firms back.
 * - Recognition counts by target key: rows dated ≤ D, not withdrawn, not rejected (one 典型场景 carries a
 *   future-date fault in two snapshots and counts once fixed). platform: 1 when the snapshot holds the
 *   公共服务平台's go-live record dated ≤ D (from knobs.platformLiveAt on), else null: the KPI reads 无数据. service_providers, products: rows dated
 *   ≤ D (duplicate product rows are extra rows, never counted). training_person_times: valid rows only
 *   (one training with an empty 培训人次 is excluded while the fault lasts).
 * - breaches: the funding rules of compliance.ts on the payments paid ≤ D, amounts as that snapshot shows
 *   them (one correction lands mid-way). The fund rows that are faults (negative, unknown project, bad
 *   source, bad number, future date, duplicate id) are not payments of the world and never count.
 * - revisions: deliberate changes to rows that already existed, between consecutive snapshots; ordinary
 *   progress (new rows, status moving forward) is not listed. A withdrawn recognition has column null.
 * - At --scale N every "one" above is N (faults, breaches and revisions repeat N times), except the
 *   集中采购 district, which stays one: its cap is per district and districts do not scale.
 * - Warnings that come from quirks rather than faults (month-only dates, 萝岗区, level mismatches) are not
 *   in faults.json; level mismatches are listed here.
 */
import type { TableKey } from "../../loaders/contract/tables.ts";
import type { Measure } from "../../loaders/plan/types.ts";
import { breachesAt, reviewItemsAt } from "./compliance.ts";
import { rejectedIn } from "./faults.ts";
import { KIND, plan, STATUS } from "./lookup.ts";
import { projectDatesAt } from "./timeline.ts";
import type { Breach, ReviewItem, World } from "./types.ts";
import { viewTable, type Canon, type Rec } from "./view.ts";
import { knobs } from "./knobs.ts";
import { unitLoopTruth } from "./unitLoop.ts";
import { recognitionKindTargets, statusRecordKind } from "../../loaders/plan/measures.ts";

/** One snapshot's numbers; every count target of the plan appears under its target key. */
export type SnapshotTruth = {
  snapshot: string;
  enterprises_transformed: number;
  enterprises_transformed_by_district: Record<string, number>;
  enterprises_transformed_by_industry: Record<string, number>;
  diagnosed: number;
  diagnosed_including_not_sme: number;
  leading_units: number;
  excluded_not_sme: string[];
  breaches: Breach[];
  /** Review items (待核实), one per rule × payment: 区级 top-ups, unnamed levels, second awards, payments without project. */
  review_items: ReviewItem[];
  /** 1 once the 公共服务平台's go-live record is in the snapshot; null (无数据) before. */
  platform: 1 | null;
  /** Every other count target's value, by target key. */
  [key: string]: unknown;
};

export interface Revision {
  from_snapshot: string;
  to_snapshot: string;
  table: TableKey;
  id: string;
  column: string | null;
  before: Canon;
  after: Canon;
}

export function snapshotTruth(w: World, index: number): SnapshotTruth {
  const d = w.snapshots[index]!;
  const rejected = rejectedIn(w.faults);
  // An enterprise taken off the list (动态调整) counts no more from its 移出日期 on.
  const listed = new Map(w.enterprises.filter((e) => e.inExportFrom <= index && e.surveyedOn <= d && !rejected("enterprises", e.uscc, index) && !(e.removedOn !== undefined && e.removedOn <= d)).map((e) => [e.uscc, e]));
  const latestPost = new Map<string, { on: string; level: number }>();
  const pre = new Set<string>();
  for (const a of w.assessments) {
    if (a.on > d || rejected("assessments", a.id, index)) continue;
    if (a.kind === KIND.pre) pre.add(a.uscc);
    else if ((latestPost.get(a.uscc)?.on ?? "") < a.on) latestPost.set(a.uscc, { on: a.on, level: a.level });
  }
  const acceptedFirms = new Set<string>();
  for (const p of w.projects) {
    if (p.createdOn > d || rejected("projects", p.id, index)) continue;
    const at = projectDatesAt(p, d, index);
    // A plan without an eligible-project window counts every accepted project.
    const window = plan.funding.eligibleProjectWindow ?? { from: "0000-01-01", to: "9999-12-31" };
    if (at.status === STATUS.accepted && at.acceptedOn! <= d && at.signedOn! >= window.from && at.acceptedOn! <= window.to) acceptedFirms.add(p.uscc);
  }
  const transformed: string[] = [];
  const excluded: string[] = [];
  for (const uscc of acceptedFirms) {
    const e = listed.get(uscc);
    const post = latestPost.get(uscc);
    if (!e || !post || post.level < plan.levels.transformedMinLevel) continue;
    (e.sme ? transformed : excluded).push(uscc);
  }
  const byDistrict = Object.fromEntries(plan.districts.map((x) => [x.code, 0]));
  const byIndustry = Object.fromEntries(plan.industries.map((x) => [x.key, 0]));
  for (const uscc of transformed) {
    byDistrict[listed.get(uscc)!.district]! += 1;
    byIndustry[listed.get(uscc)!.industry]! += 1;
  }
  const diagnosedAll = [...pre].filter((u) => listed.has(u));
  const counts: Record<string, number> = {};
  const recognitions = viewTable(w, "recognitions", index).filter((r) => !rejected("recognitions", r.id, index));
  // A target of several kinds counts them all.
  for (const { kind, target } of recognitionKindTargets(plan)) counts[target] = (counts[target] ?? 0) + recognitions.filter((r) => r.values.kind === kind).length;
  const platformKind = statusRecordKind(plan);
  const platform = recognitions.some((r) => r.values.kind === platformKind && (r.values.recognized_on as string) <= d) ? 1 : null;
  // Supply-side targets under their own keys (service_providers, products, training_person_times …), by measure.
  const valid = (table: TableKey) => viewTable(w, table, index).filter((r) => !rejected(table, r.id, index));
  const ofKind = <K extends Measure["kind"]>(kind: K) => plan.targets.filter((t) => t.measure.kind === kind).map((t) => ({ key: t.key as string, m: t.measure as Measure & { stages?: string[]; industries?: string[]; audiences?: string[] } }));
  const within = (list: string[] | undefined, v: unknown) => list === undefined || list.includes(v as string);
  for (const { key } of ofKind("providers")) counts[key] = valid("providers").length;
  for (const { key, m } of ofKind("products")) counts[key] = valid("products").filter((r) => within(m.stages, r.values.stage) && within(m.industries, r.values.industry)).length;
  for (const { key, m } of ofKind("training_person_times")) counts[key] = valid("trainings").filter((r) => within(m.audiences, r.values.audience)).reduce((s, r) => s + (r.values.person_times as number), 0);
  for (const { key, m } of ofKind("trainings")) counts[key] = valid("trainings").filter((r) => within(m.audiences, r.values.audience)).length;
  return {
    snapshot: d,
    enterprises_transformed: transformed.length,
    diagnosed: diagnosedAll.filter((u) => listed.get(u)!.sme).length,
    ...counts,
    platform,
    enterprises_transformed_by_district: byDistrict,
    enterprises_transformed_by_industry: byIndustry,
    diagnosed_including_not_sme: diagnosedAll.length,
    // Units on the list: a removed unit leaves the scorecard from its 移出日期.
    leading_units: viewTable(w, "leading_units", index).filter((r) => r.values.removed_on === null).length,
    excluded_not_sme: excluded.sort(),
    breaches: breachesAt(w, index),
    review_items: reviewItemsAt(w, index),
  };
}

/** The deliberate revisions, with before/after read from the two snapshots' views. */
export function revisions(w: World): Revision[] {
  const out: Revision[] = [];
  const views = new Map<string, Map<string, Rec>>();
  const view = (table: TableKey, i: number) => {
    const key = `${table}|${i}`;
    if (!views.has(key)) views.set(key, new Map(viewTable(w, table, i).map((r) => [r.id, r])));
    return views.get(key)!;
  };
  const cell = (table: TableKey, id: string, column: string, from: number) => {
    const get = (i: number) => view(table, i).get(id)?.values[column] ?? null;
    out.push({ from_snapshot: w.snapshots[from - 1]!, to_snapshot: w.snapshots[from]!, table, id, column, before: get(from - 1), after: get(from) });
  };
  for (const p of w.payments) if (p.amountRevised) cell("funds", p.id, "amount_wan", p.amountRevised.from);
  for (const x of w.withdrawals) {
    cell("projects", x.projectId, "status", x.from);
    cell("projects", x.projectId, "accepted_on", x.from);
  }
  for (const p of w.projects) if (p.signedOnRevised) cell("projects", p.id, "signed_on", p.signedOnRevised.from);
  for (const r of w.recognitions) {
    if (r.removedFrom === undefined) continue;
    out.push({ from_snapshot: w.snapshots[r.removedFrom - 1]!, to_snapshot: w.snapshots[r.removedFrom]!, table: "recognitions", id: r.id, column: null, before: "row present", after: "row removed" });
  }
  return out.sort((a, b) => a.to_snapshot.localeCompare(b.to_snapshot) || a.table.localeCompare(b.table) || a.id.localeCompare(b.id));
}

/** The whole truth.json document. */
export function truthDocument(w: World) {
  return {
    note: "Synthetic sample data (示例数据,虚构,仅供演示). Numbers computed from the generator's world model; see scripts/sample/truth.ts for the exact rules.",
    seed: w.seed,
    scale: w.scale,
    snapshots: w.snapshots.map((_, i) => snapshotTruth(w, i)),
    revisions: revisions(w),
    level_mismatches: w.assessments
      .filter((a) => a.computedLevel !== null)
      .map((a) => ({ assessment_id: a.id, kind: a.kind, reported: a.level, computed: a.computedLevel })),
    knobs: { revisionsAt: knobs.revisionsAt, ghostAddedAt: knobs.ghostAddedAt },
    unit_loop: unitLoopTruth(w),
  };
}
