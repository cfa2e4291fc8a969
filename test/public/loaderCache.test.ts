import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { resetStaleLoaderCache } from "../../loaders/config/loaderCache.ts";
import { plan } from "../helpers/plan.ts";

describe("resetStaleLoaderCache", () => {
  test("should clear the loader cache when the data root or its files change, and keep it otherwise", () => {
    const source = mkdtempSync(join(tmpdir(), "pilot-src-"));
    const data = mkdtempSync(join(tmpdir(), "pilot-data-"));
    const other = mkdtempSync(join(tmpdir(), "pilot-data-"));
    const cached = join(source, ".observablehq/cache/data/index.json");
    const cache = () => {
      mkdirSync(join(source, ".observablehq/cache/data"), { recursive: true });
      writeFileSync(cached, "{}");
    };
    writeFileSync(join(data, "企业名录.csv"), "a\n");

    // Framework's bundle of a package: it depends on node_modules only, so it outlives every clear.
    const bundle = join(source, ".observablehq/cache/_node/d3@7.9.2/index.js");
    mkdirSync(join(bundle, ".."), { recursive: true });
    writeFileSync(bundle, "export {};");

    cache();
    expect(resetStaleLoaderCache(source, data, plan)).toBe(true);
    expect(existsSync(cached)).toBe(false);
    expect(existsSync(bundle)).toBe(true);
    cache();
    expect(resetStaleLoaderCache(source, data, plan)).toBe(false);
    expect(existsSync(cached)).toBe(true);
    // Another root (a test fixture, another month's exports) must not reuse the cached output.
    expect(resetStaleLoaderCache(source, other, plan)).toBe(true);
    expect(existsSync(cached)).toBe(false);
    cache();
    expect(resetStaleLoaderCache(source, other, plan)).toBe(false);
    writeFileSync(join(other, "企业名录.csv"), "a,b\n");
    expect(resetStaleLoaderCache(source, other, plan)).toBe(true);
    expect(readdirSync(join(source, ".observablehq/cache"))).toEqual(["_node"]);
  });
});
