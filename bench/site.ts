/**
 * Full site builds of one data root: cold (no cache at all), again with nothing changed, and after
 * one export of the newest snapshot changed. Builds run `npm run build` (prebuild, observable build,
 * postbuild) with PILOT_DATA and PILOT_OUT, never into dist/.
 *
 * They run in a private copy of the project's code (src/, loaders/, scripts/, plans/, config; node_modules
 * linked), so that (1) Framework's loader cache and the warehouse cache are the bench's own: other
 * engineers' builds and previews of other data roots reset the shared src/.observablehq/cache
 * (prebuild), which made a bench build fail mid-way with ENOENT on its loader's temporary file; and
 * (2) edits others make to src/ or loaders/ between the three builds do not count as "changed".
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../loaders/config/paths.ts";

export interface BuildRun {
  kind: "cold" | "unchanged" | "changed";
  ms: number;
  ok: boolean;
  loadAvg: number;
  /** Loaders Framework ran ([missing]/[stale]) and found fresh in its cache. */
  loadersRun: number;
  loadersFresh: number;
  /** Whether this build's loaders built the warehouse (a new .duckdb appeared) . */
  warehouseBuilt: boolean;
  /** Whether prebuild cleared Framework's loader cache. */
  cacheCleared: boolean;
  note?: string;
  tail?: string;
}

/** Copy the code a build needs into `tree` (fresh), linking node_modules. */
export function prepareTree(tree: string): void {
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  for (const entry of ["src", "loaders", "scripts", "plans", "observablehq.config.ts", "package.json", "tsconfig.json"]) {
    cpSync(join(projectRoot, entry), join(tree, entry), {
      recursive: true,
      // Not another checkout's caches, nor the sample data.
      filter: (from) => !from.includes(`${join(projectRoot, "src", ".observablehq")}`),
    });
  }
  symlinkSync(join(projectRoot, "node_modules"), join(tree, "node_modules"));
}

const warehouses = (tree: string): Set<string> => {
  const dir = join(tree, ".cache/warehouse");
  return new Set(existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".duckdb")) : []);
};

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function npmBuild(tree: string, data: string, out: string): Promise<{ ms: number; code: number; output: string }> {
  const env = { ...process.env, PILOT_DATA: data, PILOT_OUT: out, OBSERVABLE_TELEMETRY_DISABLE: "1", NO_COLOR: "1", FORCE_COLOR: "0" };
  return new Promise((ok) => {
    const t = performance.now();
    const child = spawn("npm", ["run", "build"], { cwd: tree, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => ok({ ms: performance.now() - t, code: code ?? 1, output: output.replace(ANSI, "") }));
  });
}

async function timedBuild(kind: BuildRun["kind"], tree: string, data: string, out: string, logPrefix: string, log: (s: string) => void): Promise<BuildRun> {
  const before = warehouses(tree);
  const loadAvg = loadavg()[0]!;
  log(`  site build (${kind}), load average ${loadAvg.toFixed(2)} …`);
  const r = await npmBuild(tree, data, out);
  writeFileSync(`${logPrefix}-${kind}.log`, r.output);
  const lines = r.output.split("\n");
  // Framework writes "load /data/x.json → " and then, when the loader settles, "[missing] success …" or "[fresh] …".
  // A file inside an archive names the archive's loader after its own lookup
  // ("load /data/districts/liwan.json → [missing] load /data.zip → [fresh]"): the last
  // status on the line is the loader that ran or was fresh.
  const status = (l: string) => [...l.matchAll(/\bload \S+ → \[(missing|stale|fresh)\]/g)].at(-1)?.[1];
  const run: BuildRun = {
    kind,
    ms: r.ms,
    ok: r.code === 0,
    loadAvg,
    loadersRun: lines.filter((l) => status(l) === "missing" || status(l) === "stale").length,
    loadersFresh: lines.filter((l) => status(l) === "fresh").length,
    warehouseBuilt: [...warehouses(tree)].some((f) => !before.has(f)),
    cacheCleared: r.output.includes("prebuild: inputs, plan or loader code changed"),
  };
  if (!run.ok) run.tail = lines.slice(-15).join("\n");
  log(`    ${(r.ms / 1000).toFixed(1)} s, ${run.loadersRun} loader(s) ran, ${run.loadersFresh} fresh${run.warehouseBuilt ? ", warehouse built" : ""}${run.ok ? "" : " — FAILED"}`);
  return run;
}

/** Change one export of the newest snapshot of `root` (its largest CSV); returns its path. */
export function changeOneExport(root: string): string {
  const snaps = readdirSync(root).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const dir = join(root, snaps[snaps.length - 1]!);
  const csvs = readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size);
  // The largest CSV of the newest snapshot: a realistic re-export of a list that changes weekly.
  const file = join(dir, csvs[0]!.f);
  const bytes = readFileSync(file);
  // Append one blank line: the file's bytes change (so every cache keyed on them must rebuild),
  // its content does not (readers drop trailing blank lines), so the build still succeeds.
  writeFileSync(file, Buffer.concat([bytes, Buffer.from("\n")]));
  return file;
}

/** Cold, unchanged and changed builds of a fresh copy of `root` (the change is made in the copy), in the private code copy `tree`. */
export async function siteBuilds(root: string, work: string, tree: string, out: string, logPrefix: string, log: (s: string) => void): Promise<{ runs: BuildRun[]; changedFile: string }> {
  rmSync(work, { recursive: true, force: true });
  cpSync(root, work, { recursive: true });
  rmSync(out, { recursive: true, force: true });
  prepareTree(tree); // no loader cache, no warehouse, no report: cold
  const runs: BuildRun[] = [];

  runs.push(await timedBuild("cold", tree, work, out, logPrefix, log));
  if (!runs[0]!.ok) return { runs, changedFile: "" };

  const unchanged = await timedBuild("unchanged", tree, work, out, logPrefix, log);
  if (unchanged.cacheCleared) unchanged.note = "prebuild cleared the loader cache although nothing changed";
  runs.push(unchanged);

  const changedFile = changeOneExport(work);
  runs.push(await timedBuild("changed", tree, work, out, logPrefix, log));
  return { runs, changedFile };
}
