// Numbers and dates in Chinese conventions: 万 / 亿, 万元 / 亿元, 2026年11月20日, 11月20日.

const grouped = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 });
const grouped2 = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** A count: 1234 → "1,234"; 123456 → "12.3万"; 1.2e8 → "1.2亿". */
export function fmtCount(n: number | null | undefined): string {
  if (n == null || Number.isNaN(n)) return "—";
  const a = Math.abs(n);
  if (a >= 1e8) return `${grouped2.format(n / 1e8)}亿`;
  if (a >= 1e5) return `${grouped.format(n / 1e4)}万`;
  return grouped.format(n);
}

/** An amount given in 万元: 12.5 → "12.5万元"; 33900 → "3.39亿元". */
export function fmtWan(wan: number | null | undefined): string {
  if (wan == null || Number.isNaN(wan)) return "—";
  if (Math.abs(wan) >= 1e4) return `${grouped2.format(wan / 1e4)}亿元`;
  return `${grouped2.format(wan)}万元`;
}

/** A share: 0.952 → "95.2%". */
export function fmtPct(x: number | null | undefined, digits = 1): string {
  if (x == null || Number.isNaN(x)) return "—";
  return `${(x * 100).toFixed(digits).replace(/\.0+$/, "")}%`;
}

/** "2026-11-20" → "2026年11月20日". */
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

/** The colour of a status (达标 / 预警 / 落后 / 无数据), matching the CSS variables in style.css. */
export function statusColor(status: string): string {
  return status === "达标" ? "var(--status-ok)" : status === "预警" ? "var(--status-warn)" : status === "无数据" ? "var(--status-none)" : "var(--status-behind)";
}

/** What a status target (the platform) shows: built and running only on a go-live record in the exports. */
export function statusTargetText(actual: number | string | null | undefined, target: number): string {
  return typeof actual === "number" && actual >= target ? "已建成运行" : "无数据";
}

/** Plot's d3 colour scale for statuses (Plot needs literal colours, not CSS variables). */
export const statusScale = { domain: ["达标", "预警", "落后"], range: ["#1a7f37", "#a35200", "#c62828"] };
