// How the weekly review writes its numbers and values: shared by the 周报 page and the pasted
// markdown (loaders/weekly/weeklyMarkdown.ts), so both print every number the same way.
import { fmtCount, fmtWan, zhDate } from "./format.js";

/** A change with its sign: 10 → "+10", -1 → "-1", 0 → "0". */
export function fmtDelta(n: number | null | undefined): string {
  if (n == null || Number.isNaN(n)) return "—";
  return n > 0 ? `+${fmtCount(n)}` : fmtCount(n);
}

const levelNames = ["", "一级", "二级", "三级", "四级"];

/** A stored cell (as the warehouse writes it) in Chinese: dates, 万元, 是/否, levels, district and industry names. */
export function cellText(value: string | null, type: string | null, names: Record<string, string> = {}): string {
  if (value == null) return "空";
  switch (type) {
    case "date":
      return zhDate(value);
    case "wan":
      return fmtWan(Number(value));
    case "int":
    case "number":
      return fmtCount(Number(value));
    case "level":
      return levelNames[Number(value)] ?? value;
    case "bool":
      return value === "true" ? "是" : "否";
    case "district":
    case "industry":
      return names[value] ?? value;
    default:
      return value;
  }
}

/** The name of a status-change kind. */
export const statusKindLabel: Record<string, string> = {
  forward: "正常流转",
  backward: "状态回退",
  new: "新增项目",
  removed: "项目消失",
};

/** The name of a revision kind. */
export const revisionKindLabel: Record<string, string> = {
  changed: "值被修改",
  cleared: "值被清空",
  row_removed: "整行删除",
};

/** Whether the period kept up with the required rate, in words (never colour alone). */
export function metText(met: boolean | null): string {
  return met == null ? "—" : met ? "达到" : "未达到";
}

/** A status that may be absent (a project that appeared or vanished). */
export function statusText(s: string | null): string {
  return s ?? "(无)";
}
