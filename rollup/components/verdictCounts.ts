// How many cities got each verdict on one rule, as a line of text.
import type { CityVerdict } from "../../loaders/rollup/types.ts";

export function verdictCounts(rows: CityVerdict[]): string {
  const n = new Map<string, number>();
  for (const r of rows) n.set(r.verdict, (n.get(r.verdict) ?? 0) + 1);
  return [...n].map(([v, k]) => `${v} ${k} 个`).join(" · ");
}
