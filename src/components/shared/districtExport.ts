// The district comparison tables as files: one row per district (or per target), numbers as shown.
import type { DistrictRow } from "../../../loaders/kpi/reportTypes.ts";
import type { HeadlineTarget, PageData } from "../../../loaders/outputs/pages.ts";
import { exportCols, percentCell } from "./exportCells.js";
import type { ExportTable } from "./tableDownloads.js";
import type { Cell } from "./tableExport.js";

/**
 * One row per district (`districts`, else those in `rows`) by the headline count's rank: done, rank,
 * district target, %, below pace (none when `elapsed` is null), share per headline target present
 * (data/plan.json headline); focus district. `area` is the plan's word for its areas (区, 县 …).
 */
export function districtExport(
  rows: readonly DistrictRow[],
  { elapsed, headline, area, districts = [...new Map(rows.map((r) => [r.district_code, { code: r.district_code, name: r.district }])).values()] }: { elapsed: number | null; headline: readonly HeadlineTarget[]; area: string; districts?: readonly Pick<PageData<"districts">["districts"][number], "code" | "name">[] },
): ExportTable {
  const present = headline.filter(({ key }) => rows.some((r) => r.key === key)).map((t) => [t.key, t.short, t.unit] as const);
  const hasTargets = rows.some((r) => present.some(([key]) => key === r.key) && r.target != null);
  const get = (key: string, code: string) => rows.find((r) => r.key === key && r.district_code === code);
  const first: string = present[0]?.[0] ?? "";
  const order = [...districts].sort((a, b) => (get(first, a.code)?.rank ?? 99) - (get(first, b.code)?.rank ?? 99));
  const columns = exportCols([
    ["district", area],
    ...present.flatMap(([key, name, unit]): (readonly [string, string])[] => [
      [`${key}.actual`, `${name}完成(${unit})`],
      [`${key}.rank`, `${name}排名`],
      ...(hasTargets ? ([[`${key}.target`, `${name}${area}目标(${unit})`], [`${key}.pct`, `${name}完成率(%)`], [`${key}.below`, `${name}低于进度`]] as const) : []),
      [`${key}.share`, `${name}占全市(%)`],
    ]),
    ["focus", `方案重点${area}`],
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
          [`${key}.below`]: r?.pct == null || elapsed == null ? null : r.pct < elapsed,
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
