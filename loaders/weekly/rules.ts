/**
 * What counts as progress rather than a revision, as data: a change of a past value is a revision
 * unless one of these rules says it is how that column normally moves forward.
 */
import type { TableKey } from "../contract/tables.ts";
import { tableByKey } from "../contract/tables.ts";
import type { PilotPlan } from "../plan/types.ts";
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

  const target = (key: string): string => plan.targets.find((t) => t.key === key)?.short ?? key;
  const eventKinds: EventKind[] = [
    { key: "listed", label: "企业入库", unit: "家" },
    { key: "diagnosed", label: "完成诊断评测", unit: "家" },
    { key: "signed", label: "签约改造", unit: "家" },
    { key: "accepted", label: "改造验收通过", unit: "家" },
    { key: "enterprises_transformed", label: target("enterprises_transformed"), unit: "家" },
    { key: "digital_workshops", label: `认定${target("digital_workshops")}`, unit: "个" },
    { key: "smart_factories", label: `认定${target("smart_factories")}`, unit: "个" },
    { key: "scenarios", label: `认定${target("scenarios")}`, unit: "个" },
    { key: "chain_cases", label: `认定${target("chain_cases")}`, unit: "个" },
    { key: "clusters", label: `认定${target("clusters")}`, unit: "个" },
    { key: "service_providers", label: `遴选${target("service_providers")}`, unit: "家" },
    { key: "products", label: `入库${target("products")}`, unit: "个" },
    { key: "trainings", label: "举办培训", unit: "场", qtyUnit: "人次" },
    { key: "payments", label: "资金拨付", unit: "笔", qtyUnit: "万元" },
  ];
  const rules: Rules = { statusFlow: flow, stateColumns, eventKinds };
  built.set(plan, rules);
  return rules;
}

/** State columns under `plan`: a move along `forward` is progress, any other change of a past value a revision. */
export function stateColumns(plan: PilotPlan): readonly StateColumn[] {
  return rulesOf(plan).stateColumns;
}

/** The kinds of new event the review counts under `plan`, in the order it lists them. */
export function eventKinds(plan: PilotPlan): readonly EventKind[] {
  return rulesOf(plan).eventKinds;
}
