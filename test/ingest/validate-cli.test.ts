import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { baseTables, writeRoot } from "../helpers/exports.ts";

const tsx = resolve(projectRoot, "node_modules/.bin/tsx");
const script = resolve(projectRoot, "scripts/validate.ts");

function validate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) =>
    execFile(tsx, [script, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe("validate command", () => {
  test("should exit 0 with rejected rows, and write the JSON report with reconciled counts", async () => {
    const t = baseTables();
    t["资金拨付.csv"]!.push(["F2", "改造补助", "省级", "91440101327598294H", "P1", "", "", "-1", "2025-10-02"]);
    const root = writeRoot({ "2026-11-20": t });
    const json = join(mkdtempSync(join(tmpdir(), "v-")), "report.json");
    const r = await validate([root, "--json", json]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2026-11-20/资金拨付.csv 第 3 行 「金额(万元)」列:金额不能为负「-1」 [NEGATIVE_AMOUNT]");
    const report = JSON.parse(readFileSync(json, "utf8"));
    const funds = report.files.find((f: { table: string }) => f.table === "funds");
    expect([funds.rows_read, funds.rows_loaded, funds.rows_rejected, funds.encoding]).toEqual([2, 1, 1, "utf-8"]);
    expect(report.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([
      expect.objectContaining({ file: "2026-11-20/资金拨付.csv", row: 3, column: "金额(万元)", code: "NEGATIVE_AMOUNT", severity: "error" }),
    ]);
    // 3 enterprises + 2 assessments + 1 project + 2 payments + 1 unit + 1 provider + 1 product + 1 recognition + 1 training.
    expect(report.totals).toEqual({ rows_read: 13, rows_loaded: 12, rows_rejected: 1, warnings: 0, fatal: 0 });
  });

  test("should exit 1 naming the file and column when a required column is missing", async () => {
    const t = baseTables();
    for (const row of t["企业名录.csv"]!) row.splice(2, 1);
    const r = await validate([writeRoot({ "2026-11-20": t })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("2026-11-20/企业名录.csv");
    expect(r.stdout).toContain("缺少必填列「所属区」");
    expect(r.stdout).toContain('required column "所属区" is missing');
  });

  test("should exit 2 on wrong usage", async () => {
    expect((await validate(["--bogus"])).code).toBe(2);
    expect((await validate(["/no/such/folder"])).code).toBe(2);
    expect((await validate(["a", "b"])).code).toBe(2);
  });
});
