// The plan targets as a file: the numbers on the target cards, one row per target, in the plan's order.
import type { KpiRow } from "../../../loaders/kpi/reportTypes.ts";
import { exportCols, oneDecimal, percentCell } from "./exportCells.js";
import type { ExportTable } from "./tableDownloads.js";

type KpiFields = Pick<KpiRow, "short" | "label" | "unit" | "kind" | "ord" | "status" | "actual" | "target" | "pct" | "expected" | "forecast" | "required_weekly" | "remaining" | "trailing_rate_weekly">;

/** One row per target: actual, target, %, pro-rated expectation, status word, recent and needed weekly rates, forecast. */
export function kpiExport(kpis: readonly KpiFields[], { trailingWeeks }: { trailingWeeks?: number } = {}): ExportTable {
  return {
    columns: exportCols([
      ["short", "指标"], ["label", "方案表述"], ["unit", "单位"], ["actual", "完成"], ["target", "目标"], ["pct", "完成率(%)"],
      ["expected", "按进度应达"], ["status", "状态"], ["remaining", "距目标"], ["trailing", trailingWeeks ? `近${trailingWeeks}周平均每周新增` : "近期平均每周新增"], ["required", "此后每周需新增"], ["forecast", "预计期末"],
    ]),
    rows: [...kpis].sort((a, b) => a.ord - b.ord).map((k) => ({
      short: k.short,
      label: k.label,
      unit: k.unit,
      actual: k.actual,
      target: k.target,
      pct: percentCell(k.pct),
      // The cards round these to whole units; the platform (built or not) has no expectation line.
      expected: k.kind === "status" || k.expected == null ? null : k.kind === "ratio" ? k.expected : Math.round(k.expected),
      status: k.status,
      remaining: k.remaining,
      trailing: oneDecimal(k.trailing_rate_weekly),
      required: (k.remaining ?? 0) > 0 ? oneDecimal(k.required_weekly) : null,
      forecast: k.forecast == null ? null : Math.round(k.forecast),
    })),
  };
}
