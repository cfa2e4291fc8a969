/**
 * The plan's dated work streams (五(一)–(九)) against the data date: where each stands, how many
 * days are left to its deadline, and whether that deadline falls within the alert window.
 *
 * "Today" is the data date (the report's as-of: the snapshot's 截止日期 unless --as-of says
 * otherwise), never the wall clock, so a rebuild of an old snapshot gives the same answer.
 * Days are calendar days counted in UTC from "YYYY-MM-DD" strings: no time zone shifts a day.
 */
import type { Milestone, PilotPlan } from "../plan/types.ts";

export type MilestoneState = "未开始" | "进行中" | "持续开展" | "已到期";

export interface MilestoneRow {
  key: string;
  name: string;
  cite: string;
  /** The period exactly as the plan writes it. */
  words: string;
  /** First and last day under the monitor's month convention; null where the plan gives none. */
  from: string | null;
  to: string | null;
  /** The pilot's final acceptance (五(八)). */
  final: boolean;
  state: MilestoneState;
  /** Days from the data date to `to` (negative once passed); null without a deadline. */
  days_left: number | null;
  /** 0 ≤ days_left ≤ alert window (monitor's convention). */
  due_soon: boolean;
}

export interface Milestones {
  /** The data date the rows are judged on. */
  as_of: string;
  /** The alert window in days (plan.monitoring.milestoneAlertDays, the monitor's convention). */
  alert_days: number;
  rows: MilestoneRow[];
}

const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** Signed whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** One work stream on the data date `asOf`. */
export function milestoneRow(m: Milestone, asOf: string, alertDays: number): MilestoneRow {
  const daysLeft = m.to ? daysBetween(asOf, m.to) : null;
  const state: MilestoneState =
    m.from && asOf < m.from ? "未开始"
    : daysLeft == null ? "持续开展"
    : daysLeft < 0 ? "已到期"
    : "进行中";
  return {
    key: m.key,
    name: m.name,
    cite: m.cite,
    words: m.words,
    from: m.from ?? null,
    to: m.to ?? null,
    final: m.final === true,
    state,
    days_left: daysLeft,
    due_soon: daysLeft != null && daysLeft >= 0 && daysLeft <= alertDays,
  };
}

/** Every work stream of the plan on the data date `asOf`, in the plan's order. */
export function milestones(plan: PilotPlan, asOf: string): Milestones {
  const alert = plan.monitoring.milestoneAlertDays;
  return { as_of: asOf, alert_days: alert, rows: plan.milestones.map((m) => milestoneRow(m, asOf, alert)) };
}
