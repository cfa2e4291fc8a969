/**
 * The one place that answers "which snapshot": the current (newest) one, the one in force on a
 * date, the pair the weekly review compares, and the `Meta` every data file carries. Snapshots are
 * "YYYY-MM-DD" strings (they sort as dates). A folder counts as a snapshot only when the ingest
 * would read it: its name passes the ingest's own check (isCalendarDate and tableOfFile of
 * loaders/ingest/read/discover.ts), so an impossible date such as 2026-02-30 is skipped by the
 * banner as by the ingest.
 *
 * The pure functions (snapshotAsOf, weeklyPair, pageMeta) work on a list of dates; the warehouse's
 * list comes from warehouseSnapshots, the data root's folders from snapshotFolders.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { isCalendarDate, tableOfFile } from "../ingest/read/discover.ts";
import { queryRows } from "./query.ts";

/** What every page says about where its numbers come from. */
export interface Meta {
  title: string;
  snapshot: string;
  as_of: string;
  snapshots: string[];
  sample: boolean;
  /** A district build's own district (its pages link only to their own district page); absent for the city. */
  district?: string;
}

// Both follow symlinks, as the ingest does.
const isDirectory = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
const isFile = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isFile() === true;

/**
 * The snapshot dates under `root`, oldest first, as discoverSnapshots finds them but without
 * opening any file: `root` itself when it is named as a real calendar day and holds a table file,
 * else every sub-folder named as a real calendar day.
 */
export function snapshotFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  const names = readdirSync(root);
  const own = basename(root);
  if (isCalendarDate(own) && names.some((n) => tableOfFile(n) != null && isFile(join(root, n)))) return [own];
  return names.filter((n) => isCalendarDate(n) && isDirectory(join(root, n))).sort();
}

/** The newest snapshot folder's date under `root` (or `root` itself when it is one), or null. */
export function latestSnapshotDate(root: string): string | null {
  return snapshotFolders(root).at(-1) ?? null;
}

/** The last of `xs` that `ok` accepts (Array.prototype.findLast is ES2023, past this project's lib). */
function lastWhere(xs: readonly string[], ok: (s: string) => boolean): string | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (ok(xs[i]!)) return xs[i];
  return undefined;
}

/** The warehouse's snapshots, oldest first. */
export async function warehouseSnapshots(conn: DuckDBConnection): Promise<string[]> {
  return (await queryRows<{ s: string }>(conn, "SELECT strftime(snapshot, '%Y-%m-%d') AS s FROM snapshots ORDER BY snapshot")).map((r) => r.s);
}

/** The newest of `snapshots` (oldest first) on or before `asOf` (default: the newest); throws when there is none. */
export function snapshotAsOf(snapshots: readonly string[], asOf?: string): string {
  const pick = lastWhere(snapshots, (s) => asOf === undefined || s <= asOf);
  if (pick === undefined) {
    throw new Error(snapshots.length === 0 ? "the warehouse holds no snapshot" : `no snapshot on or before ${asOf}`);
  }
  return pick;
}

/** The current snapshot: the newest (throws when there is none). */
export function currentSnapshot(snapshots: readonly string[]): string {
  return snapshotAsOf(snapshots);
}

export interface PairOptions {
  /** Snapshot A: the newest on or before this date. Default: the snapshot before B. */
  before?: string;
  /** Snapshot B: the newest on or before this date. Default: the newest snapshot. */
  after?: string;
  /** With no snapshot before B (and no `before` given), compare B with itself instead of failing. */
  allowSame?: boolean;
}

/** The two snapshots the weekly review compares (of `snapshots`, oldest first); throws when there is no such pair. */
export function weeklyPair(snapshots: readonly string[], opts: PairOptions = {}): { before: string; after: string } {
  const after = snapshotAsOf(snapshots, opts.after);
  let before: string | undefined;
  if (opts.before === undefined) {
    before = lastWhere(snapshots, (s) => s < after) ?? (opts.allowSame ? after : undefined);
    if (before === undefined) throw new Error(`no snapshot before ${after} to compare with`);
  } else {
    before = lastWhere(snapshots, (s) => s <= opts.before!);
    if (before === undefined) throw new Error(`no snapshot on or before ${opts.before}`);
  }
  if (before > after || (before === after && !(opts.allowSame && opts.before === undefined))) {
    throw new Error(`the earlier snapshot (${before}) must come before the current one (${after})`);
  }
  return { before, after };
}

/** The warehouse's snapshot on or before `asOf` (default: its newest). */
export async function pickSnapshot(conn: DuckDBConnection, asOf?: string): Promise<string> {
  return snapshotAsOf(await warehouseSnapshots(conn), asOf);
}

/** The warehouse's pair for the weekly review (see weeklyPair). */
export async function pickPair(conn: DuckDBConnection, opts: PairOptions = {}): Promise<{ before: string; after: string }> {
  return weeklyPair(await warehouseSnapshots(conn), opts);
}

/**
 * The `Meta` of a data file: the plan's title, the snapshot shown (default: the newest of
 * `snapshots`) and the date it is shown as of (default: the snapshot), every snapshot, and whether
 * the data are the synthetic sample.
 */
export function pageMeta(m: { title: string; snapshots: string[]; sample: boolean; snapshot?: string; asOf?: string }): Meta {
  const snapshot = m.snapshot ?? currentSnapshot(m.snapshots);
  return { title: m.title, snapshot, as_of: m.asOf ?? snapshot, snapshots: m.snapshots, sample: m.sample };
}

/** pageMeta over the warehouse's snapshots. */
export async function warehouseMeta(conn: DuckDBConnection, m: { title: string; sample: boolean; snapshot?: string; asOf?: string }): Promise<Meta> {
  return pageMeta({ ...m, snapshots: await warehouseSnapshots(conn) });
}
