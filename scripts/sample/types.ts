/** The simulated world: every entity once, with the dates of its events. Snapshots are views of it. */
import type { IssueCode } from "../../loaders/ingest/issues.ts";
import type { TableKey } from "../../loaders/contract/tables.ts";
import type { FundDirectionKey } from "../../loaders/plan/types.ts";
import type { ISO } from "./days.ts";
import type { Fate } from "./knobs.ts";

export interface Enterprise {
  seq: number;
  uscc: string;
  name: string;
  /** Brand + trade, used inside recognition and project names. */
  short: string;
  district: string;
  industry: string;
  employees: number;
  revenueWan: number;
  tier: string;
  surveyedOn: ISO;
  listedOn: ISO | null;
  contact: string;
  phone: string;
  /** How fast this firm moves through the pipeline (district × industry × luck). */
  pace: number;
  fate: Fate;
  sme: boolean;
  /** First snapshot index whose enterprise export lists the firm (0 = always; later = the desk forgot it). */
  inExportFrom: number;
  /** 五(五) 动态调整: taken off the list on this day (shown from the first snapshot on or after it). */
  removedOn?: ISO;
  removedReason?: string;
  /** 上云用云 day (plans with a cloud_adoption target only; shown from the first snapshot on or after it). */
  cloudOn?: ISO;
}

export interface StatusEvent {
  on: ISO;
  status: string;
}

export interface Project {
  id: string;
  uscc: string;
  name: string;
  unitId: string;
  providerId: string | null;
  createdOn: ISO;
  signedOn: ISO | null;
  plannedEnd: ISO | null;
  contractWan: number | null;
  verifiedWan: number | null;
  appliedOn: ISO | null;
  acceptedOn: ISO | null;
  /** Status timeline, oldest first, strictly increasing dates. */
  events: StatusEvent[];
  /** 1 for an enterprise's first project, 2 for a restart or a phase-2 project. */
  ordinal: 1 | 2;
  /** A signed date corrected from snapshot `from` on (the earlier snapshots show the old value). */
  signedOnRevised?: { from: number; before: ISO };
}

export interface Assessment {
  id: string;
  uscc: string;
  kind: string;
  on: ISO;
  basis: number;
  management: number;
  outcome: number;
  /** The level as reported (what the export says). */
  level: number;
  /** Scenario levels in plan.levels.scenarios order, for 改造后 assessments only. */
  scenarioLevels: number[] | null;
  /** Level the scores (and scenarios) support, when it differs from the reported one. */
  computedLevel: number | null;
}

export interface LeadingUnit {
  id: string;
  name: string;
  short: string;
  uscc: string;
  industry: string;
  selectedOn: ISO;
  /** Award tier (一档 …), null when the plan sets none. */
  tier: string | null;
  /** 五(五) 动态调整: taken off the list on this day (shown from the first snapshot on or after it). */
  removedOn?: ISO;
  removedReason?: string;
}

/** A leading unit's progress report for one month (五(五)); figures cumulative to the period's end. */
export interface UnitReport {
  unitId: string;
  /** YYYY-MM-01 */
  period: ISO;
  submittedOn: ISO;
  enterprisesServed: number;
  projectsSigned: number;
  projectsInProgress: number;
  projectsAccepted: number;
  problems: string | null;
}

/** One 整改 item of a periodic review (五(六)); a review without items has item null. */
export interface ReviewRow {
  unitId: string;
  reviewedOn: ISO;
  result: string;
  itemNo: string | null;
  item: string | null;
  deadline: ISO | null;
  closedOn: ISO | null;
}

export interface Provider {
  id: string;
  name: string;
  short: string;
  uscc: string;
  selectedOn: ISO;
  unitId: string | null;
}

export interface Product {
  id: string;
  name: string;
  providerId: string;
  stage: string;
  industry: string | null;
  listedOn: ISO;
  priceWan: number;
}

export interface Recognition {
  id: string;
  kind: string;
  name: string;
  district: string | null;
  industry: string | null;
  uscc: string | null;
  on: ISO;
  /** Snapshot index from which the recognition is withdrawn (gone from the export). */
  removedFrom?: number;
}

export interface Training {
  id: string;
  name: string;
  organizer: string;
  on: ISO;
  district: string;
  audience: string;
  personTimes: number;
}

export interface Loan {
  id: string;
  uscc: string;
  bank: string;
  principalWan: number;
  issuedOn: ISO;
  /** Annual rate, e.g. 0.04. */
  rate: number;
  termMonths: number;
  /** Repaid early: interest stops after this many months. */
  repaidAfterMonths?: number;
}

export interface Payment {
  id: string;
  direction: FundDirectionKey;
  source: string;
  payee: string;
  projectId: string | null;
  loanId: string | null;
  district: string | null;
  amountWan: number;
  paidOn: ISO;
  /** An amount corrected from snapshot `from` on (earlier snapshots show `before`). */
  amountRevised?: { from: number; before: number };
}

export interface DistrictTarget {
  district: string;
  indicator: string;
  target: number;
}

/** A fault in one cell of an entity's row, over a range of snapshots (indexes, inclusive). */
export interface CellFault {
  kind: "cell";
  code: IssueCode;
  table: TableKey;
  id: string;
  /** Contract column key; the fault names the column's header as the file writes it. */
  column: string;
  from: number;
  to: number;
  /** What the cell holds instead, as written; absent = the regular value (the fault lies elsewhere, e.g. an unknown reference). */
  value?: string | number | null;
  /** Or a canonical value (ISO date …) written in the file's own style. */
  canon?: string | number | null;
  /** Whether the validator rejects the row (NOT_SME only warns). */
  rejects: boolean;
}

/** A row that exists in the file but not in the world: a double entry, a reversal, a typo'd payment. */
export interface ExtraRowFault {
  kind: "extra";
  code: IssueCode;
  table: TableKey;
  column: string;
  from: number;
  to: number;
  /** Stable key for the row's quirks. */
  key: string;
  /** Copy this entity's row as the snapshot shows it … */
  copyOf?: string;
  /** … or write these canonical values. */
  values?: Record<string, string | number | boolean | null>;
  /** Cells (by column key) replaced after formatting. */
  override?: Record<string, string | number | null>;
  /** Insert right after this entity's row; absent = after the last data row. */
  after?: string;
}

export type FaultSpec = CellFault | ExtraRowFault;

/** A review item (待核实): one payment a person must look at, under one rule. */
export interface ReviewItem {
  rule: string;
  payment_id: string;
  amount_wan: number;
}

export interface Breach {
  rule: string;
  entity_id: string;
  amount_wan: number;
  limit_wan: number;
}

export interface World {
  seed: string;
  scale: number;
  snapshots: ISO[];
  enterprises: Enterprise[];
  projects: Project[];
  assessments: Assessment[];
  units: LeadingUnit[];
  providers: Provider[];
  products: Product[];
  recognitions: Recognition[];
  trainings: Training[];
  loans: Loan[];
  payments: Payment[];
  districtTargets: DistrictTarget[];
  faults: FaultSpec[];
  /** Breaches the world was built to hold, keyed "rule|entity": checked against what the rules find. */
  intendedBreaches: Set<string>;
  /** Snapshot index from which a project's acceptance is withdrawn (for the revisions list). */
  withdrawals: { projectId: string; from: number }[];
  unitReports: UnitReport[];
  reviews: ReviewRow[];
  /** What the unit loop was built to hold (late, missing and inconsistent reports), for truth.json. */
  unitLoopIntent: UnitLoopIntent;
}

export interface UnitLoopIntent {
  late: { unit_id: string; period: string }[];
  missing: { unit_id: string; period: string }[];
  mismatches: { unit_id: string; period: string; figure: string; reported: number; exported: number }[];
}
