/**
 * npx tsx scripts/check-determinism.ts [--data DIR] [--keep]
 * Builds the site twice from the same inputs and compares the two dist/ folders byte for byte:
 * no build time, random order or path may leak into a data file or a page.
 *
 * Each build runs in one scratch project (a copy of src/ taken once, loaders/ and node_modules/
 * linked), with Framework's loader cache emptied and the data root's warehouse removed before it,
 * so both builds really ingest, query and render; the project's own src/.observablehq/cache and
 * dist/ are never touched. Exit 0 when identical, 1 when not (listing what differs), 2 on wrong usage.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { dataRoot, projectRoot } from "../loaders/config/paths.ts";
import { loadPlan, planFile } from "../loaders/plan/load.ts";
import { warehouseKey } from "../loaders/warehouse/build.ts";
import { print, printError, runCli } from "./lib/cli.ts";

const run = promisify(execFile);

export interface DeterminismReport {
  identical: boolean;
  /** Files in both builds. */
  files: number;
  /** "only in build 1: x", "only in build 2: x", "differs: x". */
  differences: string[];
  seconds: number;
  /** The two outputs, when kept. */
  outputs?: [string, string];
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else out.push(relative(dir, p));
    }
  };
  visit(dir);
  return out.sort();
}

/** Differences between two folders, file by file. */
export function compareTrees(a: string, b: string): { files: number; differences: string[] } {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const inB = new Set(fb);
  const inA = new Set(fa);
  const differences = [
    ...fa.filter((f) => !inB.has(f)).map((f) => `only in build 1: ${f}`),
    ...fb.filter((f) => !inA.has(f)).map((f) => `only in build 2: ${f}`),
    ...fa.filter((f) => inB.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).map((f) => `differs: ${f}`),
  ];
  return { files: fa.filter((f) => inB.has(f)).length, differences };
}

/** Build the site twice from `root` and compare the outputs. */
export async function checkDeterminism(root: string, opts: { keep?: boolean } = {}): Promise<DeterminismReport> {
  const started = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), "determinism-"));
  const project = join(scratch, "project");
  mkdirSync(project);
  // One copy of the pages for both builds, so edits made meanwhile cannot tell them apart.
  cpSync(join(projectRoot, "src"), join(project, "src"), { recursive: true, filter: (p) => !p.includes(".observablehq") });
  for (const f of ["observablehq.config.ts", "package.json"]) cpSync(join(projectRoot, f), join(project, f));
  for (const d of ["node_modules", "loaders", "plans"]) symlinkSync(join(projectRoot, d), join(project, d), "dir");

  const env = { ...process.env, PILOT_DATA: root, OBSERVABLE_TELEMETRY_DISABLE: "1" };
  const warehouse = resolve(projectRoot, ".cache/warehouse", `${warehouseKey(root, loadPlan([], process.env))}.duckdb`);
  const outputs: [string, string] = [join(scratch, "dist-1"), join(scratch, "dist-2")];
  try {
    for (const out of outputs) {
      rmSync(join(project, "src/.observablehq"), { recursive: true, force: true });
      rmSync(join(project, "dist"), { recursive: true, force: true });
      rmSync(warehouse, { force: true });
      await run(join(projectRoot, "node_modules/.bin/observable"), ["build"], { cwd: project, env, maxBuffer: 64 << 20 });
      await run(join(projectRoot, "node_modules/.bin/tsx"), [join(projectRoot, "scripts/postbuild.ts"), join(project, "dist")], { cwd: project, env });
      renameSync(join(project, "dist"), out);
    }
    const { files, differences } = compareTrees(...outputs);
    return { identical: differences.length === 0, files, differences, seconds: (Date.now() - started) / 1000, ...(opts.keep ? { outputs } : {}) };
  } finally {
    if (!opts.keep) rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { data: { type: "string" }, plan: { type: "string" }, keep: { type: "boolean" } } });
  } catch (e) {
    await printError(`${(e as Error).message}\n用法 / usage: npx tsx scripts/check-determinism.ts [--data DIR] [--plan FILE] [--keep]`);
    return 2;
  }
  // The builds (child processes) read the plan this command names, as an absolute path.
  if (args.values.plan !== undefined) process.env.PILOT_PLAN = planFile(["--plan", args.values.plan]);
  const root = dataRoot(args.values.data ? ["--data", args.values.data] : []);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    await printError(`目录不存在 / no such folder: ${root}`);
    return 2;
  }
  const r = await checkDeterminism(root, { keep: args.values.keep ?? false });
  await print(`两次构建 / two builds of ${root}: ${r.files} 个文件 / files, ${r.seconds.toFixed(0)} s`);
  if (r.outputs) await print(`输出 / outputs: ${r.outputs.join("  ")}`);
  if (r.identical) {
    await print("完全一致 / byte-identical");
    return 0;
  }
  await print(`不一致 / differences (${r.differences.length}):\n${r.differences.join("\n")}`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
