import { describe, expect, test } from "vitest";
import { tableByKey } from "../../../loaders/contract/tables.ts";
import { locateHeader } from "../../../loaders/ingest/read/header.ts";
import { dataRows } from "../../../loaders/ingest/read/rows.ts";
import type { RawCell } from "../../../loaders/ingest/normalise/result.ts";
import { brief } from "./helpers.ts";
import { plan } from "../../helpers/plan.ts";

const projects = tableByKey(plan, "projects");
const header = ["项目编号", "统一社会信用代码", "牵引单位编号", "项目状态"];
const nulls = Object.fromEntries(projects.columns.map((c) => [c.key, null]));

function read(rows: RawCell[][]) {
  const h = locateHeader(rows, projects, "p.csv", "2026-11-20");
  return dataRows(rows, h, projects, "p.csv", "2026-11-20");
}

describe("dataRows", () => {
  test("should key cells by column and number rows as Excel does", () => {
    const r = read([["台账"], header, ["P1", "X1", "U1", "实施中"], ["P2", "X2", "U2", "已签约"]]);
    expect(r.rows).toEqual([
      { row: 3, cells: { ...nulls, project_id: "P1", uscc: "X1", leading_unit_id: "U1", status: "实施中" } },
      { row: 4, cells: { ...nulls, project_id: "P2", uscc: "X2", leading_unit_id: "U2", status: "已签约" } },
    ]);
    expect(r.skipped).toBe(0);
    expect(r.issues).toEqual([]);
  });

  test("should skip blank rows silently and keep later row numbers", () => {
    const r = read([header, ["P1", "X1", "U1", "实施中"], [], [""], [" ", "\u3000", null, "\u00A0"], ["P2", "X2", "U2", "已签约"]]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 6]);
    expect(r.skipped).toBe(0);
    expect(r.issues).toEqual([]);
  });

  test("should treat a row with content only in unrecognised columns as blank", () => {
    const r = read([["序号", ...header], ["1", "P1", "X1", "U1", "实施中"], ["2"], ["3", "", "", "", ""]]);
    expect(r.rows.map((x) => x.row)).toEqual([2]);
  });

  test("should give null for cells missing from a short row", () => {
    const r = read([header, ["P1", "X1"]]);
    expect(r.rows[0]!.cells).toEqual({ ...nulls, project_id: "P1", uscc: "X1", leading_unit_id: null, status: null });
  });

  test("should keep cell values as the reader gave them (numbers, dates, untrimmed text)", () => {
    const d = new Date(Date.UTC(2025, 2, 1));
    const r = read([[...header, "签约日期", "合同金额"], ["P1 ", "X1", "U1", "实施中", d, 12.5]]);
    expect(r.rows[0]!.cells).toMatchObject({ project_id: "P1 ", signed_on: d, contract_wan: 12.5 });
  });

  test.each(["合计", "总计", "小计", "合 计", "合计:", "合计（万元）", "Total", "TOTAL", "Grand Total"])("should skip a total row labelled %j", (label) => {
    const r = read([header, ["P1", "X1", "U1", "实施中"], [label, "", "", ""]]);
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(r.skipped).toBe(1);
    expect(brief(r.issues)).toEqual([{ code: "SKIPPED_TOTAL_ROW", row: 3, column: null }]);
  });

  test("should skip a total row whose label sits in an unrecognised first column", () => {
    const r = read([["序号", ...header, "合同金额"], ["1", "P1", "X1", "U1", "实施中", 10], ["合计", null, null, null, null, 10]]);
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(brief(r.issues)).toEqual([{ code: "SKIPPED_TOTAL_ROW", row: 3, column: null }]);
  });

  test("should skip a total row whose label is in the id column after other content", () => {
    const r = read([["合同金额", ...header], [10, "P1", "X1", "U1", "实施中"], [10, "总计", null, null, null]]);
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(r.skipped).toBe(1);
  });

  test("should not take a name that merely starts with 合计 for a total", () => {
    const r = read([header, ["合计家居P1", "X1", "U1", "实施中"]]);
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(r.skipped).toBe(0);
  });

  test("should skip a repeated header row after a page break", () => {
    const r = read([header, ["P1", "X1", "U1", "实施中"], [], header, ["P2", "X2", "U2", "已签约"]]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 5]);
    expect(r.skipped).toBe(1);
    expect(brief(r.issues)).toEqual([{ code: "SKIPPED_REPEATED_HEADER", row: 4, column: null }]);
    expect(r.issues[0]!.severity).toBe("info");
  });

  test("should recognise a repeated header written differently (English keys)", () => {
    const r = read([header, ["project_id", "USCC", "leading_unit_id", "status"], ["P2", "X2", "U2", "已签约"]]);
    expect(r.rows.map((x) => x.row)).toEqual([3]);
    expect(brief(r.issues)).toEqual([{ code: "SKIPPED_REPEATED_HEADER", row: 2, column: null }]);
  });

  test("should return no rows for a header-only table", () => {
    expect(read([["标题"], header])).toEqual({ rows: [], skipped: 0, issues: [] });
  });
});
