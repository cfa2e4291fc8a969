import { readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { ingestRoot } from "../../loaders/ingest/root.ts";
import { writeRoot } from "../helpers/exports.ts";
import { baseRows, cases, SNAP, type Group } from "./cases.ts";
import { hostileTable } from "./docs-table.ts";
import { allIssues, violations, where } from "./invariants.ts";
import { plan } from "../helpers/plan.ts";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe("hostile inputs", () => {
  test("should hold at least 40 cases with distinct names, covering every group", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    const groups: Group[] = ["encoding", "file", "header", "rows", "cells", "snapshots"];
    expect([...new Set(cases.map((c) => c.group))].sort()).toEqual([...groups].sort());
  });

  test("should list every case, its fault and its outcome in docs/validation.md", () => {
    const doc = readFileSync(resolve(projectRoot, "docs/validation.md"), "utf8");
    // Regenerate with: npx tsx test/hostile/docs-table.ts, pasted under "## Hostile inputs".
    expect(doc).toContain(hostileTable());
    expect(doc.indexOf("## Hostile inputs")).toBeLessThan(doc.indexOf("## Every code"));
  });

  test.each(cases.map((c) => [c.name, c] as const))("should ingest %s with its exact outcome", async (_, c) => {
    root = writeRoot(await c.build());
    const r = await ingestRoot(root, plan);

    expect(r.fatal.map((i) => where(r, i)).sort()).toEqual([...(c.expect.fatal ?? [])].sort());
    expect(allIssues(r).map((i) => where(r, i)).sort()).toEqual([...(c.expect.issues ?? [])].sort());
    expect(r.snapshots.map((s) => s.date)).toEqual(c.expect.snapshots ?? [SNAP]);

    const counts = Object.fromEntries(r.snapshots.flatMap((s) => s.files.map((f) => [f.file, [f.rowsRead, f.rowsLoaded, f.rowsRejected]])));
    const expected = Object.fromEntries(
      r.snapshots.flatMap((s) =>
        s.files.map((f) => {
          const n = baseRows[f.table]!;
          return [f.file, c.expect.files?.[f.file] ?? [n, n, 0]];
        }),
      ),
    );
    for (const file of Object.keys(c.expect.files ?? {})) expect(Object.keys(counts), "a file the case names").toContain(file);
    expect(counts).toEqual(expected);

    // No crash, every message located and in both languages, counts that reconcile.
    expect(violations(r)).toEqual([]);
    c.expect.check?.(r);
  });
});
