// The district comparison tables as files: one row per district (or per target), numbers as shown.
import type { DistrictRow } from "../../../loaders/kpi/reportTypes.ts";
import type { PageData } from "../../../loaders/outputs/pages.ts";
import { exportCols, percentCell } from "./exportCells.js";
import type { ExportTable } from "./tableDownloads.js";
import type { Cell } from "./tableExport.js";

// The two enterprise targets every district table compares, with the words the tables use.
const targets = [["enterprises_transformed", "改造达二级"], ["diagnosed", "诊断评测"]] as const;

/** One row per district (`districts`, else those in `rows`) by the transformed rank: done, rank, district target, %, below pace, share per target present; focus district. */
export function districtExport(
  rows: readonly DistrictRow[],
  { elapsed, districts = [...new Map(rows.map((r) => [r.district_code, { code: r.district_code, name: r.district }])).values()] }: { elapsed: number; districts?: readonly Pick<PageData<"districts">["districts"][number], "code" | "name">[] },
): ExportTable {
  const present = targets.filter(([key]) => rows.some((r) => r.key === key));
  const hasTargets = rows.some((r) => present.some(([key]) => key === r.key) && r.target != null);
  const get = (key: string, code: string) => rows.find((r) => r.key === key && r.district_code === code);
  const first = present[0]?.[0] ?? "";
  const order = [...districts].sort((a, b) => (get(first, a.code)?.rank ?? 99) - (get(first, b.code)?.rank ?? 99));
  const columns = exportCols([
    ["district", "区"],
    ...present.flatMap(([key, name]) => [
      [`${key}.actual`, `${name}完成(家)`] as const,
      [`${key}.rank`, `${name}排名`] as const,
      ...(hasTargets ? ([[`${key}.target`, `${name}区目标(家)`], [`${key}.pct`, `${name}完成率(%)`], [`${key}.below`, `${name}低于进度`]] as const) : []),
      [`${key}.share`, `${name}占全市(%)`] as const,
    ]),
    ["focus", "方案重点区"],
  ]);
  return {
    columns,
    rows: order.map((d) => {
      const out: Record<string, Cell> = { district: d.name, focus: get(first, d.code)?.is_focus ?? null };
      for (const [key] of present) {
        const r = get(key, d.code);
        Object.assign(out, {
          [`${key}.actual`]: r?.actual,
          [`${key}.rank`]: r?.rank,
          [`${key}.target`]: r?.target,
          [`${key}.pct`]: percentCell(r?.pct),
          [`${key}.below`]: r?.pct == null ? null : r.pct < elapsed,
          [`${key}.share`]: percentCell(r?.share),
        });
      }
      return out;
    }),
  };
}

/** A district's other targets, in `targets` order, skipping `exclude`: count, rank among the districts, share of the city. */
export function districtIndicatorExport(rows: readonly DistrictRow[], targetNames: readonly PageData<"districts">["targets"][number][], { exclude = [] as string[] } = {}): ExportTable {
  return {
    columns: exportCols([["target", "指标"], ["unit", "单位"], ["actual", "本区"], ["rank", "全市排名"], ["share", "占全市(%)"]]),
    rows: targetNames
      .filter((t) => !exclude.includes(t.key))
      .flatMap((t) => {
        const r = rows.find((x) => x.key === t.key);
        return r ? [{ target: t.short, unit: t.unit, actual: r.actual, rank: r.rank, share: percentCell(r.share) }] : [];
      }),
  };
}
