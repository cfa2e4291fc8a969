/**
 * npm run validate -- [<snapshot-or-root>] [--data DIR] [--plan FILE] [--json FILE]
 * Reads every export, prints a per-file summary and every problem found.
 * Exit 0: every file was read (row rejections included); 1: a file is unreadable or a required
 * table or column is missing, or the plan file has an error; 2: wrong usage.
 */
import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ensurePlanSample } from "./lib/planSample.ts";
import { formatIssue } from "../loaders/ingest/issues.ts";
import { ingestRoot } from "../loaders/ingest/root.ts";
import { validationReport } from "../loaders/ingest/report.ts";
import { loadPlan } from "../loaders/plan/load.ts";
import { print, printError, runCli } from "./lib/cli.ts";

const usage = "用法 / usage: npm run validate -- [<snapshot-or-root>] [--data DIR] [--plan FILE] [--json FILE]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { data: { type: "string" }, plan: { type: "string" }, json: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
  } catch (e) {
    await printError(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  if (args.values.help) {
    await print(usage);
    return 0;
  }
  if (args.positionals.length > 1 || (args.positionals.length === 1 && args.values.data)) {
    await printError(`只能指定一个数据目录 / give one data folder only\n${usage}`);
    return 2;
  }
  const root = args.positionals[0] ? resolve(args.positionals[0]) : ensurePlanSample(args.values.data ? ["--data", args.values.data] : process.argv, process.env);
  if (!existsSync(root)) {
    await printError(`目录不存在 / no such folder: ${root}\n${usage}`);
    return 2;
  }
  const plan = loadPlan(args.values.plan !== undefined ? ["--plan", args.values.plan] : [], process.env);
  const result = await ingestRoot(root, plan);
  const report = validationReport(result);

  // One write for the whole listing: thousands of issues print as fast as a few.
  const lines = [`数据目录 / data root: ${root}`];
  lines.push(["快照/snapshot", "表/table", "编码/encoding", "读取/read", "导入/loaded", "拒绝/rejected", "文件/file"].join("\t"));
  for (const f of report.files) {
    lines.push([f.snapshot, f.table, f.encoding, f.rows_read, f.rows_loaded, f.rows_rejected, f.file].join("\t"));
  }
  const shown = result.snapshots.flatMap((s) => s.issues).concat(result.issues, result.fatal).filter((i) => i.severity !== "info");
  if (shown.length > 0) lines.push(`\n问题 / problems (${shown.length}):`);
  for (const i of shown) lines.push(`[${i.severity}] ${formatIssue(i)}`);
  const t = report.totals;
  lines.push(`\n合计 / total: 读取 ${t.rows_read} = 导入 ${t.rows_loaded} + 拒绝 ${t.rows_rejected}; 警告 ${t.warnings}; 致命 ${t.fatal}`);
  await print(lines.join("\n"));

  if (args.values.json) writeFileSync(args.values.json, JSON.stringify(report, null, 2) + "\n");
  if (result.fatal.length > 0) {
    await printError(`\n无法完成导入 / ingest cannot complete: ${result.fatal.length} 个文件级问题 / file-level problem(s) above.`);
    return 1;
  }
  return 0;
}

runCli(main);
