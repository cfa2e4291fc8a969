/**
 * The plan's management loop for leading units (五(五)–(六)) in the sample: monthly progress reports,
 * semi-annual reviews with 整改 items, and two removals from the lists (动态调整). Built after the
 * faults, so a report's figures can match what the last snapshot's warehouse will hold for the unit's
 * projects (rows the faults reject are not in it).
 *
 * Sample conventions (not the plan's): reviews every half year from 2025-06-30; a 整改 item is due
 * 60 days after its review. What was built to be wrong is recorded in `intent` for truth.json:
 *  - late reports: three units file one month each after the due day (one of them in the last week);
 *  - missing reports: two units never file one month (one falls due between the last two snapshots
 *    but one);
 *  - inconsistent reports: three reports differ from the projects table (accepted +8 as in "30 where
 *    the projects show 22", signed +2, in progress −1).
 */
import { isoDate } from "../../loaders/ingest/normalise/text.ts";
import { addDays } from "./days.ts";
import { rejectedIn } from "./faults.ts";
import { plan, STATUS } from "./lookup.ts";
import type { Rng } from "./rng.ts";
import type { ReviewRow, UnitLoopIntent, UnitReport, World } from "./types.ts";
import { viewTable } from "./view.ts";

/** Dates of the removals, between snapshots, so the weekly review of the week after shows each. */
export const removalDates = { enterprise: "2026-10-28", unit: "2026-11-16" };
const REVIEW_DATES = ["2025-06-30", "2025-12-31", "2026-06-30"];
const LATE_REVIEW = "2026-10-31";
const NEW_REVIEW = "2026-11-17";
const ITEM_DAYS = 60;
const ITEMS = ["改造进度滞后,需制定赶工计划", "进展报送不及时、数据不完整", "“小快轻准”产品清单未按期更新", "服务内容与合同约定不一致", "平台建设进度未达预期", "企业满意度回访不足"];

/** The first day of the month after `monthStart` (YYYY-MM-01), `n` months on. */
function plusMonths(monthStart: string, n: number): string {
  const [y, m] = monthStart.split("-").map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return isoDate(Math.floor(k / 12), (k % 12) + 1, 1);
}

export interface UnitLoop {
  reports: UnitReport[];
  reviews: ReviewRow[];
  intent: UnitLoopIntent;
}

export function makeUnitLoop(rng: Rng, w: World): UnitLoop {
  const last = w.snapshots.length - 1;
  const lastDay = w.snapshots[last]!;
  const months = plan.unitManagement.reportPeriodMonths;
  const dueDay = plan.unitManagement.reportDueDay;
  const rejected = rejectedIn(w.faults);
  const units = [...w.units].sort((a, b) => a.id.localeCompare(b.id));

  // Removals: one unit, and one diagnosed enterprise without a project that no fault ever rejects.
  const unit = rng.pick(units);
  Object.assign(unit, { removedOn: removalDates.unit, removedReason: "周期性考核不合格,取消牵引单位资格" });
  const firms = w.enterprises
    .filter((e) => e.fate === "diagnosedOnly" && e.inExportFrom === 0 && e.sme && w.snapshots.every((_, i) => !rejected("enterprises", e.uscc, i)))
    .sort((a, b) => a.uscc.localeCompare(b.uscc));
  Object.assign(rng.pick(firms), { removedOn: removalDates.enterprise, removedReason: `企业迁出${plan.city}` });

  // The projects as the last snapshot's warehouse holds them (rows the faults reject left out).
  const listed = new Map(viewTable(w, "enterprises", last).filter((r) => !rejected("enterprises", r.id, last)).map((r) => [r.id, r.values.removed_on as string | null]));
  const projects = viewTable(w, "projects", last)
    .filter((r) => !rejected("projects", r.id, last) && listed.has(r.values.uscc as string))
    .map((r) => r.values as { uscc: string; leading_unit_id: string; status: string; signed_on: string | null; accepted_on: string | null });
  const shown = (unitId: string, end: string) => {
    const mine = projects.filter((p) => p.leading_unit_id === unitId && !((listed.get(p.uscc) ?? "9999") <= end));
    const signed = mine.filter((p) => p.signed_on !== null && p.signed_on <= end);
    const accepted = (p: (typeof mine)[number]) => p.status === STATUS.accepted && p.accepted_on !== null && p.accepted_on <= end;
    return {
      enterprisesServed: new Set(signed.map((p) => p.uscc)).size,
      projectsSigned: signed.length,
      projectsInProgress: signed.filter((p) => !accepted(p) && p.status !== STATUS.failed && p.status !== STATUS.terminated).length,
      projectsAccepted: mine.filter(accepted).length,
    };
  };

  const onList = units.filter((u) => u !== unit);
  if (onList.length < 8) throw new Error(`scale too small: the unit loop needs 9 leading units, the sample has ${units.length}`);
  const [late1, late2, late3, miss1, miss2, bad1, bad2, bad3] = rng.shuffle([...onList]).slice(0, 8);
  const late = new Map([[`${late1!.id}|2025-12-01`, 25], [`${late2!.id}|2026-08-01`, 12], [`${late3!.id}|2026-10-01`, 4]]);
  const missing = new Set([`${miss1!.id}|2026-09-01`, `${miss2!.id}|2026-10-01`]);
  const bad = new Map<string, [keyof ReturnType<typeof shown>, number]>([
    [`${bad1!.id}|2026-09-01`, ["projectsAccepted", 8]],
    [`${bad2!.id}|2026-10-01`, ["projectsSigned", 2]],
    [`${bad3!.id}|2026-06-01`, ["projectsInProgress", -1]],
  ]);
  const figureKey = { enterprisesServed: "enterprises_served", projectsSigned: "projects_signed", projectsInProgress: "projects_in_progress", projectsAccepted: "projects_accepted" } as const;
  const intent: UnitLoopIntent = { late: [], missing: [], mismatches: [] };

  const reports: UnitReport[] = [];
  for (const u of units) {
    const sel = u.selectedOn;
    let period = sel.endsWith("-01") ? sel : plusMonths(sel.slice(0, 7) + "-01", 1);
    for (; ; period = plusMonths(period, months)) {
      const next = plusMonths(period, months);
      const end = addDays(next, -1);
      if (next > lastDay || end > plan.end || (u.removedOn !== undefined && next > u.removedOn)) break;
      const key = `${u.id}|${period}`;
      const due = addDays(next, dueDay - 1);
      const draw = rng.int(1, dueDay - 1);
      if (missing.has(key)) {
        intent.missing.push({ unit_id: u.id, period: period.slice(0, 7) });
        continue;
      }
      const lateBy = late.get(key);
      const submittedOn = lateBy !== undefined ? addDays(due, lateBy) : addDays(next, draw);
      if (lateBy !== undefined) intent.late.push({ unit_id: u.id, period: period.slice(0, 7) });
      const figures = shown(u.id, end);
      const wrong = bad.get(key);
      if (wrong) {
        const [field, by] = wrong;
        if (field === "projectsInProgress" && figures[field] === 0) throw new Error(`sample: ${u.id} has no project in progress in ${period}`);
        intent.mismatches.push({ unit_id: u.id, period: period.slice(0, 7), figure: figureKey[field], reported: figures[field] + by, exported: figures[field] });
        figures[field] += by;
      }
      reports.push({ unitId: u.id, period, submittedOn, ...figures, problems: rng.chance(0.15) ? rng.pick(["部分企业验收材料准备滞后", "企业自筹资金到位慢", "个别企业改造需求调整"]) : null });
    }
  }
  if (intent.late.length !== 3 || intent.missing.length !== 2 || intent.mismatches.length !== 3) throw new Error("sample: a unit chosen for the reports was selected too late");

  // Reviews: every unit on the list on the review day (selected at least 90 days before it).
  const reviews: ReviewRow[] = [];
  const review = (unitId: string, on: string, result: string, items: number, close: (deadline: string, i: number) => string | null) => {
    if (items === 0) {
      reviews.push({ unitId, reviewedOn: on, result, itemNo: null, item: null, deadline: null, closedOn: null });
      return;
    }
    const picked = rng.shuffle([...ITEMS]).slice(0, items);
    picked.forEach((item, i) => {
      const deadline = addDays(on, ITEM_DAYS);
      const closed = close(deadline, i);
      reviews.push({ unitId, reviewedOn: on, result, itemNo: String(i + 1), item, deadline, closedOn: closed !== null && closed <= lastDay ? closed : null });
    });
  };
  for (const on of REVIEW_DATES) {
    for (const u of units) {
      if (addDays(u.selectedOn, 90) > on || (u.removedOn !== undefined && u.removedOn <= on)) continue;
      const result = rng.weighted([["合格", 0.6], ["基本合格", 0.3], ["不合格", 0.1]] as const);
      const n = result === "合格" ? 0 : result === "基本合格" ? rng.int(1, 2) : rng.int(2, 3);
      const recent = on === REVIEW_DATES[REVIEW_DATES.length - 1];
      review(u.id, on, result, n, (deadline) => {
        const x = rng.next();
        if (recent && x < 0.25) return null; // still open: overdue on the last snapshot
        return x < 0.8 ? addDays(deadline, -rng.int(0, 40)) : addDays(deadline, rng.int(3, 30));
      });
    }
  }
  // Activity in the last weeks: reviews on 10-31 whose items fall due on 12-30… except two units' items
  // given a 15-day deadline (one closed on 11-18, one open: overdue from 11-16); a review on 11-17.
  const [r1, r2] = rng.shuffle([...onList]).slice(0, 2);
  reviews.push({ unitId: r1!.id, reviewedOn: LATE_REVIEW, result: "基本合格", itemNo: "1", item: ITEMS[1]!, deadline: addDays(LATE_REVIEW, 15), closedOn: "2026-11-18" });
  reviews.push({ unitId: r2!.id, reviewedOn: LATE_REVIEW, result: "不合格", itemNo: "1", item: ITEMS[0]!, deadline: addDays(LATE_REVIEW, 15), closedOn: null });
  reviews.push({ unitId: r2!.id, reviewedOn: LATE_REVIEW, result: "不合格", itemNo: "2", item: ITEMS[3]!, deadline: addDays(LATE_REVIEW, ITEM_DAYS), closedOn: null });
  reviews.push({ unitId: r1!.id, reviewedOn: NEW_REVIEW, result: "基本合格", itemNo: "1", item: ITEMS[2]!, deadline: addDays(NEW_REVIEW, 30), closedOn: null });
  return { reports, reviews, intent };
}

/**
 * truth.json's `unit_loop`: what the sample was built to hold, read on the last snapshot (and, for the
 * weekly review, between the last two): the late, missing and inconsistent reports (every other
 * report owed is on time and matches the projects), each 整改 item's state, and the removals.
 * Item states: closed when closed by the day; overdue when its deadline is before the day; else open.
 */
export function unitLoopTruth(w: World) {
  const last = w.snapshots[w.snapshots.length - 1]!;
  const prev = w.snapshots[w.snapshots.length - 2]!;
  const items = w.reviews
    .filter((r) => r.item !== null && r.reviewedOn <= last)
    .map((r) => ({
      unit_id: r.unitId,
      reviewed_on: r.reviewedOn,
      item_no: r.itemNo,
      deadline: r.deadline,
      closed_on: r.closedOn,
      status: r.closedOn !== null && r.closedOn <= last ? "closed" : r.deadline !== null && r.deadline < last ? "overdue" : "open",
    }));
  const key = (i: (typeof items)[number]) => `${i.unit_id}|${i.reviewed_on}|${i.item_no}`;
  const removals = [
    ...w.units.filter((u) => u.removedOn !== undefined).map((u) => ({ kind: "leading_unit", id: u.id, removed_on: u.removedOn!, removed_reason: u.removedReason! })),
    ...w.enterprises.filter((e) => e.removedOn !== undefined).map((e) => ({ kind: "enterprise", id: e.uscc, removed_on: e.removedOn!, removed_reason: e.removedReason! })),
  ];
  return {
    note: "Read on the last snapshot; 'last_week' between the last two. Reports: monthly, due by the 10th of the next month; every report owed and not listed here is on time and matches the projects table.",
    late_reports: w.unitLoopIntent.late,
    missing_reports: w.unitLoopIntent.missing,
    report_mismatches: w.unitLoopIntent.mismatches,
    rectification_items: items,
    removals,
    last_week: {
      items_opened: items.filter((i) => i.reviewed_on > prev).map(key),
      items_closed: items.filter((i) => i.closed_on !== null && i.closed_on > prev && i.closed_on <= last).map(key),
      items_gone_overdue: items.filter((i) => i.status === "overdue" && i.deadline! >= prev).map(key),
      removals: removals.filter((r) => r.removed_on > prev && r.removed_on <= last).map((r) => `${r.kind}|${r.id}`),
    },
  };
}
