import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { tableByKey } from "../../../loaders/contract/tables.ts";
import { readTableFile } from "../../../loaders/ingest/read/index.ts";
import { cellValue } from "../../../loaders/ingest/read/xlsx.ts";
import { brief, fatalOf, readXlsxChecked, tempDir, workbook } from "./helpers.ts";
import { plan } from "../../helpers/plan.ts";

const projects = tableByKey(plan, "projects");
const assessments = tableByKey(plan, "assessments");
const header = ["项目编号", "统一社会信用代码", "牵引单位编号", "项目状态"];

describe("readXlsx cell values", () => {
  test("should give date cells as Date (midnight UTC of the day shown), numbers and booleans as-is", async () => {
    const buf = await workbook([
      {
        name: "改造项目",
        rows: [["签约日期", "合同金额", "规上"], [new Date(Date.UTC(2025, 2, 1)), 12.5, true]],
        setup: (ws) => {
          ws.getCell("A2").numFmt = "yyyy/m/d";
        },
      },
    ]);
    const r = await readXlsxChecked(buf, projects, "p.xlsx");
    expect(r.rows).toEqual([["签约日期", "合同金额", "规上"], [new Date("2025-03-01T00:00:00.000Z"), 12.5, true]]);
    expect(r.rows[1]![0]).toBeInstanceOf(Date);
  });

  test("should give formulas their cached result, and null when never calculated", async () => {
    const buf = await workbook([
      {
        name: "Sheet1",
        rows: [
          [
            { formula: "1+2", result: 3 },
            { formula: "A1&\"x\"", result: "3x" },
            { formula: "DATE(2025,3,1)", result: new Date(Date.UTC(2025, 2, 1)) },
            { formula: "B9" },
            { sharedFormula: "A1", result: 4 },
          ],
        ],
        setup: (ws) => {
          ws.getCell("C1").numFmt = "yyyy-mm-dd";
        },
      },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).rows).toEqual([[3, "3x", new Date("2025-03-01T00:00:00.000Z"), null, 4]]);
  });

  test("should give error cells and error results as their error text", async () => {
    const buf = await workbook([{ name: "S", rows: [[{ error: "#N/A" }, { formula: "1/0", result: { error: "#DIV/0!" } }, "ok"]] }]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).rows).toEqual([["#N/A", "#DIV/0!", "ok"]]);
  });

  test("should give rich text and hyperlinks as their plain text", async () => {
    const buf = await workbook([
      {
        name: "S",
        rows: [
          [
            { richText: [{ text: "广州" }, { font: { bold: true }, text: "智造" }, { text: "有限公司" }] },
            { text: "官网", hyperlink: "https://example.cn" },
          ],
        ],
      },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).rows).toEqual([["广州智造有限公司", "官网"]]);
  });

  test("should turn exceljs values into raw cells directly (hyperlink with rich text, unknown objects)", () => {
    expect(cellValue({ text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "x" })).toBe("ab");
    expect(cellValue({ formula: "A1", result: { error: "#REF!" } })).toBe("#REF!");
    expect(cellValue({ sharedFormula: "A1" })).toBeNull();
    expect(cellValue(undefined)).toBeNull();
    expect(cellValue({ something: 1 })).toBeNull();
    expect(cellValue(0)).toBe(0);
    expect(cellValue(false)).toBe(false);
  });

  test("should give every cell of a merge the master's value", async () => {
    const title = "广州市改造项目台账(截至2026年11月20日)";
    const buf = await workbook([
      {
        name: "改造项目",
        rows: [[title], [], header, ["P1", "X1", "U1", "实施中"], [null, "X2", "U2", "已签约"]],
        merges: ["A1:D1", "A4:A5"],
      },
    ]);
    const r = await readXlsxChecked(buf, projects, "p.xlsx");
    expect(r.rows).toEqual([[title, title, title, title], [], header, ["P1", "X1", "U1", "实施中"], ["P1", "X2", "U2", "已签约"]]);
  });
});

describe("readXlsx rows and columns", () => {
  test("should fill gaps with empty rows so that result[i] is Excel row i+1", async () => {
    const buf = await workbook([
      {
        name: "S",
        setup: (ws) => {
          ws.getCell("B3").value = "项目编号";
          ws.getCell("A7").value = "P1";
        },
      },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).rows).toEqual([[], [], [null, "项目编号"], [], [], [], ["P1"]]);
  });

  test("should stop at the last column and row holding a value, whatever the formatting", async () => {
    const buf = await workbook([
      {
        name: "S",
        rows: [["a", "b"], ["c"]],
        setup: (ws) => {
          // Styled but empty cells far to the right and below, and an empty string.
          ws.getCell("Z1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
          ws.getCell("C2").value = "";
          ws.getCell("A500").border = { top: { style: "thin" } };
        },
      },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).rows).toEqual([["a", "b"], ["c"]]);
  });

  test("should read 50,000 rows × 12 columns", async () => {
    const rows: unknown[][] = [projects.columns.map((c) => c.zh)];
    for (let i = 0; i < 50_000; i++) {
      rows.push([`GZ-P-${i}`, "91440101MA5CXXXX1X", `项目${i}`, "LU-001", "SP-001", new Date(Date.UTC(2025, 0, 2)), new Date(Date.UTC(2025, 11, 31)), i + 0.5, i, "实施中", null, null]);
    }
    const buf = await workbook([{ name: "改造项目", rows }]);
    const r = await readXlsxChecked(buf, projects, "p.xlsx");
    expect(r.rows).toHaveLength(50_001);
    expect(r.rows[50_000]).toEqual(["GZ-P-49999", "91440101MA5CXXXX1X", "项目49999", "LU-001", "SP-001", new Date("2025-01-02T00:00:00.000Z"), new Date("2025-12-31T00:00:00.000Z"), 49999.5, 49999, "实施中"]);
  });
});

describe("readXlsx sheet choice", () => {
  test("should skip a hidden first sheet and report each hidden sheet", async () => {
    const buf = await workbook([
      { name: "填报说明", state: "hidden", rows: [header] },
      { name: "Sheet1", rows: [header, ["P1", "X1", "U1", "实施中"]] },
      { name: "字典", state: "veryHidden", rows: [["x"]] },
    ]);
    const r = await readXlsxChecked(buf, projects, "p.xlsx", "2026-11-20");
    expect(r.sheet).toBe("Sheet1");
    expect(r.rows).toEqual([header, ["P1", "X1", "U1", "实施中"]]);
    expect(brief(r.issues)).toEqual([
      { code: "HIDDEN_SHEET_SKIPPED", row: null, column: null },
      { code: "HIDDEN_SHEET_SKIPPED", row: null, column: null },
    ]);
    expect(r.issues.map((i) => i.message_zh)).toEqual(["隐藏的工作表「填报说明」已跳过", "隐藏的工作表「字典」已跳过"]);
    expect(r.issues[0]).toMatchObject({ severity: "info", file: "p.xlsx", snapshot: "2026-11-20" });
  });

  test.each([
    ["its key", "Projects"],
    ["its Chinese name", "改造项目"],
    ["an alias, full-width and spaced", "项目 台账"],
    ["a name containing the table's name", "2026年改造项目汇总"],
  ])("should choose the sheet named like the table by %s", async (_, name) => {
    const buf = await workbook([
      { name: "说明", rows: [["本表说明"]] },
      { name, rows: [header] },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).sheet).toBe(name);
  });

  test("should not choose a sheet whose name belongs more specifically to another table", async () => {
    const buf = await workbook([
      { name: "经营场景评测", rows: [["x"]] },
      { name: "评测汇总", rows: [["y"]] },
    ]);
    expect((await readXlsxChecked(buf, assessments, "a.xlsx")).sheet).toBe("评测汇总");
    expect((await readXlsxChecked(buf, tableByKey(plan, "assessment_scenarios"), "a.xlsx")).sheet).toBe("经营场景评测");
  });

  test("should prefer an exact sheet name over one with a note, and that over one merely containing it", async () => {
    const buf = await workbook([
      { name: "改造项目汇总", rows: [["contains"]] },
      { name: "改造项目(旧)", rows: [["note"]] },
      { name: "改造项目", rows: [["exact"]] },
    ]);
    const r = await readXlsxChecked(buf, projects, "p.xlsx");
    expect([r.sheet, r.rows]).toEqual(["改造项目", [["exact"]]]);
    const noExact = await workbook([
      { name: "改造项目汇总", rows: [["contains"]] },
      { name: "改造项目(截至11月20日)", rows: [["note"]] },
    ]);
    expect((await readXlsxChecked(noExact, projects, "p.xlsx")).sheet).toBe("改造项目(截至11月20日)");
  });

  test("should fall back to the first visible sheet", async () => {
    const buf = await workbook([
      { name: "Sheet3", rows: [["first"]] },
      { name: "Sheet1", rows: [["second"]] },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).sheet).toBe("Sheet3");
  });

  test("should skip a hidden sheet even when it is named like the table", async () => {
    const buf = await workbook([
      { name: "改造项目", state: "hidden", rows: [["hidden"]] },
      { name: "Sheet2", rows: [["shown"]] },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).rows).toEqual([["shown"]]);
  });
});

describe("readXlsx sheet choice: instructions sheets and attached workbooks", () => {
  const instructions = { name: "填报说明", rows: [["填报说明"], ["1. 每个项目一行;金额单位为万元。"], ["2. 项目状态填写:诊断中/已签约/实施中/验收申请/验收通过/验收未通过/终止"]] };
  const data = [header, ["P1", "X1", "U1", "实施中"]];

  test("should read the sheet named like the table, not the instructions in front of it", async () => {
    const buf = await workbook([instructions, { name: "附件2 改造项目台账", rows: data }]);
    const r = await readXlsxChecked(buf, projects, "附件2 改造项目台账.xlsx");
    expect([r.sheet, r.rows, r.issues]).toEqual(["附件2 改造项目台账", data, []]);
  });

  test("should pass over an instructions sheet without a header when the data sheet has another name", async () => {
    const buf = await workbook([instructions, { name: "Sheet2", rows: data }]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).sheet).toBe("Sheet2");
  });

  test("should pass over a sheet named like the table when it has no header and another sheet has one", async () => {
    const buf = await workbook([
      { name: "改造项目填报说明", rows: [["请按下表填写改造项目"]] },
      { name: "改造项目", rows: [["本表已停用,请填 Sheet3"]] },
      { name: "Sheet3", rows: data },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).sheet).toBe("Sheet3");
  });

  test("should take a sheet with a note in its name over an exact name without a header", async () => {
    const buf = await workbook([
      { name: "改造项目", rows: [["见下一工作表"]] },
      { name: "改造项目(截至11月20日)", rows: data },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).sheet).toBe("改造项目(截至11月20日)");
  });

  test("should prefer the sheet named like the table when another sheet before it has a header too", async () => {
    const buf = await workbook([
      { name: "汇总", rows: [header, ["P0", "X0", "U0", "终止"]] },
      { name: "改造项目", rows: data },
    ]);
    const r = await readXlsxChecked(buf, projects, "p.xlsx");
    expect([r.sheet, r.rows]).toEqual(["改造项目", data]);
  });

  test("should take the first sheet with a header, in workbook order, when no sheet is named like the table", async () => {
    const buf = await workbook([
      { name: "封面", rows: [["广州市中小企业数字化转型城市试点"]] },
      { name: "Sheet2", rows: data },
      { name: "Sheet3", rows: [header, ["P9", "X9", "U9", "终止"]] },
    ]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).sheet).toBe("Sheet2");
  });

  test("should read the first sheet tried, and say the header is missing, when no sheet has a header", async () => {
    const buf = await workbook([instructions, { name: "Sheet2", rows: [["备注"]] }]);
    expect((await readXlsxChecked(buf, projects, "p.xlsx")).sheet).toBe("填报说明");
    const named = await workbook([instructions, { name: "改造项目", rows: [["备注"]] }]);
    expect((await readXlsxChecked(named, projects, "p.xlsx")).sheet).toBe("改造项目");
    const t = tempDir();
    try {
      const path = t.write("2026-11-20/附件2 改造项目台账.xlsx", buf);
      const issue = await fatalOf(() => readTableFile(path, projects, { file: "2026-11-20/附件2 改造项目台账.xlsx", snapshot: "2026-11-20" }));
      expect(issue).toMatchObject({ code: "HEADER_NOT_FOUND", file: "2026-11-20/附件2 改造项目台账.xlsx", row: null, column: null });
    } finally {
      t.cleanup();
    }
  });

  test("should read an attached workbook end to end from its data sheet", async () => {
    const t = tempDir();
    try {
      const path = t.write("2026-11-20/附件2 改造项目台账.xlsx", await workbook([instructions, { name: "改造项目", rows: [["广州市改造项目台账(截至2026年11月20日)"], ...data] }]));
      const r = await readTableFile(path, projects, { file: "2026-11-20/附件2 改造项目台账.xlsx", snapshot: "2026-11-20" });
      expect([r.sheet, r.headerRow, r.rows.length, r.columns.map((c) => c.key)]).toEqual(["改造项目", 2, 1, ["project_id", "uscc", "leading_unit_id", "status"]]);
    } finally {
      t.cleanup();
    }
  });
});

describe("readXlsx broken files", () => {
  test("should stop with XLSX_INVALID for a truncated workbook", async () => {
    const buf = await workbook([{ name: "S", rows: [header] }]);
    const issue = await fatalOf(() => readXlsxChecked(buf.subarray(0, Math.floor(buf.length / 2)), projects, "2026-11-20/改造项目.xlsx", "2026-11-20"));
    expect(issue).toMatchObject({ code: "XLSX_INVALID", severity: "fatal", file: "2026-11-20/改造项目.xlsx", snapshot: "2026-11-20" });
    expect(issue.message_en.startsWith("not a valid Excel (.xlsx) file: ")).toBe(true);
    expect(issue.message_en.length).toBeGreaterThan("not a valid Excel (.xlsx) file: ".length);
  });

  test("should stop with XLSX_INVALID for random bytes", async () => {
    const buf = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    const issue = await fatalOf(() => readXlsxChecked(buf, projects, "p.xlsx"));
    expect(issue.code).toBe("XLSX_INVALID");
    expect(issue.message_zh).toBe("不是有效的 Excel(.xlsx)文件:not a zip container / 不是 zip 格式");
  });

  test("should stop with XLSX_INVALID for a zip that is not a workbook", async () => {
    // A minimal empty zip: end-of-central-directory record only.
    const emptyZip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    expect((await fatalOf(() => readXlsxChecked(emptyZip, projects, "p.xlsx"))).code).toBe("XLSX_INVALID");
  });

  test("should stop with XLSX_ENCRYPTED for a compound file holding an encrypted package", async () => {
    const buf = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("EncryptionInfo\0", "utf16le"), Buffer.alloc(64), Buffer.from("EncryptedPackage\0", "utf16le")]);
    const issue = await fatalOf(() => readXlsxChecked(buf, projects, "p.xlsx"));
    expect(issue).toMatchObject({ code: "XLSX_ENCRYPTED", severity: "fatal", file: "p.xlsx" });
  });

  test("should stop with XLSX_ENCRYPTED for any other compound file without a workbook stream", async () => {
    const buf = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect((await fatalOf(() => readXlsxChecked(buf, projects, "p.xlsx"))).code).toBe("XLSX_ENCRYPTED");
  });

  test("should stop with XLS_UNSUPPORTED for an old .xls compound file", async () => {
    const buf = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("Workbook\0", "utf16le"), Buffer.alloc(64)]);
    const issue = await fatalOf(() => readXlsxChecked(buf, projects, "p.xlsx"));
    expect(issue).toMatchObject({ code: "XLS_UNSUPPORTED", severity: "fatal" });
    expect(issue.message_zh).toBe("这是旧版 Excel(.xls)文件,请在 Excel 中另存为 .xlsx 后重新放入");
  });

  test("should stop with XLSX_INVALID when every sheet is hidden", async () => {
    // Excel refuses to save such a file, but other tools write them.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A", { state: "hidden" }).getCell("A1").value = "x";
    const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const issue = await fatalOf(() => readXlsxChecked(buf, projects, "p.xlsx"));
    expect(issue.code).toBe("XLSX_INVALID");
    expect(issue.message_en).toBe("not a valid Excel (.xlsx) file: no visible worksheet / 没有可见的工作表");
  });
});
