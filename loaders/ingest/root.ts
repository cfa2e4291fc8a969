/** Ingest a whole data root: every snapshot folder in it, oldest first. */
import { relative } from "node:path";
import { tables } from "../contract/tables.ts";
import { FatalIngestError, makeIssue } from "./issues.ts";
import { discoverSnapshots } from "./read/index.ts";
import { ingestSnapshot } from "./snapshot.ts";
import type { IngestResult, LocatedIssue } from "./types.ts";

/** Read, normalise and validate every snapshot under `root`. Never throws for bad rows; fatal file problems are collected in `fatal`. */
export async function ingestRoot(root: string): Promise<IngestResult> {
  const display = (p: string) => relative(root, p).split("\\").join("/") || p;
  let found;
  try {
    found = discoverSnapshots(root);
  } catch (e) {
    if (e instanceof FatalIngestError) {
      const issues = e.related.map((i) => ({ ...i, table: null, record_id: null }));
      return { root, snapshots: [], issues, fatal: [{ ...e.issue, table: null, record_id: null }] };
    }
    throw e;
  }
  const rootIssues: LocatedIssue[] = found.issues.map((i) => ({ ...i, table: null, record_id: null }));
  const fatal: LocatedIssue[] = rootIssues.filter((i) => i.severity === "fatal");
  const snapshots = [];
  for (const snap of found.snapshots) {
    const present = new Set(snap.files.map((f) => f.table));
    for (const t of tables) {
      if (t.required && !present.has(t.key)) {
        fatal.push({ ...makeIssue("MISSING_REQUIRED_TABLE", { snapshot: snap.date, file: display(snap.dir) }, { table: t.zh, key: t.key }), table: t.key, record_id: null });
      }
    }
    const r = await ingestSnapshot(snap, display);
    snapshots.push(r.snapshot);
    fatal.push(...r.fatal);
  }
  return { root, snapshots, issues: rootIssues, fatal };
}
