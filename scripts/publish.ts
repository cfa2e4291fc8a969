/**
 * npm run publish -- --to DIR [--site internal|public] [--data ROOT] [--if-new]
 * npm run publish -- --rollback --to DIR
 *
 * Builds the site into a temporary folder and switches DIR (a symlink) to it atomically, keeping
 * the previous build for rollback; see scripts/lib/releases.ts and docs/deploy.md.
 * $PILOT_PUBLISH_BUILD_CMD replaces the build command (tests use a stub).
 * Exit codes: 0 published / up to date / rolled back, 1 build failed (site unchanged) or other error,
 * 2 wrong usage, 3 refused (DIR not made by publish, nothing to roll back, no export folder),
 * 4 another publish is running.
 */
import { ensurePlanSample } from "./lib/planSample.ts";
import { exitCode, publish, PublishError, rollback, type Site } from "./lib/releases.ts";

const usage = "usage: npm run publish -- --to DIR [--site internal|public] [--data ROOT] [--if-new]\n       npm run publish -- --rollback --to DIR";

function parse(argv: string[]): { to: string; site: Site; ifNew: boolean; rollback: boolean } {
  const out = { to: "", site: "internal" as Site, ifNew: false, rollback: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.startsWith("--") && argv[i]!.includes("=") ? argv[i]!.split(/=(.*)/s) : [argv[i]!, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v) throw new PublishError(`${flag} needs a value\n${usage}`, exitCode.usage);
      return v;
    };
    if (flag === "--to") out.to = value();
    else if (flag === "--data") value(); // read by dataRoot() (through ensurePlanSample)
    else if (flag === "--site") {
      const s = value();
      if (s !== "internal" && s !== "public") throw new PublishError(`--site must be internal or public, not ${s}\n${usage}`, exitCode.usage);
      out.site = s;
    } else if (flag === "--if-new") out.ifNew = true;
    else if (flag === "--rollback") out.rollback = true;
    else throw new PublishError(`unknown argument ${argv[i]}\n${usage}`, exitCode.usage);
  }
  if (!out.to) throw new PublishError(`--to DIR is required\n${usage}`, exitCode.usage);
  return out;
}

async function main(argv: string[]): Promise<void> {
  // npm runs scripts in the project folder: resolve --to and --data from where the command was typed.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  const args = parse(argv);
  if (args.rollback) {
    const r = rollback(args.to);
    console.log(`rolled back: ${args.to} now serves ${r.release} (was ${r.previous}; run --rollback again to undo)`);
    return;
  }
  const r = await publish({ to: args.to, site: args.site, dataRoot: ensurePlanSample(argv), ifNew: args.ifNew });
  if (r.outcome === "up-to-date") console.log(`up to date: ${args.to} already serves snapshot ${r.snapshot} (${r.release}); nothing built`);
  else console.log(`published: ${args.to} now serves ${r.release} (snapshot ${r.snapshot ?? "none"}; previous ${r.previous ?? "none"})`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`publish: ${e instanceof Error ? e.message : String(e)}`);
  // Set, not exit(): stdout and stderr drain before the process ends.
  process.exitCode = e instanceof PublishError ? e.exitCode : exitCode.buildFailed;
});
