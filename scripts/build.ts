/**
 * `npm run build [-- --audience AUD] [--out DIR] [--plan FILE]`: build the site of one audience
 * (loaders/config/audience.ts). AUD is `city` (the default: the internal site, as before),
 * `district:<code>` (that district's own rows, the rest as aggregates) or `public` (the public
 * site, as `npm run build:public`). DIR defaults to $PILOT_OUT or dist/ ($PILOT_PUBLIC_OUT or
 * dist-public/ for public).
 *
 * The audience reaches Framework's config and every loader as $PILOT_AUDIENCE: loaders print only
 * what the audience may see. For a district, the pages the config leaves out (the city-only pages)
 * are deleted from the output with every data file only they referenced. Postbuild then writes
 * lang, the CSP meta tag and manifest.json.
 *
 * The plan is `--plan FILE`, else $PILOT_PLAN, else plans/guangzhou.json (loaders/plan/load.ts);
 * it is checked first (an error stops here with its located message) and reaches Framework and
 * every loader as $PILOT_PLAN, an absolute path.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { audienceFromEnv, audienceId, cityOnlyPages, parseAudience, type Audience } from "../loaders/config/audience.ts";
import { projectRoot } from "../loaders/config/paths.ts";
import { planFile } from "../loaders/plan/load.ts";
import { loadPlanOrExit } from "./lib/cli.ts";
import { ensurePlanSample } from "./lib/planSample.ts";

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(resolve(projectRoot, "node_modules/.bin", cmd), args, { cwd: projectRoot, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * Delete the city-only pages Framework rendered anyway (it renders every .md), then data files no
 * page still names, then the page modules (_import/) no page or kept module imports: what a
 * district build ships is what its own pages use.
 */
export function pruneCityOnly(out: string): string[] {
  const removed: string[] = [];
  for (const p of cityOnlyPages) {
    const f = join(out, `${p.slice(1)}.html`);
    if (existsSync(f)) {
      rmSync(f);
      removed.push(relative(out, f));
    }
  }
  // Everything the remaining pages name, read once.
  const pages = files(out)
    .filter((f) => f.endsWith(".html"))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const fileDir = join(out, "_file");
  if (existsSync(fileDir)) {
    for (const f of files(fileDir)) {
      // Pages name their files as "./_file/<path>" or "../_file/<path>".
      if (!pages.includes(`_file/${relative(fileDir, f)}`)) {
        rmSync(f);
        removed.push(relative(out, f));
      }
    }
  }
  return [...removed, ...pruneModules(out, pages)];
}

/** Delete the modules of _import/ that no page and no kept module names (by their hashed file name). */
function pruneModules(out: string, pages: string): string[] {
  const dir = join(out, "_import");
  if (!existsSync(dir)) return [];
  const modules = files(dir).filter((f) => f.endsWith(".js"));
  const name = (f: string) => f.slice(f.lastIndexOf("/") + 1);
  // Modules import each other as "./format.8a61bda1.js" or, across component folders, "../shared/format.8a61bda1.js":
  // match by file name, walking from what the pages name and reading each module once.
  const kept = new Set(modules.filter((f) => pages.includes(name(f))));
  const todo = [...kept];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    const text = readFileSync(f, "utf8");
    for (const m of modules) if (!kept.has(m) && text.includes(name(m))) (kept.add(m), todo.push(m));
  }
  const removed = modules.filter((f) => !kept.has(f));
  for (const f of removed) rmSync(f);
  return removed.map((f) => relative(out, f));
}

/** Build `audience` into `out`. */
export function build(audience: Audience, out: string, env: NodeJS.ProcessEnv = process.env): void {
  const e: NodeJS.ProcessEnv = { ...env, PILOT_AUDIENCE: audienceId(audience), OBSERVABLE_TELEMETRY_DISABLE: "1" };
  if (audience.kind === "public") {
    run("observable", ["build", "--config", "observablehq.public.config.ts"], { ...e, PILOT_PUBLIC_OUT: out, NODE_OPTIONS: [env.NODE_OPTIONS, "--import=tsx"].filter(Boolean).join(" ") });
  } else {
    run("tsx", ["scripts/prebuild.ts", "src"], e);
    run("observable", ["build"], { ...e, PILOT_OUT: out });
    if (audience.kind === "district") console.log(`build: ${audienceId(audience)}: left out ${pruneCityOnly(out).length} city-only file(s)`);
  }
  run("tsx", ["scripts/postbuild.ts", out], e);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const given = arg(argv, "audience");
  const plan = loadPlanOrExit();
  const audience = given ? parseAudience(given, plan) : audienceFromEnv(plan);
  const out = resolve(arg(argv, "out") ?? (audience.kind === "public" ? process.env.PILOT_PUBLIC_OUT ?? "dist-public" : process.env.PILOT_OUT ?? "dist"));
  try {
    // Another plan's sample, generated when no data root is given (scripts/lib/planSample.ts).
    const data = ensurePlanSample();
    build(audience, out, { ...process.env, PILOT_PLAN: planFile(), PILOT_DATA: data });
  } catch (err) {
    console.error(`build: ${(err as Error).message}`);
    process.exit(1);
  }
}
