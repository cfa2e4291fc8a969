// Every command that prints data writes all of it to a pipe and exits with its code after the
// output is flushed (issue 12, item 4; scripts/lib/cli.ts). Each command runs in a child process
// with stdout as a pipe (no shell, no file) and its whole stdout is parsed; the report and the
// validation listing are made larger than 1 MiB with a generated data root.
//
// The root (scale 5, the two newest snapshots, plus 1,500 broken training rows so that the
// validation listing is long) is generated once and kept under the OS temp dir, keyed on the
// generator's code; the warehouse cache then makes later runs of this file take seconds.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { weeklyMarkdown } from "../../loaders/weekly/weeklyMarkdown.ts";
import { codesTable, contractTable } from "../../scripts/docs-tables.ts";
import { plan } from "../helpers/plan.ts";

const tsx = resolve(projectRoot, "node_modules/.bin/tsx");
const MiB = 1 << 20;
const SCALE = 5;
const BROKEN_ROWS = 1500;

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Run a script under tsx with stdout and stderr as pipes; read both to the end. */
function run(script: string, args: string[], opts: { closeStdoutAfter?: number } = {}): Promise<Run> {
  return new Promise((ok, fail) => {
    const child = spawn(tsx, [resolve(projectRoot, script), ...args], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let seen = 0;
    child.stdout.on("data", (b: Buffer) => {
      out.push(b);
      seen += b.length;
      // A reader that stops early, like `| head -c N`.
      if (opts.closeStdoutAfter !== undefined && seen >= opts.closeStdoutAfter) child.stdout.destroy();
    });
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", fail);
    child.on("close", (code) => ok({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }));
  });
}

const lastLine = (text: string) => text.replace(/\n$/, "").split("\n").pop();

// ---- the generated root, cached per version of the generator --------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(resolve(projectRoot, dir), { recursive: true, withFileTypes: false })
    .map(String)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => join(dir, f));
}

function generatorKey(): string {
  const h = createHash("sha256").update(`scale ${SCALE}; broken ${BROKEN_ROWS}; v1\n`);
  for (const f of ["scripts/generate.ts", ...sourceFiles("scripts/sample"), ...sourceFiles("loaders/plan"), ...sourceFiles("loaders/contract")]) {
    h.update(f).update(readFileSync(resolve(projectRoot, f)));
  }
  return h.digest("hex").slice(0, 16);
}

let root: string;
let newest: string;
let generated: string;

async function bigRoot(): Promise<string> {
  const prefix = "gz-pipe-test-";
  const dir = join(tmpdir(), prefix + generatorKey());
  if (!existsSync(join(dir, "generate.stdout"))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    // Generating through a pipe is itself a run of `generate` whose stdout is checked below.
    const g = await run("scripts/generate.ts", ["--scale", String(SCALE), "--out", tmp]);
    if (g.code !== 0) throw new Error(`generate failed (${g.code}): ${g.stderr}`);
    const snapshots = readdirSync(tmp).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort();
    for (const s of snapshots.slice(0, -2)) rmSync(join(tmp, s), { recursive: true, force: true });
    // Rows whose every cell is wrong: each is rejected with several located issues.
    const trainings = join(tmp, snapshots[snapshots.length - 1]!, "trainings.csv");
    if (!existsSync(trainings)) throw new Error(`the generator no longer writes ${trainings}; pick another CSV table`);
    appendFileSync(trainings, Array.from({ length: BROKEN_ROWS }, (_, i) => Array(7).fill(`BAD${i}`).join(",") + "\n").join(""));
    writeFileSync(join(tmp, "generate.stdout"), g.stdout);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
  // Roots of older generator versions are of no further use.
  for (const n of readdirSync(tmpdir())) {
    const p = join(tmpdir(), n);
    if (n.startsWith(prefix) && p !== dir && !n.includes(".tmp-") && statSync(p).isDirectory()) rmSync(p, { recursive: true, force: true });
  }
  return dir;
}

beforeAll(async () => {
  root = await bigRoot();
  newest = readdirSync(root).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort().pop()!;
  generated = readFileSync(join(root, "generate.stdout"), "utf8");
}, 600_000);

const scratchDir = join(tmpdir(), `gz-pipe-out-${process.pid}`);
const scratch = () => {
  mkdirSync(scratchDir, { recursive: true });
  return scratchDir;
};
afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

// ---- the shared helper ----------------------------------------------------------------------

describe("scripts/lib/cli.ts", () => {
  const size = 3_000_000;

  test("should deliver every byte through a pipe and exit with the command's code", async () => {
    const r = await run("test/cli/big-output.ts", ["helper", String(size)]);
    expect([r.code, r.stdout.length, r.stdout.at(-1), r.stderr]).toEqual([3, size, 0x0a, "done\n"]);
  });

  test("should show why: process.exit() right after the write loses what the pipe had not taken", async () => {
    const r = await run("test/cli/big-output.ts", ["naive", String(size)]);
    expect(r.code).toBe(3);
    expect(r.stdout.length).toBeLessThan(size);
  });

  test("should exit with its code, quietly, when the reader stops early", async () => {
    const r = await run("test/cli/big-output.ts", ["helper", String(size)], { closeStdoutAfter: 1 });
    expect([r.code, r.stderr]).toEqual([3, "done\n"]);
  });
});

// ---- the commands ---------------------------------------------------------------------------

describe("report through a pipe", () => {
  test("should print the whole JSON report (over 1 MiB), the same bytes as --out writes", async () => {
    const file = join(scratch(), "report.json");
    const piped = await run("scripts/report.ts", ["--data", root, "--format", "json"]);
    const written = await run("scripts/report.ts", ["--data", root, "--format", "json", "--out", file]);
    expect([piped.code, piped.stderr, written.code, written.stdout.length]).toEqual([0, "", 0, 0]);
    expect(piped.stdout.length).toBeGreaterThan(MiB);
    expect(piped.stdout.equals(readFileSync(file))).toBe(true);
    const report = JSON.parse(piped.stdout.toString("utf8"));
    expect([report.snapshot, report.as_of]).toEqual([newest, newest]);
  }, 300_000);

  test("should print the whole markdown report, ending on its last line", async () => {
    const file = join(scratch(), "report.md");
    const piped = await run("scripts/report.ts", ["--data", root, "--format", "md"]);
    await run("scripts/report.ts", ["--data", root, "--format", "md", "--out", file]);
    const text = piped.stdout.toString("utf8");
    expect(piped.code).toBe(0);
    expect(text).toBe(readFileSync(file, "utf8"));
    expect(text.endsWith("\n")).toBe(true);
    expect(lastLine(text)).toBe(lastLine(readFileSync(file, "utf8")));
    expect(text.split("\n")[0]).toBe(`**广州市中小企业数字化转型城市试点进展(截至${Number(newest.slice(0, 4))}年${Number(newest.slice(5, 7))}月${Number(newest.slice(8))}日)**`);
  }, 300_000);

  test("should print the whole weekly review as JSON and as markdown", async () => {
    const [json, md] = await Promise.all([
      run("scripts/report.ts", ["--data", root, "--format", "json", "--compare"]),
      run("scripts/report.ts", ["--data", root, "--format", "md", "--compare"]),
    ]);
    expect([json.code, md.code]).toEqual([0, 0]);
    const review = JSON.parse(json.stdout.toString("utf8"));
    expect(review.after).toBe(newest);
    expect(md.stdout.toString("utf8")).toBe(weeklyMarkdown(review));
  }, 300_000);

  test("should exit 2 with the usage on stderr and nothing on stdout for a wrong option", async () => {
    const r = await run("scripts/report.ts", ["--format", "xml"]);
    expect([r.code, r.stdout.length]).toEqual([2, 0]);
    expect(r.stderr.split("\n")[0]).toBe("--format 只能是 json、md、selfassessment、selfassessment-xlsx / --format must be one of json, md, selfassessment, selfassessment-xlsx");
  });
});

describe("validate through a pipe", () => {
  test("should print every problem of a listing over 1 MiB, ending on the totals, as its --json file counts them", async () => {
    const file = join(scratch(), "validate.json");
    const r = await run("scripts/validate.ts", [join(root, newest), "--json", file]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout.length).toBeGreaterThan(MiB);
    const text = r.stdout.toString("utf8");
    const report = JSON.parse(readFileSync(file, "utf8"));
    const t = report.totals;
    expect(lastLine(text)).toBe(`合计 / total: 读取 ${t.rows_read} = 导入 ${t.rows_loaded} + 拒绝 ${t.rows_rejected}; 警告 ${t.warnings}; 致命 ${t.fatal}`);
    const shown = report.issues.filter((i: { severity: string }) => i.severity !== "info").length;
    expect(text).toContain(`\n问题 / problems (${shown}):\n`);
    expect(text.split("\n").filter((l) => /^\[(error|warning|fatal)\] /.test(l)).length).toBe(shown);
    // Every broken row is rejected, and listed.
    expect(t.rows_rejected).toBeGreaterThanOrEqual(BROKEN_ROWS);
    expect(text).toContain(`「日期」列:不是有效日期「BAD${BROKEN_ROWS - 1}」 [INVALID_DATE]`);
  }, 300_000);
});

describe("docs-tables through a pipe", () => {
  test.each([
    ["codes", codesTable],
    ["contract", () => contractTable(plan)],
  ])("should print the %s table whole", async (which, table) => {
    const r = await run("scripts/docs-tables.ts", [which]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout.toString("utf8")).toBe(table() + "\n");
  });
});

describe("generate through a pipe", () => {
  test("should have printed its summary whole when it generated the root above", () => {
    const lines = generated.split("\n");
    expect(lines.length).toBe(3);
    expect(lines[0]).toMatch(new RegExp(`^wrote \\d+ files in 9 snapshots to .*gz-pipe-test-[0-9a-f]{16}\\.tmp-\\d+ \\(\\d+\\.\\d MB, \\d+ fault rows, seed gz-sme-dx-sample-2026, scale ${SCALE}\\) in \\d+\\.\\d s$`));
    expect(lines[1]).toMatch(/^last snapshot \d{4}-\d{2}-\d{2}: \d+ transformed, \d+ diagnosed, \d+ breaches$/);
    expect(lines[2]).toBe("");
  });

  test("should print its usage with --help and exit 0; exit 2 on a wrong option", async () => {
    const usage = "usage: tsx scripts/generate.ts [--out DIR] [--scale N] [--seed S] [--workers W] [--plan FILE]\n";
    const [help, bad] = await Promise.all([run("scripts/generate.ts", ["--help"]), run("scripts/generate.ts", ["--bogus", "1"])]);
    expect([help.code, help.stdout.toString("utf8"), help.stderr]).toEqual([0, usage, ""]);
    expect([bad.code, bad.stdout.length, bad.stderr]).toEqual([2, 0, `generate: unknown option --bogus\n${usage}`]);
  });
});
