import { describe, expect, test } from "vitest";
import { tableByKey } from "../../../loaders/contract/tables.ts";
import { locateHeader } from "../../../loaders/ingest/read/header.ts";
import type { RawCell } from "../../../loaders/ingest/normalise/result.ts";
import { brief, fatalOf } from "./helpers.ts";
import { plan } from "../../helpers/plan.ts";

const projects = tableByKey(plan, "projects");
const funds = tableByKey(plan, "funds");
const required = ["项目编号", "统一社会信用代码", "牵引单位编号", "项目状态"];

describe("locateHeader", () => {
  test("should find the header on row 3 under a title row and a blank row", () => {
    const rows: RawCell[][] = [["广州市中小企业数字化转型改造项目台账(截至2026年11月20日)", "", ""], [""], required, ["P1", "x", "U1", "实施中"]];
    const h = locateHeader(rows, projects, "projects.csv", "2026-11-20");
    expect(h.headerIndex).toBe(2);
    expect(h.columns).toEqual([
      { index: 0, key: "project_id", header: "项目编号" },
      { index: 1, key: "uscc", header: "统一社会信用代码" },
      { index: 2, key: "leading_unit_id", header: "牵引单位编号" },
      { index: 3, key: "status", header: "项目状态" },
    ]);
    expect(h.extra).toEqual([]);
    expect(h.issues).toEqual([]);
  });

  test("should find the header on row 5 under a title block, skipping a title merged across the width", () => {
    const title = "广州市中小企业数字化转型城市试点改造项目台账(截至2026年11月20日)";
    const rows: RawCell[][] = [
      [title, title, title, title], // a merged title as the workbook reader hands it over
      ["填报单位:广州市工业和信息化局", null, null, "单位:万元"],
      ["制表日期:", new Date(Date.UTC(2026, 10, 20))],
      [],
      [...required, "合同金额"],
      ["P1", "x", "U1", "实施中", 10],
    ];
    const h = locateHeader(rows, projects, "projects.xlsx");
    expect(h.headerIndex).toBe(4);
    expect(h.columns.map((c) => c.key)).toEqual(["project_id", "uscc", "leading_unit_id", "status", "contract_wan"]);
  });

  test("should map every spelling of a header: zh, English key, alias, any case, spaces, full-width brackets and digits", () => {
    const spellings = ["合同金额(万元)", "合同金额（万元）", "合同金额 (万元)", "CONTRACT_WAN", "contract_wan", " Contract Wan ", "合同金额", "*合同金额（万元）"];
    for (const s of spellings) {
      const h = locateHeader([["项目编号", s, "统一社会信用代码", "牵引单位编号", "项目状态"]], projects, "p.csv");
      expect(h.columns[1], s).toEqual({ index: 1, key: "contract_wan", header: s.trim(), unit: "wan" });
    }
  });

  test("should accept English-key headers in an unexpected order", () => {
    const h = locateHeader([["status", "LEADING_UNIT_ID", "Project_ID", "uscc", "signed_on"]], projects, "p.csv");
    expect(h.columns.map((c) => [c.index, c.key])).toEqual([
      [0, "status"],
      [1, "leading_unit_id"],
      [2, "project_id"],
      [3, "uscc"],
      [4, "signed_on"],
    ]);
  });

  test("should fold full-width letters, digits and brackets and ignore invisible characters in headers", () => {
    const h = locateHeader([["\uFEFF项目编号", "统一社会信用代码\u200B", "牵引单位编号\u00A0", "项目状态", "核定投入（万元）", "ＰＲＯＶＩＤＥＲ＿ＩＤ"]], projects, "p.csv");
    expect(h.columns.map((c) => c.key)).toEqual(["project_id", "uscc", "leading_unit_id", "status", "verified_wan", "provider_id"]);
    expect(h.columns[0]!.header).toBe("项目编号");
  });

  test("should read a header split over two lines in one cell", () => {
    const h = locateHeader([["项目\n编号", "统一社会信用代码", "牵引单位编号", "项目状态", "合同金额\n(万元)"]], projects, "p.csv");
    expect(h.columns.map((c) => [c.key, c.header])).toEqual([
      ["project_id", "项目 编号"],
      ["uscc", "统一社会信用代码"],
      ["leading_unit_id", "牵引单位编号"],
      ["status", "项目状态"],
      ["contract_wan", "合同金额 (万元)"],
    ]);
  });

  test("should detect amount headers in 元 so the caller converts them", () => {
    const h = locateHeader([[...required, "合同金额(元)", "核定投入（万元）"]], projects, "p.csv");
    expect(h.columns.slice(4)).toEqual([
      { index: 4, key: "contract_wan", header: "合同金额(元)", unit: "yuan" },
      { index: 5, key: "verified_wan", header: "核定投入（万元）", unit: "wan" },
    ]);
    const f = locateHeader([["拨付编号", "资金方向", "资金来源", "收款单位", "金额/元", "拨付日期"]], funds, "f.csv");
    expect(f.columns.find((c) => c.key === "amount_wan")).toEqual({ index: 4, key: "amount_wan", header: "金额/元", unit: "yuan" });
  });

  test("should not map an amount header in a unit it cannot convert (千元) and list it as extra", () => {
    const h = locateHeader([[...required, "合同金额(千元)"]], projects, "p.csv");
    expect(h.columns.map((c) => c.key)).toEqual(["project_id", "uscc", "leading_unit_id", "status"]);
    expect(h.extra).toEqual(["合同金额(千元)"]);
  });

  test("should keep the first of a duplicated column and warn", () => {
    const h = locateHeader([["项目编号", "统一社会信用代码", "信用代码", "牵引单位编号", "项目状态"]], projects, "projects.csv", "2026-11-20");
    expect(h.columns.map((c) => [c.index, c.key])).toEqual([
      [0, "project_id"],
      [1, "uscc"],
      [3, "leading_unit_id"],
      [4, "status"],
    ]);
    expect(brief(h.issues)).toEqual([{ code: "DUPLICATE_COLUMN", row: 1, column: "信用代码" }]);
    expect(h.issues[0]!.severity).toBe("warning");
    expect(h.issues[0]!.snapshot).toBe("2026-11-20");
  });

  test("should list unknown headers as extra and report them once", () => {
    const h = locateHeader([[], ["序号", ...required, "备注", "", "经办人"]], projects, "projects.csv");
    expect(h.extra).toEqual(["序号", "备注", "经办人"]);
    expect(h.issues).toHaveLength(1);
    expect(h.issues[0]).toMatchObject({ code: "EXTRA_COLUMNS", severity: "info", row: 2, file: "projects.csv" });
    expect(h.issues[0]!.message_zh).toBe("未识别的列已忽略:序号、备注、经办人");
  });

  test("should stop with MISSING_REQUIRED_COLUMN naming the file, header row and column", async () => {
    const issue = await fatalOf(() => locateHeader([["台账"], ["项目编号", "统一社会信用代码", "项目状态", "合同金额"]], projects, "2026-11-20/改造项目.xlsx", "2026-11-20"));
    expect(issue).toMatchObject({ code: "MISSING_REQUIRED_COLUMN", severity: "fatal", file: "2026-11-20/改造项目.xlsx", row: 2, column: "牵引单位编号", snapshot: "2026-11-20" });
    expect(issue.message_zh).toBe("缺少必填列「牵引单位编号」");
    expect(issue.message_en).toBe('required column "牵引单位编号" is missing');
  });

  test("should name every missing required column in one message", async () => {
    const issue = await fatalOf(() => locateHeader([["项目编号", "项目名称", "合同金额"]], projects, "p.csv"));
    expect(issue.column).toBe("统一社会信用代码、牵引单位编号、项目状态");
  });

  test("should stop with HEADER_NOT_FOUND when no row in the first 30 names two columns", async () => {
    const rows: RawCell[][] = [["某某表"], ["项目编号", "备注"]];
    for (let i = 0; i < 28; i++) rows.push(["x", "y"]);
    rows.push(required); // row 31: too far down
    const issue = await fatalOf(() => locateHeader(rows, projects, "p.csv"));
    expect(issue).toMatchObject({ code: "HEADER_NOT_FOUND", severity: "fatal", file: "p.csv", row: null });
    expect(issue.message_zh).toBe("前 30 行中找不到表头(应含 项目编号、统一社会信用代码、牵引单位编号、项目状态)");
  });

  test("should choose the upper of two equally good header rows", () => {
    const h = locateHeader([required, ["P1", "x", "U1", "实施中"], required], projects, "p.csv");
    expect(h.headerIndex).toBe(0);
  });
});
