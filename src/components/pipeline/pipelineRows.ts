// Unpacks the pipeline page's overdue and stuck lists (loaders/outputs/pipelineLists.ts: each
// project once, words as dictionary indexes) into the report's rows, in the report's order.
import type { OverdueProject, StuckProject } from "../../../loaders/kpi/reportTypes.ts";
import type { PackedPipelineLists } from "../../../loaders/outputs/pipelineLists.ts";

/** The overdue and stuck lists as the report gives them. */
export function pipelineRows(packed: PackedPipelineLists): { overdue: OverdueProject[]; stuck: StuckProject[] } {
  const dict: Record<string, (string | null)[]> = packed.dict;
  const columns = Object.entries(packed.projects as Record<string, (string | number | null)[]>);
  // Each project's fields once (a field with a dict holds indexes into it); each list's rows add their own date and day count.
  const base = packed.projects.project_id.map((_, i) => {
    const row: Record<string, string | null> = {};
    for (const [f, values] of columns) row[f] = f in dict ? (dict[f]![values[i] as number] ?? null) : ((values[i] as string | null) ?? null);
    return row;
  });
  return {
    overdue: packed.overdue.map(([i, planned_end, days_overdue]) => ({ ...base[i], planned_end, days_overdue }) as OverdueProject),
    stuck: packed.stuck.map(([i, last_change_on, days_since_change]) => ({ ...base[i], last_change_on, days_since_change }) as StuckProject),
  };
}
