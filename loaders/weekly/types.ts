/**
 * The weekly review: what changed between an earlier snapshot A (`before`) and the current one B
 * (`after`). computeWeekly builds it; the 周报 page, the markdown and the workbook all render
 * this one object, so their numbers cannot drift apart.
 */
import type { MilestoneRow } from "../kpi/milestones.ts";
import type { Breach, OverdueProject, ReviewItem, Status, StuckProject } from "../kpi/reportTypes.ts";

import type { UnitChanges } from "./unitChanges.ts";

/** One plan target on A and on B, and whether the change kept up with the rate A required. */
export interface TargetChange {
  key: string;
  label: string;
  short: string;
  unit: string;
  kind: "count" | "status" | "ratio";
  target: number | null;
  /** null only for a status target without a record (无数据). */
  before: number | null;
  after: number | null;
  /** after − before (includes late entries and revisions, not only new events); null when either is. */
  delta: number | null;
  status_before: Status;
  status_after: Status;
  pct_after: number | null;
  /** What B's date expects by the plan's line, and actual / expected. */
  expected_after: number | null;
  pct_of_expected_after: number | null;
  remaining_after: number | null;
  /** The weekly rate still required on A (remaining on A / weeks left on A); null for a status target or no week left. */
  required_weekly: number | null;
  /** required_weekly × weeks between A and B: what this period had to add. */
  required_for_period: number | null;
  /** delta ≥ required_for_period; null when nothing can be required (status target, no week left). */
  met: boolean | null;
}

/**
 * A kind of event counted between A's and B's dates: a pipeline stage (listed, diagnosed, signed,
 * accepted), a count target's key (loaders/weekly/rules.ts eventKinds), trainings or payments.
 */
export type EventKey = string;

/** New events of one kind, in total or in one district / industry. */
export interface EventCount {
  key: EventKey;
  label: string;
  /** Unit of `events`: 家, 个, 场, 笔. */
  unit: string;
  /** null for the total; else the district code or industry key (null code = 未注明). */
  code: string | null;
  /** District or industry name; "全市" for the total; "未注明" when the record has none. */
  name: string;
  /** Events dated after A and on or before B, as B records them. */
  events: number;
  /** Trainings: person-times; payments: 万元; null for the other kinds. */
  qty: number | null;
  /** Events B records as dated on or before A that A did not hold (entered late, or a fault fixed). */
  late: number;
  /** Position of the district (by code) or industry (plan order), for ordering tables; null for the total and 未注明. */
  ord: number | null;
}

/** A project whose 项目状态 differs between A and B (a new project: from null; a vanished one: to null). */
export interface StatusChange {
  project_id: string;
  project_name: string | null;
  enterprise: string | null;
  district: string | null;
  industry: string | null;
  leading_unit: string | null;
  from_status: string | null;
  to_status: string | null;
  /** forward = progress (rules.ts statusFlow); backward = a revision; new / removed = the row appeared / vanished. */
  kind: "forward" | "backward" | "new" | "removed";
  /** B's latest project date after A (签约/验收申请/验收 date), when there is one. */
  changed_on: string | null;
}

/** How many projects made one from → to move. */
export interface StatusTransition {
  from_status: string | null;
  to_status: string | null;
  kind: StatusChange["kind"];
  projects: number;
}

/**
 * A revision: a value that A held for a record of the past and B no longer holds (changed or
 * gone), or a whole row of A missing from B. Defined exactly in loaders/weekly/README.md.
 */
export interface Revision {
  table_key: string;
  table_zh: string;
  record_id: string;
  /** The record's own name (its first text column), when it has one. */
  label: string | null;
  /** The enterprise the record belongs to (its 统一社会信用代码 in A), when known. */
  enterprise: string | null;
  /** null: the whole row vanished. */
  column_key: string | null;
  column_zh: string | null;
  /** Contract column type (date, wan, bool, …) so the value can be written the Chinese way. */
  column_type: string | null;
  kind: "changed" | "cleared" | "row_removed";
  /** A's value as the warehouse stores it (null for a removed row). */
  before: string | null;
  /** B's value as stored; null when cleared or removed. */
  after: string | null;
  /** A's value in Chinese; for a removed row, the row written out as 列名:值 pairs. */
  before_text: string;
  /** B's value in Chinese ("空" when cleared, "整行删除" for a removed row). */
  after_text: string;
  /** For a removed row that B rejected: B's reason (error messages), else null (B does not hold it at all). */
  reason: string | null;
}

/** A data-quality problem present in one snapshot and not the other. */
export interface QualityChange {
  change: "new" | "fixed";
  table_key: string | null;
  record_id: string | null;
  code: string;
  column: string | null;
  severity: "error" | "warning";
  message_zh: string;
  file: string;
  row: number | null;
}

/** Issues (errors / warnings) of each snapshot. */
export interface QualityTotals {
  errors_before: number;
  errors_after: number;
  warnings_before: number;
  warnings_after: number;
}

/** One district's change in enterprises transformed and diagnosed. */
export interface DistrictMove {
  district_code: string;
  district: string;
  transformed_before: number;
  transformed_after: number;
  transformed_delta: number;
  diagnosed_before: number;
  diagnosed_after: number;
  diagnosed_delta: number;
  /** B's district target for enterprises transformed, when district_targets has one. */
  target: number | null;
  /** What the district had to add this period to stay on its target's line (as TargetChange). */
  required_for_period: number | null;
  /** required_for_period − transformed_delta (> 0: fell behind); null without a target. */
  shortfall: number | null;
}

/** A list that changed between A and B: what joined, what left, how long it is on each side. */
export interface ListChange<T, U = T> {
  added: T[];
  removed: U[];
  total_before: number;
  total_after: number;
}

/** A project that left the overdue or stuck list (accepted, terminated, or moving again). */
export interface ProjectLeft {
  project_id: string;
  project_name: string | null;
  enterprise: string | null;
  district: string | null;
  leading_unit: string | null;
  /** B's status (the list's own on A when it did not change; null when B no longer holds the project). */
  status_after: string | null;
}

export interface AttentionItem {
  kind: "gap" | "overdue" | "stuck" | "breach" | "review" | "district" | "revision" | "quality";
  /** One Chinese sentence; the page and the markdown print it as is. */
  text: string;
}

export interface WeeklyReview {
  plan: { title: string; city: string };
  /** Snapshot A (earlier). */
  before: string;
  /** Snapshot B (current). */
  after: string;
  days: number;
  /** days / 7. */
  weeks: number;
  /** Weeks left to the plan's end on B. */
  weeks_left: number;
  targets: TargetChange[];
  events: { totals: EventCount[]; by_district: EventCount[]; by_industry: EventCount[] };
  status_changes: StatusChange[];
  status_transitions: StatusTransition[];
  overdue: ListChange<OverdueProject, ProjectLeft>;
  stuck: ListChange<StuckProject, ProjectLeft> & { stuck_after_days: number };
  /** Breaches (超限) that appeared or went away, matched by rule + entity + period. */
  breaches: ListChange<Breach>;
  /** Review items (待核实) that appeared or went away, matched by rule + payment. */
  review_items: ListChange<ReviewItem>;
  /** Leading units' reports, 整改 items and list removals (五(五)–(六)) that changed this week. */
  units: UnitChanges;
  revisions: Revision[];
  quality: { totals: QualityTotals; changes: QualityChange[] };
  districts: DistrictMove[];
  /** Work streams (五(一)–(九)) whose deadline is 0…alert_days days after B (the monitor's 30-day convention). */
  milestones_due: { alert_days: number; rows: MilestoneRow[] };
  attention: AttentionItem[];
}
