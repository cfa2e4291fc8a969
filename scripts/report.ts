/**
 * npm run report -- [--data DIR] [--plan FILE] [--as-of YYYY-MM-DD] [--format json|md|selfassessment|selfassessment-xlsx] [--out FILE] [--compare [YYYY-MM-DD]]
 * The KPI report for the newest snapshot on or before --as-of (default: the newest snapshot),
 * as JSON or as a Chinese summary a leader can paste into a message. `selfassessment` writes the
 * performance self-assessment (绩效自评估, plan 五(八)) as Markdown; `selfassessment-xlsx` writes it as
 * a workbook and needs --out (binary is never written to a terminal). With --compare, the weekly
 * review instead: that snapshot against the earlier one --compare names (the newest on or before
 * the date; with no date, the snapshot before the current one).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ensurePlanSample } from "./lib/planSample.ts";
import { computeReport } from "../loaders/kpi/computeReport.ts";
import { reportMarkdown } from "../loaders/kpi/reportMarkdown.ts";
import { loadPlan } from "../loaders/plan/load.ts";
import { computeSelfAssessment } from "../loaders/selfassessment/compute.ts";
import { selfAssessmentMarkdown } from "../loaders/selfassessment/markdown.ts";
import { selfAssessmentXlsx } from "../loaders/selfassessment/workbook.ts";
import { IngestFailed, openWarehouse } from "../loaders/warehouse/build.ts";
import { computeWeekly } from "../loaders/weekly/computeWeekly.ts";
import { weeklyMarkdown } from "../loaders/weekly/weeklyMarkdown.ts";
import { print, printError, runCli, write } from "./lib/cli.ts";

const usage = "用法 / usage: npm run report -- [--data DIR] [--plan FILE] [--as-of YYYY-MM-DD] [--format json|md|selfassessment|selfassessment-xlsx] [--out FILE] [--compare [YYYY-MM-DD]]";
const formats = ["json", "md", "selfassessment", "selfassessment-xlsx"];
const isoDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

// --compare may stand alone (compare with the snapshot before the current one): give it an empty value.
const argv = process.argv.slice(2).flatMap((a, i, all) =>
  a === "--compare" && (i + 1 >= all.length || all[i + 1]!.startsWith("--")) ? ["--compare="] : [a]);

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        data: { type: "string" },
        plan: { type: "string" },
        "as-of": { type: "string" },
        format: { type: "string", default: "json" },
        out: { type: "string" },
        compare: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    await printError(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    await print(usage);
    return 0;
  }
  if (!formats.includes(v.format!)) {
    await printError(`--format 只能是 ${formats.join("、")} / --format must be one of ${formats.join(", ")}\n${usage}`);
    return 2;
  }
  const selfAssessment = v.format!.startsWith("selfassessment");
  if (selfAssessment && v.compare !== undefined) {
    await printError(`--compare 不能与 --format ${v.format} 同用 / --compare does not go with --format ${v.format}\n${usage}`);
    return 2;
  }
  if (v.format === "selfassessment-xlsx" && !v.out) {
    await printError(`--format selfassessment-xlsx 需要 --out 文件名(.xlsx)/ --format selfassessment-xlsx needs --out FILE\n${usage}`);
    return 2;
  }
  const asOf = v["as-of"];
  if (asOf !== undefined && !isoDay(asOf)) {
    await printError(`--as-of 应为 YYYY-MM-DD / --as-of must be YYYY-MM-DD: ${asOf}\n${usage}`);
    return 2;
  }
  const compare = v.compare;
  if (compare !== undefined && compare !== "" && !isoDay(compare)) {
    await printError(`--compare 应为 YYYY-MM-DD(上一期快照日期)/ --compare must be YYYY-MM-DD (the earlier snapshot): ${compare}\n${usage}`);
    return 2;
  }
  // No --data: the plan's sample (data/sample, or another plan's generated one: scripts/lib/planSample.ts).
  const root = ensurePlanSample(v.data ? ["--data", v.data] : process.argv, process.env);
  const plan = loadPlan(v.plan !== undefined ? ["--plan", v.plan] : [], process.env);
  let wh;
  try {
    wh = await openWarehouse(root, plan);
  } catch (e) {
    if (e instanceof IngestFailed) {
      await printError(e.message);
      return 1;
    }
    throw e;
  }
  try {
    let text: string;
    if (selfAssessment) {
      const sa = await computeSelfAssessment(wh.conn, asOf ? { asOf, plan } : { plan });
      if (v.format === "selfassessment-xlsx") {
        writeFileSync(v.out!, await selfAssessmentXlsx(sa));
        return 0;
      }
      text = selfAssessmentMarkdown(sa);
    } else if (compare !== undefined) {
      const review = await computeWeekly(wh.conn, { ...(compare ? { before: compare } : {}), ...(asOf ? { after: asOf } : {}), plan });
      text = v.format === "md" ? weeklyMarkdown(review) : JSON.stringify(review, null, 2) + "\n";
    } else {
      const report = await computeReport(wh.conn, asOf ? { asOf, plan } : { plan });
      text = v.format === "md" ? reportMarkdown(report, plan) : JSON.stringify(report, null, 2) + "\n";
    }
    if (v.out) writeFileSync(v.out, text);
    else await write(process.stdout, text);
    return 0;
  } catch (e) {
    await printError((e as Error).message);
    return 1;
  } finally {
    wh.close();
  }
}

runCli(main);
