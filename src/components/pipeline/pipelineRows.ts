// Unpacks the pipeline page's overdue and stuck lists (loaders/outputs/pipelineLists.ts: each
// project once, words as dictionary indexes) into the report's rows, in the report's order.
import type { OverdueProject, StuckProject } from "../../../loaders/kpi/reportTypes.ts";
import type { PackedPipelineLists } from "../../../loaders/outputs/pipelineLists.ts";

/** The overdue and stuck lists as the report gives them. */
export function pipelineRows(packed: PackedPipelineLists): { overdue: OverdueProject[]; stuck: StuckProject[] } {
  const dict: Record<string, (string | null)[]> = packed.dict;
  // A field with a dict holds indexes into it; the others hold the text.
  const columns = Object.entries(packed.projects as Record<string, (string | number | null)[]>).map(([f, values]) => ({ f, values, words: dict[f] }));
  // One object per list row, filled field by field (no intermediate objects: ~9,000 rows at scale 50).
  const row = (i: number): Record<string, unknown> => {
    const r: Record<string, unknown> = {};
    for (const { f, values, words } of columns) r[f] = words ? (words[values[i] as number] ?? null) : ((values[i] as string | null) ?? null);
    return r;
  };
  return {
    overdue: packed.overdue.map(([i, planned_end, days_overdue]) => {
      const r = row(i);
      r.planned_end = planned_end;
      r.days_overdue = days_overdue;
      return r as unknown as OverdueProject;
    }),
    stuck: packed.stuck.map(([i, last_change_on, days_since_change]) => {
      const r = row(i);
      r.last_change_on = last_change_on;
      r.days_since_change = days_since_change;
      return r as unknown as StuckProject;
    }),
  };
}
