// Numbers and dates in Chinese conventions: 万 / 亿, 万元 / 亿元, 2026年11月20日; withheld cells as their sign.

const grouped = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 });
const grouped2 = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** A count: 1234 → "1,234"; 123456 → "12.3万"; a withheld sign ("<3", "—") as it is. */
export function fmtCount(n: number | string | null | undefined): string {
  if (typeof n === "string") return n;
  if (n == null || Number.isNaN(n)) return "—";
  const a = Math.abs(n);
  if (a >= 1e8) return `${grouped2.format(n / 1e8)}亿`;
  if (a >= 1e5) return `${grouped.format(n / 1e4)}万`;
  return grouped.format(n);
}

/** An amount in 万元: 12.5 → "12.5万元"; 33900 → "3.39亿元"; a withheld sign as it is. */
export function fmtWan(wan: number | string | null | undefined): string {
  if (typeof wan === "string") return wan;
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

/** The colour of a status (达标 / 预警 / 落后 / 无数据), matching the CSS variables in style.css. */
export function statusColor(status: string): string {
  return status === "达标" ? "var(--status-ok)" : status === "预警" ? "var(--status-warn)" : status === "无数据" ? "var(--status-none)" : "var(--status-behind)";
}

/** What a status target (the platform) shows: built and running only on a go-live record in the exports. */
export function statusTargetText(actual: number | string | null | undefined, target: number): string {
  return typeof actual === "number" && actual >= target ? "已建成运行" : "无数据";
}
