// `npm run report -- --format selfassessment` and `--format selfassessment-xlsx --out FILE` on export
// files on disk (the minimal snapshot of test/helpers/exports.ts, data date 2025-12-31), the markdown
// read from a pipe and the workbook read back with exceljs.
//
// The snapshot by hand: E1 (120 staff, 5000万元: an SME) diagnosed 2025-01-10 (一级), project P1 accepted
// 2025-09-15 with 核定投入 100, post-assessment 二级; 改造补助 F1 市级 30 on 2025-10-01 (≤ 50 and ≤ the 二级 cap
// 60: no breach). One product G1, one provider, one workshop R1, 60 person-times; no 平台项目 payment.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { baseTables, writeRoot } from "../helpers/exports.ts";

const tsx = resolve(projectRoot, "node_modules/.bin/tsx");
const script = resolve(projectRoot, "scripts/report.ts");

/** Run the report with stdout and stderr as pipes, read to the end (scripts/lib/cli.ts flushes both before exit). */
function report(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(tsx, [script, ...args], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", fail);
    child.on("close", (code) => ok({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}

let root: string;
beforeAll(() => {
  root = writeRoot({ "2025-12-31": baseTables() });
});

describe("report --format selfassessment", () => {
  test("should print the self-assessment as Chinese markdown", async () => {
    const r = await report(["--data", root, "--format", "selfassessment"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.split("\n").slice(0, 3)).toEqual(["# 广州市中小企业数字化转型城市试点工作绩效自评估报告", "", "(数据截至2025年12月31日)"]);
    expect(md).toContain("| 完成数字化改造并达到数字化水平二级及以上的中小企业 | 二、工作目标 | 家 | 710 | 1 | 0.1% | 未完成 | 落后 |");
    expect(md).toContain("按最近一次改造后评测等级:二级1家。开展数字化水平评估诊断的中小企业1家。");
    // 100 verified, 30 paid: own 70 (70%), 100 / 30 = 3.33.
    expect(md).toContain("验收通过的改造项目1个(涉及企业1家),核定投入100万元;拨付至上述项目的财政补助30万元(其中中央、省级、市级30万元,区级及其他级别0万元),企业自筹(按核定投入减财政补助推算)70万元,占70%;每1元财政补助带动改造投入3.33元。");
    expect(md).toContain("入库“小快轻准”数字化产品和服务1个,为目标360个的0.3%。");
    expect(md).toContain("截至数据日期导出数据中没有平台项目拨付记录,无法确定已建平台数量。");
    expect(md).toContain("| 改造补助 | 四(一)1 | 中央、省、市三级资金累计 | 30 | 按项目、企业或单位限额 | — | 逐项执行情况见五、合规与整改情况 | 0 |");
    expect(md).toContain("截至数据日期未发现超过方案限额的拨付。");
    expect(md).toContain("牵引单位周期性考核及整改意见(五(六)):未提供数据。");
    // 2025-12-31 → 2026-12-31: 365 days; → 2027-03-31: 455.
    expect(md).toContain("| 五(七) | 开展数字化改造项目验收和补助 | 2024年6月至2026年底 | 2026年12月31日 | 进行中 | 365 |");
    expect(md).toContain("| 五(八) | 完成试点工作全过程跟踪和验收 | 2024年9月至2027年3月 | 2027年3月31日 | 进行中 | 455 |");
  }, 120_000);

  test("should write the workbook with --format selfassessment-xlsx --out, with exact cells", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sa-")), "自评估.xlsx");
    const r = await report(["--data", root, "--format", "selfassessment-xlsx", "--out", file]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["说明", "目标完成情况", "被改造企业数量(按改造后等级)", "绩效考核指标", "资金使用情况", "超限(按规则)", "待核实(按规则)", "考核整改", "工作节点"]);
    const info = wb.getWorksheet("说明")!;
    expect([info.getCell("A1").value, info.getCell("B2").value]).toEqual(["广州市中小企业数字化转型城市试点工作绩效自评估", "2025年12月31日"]);
    const targets = wb.getWorksheet("目标完成情况")!;
    expect(targets.getCell("A2").value).toBe("数据来源:监测平台 总览(/)·目标完成情况");
    expect((targets.getRow(3).values as unknown[]).slice(1)).toEqual(["指标", "方案依据", "单位", "目标值", "完成值", "完成率", "完成情况", "按时间进度判断"]);
    expect((targets.getRow(4).values as unknown[]).slice(1)).toEqual(["完成数字化改造并达到数字化水平二级及以上的中小企业", "二、工作目标", "家", 710, 1, 1 / 710, "未完成", "落后"]);
    expect(targets.getCell("F4").numFmt).toBe("0.0%");
    // The platform: no go-live record, 无数据 as text.
    expect((targets.getRow(13).values as unknown[]).slice(1)).toEqual(["中小企业数字化转型公共服务平台", "二、工作目标; 三(九)", "个", 1, "无数据", "无数据", "无数据", "无数据"]);
    const ind = wb.getWorksheet("绩效考核指标")!;
    const byLabel = new Map<string, unknown[]>();
    ind.eachRow((row, n) => { if (n > 3) byLabel.set(String(row.getCell(2).value), (row.values as unknown[]).slice(1)); });
    expect(byLabel.get("核定投入")).toEqual(["带动改造资金投入", "核定投入", 100, "万元", "上述项目的核定投入合计", "绩效自评估(/selfassessment)·带动改造资金投入"]);
    expect(byLabel.get("企业自筹(推算)")!.slice(2, 4)).toEqual([70, "万元"]);
    expect(byLabel.get("带动比(核定投入÷财政补助合计)")!.slice(2, 4)).toEqual([100 / 30, "倍"]);
    expect(byLabel.get("服务商让利")![2]).toBe("导出数据未包含服务商让利,无法计算");
    expect((wb.getWorksheet("考核整改")!.getRow(4).values as unknown[]).slice(1)).toEqual(Array(5).fill("未提供数据"));
    const funds = wb.getWorksheet("资金使用情况")!;
    expect((funds.getRow(4).values as unknown[]).slice(1, 5)).toEqual(["改造补助", "四(一)1", "中央、省、市三级资金累计", 30]);
  }, 120_000);

  test("should refuse selfassessment-xlsx without --out, and --compare with a self-assessment", async () => {
    const noOut = await report(["--data", root, "--format", "selfassessment-xlsx"]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--format selfassessment-xlsx 需要 --out");
    const compare = await report(["--data", root, "--format", "selfassessment", "--compare"]);
    expect(compare.code).toBe(2);
  }, 120_000);
});
