/** build:rollup's refusals, before Framework runs: no readable bundle, or an output folder that is not a site build. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildRollup } from "../../scripts/build-rollup.ts";
import { writeFixtureBundles } from "./fixture.ts";

describe("build:rollup", () => {
  test("should stop, naming every bad bundle, when no bundle is readable", async () => {
    const dir = await writeFixtureBundles();
    for (const id of ["a", "b", "c"]) rmSync(join(dir, id, "targets.parquet"));
    expect(() => buildRollup({ bundles: dir, out: mkdtempSync(join(tmpdir(), "out-")) })).toThrow(
      /no readable bundle[\s\S]*bundle a\/targets\.parquet: file missing[\s\S]*bundle c\/targets\.parquet: file missing/,
    );
  });

  test("should refuse an output folder that holds something other than a site build", async () => {
    const out = mkdtempSync(join(tmpdir(), "out-"));
    writeFileSync(join(out, "keep.txt"), "mine");
    const dir = await writeFixtureBundles();
    expect(() => buildRollup({ bundles: dir, out })).toThrow(/is not empty and holds no site build/);
  });
});
