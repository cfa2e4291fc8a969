/** How --scale turns base counts into world sizes. */

/** Entities scale with N (at least one). */
export function scaled(base: number, scale: number): number {
  return Math.max(1, Math.round(base * scale));
}

/** Faults, breaches and revisions repeat N times (at least once), so their share stays the same. */
export function multiplicity(scale: number): number {
  return Math.max(1, Math.round(scale));
}

/** "QY" + 3 → "QY001"; the width grows with the count so ids stay fixed-width within one run. */
export function idMaker(prefix: string, count: number, minWidth: number): (n: number) => string {
  const width = Math.max(minWidth, String(count).length);
  return (n) => prefix + String(n).padStart(width, "0");
}
