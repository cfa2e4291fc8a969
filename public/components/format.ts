// The public site's formatting: the shared module (formatShared.ts, a symlink to
// loaders/format/format.ts, since Framework resolves imports only inside this root) plus the one
// thing the public site adds, a withheld cell ("<3", "—") written as the sign it is.
import { fmtCount as count, fmtWan as wan } from "./formatShared.js";

export { fmtPct, statusColor, statusTargetText, zhDate } from "./formatShared.js";

/** A count, or a withheld sign ("<3", "—") as it is. */
export function fmtCount(n: number | string | null | undefined): string {
  return typeof n === "string" ? n : count(n);
}

/** An amount in 万元, or a withheld sign as it is. */
export function fmtWan(v: number | string | null | undefined): string {
  return typeof v === "string" ? v : wan(v);
}
