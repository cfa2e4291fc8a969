/**
 * What counts as progress rather than a revision, as data: a change of a past value is a revision
 * unless one of these rules says it is how that column normally moves forward.
 */
import type { TableKey } from "../contract/tables.ts";
import { tableByKey } from "../contract/tables.ts";
import { targetKind } from "../plan/measures.ts";
import type { Measure, PilotPlan } from "../plan/types.ts";
import type { EventKey } from "./types.ts";

/**
 * 项目状态 in the order a project moves through it (plan 五(四)–(七)). A later status is progress,
 * with two exceptions: an accepted or terminated project never moves on (any change is a
 * revision), and a project that failed its review may apply again.
 */
function statusMoves(plan: PilotPlan): [string, string][] {
  const [diagnosing, signed, implementing, applied, accepted, rejected, terminated] = plan.projectStatuses;
  const statusOrder = [diagnosing, signed, implementing, applied, rejected, accepted, terminated] as string[];
  const finalStatuses = new Set([accepted, terminated]);
  const reapplication: [string, string] = [rejected!, applied!];
  const moves: [string, string][] = [];
  statusOrder.forEach((from, i) => {
    if (finalStatuses.has(from)) return;
    for (const to of statusOrder.slice(i + 1)) moves.push([from, to]);
  });
  moves.push(reapplication);
  return moves;
}

/** Every (from, to) move of projects.status that is progress under `plan`. */
export function statusFlow(plan: PilotPlan): [string, string][] {
  return rulesOf(plan).statusFlow.map(([from, to]) => [from, to]);
}

/** A column whose value moves forward along a flow of values (a state). */
export interface StateColumn {
  table: TableKey;
  column: string;
  forward: [string, string][];
}

/** Running totals: the amount to date, so growth is progress and only a decrease is a revision. */
export const runningTotals: { table: TableKey; column: string }[] = [
  // 实付利息: interest paid on the loan so far (it accrues monthly).
  { table: "loans", column: "interest_paid_wan" },
];

/** A kind of new event the review counts: label and the unit of a count. */
export interface EventKind {
  key: EventKey;
  label: string;
  unit: string;
  qtyUnit?: string;
}

interface Rules {
  statusFlow: [string, string][];
  stateColumns: StateColumn[];
  eventKinds: EventKind[];
}

const built = new WeakMap<PilotPlan, Rules>();

/** The rules for `plan`, built and checked once per plan object. */
function rulesOf(plan: PilotPlan): Rules {
  const known = built.get(plan);
  if (known !== undefined) return known;
  const flow = statusMoves(plan);
  const stateColumns: StateColumn[] = [{ table: "projects", column: "status", forward: statusMoves(plan) }];

  // A rule naming a column the contract lacks would silently never apply.
  for (const r of [...stateColumns, ...runningTotals]) {
    if (!tableByKey(plan, r.table).columns.some((c) => c.key === r.column)) throw new Error(`weekly rule names unknown column ${r.table}.${r.column}`);
  }
  for (const [from, to] of flow) {
    if (!plan.projectStatuses.includes(from) || !plan.projectStatuses.includes(to)) throw new Error(`status flow names ${from} → ${to}`);
  }

  const rules: Rules = { statusFlow: flow, stateColumns, eventKinds: planEvents(plan) };
  built.set(plan, rules);
  return rules;
}

/** State columns under `plan`: a move along `forward` is progress, any other change of a past value a revision. */
export function stateColumns(plan: PilotPlan): readonly StateColumn[] {
  return rulesOf(plan).stateColumns;
}

/**
 * The kinds of new event under `plan`, in the order the review lists them: the pipeline's stages,
 * then each count target whose rows are events (enterprises reaching it, recognitions, providers,
 * products; not a stage key again, not a share or status), trainings, payments.
 */
function planEvents(plan: PilotPlan): EventKind[] {
  const stages: EventKind[] = [
    { key: "listed", label: "企业入库", unit: "家" },
    { key: "diagnosed", label: "完成诊断评测", unit: "家" },
    { key: "signed", label: "签约改造", unit: "家" },
    { key: "accepted", label: "改造验收通过", unit: "家" },
  ];
  const stageKeys = new Set(stages.map((s) => s.key));
  const counts = plan.targets.filter((t) => targetKind(t.measure) === "count" && !stageKeys.has(t.key));
  const of = (kinds: Measure["kind"][], verb: string): EventKind[] =>
    counts.filter((t) => kinds.includes(t.measure.kind)).map((t) => ({ key: t.key, label: `${verb}${t.short}`, unit: t.unit }));
  return [
    ...stages,
    ...of(["enterprises_at_level", "enterprises_assessed", "enterprises_signed", "cloud_adoption"], ""),
    ...of(["recognitions"], "认定"),
    ...of(["providers"], "遴选"),
    ...of(["products"], "入库"),
    { key: "trainings", label: "举办培训", unit: "场", qtyUnit: "人次" },
    { key: "payments", label: "资金拨付", unit: "笔", qtyUnit: "万元" },
  ];
}

/** The kinds of new event the review counts under `plan`, in the order it lists them. */
export function eventKinds(plan: PilotPlan): readonly EventKind[] {
  return rulesOf(plan).eventKinds;
}
