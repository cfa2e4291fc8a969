/**
 * Framework 1.13 bundles its own client (`/_observablehq/client.js`, `stdlib.js`) at build and
 * preview time. That client holds `npm:` imports of its own (React for JSX, the lazily loaded
 * implicit globals such as `Plot`, `d3`, `Inputs`, DuckDB-WASM, the sample datasets), and
 * Framework resolves each to a version by asking registry.npmjs.org for `@latest` unless a
 * `name@version` folder already sits in its version cache, `<root>/.observablehq/cache/_npm/`
 * (`initializeNpmVersionCache` in `@observablehq/framework/dist/npm.js`). On a machine with no
 * network the build then fails, and with one, two builds of one commit may ship different code.
 *
 * This module fills that version cache before Framework reads it, so the client bundle resolves
 * with no request at all:
 * - a package installed in node_modules is pinned to its installed version (package-lock.json's);
 * - a package that is not installed is pinned to `0.0.0-not-installed`. Such an import only sits,
 *   unexecuted, behind a feature this site does not use (JSX, implicit globals, SQL cells,
 *   sample datasets); if a page ever used one, the browser would ask our own server for
 *   `/_npm/<name>@0.0.0-not-installed/…`, get a 404 and the browser tests would fail on it.
 *
 * Only resolution is pinned: no file is downloaded or faked. A page's own `npm:` import still
 * asks the registry and CDN, and so still fails the offline build, as it must.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { projectRoot } from "./paths.ts";

/** The version written for a package Framework's client names but node_modules does not hold. */
export const notInstalledVersion = "0.0.0-not-installed";

/** One `npm:` package Framework's client may resolve, and the version this build pins it to. */
export interface PinnedImport {
  name: string;
  version: string;
  installed: boolean;
}

const require = createRequire(join(projectRoot, "package.json"));

/** Framework's installed `dist/` folder. */
function frameworkDist(): string {
  return join(dirname(require.resolve("@observablehq/framework/package.json")), "dist");
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? jsFiles(p) : e.name.endsWith(".js") ? [p] : [];
  });
}

/** `npm:@scope/name@1.2/path` → `@scope/name`, and its range when one is given. */
function parseSpecifier(spec: string): { name: string; range?: string } {
  const parts = spec.split("/");
  const head = spec.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  const at = head.indexOf("@", 1);
  return at < 0 ? { name: head } : { name: head.slice(0, at), range: head.slice(at + 1) };
}

/** The package names (without a pinned exact version) that Framework's own code imports as `npm:`. */
export function frameworkNpmNames(dist: string = frameworkDist()): string[] {
  const names = new Set<string>();
  for (const file of jsFiles(dist)) {
    for (const m of readFileSync(file, "utf8").matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+(?:@[^"'`\s/]+)?(?:\/[^"'`\s]*)?)["'`]/g)) {
      const { name, range } = parseSpecifier(m[1]!);
      // An exact version is resolved without a lookup (npm.js resolveNpmVersion).
      if (range && /^\d+\.\d+\.\d+([-+].*)?$/.test(range)) continue;
      names.add(name);
    }
  }
  return [...names].sort();
}

/** The version node_modules holds for `name`, or null when it is not installed. */
function installedVersion(name: string): string | null {
  const file = join(projectRoot, "node_modules", name, "package.json");
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/**
 * Pin every `npm:` package of Framework's client in `<sourceRoot>/.observablehq/cache/_npm/`, and
 * drop any other version folder of those packages, so resolution never depends on what an
 * earlier online build happened to cache. Returns what was pinned.
 */
export function pinFrameworkNpm(sourceRoot: string, names: string[] = frameworkNpmNames()): PinnedImport[] {
  const cache = resolve(projectRoot, sourceRoot, ".observablehq/cache/_npm");
  const pinned = names.map((name) => {
    const version = installedVersion(name);
    return { name, version: version ?? notInstalledVersion, installed: version !== null };
  });
  for (const p of pinned) {
    const keep = join(cache, `${p.name}@${p.version}`);
    const parent = dirname(keep);
    if (existsSync(parent)) {
      const base = p.name.split("/").at(-1)!;
      for (const e of readdirSync(parent)) {
        const other = join(parent, e);
        if (e.startsWith(`${base}@`) && other !== keep && statSync(other).isDirectory()) rmSync(other, { recursive: true, force: true });
      }
    }
    mkdirSync(keep, { recursive: true });
  }
  return pinned;
}
