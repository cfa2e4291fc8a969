// `npm run report -- --compare`: the weekly review from export files on disk (two snapshots written
// with the test helpers), as the Chinese text and as JSON, and the plain report left as it was.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import type { WeeklyReview } from "../../loaders/weekly/types.ts";
import { weeklyMarkdown } from "../../loaders/weekly/weeklyMarkdown.ts";
import { baseTables, writeRoot } from "../helpers/exports.ts";

const tsx = resolve(projectRoot, "node_modules/.bin/tsx");
const script = resolve(projectRoot, "scripts/report.ts");

function report(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) =>
    execFile(tsx, [script, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

let root: string;

beforeAll(() => {
  // Week two: the subsidy F1 corrected 30 → 35 (a revision) and a training held on 2026-06-10 (a new event).
  const week2 = baseTables();
  week2["资金拨付.csv"]![1]![7] = "35";
  week2["人才培训.csv"]!.push(["T2", "数字化提高班", "示例协会", "2026-06-10", "黄埔区", "管理人员", "40"]);
  root = writeRoot({ "2026-06-05": baseTables(), "2026-06-12": week2 });
});

describe("report --compare", () => {
  test("should print the weekly review as Chinese text, comparing with the snapshot before by default", async () => {
    const r = await report(["--data", root, "--format", "md", "--compare"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("**广州市中小企业数字化转型城市试点周报(2026年6月5日—2026年6月12日)**");
    expect(r.stdout).toContain("- 资金拨付 F1 金额(万元):30万元 → 35万元(值被修改)");
    expect(r.stdout).toContain("- 举办培训1场,40人次(黄埔区1)");
    expect(r.stdout).toContain("**八、数据修订**(1处");
  }, 120_000);

  test("should print the same review as JSON, from which the text is rendered identically", async () => {
    const [md, json] = await Promise.all([
      report(["--data", root, "--format", "md", "--compare", "2026-06-05"]),
      report(["--data", root, "--format", "json", "--compare", "2026-06-05"]),
    ]);
    const review = JSON.parse(json.stdout) as WeeklyReview;
    expect([review.before, review.after, review.revisions.length]).toEqual(["2026-06-05", "2026-06-12", 1]);
    expect(weeklyMarkdown(review)).toBe(md.stdout);
  }, 120_000);

  test("should keep printing the KPI report without --compare", async () => {
    const r = await report(["--data", root, "--format", "md"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("**广州市中小企业数字化转型城市试点进展(截至2026年6月12日)**");
  }, 120_000);

  test("should exit 2 on a --compare that is no date, and 1 when no snapshot is that early", async () => {
    const bad = await report(["--data", root, "--compare", "last-week"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--compare 应为 YYYY-MM-DD");
    const early = await report(["--data", root, "--compare", "2020-01-01"]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("no snapshot on or before 2020-01-01");
  }, 120_000);
});
