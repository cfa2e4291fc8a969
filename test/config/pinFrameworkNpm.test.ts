/**
 * Framework's client bundle must resolve its `npm:` imports with no request: the version cache is
 * filled from node_modules (package-lock.json's versions) before Framework reads it. The real
 * proof is the cold build inside `unshare -n` in .ci/run; this checks the mechanism quickly, with
 * Framework's own resolver and a fetch that fails the test if it is ever called.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
// @ts-expect-error Framework ships no types for its internal modules.
import { resolveNpmImport } from "@observablehq/framework/dist/npm.js";
import { projectRoot } from "../../loaders/config/paths.ts";
import { frameworkNpmNames, notInstalledVersion, pinFrameworkNpm } from "../../loaders/config/pinFrameworkNpm.ts";

const lock = JSON.parse(readFileSync(join(projectRoot, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> };
const locked = (name: string) => lock.packages[`node_modules/${name}`]!.version;

afterEach(() => vi.unstubAllGlobals());

describe("pinFrameworkNpm", () => {
  test("should find the npm: imports of Framework's client, React and the implicit globals among them", () => {
    const names = frameworkNpmNames();
    for (const n of ["react-dom", "react", "d3", "@observablehq/plot", "@observablehq/inputs", "htl", "apache-arrow", "parquet-wasm"]) expect(names).toContain(n);
    // Package names only: no file path inside a package, no template-literal fragment.
    expect(names.filter((n) => !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(n))).toEqual([]);
    expect(names).toContain("sql.js");
  });

  test("should make Framework resolve every client import without a network request", async () => {
    const root = mkdtempSync(join(tmpdir(), "pin-"));
    const fetch = vi.fn(() => Promise.reject(new Error("network request during resolution")));
    vi.stubGlobal("fetch", fetch);
    const pinned = pinFrameworkNpm(root);
    for (const p of pinned) await resolveNpmImport(root, p.name);
    expect(fetch).not.toHaveBeenCalled();
    expect(await resolveNpmImport(root, "d3")).toBe(`/_npm/d3@${locked("d3")}/_esm.js`);
    expect(await resolveNpmImport(root, "htl")).toBe(`/_npm/htl@${locked("htl")}/_esm.js`);
    expect(await resolveNpmImport(root, "@observablehq/plot")).toBe(`/_npm/@observablehq/plot@${locked("@observablehq/plot")}/_esm.js`);
    expect(await resolveNpmImport(root, "react-dom")).toBe(`/_npm/react-dom@${notInstalledVersion}/client._esm.js`);
    expect(pinned.find((p) => p.name === "react-dom")).toEqual({ name: "react-dom", version: notInstalledVersion, installed: false });
  });

  test("should replace a version an earlier online build cached, so the result never depends on it", () => {
    const root = mkdtempSync(join(tmpdir(), "pin-"));
    const npm = join(root, ".observablehq/cache/_npm");
    mkdirSync(join(npm, "react-dom@19.3.1"), { recursive: true });
    mkdirSync(join(npm, "@observablehq/plot@0.6.99"), { recursive: true });
    mkdirSync(join(npm, "d3-dsv@3.0.1"), { recursive: true });
    pinFrameworkNpm(root, ["react-dom", "@observablehq/plot", "d3"]);
    expect(existsSync(join(npm, "react-dom@19.3.1"))).toBe(false);
    expect(existsSync(join(npm, `react-dom@${notInstalledVersion}`))).toBe(true);
    expect(existsSync(join(npm, "@observablehq/plot@0.6.99"))).toBe(false);
    expect(existsSync(join(npm, `@observablehq/plot@${locked("@observablehq/plot")}`))).toBe(true);
    // Another package whose name starts alike is left alone.
    expect(existsSync(join(npm, "d3-dsv@3.0.1"))).toBe(true);
  });
});
