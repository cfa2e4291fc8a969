/**
 * manifest.json: what a build is (audience, classification, data date, the tool and its version
 * from package.json) and the SHA-256 of every file beside it, so an operator can verify that what
 * a server publishes is what was built (`sha256sum` of each file, or verifyManifest).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { audienceId, classification, type Audience } from "../../loaders/config/audience.ts";
import { projectRoot } from "../../loaders/config/paths.ts";

export interface Manifest {
  audience: string;
  classification: string;
  data_date: string | null;
  tool: { name: string; version: string };
  files: { path: string; bytes: number; sha256: string }[];
}

export const manifestName = "manifest.json";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The manifest of the site in `dir` as it is now (every file but the manifest itself, sorted by path). */
export function siteManifest(dir: string, o: { audience: Audience; dataDate: string | null }): Manifest {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { name: string; version?: string };
  const list = files(dir)
    .map((f) => ({ f, path: relative(dir, f).split("\\").join("/") }))
    .filter((x) => x.path !== manifestName)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(({ f, path }) => {
      const bytes = readFileSync(f);
      return { path, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
    });
  return { audience: audienceId(o.audience), classification: classification(o.audience), data_date: o.dataDate, tool: { name: pkg.name, version: pkg.version ?? "0.0.0" }, files: list };
}

/** Write `dir`/manifest.json; returns it. */
export function writeManifest(dir: string, o: { audience: Audience; dataDate: string | null }): Manifest {
  const m = siteManifest(dir, o);
  writeFileSync(join(dir, manifestName), `${JSON.stringify(m, null, 1)}\n`);
  return m;
}

/** Paths whose bytes differ from `dir`/manifest.json, or that are missing or not listed. Empty: the site is what was built. */
export function verifyManifest(dir: string): string[] {
  const m = JSON.parse(readFileSync(join(dir, manifestName), "utf8")) as Manifest;
  const now = siteManifest(dir, { audience: { kind: "city" }, dataDate: null }).files;
  const want = new Map(m.files.map((f) => [f.path, f.sha256]));
  const have = new Map(now.map((f) => [f.path, f.sha256]));
  return [...new Set([...want.keys(), ...have.keys()])].filter((p) => want.get(p) !== have.get(p)).sort();
}
