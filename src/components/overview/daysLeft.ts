// Calendar days from the snapshot's as-of date to the plan's end, counted in UTC so no time zone shifts a day.

/** Whole days from `asOf` to `end` (both "YYYY-MM-DD"); 0 once the end has passed. */
export function daysLeft(asOf: string, end: string): number {
  const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return Math.max(0, Math.round((day(end) - day(asOf)) / 86_400_000));
}
