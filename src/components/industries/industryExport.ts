// The industry comparison table as a file: one row per pilot industry, ordered by the headline count's rank.
import type { IndustryRow } from "../../../loaders/kpi/reportTypes.ts";
import type { HeadlineTarget, PageData } from "../../../loaders/outputs/pages.ts";
import { exportCols, percentCell } from "../shared/exportCells.js";
import type { ExportTable } from "../shared/tableDownloads.js";

/** The headline count (done, rank, share, in focus areas), the diagnosis count (done, share) when the plan has one, and the plan's focus areas per industry. */
export function industryExport(
  industries: readonly PageData<"industries">["industries"][number][],
  rows: readonly IndustryRow[],
  districts: readonly PageData<"industries">["districts"][number][],
  { headline, area }: { headline: readonly HeadlineTarget[]; area: string },
): ExportTable {
  const [main, second] = headline;
  const get = (key: string | undefined, ind: string) => rows.find((r) => r.key === key && r.industry_key === ind);
  const order = [...industries].sort((a, b) => (get(main?.key, a.key)?.rank ?? 99) - (get(main?.key, b.key)?.rank ?? 99));
  const short = (code: string) => districts.find((d) => d.code === code)?.short ?? code;
  return {
    columns: exportCols([
      ["industry", "行业"],
      ...(main ? ([["t_actual", `${main.short}完成(${main.unit})`], ["t_rank", `${main.short}排名`], ["t_share", `${main.short}占比(%)`], ["t_focus", `${main.short}其中重点${area}(${main.unit})`]] as const) : []),
      ...(second ? ([["d_actual", `${second.short}完成(${second.unit})`], ["d_share", `${second.short}占比(%)`]] as const) : []),
      ["focus", `方案重点${area}`],
    ]),
    rows: order.map((i) => {
      const t = get(main?.key, i.key);
      const d = get(second?.key, i.key);
      return {
        industry: i.name, t_actual: t?.actual, t_rank: t?.rank, t_share: percentCell(t?.share), t_focus: t?.focus_actual,
        d_actual: d?.actual, d_share: percentCell(d?.share), focus: i.focus_districts.map(short).join("、"),
      };
    }),
  };
}
