/**
 * The one formatting module: numbers, money, dates, digital levels and statuses in Chinese
 * conventions (万 / 亿, 万元 / 亿元, 2026年11月20日), used by the pages, the CLI text (report,
 * weekly markdown, self-assessment) and the downloads alike, so every output writes a value the
 * same way.
 *
 * It imports nothing: Framework serves it to the pages through the symlinks
 * src/components/shared/format.ts and public/components/formatShared.ts (Framework only resolves
 * imports inside a site's own root), and a module with no imports is the same file in all three
 * places. Level names are not written here: they are the plan's (plan.levels.names) and are
 * passed in.
 */

const grouped = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 });
const grouped2 = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** A count: 1234 → "1,234"; 3.25 → "3.3"; 123456 → "12.3万"; 1.2e8 → "1.2亿"; null → "—". */
export function fmtCount(n: number | null | undefined): string {
  if (n == null || Number.isNaN(n)) return "—";
  const a = Math.abs(n);
  if (a >= 1e8) return `${grouped2.format(n / 1e8)}亿`;
  if (a >= 1e5) return `${grouped.format(n / 1e4)}万`;
  return grouped.format(n);
}

/** An amount given in 万元: 12.5 → "12.5万元"; 1500 → "1,500万元"; 33900 → "3.39亿元". */
export function fmtWan(wan: number | null | undefined): string {
  if (wan == null || Number.isNaN(wan)) return "—";
  if (Math.abs(wan) >= 1e4) return `${grouped2.format(wan / 1e4)}亿元`;
  return `${grouped2.format(wan)}万元`;
}

/** A share: 0.952 → "95.2%"; 0.5 → "50%". */
export function fmtPct(x: number | null | undefined, digits = 1): string {
  if (x == null || Number.isNaN(x)) return "—";
  return `${(x * 100).toFixed(digits).replace(/\.0+$/, "")}%`;
}

/**
 * A target's value with its unit: a count as fmtCount + unit ("1,234家"); a share (kind "ratio") as a
 * percentage ("90%"); null → "—". Rounding, when wanted, is the caller's (`round`).
 */
export function fmtValue(v: number | null | undefined, kind: string, unit: string, round = false): string {
  if (v == null || Number.isNaN(v)) return "—";
  if (kind === "ratio") return fmtPct(v);
  return `${fmtCount(round ? Math.round(v) : v)}${unit}`;
}

/** A target's number as the plan gives it, or that it gives none. */
export function fmtTarget(target: number | null, kind: string, unit: string): string {
  return target == null ? "方案未给出数值" : fmtValue(target, kind, unit);
}

/** A change with its sign: 10 → "+10", -1 → "-1", 0 → "0". */
export function fmtDelta(n: number | null | undefined): string {
  if (n == null || Number.isNaN(n)) return "—";
  return n > 0 ? `+${fmtCount(n)}` : fmtCount(n);
}

/** "2026-11-20" → "2026年11月20日" (string work only: no time zone can shift it). */
export function zhDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** "2026-11-20" → "11月20日". */
export function zhShortDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const [, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${m}月${d}日`;
}

/** The plan's names of the digital levels (plan.levels.names), e.g. {1: "一级", …, 4: "四级"}. */
export type LevelNames = Record<number, string>;

/**
 * A digital level in the plan's words: 2 → "二级". 0 is what the recomputation gives below the
 * first level: "未达一级" (未达 + the first level's name, the monitor's wording).
 */
export function levelName(level: number | null | undefined, names: LevelNames): string {
  if (level == null) return "—";
  if (level === 0) return `未达${names[1]}`;
  return names[level] ?? `${level}级`;
}

/** A value of a document table (the self-assessment's): text, or a number written by its column's kind. */
export type Cell = string | number | null;
/** "auto": the row's own `kind` field says (the indicator table mixes counts, 万元, shares and ratios). */
export type CellKind = "text" | "count" | "wan" | "pct" | "ratio" | "auto";

/** A column of a document table: its key in the row, its title, and how its numbers are written. */
export interface DocColumn {
  key: string;
  title: string;
  kind: CellKind;
}

/** The kind a cell is written as: its column's, or for an "auto" column the row's `kind`. */
export function kindOf(c: DocColumn, row: Record<string, Cell>): Exclude<CellKind, "auto"> {
  if (c.kind !== "auto") return c.kind;
  return typeof row[c.key] === "number" ? (row.kind as Exclude<CellKind, "auto">) : "text";
}

/** A document table cell as the self-assessment writes it (a 万元 column's title carries the unit: its cells are bare numbers). */
export function docCellText(v: Cell, kind: CellKind): string {
  if (v == null) return "—";
  if (typeof v === "string") return v;
  switch (kind) {
    case "count": return fmtCount(v);
    case "wan": return grouped2.format(v);
    case "pct": return fmtPct(v);
    case "ratio": return v.toFixed(2);
    default: return String(v);
  }
}

/** A stored cell (as the warehouse writes it) in Chinese: dates, 万元, 是/否, levels, district and industry names. */
export function storedCellText(value: string | null, type: string | null, names: Record<string, string>, levels: LevelNames): string {
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
      return levels[Number(value)] ?? value;
    case "bool":
      return value === "true" ? "是" : "否";
    case "district":
    case "industry":
      return names[value] ?? value;
    default:
      return value;
  }
}

/** The name of a project status change kind (weekly review). */
export const statusKindLabel: Record<string, string> = {
  forward: "正常流转",
  backward: "状态回退",
  new: "新增项目",
  removed: "项目消失",
};

/** The name of a revision kind (weekly review). */
export const revisionKindLabel: Record<string, string> = {
  changed: "值被修改",
  cleared: "值被清空",
  row_removed: "整行删除",
};

/** Whether the period kept up with the required rate, in words (never colour alone). */
export function metText(met: boolean | null): string {
  return met == null ? "—" : met ? "达到" : "未达到";
}

/** A project status that may be absent (a project that appeared or vanished). */
export function statusText(s: string | null): string {
  return s ?? "(无)";
}

/** What a status target (the platform) shows: built and running only on a go-live record in the exports. */
export function statusTargetText(actual: number | string | null | undefined, target: number | null): string {
  return typeof actual === "number" && actual >= (target ?? 1) ? "已建成运行" : "无数据";
}

/** The colour of a status (达标 / 预警 / 落后 / 无数据), matching the CSS variables in style.css. */
export function statusColor(status: string): string {
  return status === "达标" ? "var(--status-ok)" : status === "预警" ? "var(--status-warn)" : status === "无数据" || status === "无法判定" ? "var(--status-none)" : "var(--status-behind)";
}

/** Plot's colour scale for statuses (Plot needs literal colours, not CSS variables). */
export const statusScale = { domain: ["达标", "预警", "落后"], range: ["#1a7f37", "#a35200", "#c62828"] };
