// The industry comparison table as a file: one row per pilot industry, ordered by the transformed rank.
import type { IndustryRow } from "../../../loaders/kpi/reportTypes.ts";
import type { PageData } from "../../../loaders/outputs/pages.ts";
import { exportCols, percentCell } from "../shared/exportCells.js";
import type { ExportTable } from "../shared/tableDownloads.js";

/** Transformed (done, rank, share, in focus districts), diagnosed (done, share) and the plan's focus districts per industry. */
export function industryExport(
  industries: readonly PageData<"industries">["industries"][number][],
  rows: readonly IndustryRow[],
  districts: readonly PageData<"industries">["districts"][number][],
): ExportTable {
  const get = (key: string, ind: string) => rows.find((r) => r.key === key && r.industry_key === ind);
  const order = [...industries].sort((a, b) => (get("enterprises_transformed", a.key)?.rank ?? 99) - (get("enterprises_transformed", b.key)?.rank ?? 99));
  const short = (code: string) => districts.find((d) => d.code === code)?.short ?? code;
  return {
    columns: exportCols([
      ["industry", "行业"], ["t_actual", "改造达二级完成(家)"], ["t_rank", "改造达二级排名"], ["t_share", "改造达二级占比(%)"], ["t_focus", "改造达二级其中重点区(家)"],
      ["d_actual", "诊断评测完成(家)"], ["d_share", "诊断评测占比(%)"], ["focus", "方案重点区"],
    ]),
    rows: order.map((i) => {
      const t = get("enterprises_transformed", i.key);
      const d = get("diagnosed", i.key);
      return {
        industry: i.name, t_actual: t?.actual, t_rank: t?.rank, t_share: percentCell(t?.share), t_focus: t?.focus_actual,
        d_actual: d?.actual, d_share: percentCell(d?.share), focus: i.focus_districts.map(short).join("、"),
      };
    }),
  };
}
