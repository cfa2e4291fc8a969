/**
 * The self-assessment as an .xlsx workbook (exceljs): a first sheet 说明 (title, data date, what the
 * document cannot know), then one sheet per table of tables.ts. Each table sheet: row 1 the title,
 * row 2 the source, row 3 the header, data from row 4. Numbers stay numbers (万元 to 2 decimals,
 * shares as percentages), so the cells can be summed; text the exports cannot give stays text.
 */
import ExcelJS from "exceljs";
import { zhDate } from "../format/format.ts";
import { kindOf, selfAssessmentTables, type SaTable } from "./tables.ts";
import type { SelfAssessment } from "./types.ts";

const numFmt = { count: "#,##0.##", wan: "#,##0.00", pct: "0.0%", ratio: "0.00" } as const;

function addTable(wb: ExcelJS.Workbook, t: SaTable): void {
  const ws = wb.addWorksheet(t.name.slice(0, 31));
  ws.addRow([t.name]).font = { bold: true, size: 13 };
  ws.addRow([t.sources.length ? `数据来源:监测平台 ${t.sources.join(";")}` : "数据来源:未提供数据"]);
  ws.addRow(t.columns.map((c) => c.title)).font = { bold: true };
  for (const r of t.rows) {
    const row = ws.addRow(t.columns.map((c) => r[c.key] ?? null));
    t.columns.forEach((c, k) => {
      const kind = kindOf(c, r);
      if (typeof r[c.key] === "number" && kind !== "text") row.getCell(k + 1).numFmt = numFmt[kind];
    });
  }
  t.columns.forEach((c, k) => (ws.getColumn(k + 1).width = Math.max(10, Math.min(40, c.title.length * 2 + 2))));
  ws.views = [{ state: "frozen", ySplit: 3 }];
}

/** The workbook's bytes. */
export async function selfAssessmentXlsx(sa: SelfAssessment): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // A fixed date keeps the file the same for the same data.
  wb.created = wb.modified = new Date(`${sa.as_of}T00:00:00Z`);
  const info = wb.addWorksheet("说明");
  info.addRow([`${sa.plan.city}中小企业数字化转型城市试点工作绩效自评估`]).font = { bold: true, size: 14 };
  info.addRow(["数据日期", zhDate(sa.as_of)]);
  info.addRow(["数据快照", zhDate(sa.snapshot)]);
  info.addRow(["依据", `《${sa.plan.title}》(${sa.plan.doc_no})五(八)`]);
  info.addRow(["生成方式", "由监测平台根据导出台账自动生成,各表第2行为数据来源页面及表格"]);
  info.addRow(["无法反映的情况"]);
  for (const u of sa.unknowns) info.addRow(["", u]);
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 90;
  for (const t of selfAssessmentTables(sa)) addTable(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
