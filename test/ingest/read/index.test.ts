import iconv from "iconv-lite";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { tableByKey } from "../../../loaders/contract/tables.ts";
import { readTableFile } from "../../../loaders/ingest/read/index.ts";
import { brief, fatalOf, fixtures, tempDir, workbook } from "./helpers.ts";
import { plan } from "../../helpers/plan.ts";

const projects = tableByKey(plan, "projects");
const nulls = Object.fromEntries(projects.columns.map((c) => [c.key, null]));
const ledger = readFileSync(join(fixtures, "projects-ledger.csv"), "utf8");

let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(() => {
  tmp?.cleanup();
  tmp = undefined;
});
function write(name: string, data: string | Buffer): string {
  tmp ??= tempDir();
  return tmp.write(name, data);
}

// What the ledger fixture reads to, whatever the encoding or container.
const ledgerColumns = [
  { index: 1, key: "project_id", header: "项目编号" },
  { index: 2, key: "uscc", header: "统一社会信用代码" },
  { index: 3, key: "project_name", header: "项目名称" },
  { index: 4, key: "leading_unit_id", header: "牵引单位编号" },
  { index: 5, key: "contract_wan", header: "合同金额（万元）", unit: "wan" },
  { index: 6, key: "status", header: "项目状态" },
];
const ledgerRows = [
  { row: 4, cells: { ...nulls, project_id: "GZ-P-0001", uscc: "91440101MA5CXXXX1X", project_name: "智能排产\n二期", leading_unit_id: "LU-001", contract_wan: "1,234.5", status: "实施中" } },
  { row: 5, cells: { ...nulls, project_id: "GZ-P-0002 ", uscc: "91440101MA5CYYYY2Y", project_name: "仓储数字化", leading_unit_id: "LU-002", contract_wan: "１２.５", status: "已签约" } },
  { row: 8, cells: { ...nulls, project_id: "GZ-P-0003", uscc: "91440101MA5CZZZZ3Z", project_name: "质量追溯", leading_unit_id: "LU-001", contract_wan: "80", status: "验收通过" } },
];
const ledgerIssues = [
  { code: "EXTRA_COLUMNS", row: 3, column: null },
  { code: "SKIPPED_REPEATED_HEADER", row: 7, column: null },
  { code: "SKIPPED_TOTAL_ROW", row: 9, column: null },
];

describe("readTableFile on CSV", () => {
  test.each([
    ["UTF-8", "utf-8", () => Buffer.from(ledger, "utf8")],
    ["UTF-8 with BOM", "utf-8-bom", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ledger, "utf8")])],
    ["GB18030", "gb18030", () => iconv.encode(ledger, "gb18030")],
    ["UTF-16LE with BOM, CRLF", "utf-16le", () => iconv.encode(ledger.replace(/\n/g, "\r\n"), "utf16le", { addBOM: true })],
  ])("should read the ledger exported as %s", async (_, encoding, bytes) => {
    const path = write("改造项目台账(截至11月20日).csv", bytes());
    const r = await readTableFile(path, projects, { file: "2026-11-20/改造项目台账(截至11月20日).csv", snapshot: "2026-11-20" });
    expect(r).toEqual({
      format: "csv",
      encoding,
      headerRow: 3,
      columns: ledgerColumns,
      extra: ["序号", "备注"],
      rows: ledgerRows,
      skipped: 2,
      issues: expect.any(Array),
    });
    expect(brief(r.issues)).toEqual(ledgerIssues);
    expect(r.issues.every((i) => i.file === "2026-11-20/改造项目台账(截至11月20日).csv" && i.snapshot === "2026-11-20")).toBe(true);
  });

  test("should report ENCODING_REPLACED for undecodable bytes and still read the rows", async () => {
    const bytes = Buffer.concat([iconv.encode(ledger.slice(0, 200), "gb18030"), Buffer.from([0xff]), iconv.encode(ledger.slice(200), "gb18030")]);
    const r = await readTableFile(write("p.csv", bytes), projects);
    expect(r.encoding).toBe("gb18030");
    expect(r.issues[0]).toMatchObject({ code: "ENCODING_REPLACED", severity: "warning", file: "p.csv", message_zh: "文件含无法解码的字节,已按 gb18030 读取并替换" });
    expect(r.rows.map((x) => x.row)).toEqual([4, 5, 8]);
  });

  test("should read a header-only file as zero data rows without an error", async () => {
    const r = await readTableFile(write("p.csv", "项目编号,统一社会信用代码,牵引单位编号,项目状态\r\n"), projects);
    expect([r.headerRow, r.rows, r.skipped, r.issues]).toEqual([1, [], 0, []]);
  });

  test("should use the file's base name in messages when no display name is given", async () => {
    const issue = await fatalOf(() => readTableFile(write("sub/改造项目.csv", "项目编号,项目状态\nP1,实施中\n"), projects));
    expect(issue).toMatchObject({ code: "MISSING_REQUIRED_COLUMN", file: "改造项目.csv", row: 1, column: "统一社会信用代码、牵引单位编号" });
  });
});

describe("readTableFile on XLSX", () => {
  test("should read the ledger laid out as a workbook, with a merged title, hidden sheet and real cell types", async () => {
    const title = "广州市中小企业数字化转型城市试点改造项目台账(截至2026年11月20日)";
    const buf = await workbook([
      { name: "填报说明", state: "hidden", rows: [["说明"]] },
      {
        name: "改造项目",
        rows: [
          [title],
          [],
          ["序号", "项目编号", "统一社会信用代码", "项目名称", "牵引单位编号", "合同金额(元)", "项目状态", "签约日期"],
          [1, "GZ-P-0001", "91440101MA5CXXXX1X", "智能排产", "LU-001", 12_345_000, "实施中", new Date(Date.UTC(2025, 2, 1))],
          [2, "GZ-P-0002", "91440101MA5CYYYY2Y", { richText: [{ text: "仓储" }, { text: "数字化" }] }, "LU-002", { formula: "1000*2", result: 2000 }, { error: "#N/A" }, null],
          ["合计", null, null, null, null, { formula: "SUM(F4:F5)", result: 12_347_000 }, null, null],
        ],
        merges: ["A1:H1"],
      },
    ]);
    const r = await readTableFile(write("projects.xlsx", buf), projects, { file: "2026-11-20/projects.xlsx", snapshot: "2026-11-20" });
    expect(r).toMatchObject({ format: "xlsx", encoding: "xlsx", sheet: "改造项目", headerRow: 3, extra: ["序号"], skipped: 1 });
    expect(r.columns.find((c) => c.key === "contract_wan")).toEqual({ index: 5, key: "contract_wan", header: "合同金额(元)", unit: "yuan" });
    expect(r.rows).toEqual([
      { row: 4, cells: { ...nulls, project_id: "GZ-P-0001", uscc: "91440101MA5CXXXX1X", project_name: "智能排产", leading_unit_id: "LU-001", contract_wan: 12_345_000, status: "实施中", signed_on: new Date("2025-03-01T00:00:00.000Z") } },
      { row: 5, cells: { ...nulls, project_id: "GZ-P-0002", uscc: "91440101MA5CYYYY2Y", project_name: "仓储数字化", leading_unit_id: "LU-002", contract_wan: 2000, status: "#N/A", signed_on: null } },
    ]);
    expect(brief(r.issues)).toEqual([
      { code: "HIDDEN_SHEET_SKIPPED", row: null, column: null },
      { code: "EXTRA_COLUMNS", row: 3, column: null },
      { code: "SKIPPED_TOTAL_ROW", row: 6, column: null },
    ]);
  });

  test("should read a workbook by its content even when it is named .csv", async () => {
    const buf = await workbook([{ name: "S", rows: [["项目编号", "统一社会信用代码", "牵引单位编号", "项目状态"], ["P1", "X", "U", "实施中"]] }]);
    const r = await readTableFile(write("projects.csv", buf), projects);
    expect([r.format, r.rows.length]).toEqual(["xlsx", 1]);
  });

  test("should stop with XLSX_INVALID for random bytes named .xlsx", async () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 31 + 7) % 256));
    expect((await fatalOf(() => readTableFile(write("p.xlsx", bytes), projects))).code).toBe("XLSX_INVALID");
  });

  test("should stop with XLS_UNSUPPORTED for an HTML table saved as .xls", async () => {
    const issue = await fatalOf(() => readTableFile(write("改造项目.xls", "<html><table><tr><td>项目编号</td></tr></table></html>"), projects, { file: "2026-11-20/改造项目.xls" }));
    expect(issue).toMatchObject({ code: "XLS_UNSUPPORTED", severity: "fatal", file: "2026-11-20/改造项目.xls" });
  });

  test("should stop with FILE_EMPTY for a workbook whose sheet holds nothing", async () => {
    const buf = await workbook([{ name: "改造项目" }]);
    expect((await fatalOf(() => readTableFile(write("p.xlsx", buf), projects))).code).toBe("FILE_EMPTY");
  });
});

describe("readTableFile on unusable files", () => {
  test.each([
    ["0 bytes", Buffer.alloc(0)],
    ["only whitespace", Buffer.from(" \r\n\t\n")],
    ["only a BOM and line breaks", Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a])],
    ["only separators", Buffer.from(",,,\r\n,,,\r\n")],
    ["UTF-16LE whitespace", Buffer.from([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00])],
  ])("should stop with FILE_EMPTY for a file with %s", async (_, bytes) => {
    const issue = await fatalOf(() => readTableFile(write("projects.csv", bytes), projects, { file: "2026-11-20/projects.csv", snapshot: "2026-11-20" }));
    expect(issue).toMatchObject({ code: "FILE_EMPTY", severity: "fatal", file: "2026-11-20/projects.csv", snapshot: "2026-11-20", message_zh: "文件为空" });
  });

  test("should stop with FILE_EMPTY for a 0-byte .xlsx", async () => {
    expect((await fatalOf(() => readTableFile(write("p.xlsx", Buffer.alloc(0)), projects))).code).toBe("FILE_EMPTY");
  });

  test("should stop with FILE_UNREADABLE for a missing file", async () => {
    tmp = tempDir();
    const issue = await fatalOf(() => readTableFile(join(tmp!.dir, "nope.csv"), projects, { file: "nope.csv" }));
    expect(issue).toMatchObject({ code: "FILE_UNREADABLE", file: "nope.csv", message_en: "file cannot be read: ENOENT" });
  });

  test("should stop with FILE_UNREADABLE for a folder", async () => {
    tmp = tempDir();
    expect((await fatalOf(() => readTableFile(tmp!.dir, projects))).code).toBe("FILE_UNREADABLE");
  });

  test("should stop with HEADER_NOT_FOUND for a file of unrelated data", async () => {
    const issue = await fatalOf(() => readTableFile(write("p.csv", "名称,数量\n苹果,3\n"), projects));
    expect(issue).toMatchObject({ code: "HEADER_NOT_FOUND", file: "p.csv" });
  });
});
