import { describe, expect, test } from "vitest";
import { parseCsv } from "../../../loaders/ingest/read/csv.ts";

describe("parseCsv", () => {
  test("should split comma-separated records into rows of strings", () => {
    expect(parseCsv("项目编号,项目状态\nP1,实施中\nP2,已签约")).toEqual([
      ["项目编号", "项目状态"],
      ["P1", "实施中"],
      ["P2", "已签约"],
    ]);
  });

  test.each([
    ["tab", "\t"],
    ["semicolon", ";"],
    ["pipe", "|"],
  ])("should detect a %s delimiter", (_, d) => {
    expect(parseCsv(`项目编号${d}项目状态${d}合同金额\nP1${d}实施中${d}1,234.5\nP2${d}已签约${d}12`)).toEqual([
      ["项目编号", "项目状态", "合同金额"],
      ["P1", "实施中", "1,234.5"],
      ["P2", "已签约", "12"],
    ]);
  });

  test("should detect the delimiter below a title row that has none", () => {
    expect(parseCsv("广州市改造项目台账\n项目编号\t项目状态\nP1\t实施中")).toEqual([["广州市改造项目台账"], ["项目编号", "项目状态"], ["P1", "实施中"]]);
  });

  test("should keep quoted delimiters, doubled quotes and multi-line cells in one record", () => {
    expect(parseCsv('a,b,c\n"1,234.5","他说""好""","第一行\n第二行"\nx,y,z')).toEqual([
      ["a", "b", "c"],
      ["1,234.5", '他说"好"', "第一行\n第二行"],
      ["x", "y", "z"],
    ]);
  });

  test("should keep empty lines in the middle so row numbers match Excel", () => {
    const rows = parseCsv("title\n\nh1,h2\n1,2\n\n\n3,4");
    expect(rows).toEqual([["title"], [""], ["h1", "h2"], ["1", "2"], [""], [""], ["3", "4"]]);
    // Excel row 7 holds 3,4.
    expect(rows[7 - 1]).toEqual(["3", "4"]);
  });

  test("should treat CRLF, CR and mixed line endings alike", () => {
    const expected = [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]];
    expect(parseCsv("a,b\r\n1,2\r\n3,4\r\n5,6\r\n")).toEqual(expected);
    expect(parseCsv("a,b\r1,2\r3,4\r5,6")).toEqual(expected);
    expect(parseCsv("a,b\r\n1,2\n3,4\r\n5,6\n")).toEqual(expected);
  });

  test("should drop trailing blank and delimiter-only lines but keep the last row's empty cells", () => {
    expect(parseCsv("a,b,c\n1,,\n\n,,\n  \n\n")).toEqual([
      ["a", "b", "c"],
      ["1", "", ""],
    ]);
  });

  test("should return no rows for empty or blank text", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\n\n ,, \r\n")).toEqual([]);
  });

  test("should read a file padded with 2,000,000 blank lines as just its data rows", () => {
    const text = "项目编号,项目状态\nP1,实施中\nP2,已签约\n" + "\r\n".repeat(1_000_000) + ",,\n".repeat(1_000_000);
    expect(parseCsv(text)).toEqual([
      ["项目编号", "项目状态"],
      ["P1", "实施中"],
      ["P2", "已签约"],
    ]);
  });

  test("should parse 1,000,000 rows", () => {
    const lines = ["项目编号,统一社会信用代码,项目名称,合同金额(万元),项目状态"];
    for (let i = 0; i < 1_000_000; i++) lines.push(`GZ-P-${i},91440101MA5CXXXX1X,项目${i},${i}.5,实施中`);
    const rows = parseCsv(lines.join("\r\n") + "\r\n");
    expect(rows.length).toBe(1_000_001);
    expect(rows[1]).toEqual(["GZ-P-0", "91440101MA5CXXXX1X", "项目0", "0.5", "实施中"]);
    expect(rows[1_000_000]).toEqual(["GZ-P-999999", "91440101MA5CXXXX1X", "项目999999", "999999.5", "实施中"]);
  });
});
