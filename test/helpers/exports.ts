/**
 * Build small export sets on disk for tests: a minimal valid snapshot whose tables a test can
 * replace or extend row by row. Cells are written as CSV text exactly as given.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { usccCheckChar } from "../../loaders/ingest/normalise/index.ts";

/** A valid credit code made from a 17-character body (check character appended). */
export function uscc(body17: string): string {
  return body17 + usccCheckChar(body17);
}

export const E1 = "91440101327598294H";
export const E2 = "91440101MA59LU9AX1";
export const E3 = "91440101MA5D6ETP8X";

export type Csv = string[][];

/** A minimal valid snapshot: three enterprises, one leading unit, one provider, one accepted project. */
export function baseTables(): Record<string, Csv> {
  return {
    "企业名录.csv": [
      ["统一社会信用代码", "企业名称", "所属区", "细分行业", "从业人员", "营业收入(万元)", "联系人", "联系电话"],
      [E1, "示例甲精密有限公司", "黄埔区", "工业母机和机器人", "120", "5000", "张三", "13800000001"],
      [E2, "示例乙汽配有限公司", "番禺", "智能网联与新能源汽车(零部件)", "80", "3000", "李四", "020-83000001"],
      [E3, "示例丙美妆有限公司", "440111", "时尚美妆", "40", "900", "王五", "13800000003"],
    ],
    "数字化水平评测.csv": [
      ["评测编号", "统一社会信用代码", "评测类型", "评测日期", "基础得分", "管理得分", "成效得分", "评测等级"],
      ["A1", E1, "改造前", "2025-01-10", "20", "10", "5", "一级"],
      ["A2", E1, "改造后", "2025-09-10", "30", "15", "8", "二级"],
    ],
    "改造项目.csv": [
      ["项目编号", "统一社会信用代码", "项目名称", "牵引单位编号", "服务商编号", "签约日期", "计划完成日期", "合同金额(万元)", "核定投入(万元)", "项目状态", "验收申请日期", "验收日期"],
      ["P1", E1, "产线数字化", "U1", "S1", "2025-02-01", "2025-08-31", "120", "100", "验收通过", "2025-08-20", "2025-09-15"],
    ],
    "资金拨付.csv": [
      ["拨付编号", "资金方向", "资金来源", "收款单位", "关联项目编号", "关联贷款编号", "所属区", "金额(万元)", "拨付日期"],
      ["F1", "改造补助", "市级", E1, "P1", "", "", "30", "2025-10-01"],
    ],
    "牵引单位.csv": [
      ["单位编号", "名称", "统一社会信用代码", "行业", "遴选日期", "评定档次"],
      ["U1", "示例牵引单位", "", "工业母机和机器人", "2024-06-01", "二档"],
    ],
    "数字化服务商.csv": [
      ["服务商编号", "名称", "统一社会信用代码", "遴选日期", "所属牵引单位"],
      ["S1", "示例服务商", "", "2024-07-01", "U1"],
    ],
    "小快轻准产品.csv": [
      ["产品编号", "产品名称", "服务商编号", "环节", "适用行业", "入库日期", "参考价格(万元/年)"],
      ["G1", "轻量MES", "S1", "制造", "工业母机和机器人", "2024-10-01", "3.5"],
    ],
    "示范认定.csv": [
      ["认定编号", "类型", "名称", "所属区", "行业", "相关企业", "认定日期"],
      ["R1", "数字化车间", "示例车间", "黄埔", "工业母机和机器人", E1, "2025-11-01"],
    ],
    "人才培训.csv": [
      ["培训编号", "培训名称", "主办单位", "日期", "所属区", "对象", "培训人次"],
      ["T1", "数字化研修班", "示例协会", "2025-05-20", "天河区", "管理人员", "60"],
    ],
  };
}

function csvText(rows: Csv): string {
  const cell = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(",")).join("\n") + "\n";
}

/** Write snapshots {date: tables} under a fresh temporary root; returns the root. */
export function writeRoot(snapshots: Record<string, Record<string, Csv | string | Buffer>>): string {
  const root = mkdtempSync(join(tmpdir(), "pilot-"));
  for (const [date, files] of Object.entries(snapshots)) {
    const dir = join(root, date);
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), Array.isArray(content) ? csvText(content) : content);
    }
  }
  return root;
}
