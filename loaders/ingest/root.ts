/** Ingest a whole data root: every snapshot folder in it, oldest first. */
import { relative } from "node:path";
import { tableIdentities } from "../contract/tables.ts";
import type { PilotPlan } from "../plan/types.ts";
import { FatalIngestError, makeIssue } from "./issues.ts";
import { discoverSnapshots, type Snapshot } from "./read/index.ts";
import { ingestSnapshot } from "./snapshot.ts";
import type { IngestResult, LocatedIssue } from "./types.ts";

/** What a data root holds before any file is read: its snapshots, and the problems found on the way. */
export interface RootScan {
  root: string;
  snapshots: ScannedSnapshot[];
  /** Issues about the root itself (folders, unknown files); the fatal ones are also in `fatal`. */
  issues: LocatedIssue[];
  /** Problems with the root that stop a build: no snapshot, a duplicate table file. */
  fatal: LocatedIssue[];
  /** The name a path has in messages: relative to the root, "/"-separated. */
  display: (path: string) => string;
}

/** A snapshot folder and the required tables it lacks (MISSING_REQUIRED_TABLE: each stops a build). */
export interface ScannedSnapshot extends Snapshot {
  missing: LocatedIssue[];
}

/** The name a path under `root` has in messages: relative to the root, "/"-separated. */
export function displayPath(root: string): (path: string) => string {
  return (p) => relative(root, p).split("\\").join("/") || p;
}

/** Find the snapshots of `root` and check each has its required tables. Never throws for bad data. */
export function scanRoot(root: string): RootScan {
  const display = displayPath(root);
  let found;
  try {
    found = discoverSnapshots(root);
  } catch (e) {
    if (e instanceof FatalIngestError) {
      const issues = e.related.map((i) => ({ ...i, table: null, record_id: null }));
      return { root, snapshots: [], issues, fatal: [{ ...e.issue, table: null, record_id: null }], display };
    }
    throw e;
  }
  const issues: LocatedIssue[] = found.issues.map((i) => ({ ...i, table: null, record_id: null }));
  const fatal: LocatedIssue[] = issues.filter((i) => i.severity === "fatal");
  const snapshots = found.snapshots.map((snap) => {
    const present = new Set(snap.files.map((f) => f.table));
    const missing: LocatedIssue[] = tableIdentities
      .filter((t) => t.required && !present.has(t.key))
      .map((t) => ({ ...makeIssue("MISSING_REQUIRED_TABLE", { snapshot: snap.date, file: display(snap.dir) }, { table: t.zh, key: t.key }), table: t.key, record_id: null }));
    return { ...snap, missing };
  });
  return { root, snapshots, issues, fatal, display };
}

/**
 * Read, normalise and validate every snapshot under `root` against `plan`, holding them all in memory. Never
 * throws for bad rows; fatal file problems are collected in `fatal`. (The warehouse build does not
 * use this: it ingests and writes one snapshot at a time, see loaders/warehouse/build.ts.)
 */
export async function ingestRoot(root: string, plan: PilotPlan): Promise<IngestResult> {
  const scan = scanRoot(root);
  const fatal = [...scan.fatal];
  const snapshots = [];
  for (const snap of scan.snapshots) {
    fatal.push(...snap.missing);
    const r = await ingestSnapshot(snap, scan.display, plan);
    snapshots.push(r.snapshot);
    fatal.push(...r.fatal);
  }
  return { root, snapshots, issues: scan.issues, fatal };
}
