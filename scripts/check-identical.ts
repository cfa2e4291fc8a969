/**
 * npx tsx scripts/check-identical.ts --data ROOT [--plan FILE] --save DIR
 * npx tsx scripts/check-identical.ts --data ROOT [--plan FILE] --against DIR [--keep]
 *
 * The safety net of a behaviour-preserving change (issue 14): everything the read side prints,
 * captured from one commit and compared byte for byte with another. `--save` writes into DIR
 *
 * - every page data loader's stdout (src/data.zip.ts, public/data/*) for the city site, for one
 *   district audience (the first district of the plan) and for the public site; an archive
 *   loader's members are written as the files Framework serves from it (`x.zip` → `x/<member>`,
 *   `src/data.zip` → the members themselves), so outputs compare file by file whichever loader
 *   prints them;
 * - `report --format json` and `--format md`, the weekly review (`report --compare`, json and md)
 *   and the self-assessment (`--format selfassessment`).
 *
 * `--against DIR` captures the same into a scratch folder and lists every file that is missing,
 * extra or different (exit 1), or says byte-identical (exit 0). Run `--save` on the commit before
 * a change (e.g. in a `git worktree`), `--against` after it. Loaders run as Framework runs them:
 * `tsx FILE` with PILOT_DATA and PILOT_AUDIENCE set, from the project root.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import JSZip from "jszip";
import { projectRoot } from "../loaders/config/paths.ts";
import { loadPlan, planFile } from "../loaders/plan/load.ts";
import { compareTrees } from "./check-determinism.ts";
import { print, printError, runCli } from "./lib/cli.ts";

const run = promisify(execFile);
const tsx = join(projectRoot, "node_modules/.bin/tsx");
const usage = "用法 / usage: npx tsx scripts/check-identical.ts --data ROOT [--plan FILE] (--save DIR | --against DIR [--keep])";

/**
 * The loaders serving `data/` of one source root, as [output name under data/, file]: the
 * loaders in `<root>/data/` and an archive loader `<root>/data.zip.ts` (named "" : its members
 * are data/'s files).
 */
function loaders(root: string): [string, string][] {
  const dir = join(projectRoot, root, "data");
  const inDir: [string, string][] = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(json|zip|csv)\.ts$/.test(f))
        .sort()
        .map((f) => [f.replace(/\.ts$/, ""), join(dir, f)])
    : [];
  const archive = join(projectRoot, root, "data.zip.ts");
  return existsSync(archive) ? [["", archive], ...inDir] : inDir;
}

/** Write one loader's output at `file`; an archive's members (`file` "x.zip" or a folder) under `file` without ".zip". */
async function writeOutput(file: string, bytes: Buffer, archive: boolean): Promise<void> {
  if (!archive) {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, bytes);
    return;
  }
  const zip = await JSZip.loadAsync(bytes);
  const dir = file.replace(/\.zip$/, "");
  for (const m of Object.values(zip.files).filter((f) => !f.dir)) {
    const target = join(dir, m.name);
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(target, await m.async("nodebuffer"));
  }
}

async function stdoutOf(args: string[], env: NodeJS.ProcessEnv): Promise<Buffer> {
  const r = await run(tsx, args, { cwd: projectRoot, env, encoding: "buffer", maxBuffer: 1 << 30 });
  return r.stdout;
}

/** Capture every output into `out` (folders city/, district-<code>/, public/, cli/). */
export async function capture(root: string, out: string, district: string): Promise<number> {
  const base = { ...process.env, PILOT_DATA: root, OBSERVABLE_TELEMETRY_DISABLE: "1" };
  const jobs: [string, string[], NodeJS.ProcessEnv][] = [
    ...loaders("src").map(([n, f]): [string, string[], NodeJS.ProcessEnv] => [`city/${n}`, [f], { ...base, PILOT_AUDIENCE: "city" }]),
    ...loaders("src").map(([n, f]): [string, string[], NodeJS.ProcessEnv] => [`district-${district}/${n}`, [f], { ...base, PILOT_AUDIENCE: `district:${district}` }]),
    ...loaders("public").map(([n, f]): [string, string[], NodeJS.ProcessEnv] => [`public/${n}`, [f], { ...base, PILOT_AUDIENCE: "public" }]),
    ...(
      [
        ["report.json", ["--format", "json"]],
        ["report.md", ["--format", "md"]],
        ["weekly.json", ["--compare", "--format", "json"]],
        ["weekly.md", ["--compare", "--format", "md"]],
        ["selfassessment.md", ["--format", "selfassessment"]],
      ] as const
    ).map(([n, a]): [string, string[], NodeJS.ProcessEnv] => [`cli/${n}`, [join(projectRoot, "scripts/report.ts"), "--data", root, ...a], base]),
  ];
  for (const [name, args, env] of jobs) await writeOutput(join(out, name), await stdoutOf(args, env), name.endsWith("/") || name.endsWith(".zip"));
  return jobs.length;
}

async function main(): Promise<number> {
  let v;
  try {
    v = parseArgs({ options: { data: { type: "string" }, save: { type: "string" }, against: { type: "string" }, keep: { type: "boolean" }, district: { type: "string" }, plan: { type: "string" } } }).values;
    if (!v.data || (v.save == null) === (v.against == null)) throw new Error("--data and one of --save / --against are required");
  } catch (e) {
    await printError(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const root = resolve(v.data);
  if (!existsSync(root)) {
    await printError(`目录不存在 / no such folder: ${root}`);
    return 2;
  }
  // Every loader and command below reads the plan this command names, as an absolute path.
  if (v.plan !== undefined) process.env.PILOT_PLAN = planFile(["--plan", v.plan]);
  const district = v.district ?? loadPlan([], process.env).districts[0]!.code;
  const started = Date.now();
  if (v.save) {
    const out = resolve(v.save);
    rmSync(out, { recursive: true, force: true });
    const n = await capture(root, out, district);
    await print(`已保存 / saved ${n} outputs of ${root} into ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return 0;
  }
  const scratch = mkdtempSync(join(tmpdir(), "identical-"));
  try {
    await capture(root, scratch, district);
    const { files, differences } = compareTrees(resolve(v.against!), scratch);
    await print(`${files} 个输出 / outputs compared with ${v.against} in ${((Date.now() - started) / 1000).toFixed(0)} s${v.keep ? `; this run: ${scratch}` : ""}`);
    if (differences.length === 0) {
      await print("完全一致 / byte-identical");
      return 0;
    }
    // compareTrees names the saved folder "build 1" and this run "build 2".
    for (const d of differences) await print(d.replace("build 1", "saved").replace("build 2", "this run"));
    return 1;
  } finally {
    if (!v.keep) rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
