/**
 * The /pipeline page's overdue and stuck lists, packed. The page filters the whole list in the
 * browser (district, industry, leading unit, text), so every row must ship; as the report's
 * objects they were 4.1 MB raw / 414 KB gzip at scale 50. Packed:
 *
 * - each project once (`projects`, one array per field), though about a third of the stuck list
 *   is also overdue, with repeated words (district, industry, leading unit, status) as indexes
 *   into `dict`;
 * - each list as [project position, date, days] rows in the report's order (longest wait first).
 *
 * src/components/pipeline/pipelineRows.ts unpacks it into rows equal to the report's
 * (test/outputs/pipelineLists.test.ts). JSON, not Arrow: measured at scale 10, Arrow IPC of the
 * lists (every text column a dictionary) was 67 KB gzip against 48 KB for this, and slower to turn
 * into rows (docs/benchmarks.md, 4a).
 */
import type { OverdueProject, StuckProject } from "../kpi/reportTypes.ts";

/** Fields of a project stored as text, one entry per project. */
export const projectText = ["project_id", "project_name", "uscc", "enterprise"] as const;
/** Fields stored as an index into dict[field]. */
export const projectWords = ["district_code", "district", "industry_key", "industry", "leading_unit_id", "leading_unit", "status"] as const;

type Project = OverdueProject | StuckProject;

export interface PackedPipelineLists {
  dict: Record<(typeof projectWords)[number], (string | null)[]>;
  projects: Record<(typeof projectText)[number], (string | null)[]> & Record<(typeof projectWords)[number], number[]>;
  /** [project position, planned_end, days_overdue] */
  overdue: [number, string, number][];
  /** [project position, last_change_on, days_since_change] */
  stuck: [number, string, number][];
}

/** Both lists packed (see the module comment). */
export function packPipelineLists(overdue: readonly OverdueProject[], stuck: readonly StuckProject[]): PackedPipelineLists {
  const dict = Object.fromEntries(projectWords.map((f) => [f, []])) as unknown as PackedPipelineLists["dict"];
  const seen = new Map(projectWords.map((f) => [f, new Map<string | null, number>()]));
  const code = (f: (typeof projectWords)[number], v: string | null): number => {
    const m = seen.get(f)!;
    let i = m.get(v);
    if (i === undefined) m.set(v, (i = dict[f].push(v) - 1));
    return i;
  };
  const projects = Object.fromEntries([...projectText, ...projectWords].map((f) => [f, []])) as unknown as PackedPipelineLists["projects"];
  const position = new Map<string, number>();
  const at = (p: Project): number => {
    let i = position.get(p.project_id);
    if (i === undefined) {
      position.set(p.project_id, (i = projects.project_id.length));
      for (const f of projectText) projects[f].push(p[f] ?? null);
      for (const f of projectWords) projects[f].push(code(f, p[f] ?? null));
    }
    return i;
  };
  return {
    dict,
    projects,
    overdue: overdue.map((p) => [at(p), p.planned_end, p.days_overdue]),
    stuck: stuck.map((p) => [at(p), p.last_change_on, p.days_since_change]),
  };
}
