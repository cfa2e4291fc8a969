// The pipeline page's tables as files: the overdue or stuck list (as currently filtered) and the stage table.
import type { OverdueProject, PipelineStage, StuckProject } from "../../../loaders/kpi/reportTypes.ts";
import { exportCols, percentCell } from "../shared/exportCells.js";
import { inputsTableExport } from "../shared/inputsTableExport.js";
import { projectTableOptions } from "./projectTableOptions.js";
import type { ExportTable } from "../shared/tableDownloads.js";

/** The rows `projects` in the list's columns and order (longest wait first); days as numbers, industry as its short name, dates ISO. */
export function projectExport(kind: "overdue" | "stuck", projects: readonly (OverdueProject | StuckProject)[], industries: { key: string; short: string }[]): ExportTable {
  const short = new Map(industries.map((i) => [i.key, i.short]));
  return inputsTableExport(projects, projectTableOptions(kind, industries), {
    values: { industry: (v, p) => short.get(p.industry_key ?? "") ?? (v as string | null) },
  });
}

/** One row per stage: enterprises, conversion from the stage before (%), median days since the stage before. */
export function stageExport(stages: readonly PipelineStage[]): ExportTable {
  return {
    columns: exportCols([["name", "阶段"], ["enterprises", "企业数(家)"], ["conversion", "转化率(%)"], ["median_days", "中位用时(天)"]]),
    rows: stages.map((s) => ({ name: s.name, enterprises: s.enterprises, conversion: percentCell(s.conversion), median_days: s.median_days == null ? null : Math.round(s.median_days) })),
  };
}
