/** Rules that look at one row as a whole, after its cells were normalised. */
import type { Table } from "../../contract/tables.ts";
import type { PilotPlan } from "../../plan/types.ts";
import type { IssueCode } from "../issues.ts";
import { classifySize, smeStatus } from "../normalise/index.ts";

export type RecordValue = string | number | boolean | null;
export type Rec = Record<string, RecordValue>;
export type Report = (code: IssueCode, column: string, params?: Record<string, unknown>) => void;

/** Dates that describe a plan rather than an event may lie after the snapshot (a 整改期限 too). */
const futureDates = new Set(["planned_end", "deadline"]);

/** Statuses that need a signing date, and the one that needs an acceptance date. */
const signedStatuses = new Set(["已签约", "实施中", "验收申请", "验收通过", "验收未通过"]);
const acceptedStatus = "验收通过";

/** Check one row against `plan`; `report` names a column key. Adds derived fields to `rec` (enterprise size). */
export function checkRow(plan: PilotPlan, table: Table, rec: Rec, snapshot: string, report: Report): void {
  for (const c of table.columns) {
    if (c.type !== "date" || futureDates.has(c.key)) continue;
    const v = rec[c.key];
    if (typeof v === "string" && v > snapshot) report("DATE_AFTER_SNAPSHOT", c.key, { value: v, snapshot });
  }
  switch (table.key) {
    case "enterprises":
      return checkEnterprise(plan, rec, report);
    case "assessments":
      return checkScores(plan, rec, report);
    case "projects":
      return checkProject(table, rec, report);
    case "unit_reviews":
      return checkReview(table, rec, report);
    default:
      return;
  }
}

function checkEnterprise(plan: PilotPlan, rec: Rec, report: Report): void {
  const employees = rec.employees as number | null;
  const revenue = rec.revenue_wan as number | null;
  rec.size_class = classifySize(employees, revenue, plan);
  rec.is_sme = smeStatus(employees, revenue, plan);
  if (rec.is_sme === false) report("NOT_SME", "employees", { employees, revenue });
}

function checkScores(plan: PilotPlan, rec: Rec, report: Report): void {
  const max = plan.levels.scoreMax;
  const parts: [string, number][] = [
    ["score_basis", max.basis],
    ["score_management", max.management],
    ["score_outcome", max.outcome],
  ];
  for (const [key, top] of parts) {
    const v = rec[key];
    if (typeof v === "number" && (v < 0 || v > top)) report("VALUE_OUT_OF_RANGE", key, { value: v, min: 0, max: top });
  }
}

function checkProject(table: Table, rec: Rec, report: Report): void {
  const zh = (key: string) => table.columns.find((c) => c.key === key)?.zh ?? key;
  const signed = rec.signed_on as string | null;
  const applied = rec.applied_on as string | null;
  const accepted = rec.accepted_on as string | null;
  const order = (later: string, laterV: string | null, earlier: string, earlierV: string | null): boolean => {
    if (laterV && earlierV && laterV < earlierV) {
      report("DATE_ORDER", later, { column: zh(later), value: laterV, other: zh(earlier), otherValue: earlierV });
      return true;
    }
    return false;
  };
  // One ordering fault per row is enough to reject it; the widest span is the clearest message.
  order("accepted_on", accepted, "signed_on", signed) ||
    order("applied_on", applied, "signed_on", signed) ||
    order("accepted_on", accepted, "applied_on", applied);

  const status = rec.status as string | null;
  if (status && signedStatuses.has(status) && !signed) {
    report("STATUS_DATE_MISSING", "signed_on", { status, column: zh("signed_on") });
  }
  if (status === acceptedStatus && !accepted) {
    report("STATUS_DATE_MISSING", "accepted_on", { status, column: zh("accepted_on") });
  }
}

/** A 整改 item is closed, and falls due, on or after the review that raised it. */
function checkReview(table: Table, rec: Rec, report: Report): void {
  const zh = (key: string) => table.columns.find((c) => c.key === key)?.zh ?? key;
  const reviewed = rec.reviewed_on as string | null;
  for (const later of ["closed_on", "deadline"]) {
    const v = rec[later] as string | null;
    if (v && reviewed && v < reviewed) {
      report("DATE_ORDER", later, { column: zh(later), value: v, other: zh("reviewed_on"), otherValue: reviewed });
      return;
    }
  }
}
