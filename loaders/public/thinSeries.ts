/**
 * A cumulative series for the public site: one point per month (its last weekly point, and the
 * as-of point), keeping only points whose value is at least `min` and whose change from the point
 * before is 0 or at least `min`. A reader subtracting two neighbouring points then never finds a
 * count of 1 or 2.
 */

export interface Point {
  /** YYYY-MM-DD. */
  date: string;
  value: number;
}

/** The last point of each calendar month, plus the final point (points sorted by date). */
export function monthEnds(points: Point[]): Point[] {
  return points.filter((p, k) => k === points.length - 1 || points[k + 1]!.date.slice(0, 7) !== p.date.slice(0, 7));
}

const safe = (d: number, min: number): boolean => d === 0 || Math.abs(d) >= min;

/** Drop points until every value is ≥ min and every step between kept points is 0 or ≥ min; the final point stays when it can. */
export function thinSeries(points: Point[], min: number): Point[] {
  const keep: Point[] = [];
  for (const p of points) {
    if (p.value < min) continue;
    if (keep.length === 0 || safe(p.value - keep.at(-1)!.value, min)) keep.push(p);
  }
  const last = points.at(-1);
  if (!last || last.value < min || keep.at(-1) === last) return keep;
  // The final point (the published actual) must show: drop kept points until the step to it is safe.
  while (keep.length > 0 && !safe(last.value - keep.at(-1)!.value, min)) keep.pop();
  keep.push(last);
  return keep;
}
