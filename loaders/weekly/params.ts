/** The named parameters weekly queries bind: the KPI bag on B, the two snapshots and the progress rules. */
import { DATE, LIST, STRUCT, VARCHAR, listValue, structValue } from "@duckdb/node-api";
import { isoDate, kpiParams, type KpiParams } from "../kpi/params.ts";
import type { PilotPlan } from "../plan/types.ts";
import { eventKinds, runningTotals, stateColumns } from "./rules.ts";

/** Every parameter a weekly query may name, comparing snapshot `before` (A) with `after` (B). */
export function weeklyParams(plan: PilotPlan, before: string, after: string): KpiParams {
  return {
    ...kpiParams(plan, after, after),
    before: { value: isoDate(before), type: DATE },
    after: { value: isoDate(after), type: DATE },
    state_moves: {
      value: listValue(
        stateColumns(plan).flatMap((s) => s.forward.map(([from, to]) => structValue({ table_key: s.table, column_key: s.column, from_value: from, to_value: to }))),
      ),
      type: LIST(STRUCT({ table_key: VARCHAR, column_key: VARCHAR, from_value: VARCHAR, to_value: VARCHAR })),
    },
    project_statuses: { value: listValue([...plan.projectStatuses]), type: LIST(VARCHAR) },
    event_keys: { value: listValue(eventKinds(plan).map((k) => k.key)), type: LIST(VARCHAR) },
    running_totals: {
      value: listValue(runningTotals.map((r) => structValue({ table_key: r.table, column_key: r.column }))),
      type: LIST(STRUCT({ table_key: VARCHAR, column_key: VARCHAR })),
    },
  };
}
