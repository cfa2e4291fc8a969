/** Numbers and dates written the way Chinese government briefings write them. */

const trim = (s: string): string => (s.includes(".") ? s.replace(/\.?0+$/, "") : s);

/** An amount in 万元: "60万元", "1500.5万元", from 1亿 up "3.2亿元". */
export function formatWan(wan: number): string {
  if (Math.abs(wan) >= 10000) return `${trim((wan / 10000).toFixed(2))}亿元`;
  return `${trim(wan.toFixed(2))}万元`;
}

/** A count: whole numbers as they are, others with one decimal. */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : trim(n.toFixed(1));
}

/** A ratio as a percentage with one decimal: 0.125 → "12.5%". */
export function formatPct(ratio: number): string {
  return `${trim((ratio * 100).toFixed(1))}%`;
}

/** "2026-06-30" → "2026年6月30日" (string work only: no time zone can shift it). */
export function formatDateZh(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
