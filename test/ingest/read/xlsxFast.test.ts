/**
 * Hand-made workbooks, one per feature the fast .xlsx reader must keep, with the values worked
 * out by hand. Each is also compared with the reference reader (readXlsxChecked), except the sheet
 * the reference reader cannot see. Parts are written as given, in the given zip order.
 */
import { describe, expect, test } from "vitest";
import { tableByKey } from "../../../loaders/contract/tables.ts";
import { readXlsx, readXlsxFast } from "../../../loaders/ingest/read/xlsx.ts";
import { readXlsxExceljs } from "../../../loaders/ingest/read/xlsxExceljs.ts";
import { XmlUnsupported } from "../../../loaders/ingest/read/xlsxXml.ts";
import { plan } from "../../helpers/plan.ts";
import { zip } from "../../hostile/build.ts";
import { brief, fatalOf, readXlsxChecked, xlsxOutcome } from "./helpers.ts";

const projects = tableByKey(plan, "projects");
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Sheet {
  name: string;
  state?: string;
  /** Relationship target, relative to xl/ (default worksheets/sheetN.xml). */
  target?: string;
  /** The <sheetData> content. */
  data: string;
  /** Elements after <sheetData> (mergeCells …). */
  after?: string;
}

const workbookXml = (sheets: Sheet[], pr = "") =>
  `${DECL}<workbook ${NS}>${pr}<sheets>${sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;

const relsXml = (sheets: Sheet[]) =>
  `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${WORKSHEET}" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`)
    .join("")}</Relationships>`;

const sheetXml = (s: Sheet) => `${DECL}<worksheet ${NS}><sheetData>${s.data}</sheetData>${s.after ?? ""}</worksheet>`;

/** Zip path of a sheet's part. */
const partOf = (s: Sheet, i: number) => {
  const t = s.target ?? `worksheets/sheet${i + 1}.xml`;
  return t.startsWith("/") ? t.slice(1) : `xl/${t}`;
};

/** A package: workbook and relationships first, then the sheets, then `late` parts (styles, shared strings …). */
function pkg(sheets: Sheet[], late: Record<string, string> = {}, pr = ""): Buffer {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    "xl/workbook.xml": workbookXml(sheets, pr),
    "xl/_rels/workbook.xml.rels": relsXml(sheets),
  };
  sheets.forEach((s, i) => (parts[partOf(s, i)] = sheetXml(s)));
  return zip({ ...parts, ...late });
}

const STYLES = `${DECL}<styleSheet ${NS}>
  <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/><numFmt numFmtId="165" formatCode="0.00&quot;元&quot;"/></numFmts>
  <fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>
  <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
  <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
  <cellXfs count="5">
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf>
  </cellXfs>
</styleSheet>`;

describe("fast xlsx reader: hand-made workbooks", () => {
  test("should read dates by the cell's number format with styles.xml after the sheets in the zip", async () => {
    // 45717 is 2025-03-01 (25569 is 1970-01-01). Style 1: custom yyyy/m/d; 2: built-in 14
    // (mm-dd-yy); 3: a number format whose only letters are quoted; 4: built-in 31, a Chinese
    // date format exceljs has no code for, so it stays a number as it always did.
    const sheet: Sheet = { name: "S", data: '<row r="1"><c r="A1" s="1"><v>45717</v></c><c r="B1" s="2"><v>45717.5</v></c><c r="C1" s="3"><v>1234.5</v></c><c r="D1" s="4"><v>45717</v></c><c r="E1"><v>45717</v></c></row>' };
    const buf = pkg([sheet], { "xl/styles.xml": STYLES });
    expect(Object.keys(zipOrder(buf)).at(-1)).toBe("xl/styles.xml");
    const r = await readXlsxChecked(buf, projects, "p.xlsx");
    expect(r.rows).toEqual([[new Date("2025-03-01T00:00:00Z"), new Date("2025-03-01T12:00:00Z"), 1234.5, 45717, 45717]]);
    // The 1904 date system moves every date 1462 days on.
    const r1904 = await readXlsxChecked(pkg([sheet], { "xl/styles.xml": STYLES }, '<workbookPr date1904="1"/>'), projects, "p.xlsx");
    expect(r1904.rows[0]![0]).toEqual(new Date("2029-03-02T00:00:00Z"));
  });

  test("should find a sheet through the workbook's relationships, whatever its part is called", async () => {
    const sheets: Sheet[] = [{ name: "数据", target: "sheets/data.xml", data: '<row r="1"><c r="A1" t="inlineStr"><is><t>项目编号</t></is></c></row>' }];
    const buf = pkg(sheets);
    expect(Object.keys(zipOrder(buf))).toContain("xl/sheets/data.xml");
    const r = await readXlsx(buf, projects, "p.xlsx");
    expect([r.sheet, r.rows]).toEqual(["数据", [["项目编号"]]]);
    // The one deliberate difference: exceljs only sees parts named xl/worksheets/sheetN.xml.
    expect(await xlsxOutcome(readXlsxExceljs, buf, projects, "p.xlsx")).toMatchObject({ fatal: { code: "XLSX_INVALID", message_en: "not a valid Excel (.xlsx) file: no visible worksheet / 没有可见的工作表" } });
    // An absolute target is read by both.
    const abs = await readXlsxChecked(pkg([{ ...sheets[0]!, target: "/xl/worksheets/sheet1.xml" }]), projects, "p.xlsx");
    expect(abs.rows).toEqual([["项目编号"]]);
  });

  test("should join every run of rich text, inline and shared, and decode _xHHHH_ only where exceljs does", async () => {
    const sst = `${DECL}<sst ${NS} count="2" uniqueCount="2"><si><r><t>甲</t></r><r><rPr><b/></rPr><t>乙</t></r><r><t>丙</t></r><phoneticPr fontId="1" type="noConversion"/></si><si><t>a_x000D_b</t></si></sst>`;
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>广州</t></r><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t xml:space="preserve"> 智造 </t></r><r><t>有限公司</t></r></is></c>' +
      '<c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="E1" t="inlineStr"><is><t>R&amp;D &lt;1&gt;</t></is></c></row>';
    const r = await readXlsxChecked(pkg([{ name: "S", data }], { "xl/sharedStrings.xml": sst }), projects, "p.xlsx");
    expect(r.rows).toEqual([["广州 智造 有限公司", "甲乙丙", "a\rb", "a_x000D_b", "R&D <1>"]]);
  });

  test("should give every cell of a merged range its master's value", async () => {
    // B1 has a value of its own: the merge replaces it. E1:F1 has an empty master: nothing.
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>旧值</t></is></c><c r="E1" s="0"/></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>P1</t></is></c></row>';
    const after = '<mergeCells count="3"><mergeCell ref="A1:C2"/><mergeCell ref="A3:A4"/><mergeCell ref="E1:F1"/></mergeCells>';
    const r = await readXlsxChecked(pkg([{ name: "S", data, after }]), projects, "p.xlsx");
    expect(r.rows).toEqual([["标题", "标题", "标题"], ["标题", "标题", "标题"], ["P1"], ["P1"]]);
  });

  test("should skip hidden and very hidden sheets and report each", async () => {
    const one = (v: string) => `<row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row>`;
    const buf = pkg([
      { name: "说明", state: "hidden", data: one("hidden") },
      { name: "数据", data: one("shown") },
      { name: "字典", state: "veryHidden", data: one("very hidden") },
    ]);
    const r = await readXlsxChecked(buf, projects, "p.xlsx", "2026-11-20");
    expect([r.sheet, r.rows]).toEqual(["数据", [["shown"]]]);
    expect(brief(r.issues).map((i) => i.code)).toEqual(["HIDDEN_SHEET_SKIPPED", "HIDDEN_SHEET_SKIPPED"]);
    expect(r.issues.map((i) => i.message_zh)).toEqual(["隐藏的工作表「说明」已跳过", "隐藏的工作表「字典」已跳过"]);
  });

  test("should give formulas their cached values and error cells their text, as exceljs does", async () => {
    // B1: a cached 0 reads as no result (exceljs keeps only truthy formula fields). C1: a string
    // result is entity-decoded once more by exceljs. G1: never calculated. A3: a shared formula
    // whose master (A2) was seen; B3: one whose master was not.
    const data =
      '<row r="1"><c r="A1"><f>1+2</f><v>3</v></c><c r="B1"><f>A1-3</f><v>0</v></c><c r="C1" t="str"><f>"R&amp;D"</f><v>R&amp;amp;D</v></c>' +
      '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="b"><f>TRUE()</f><v>1</v></c><c r="G1"><f>B9</f></c><c r="H1" t="b"><v>0</v></c></row>' +
      '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">A1*2</f><v>6</v></c></row>' +
      '<row r="3"><c r="A3"><f t="shared" si="0"/><v>8</v></c><c r="B3"><f t="shared" si="5"/><v>9</v></c></row>';
    const r = await readXlsxChecked(pkg([{ name: "S", data }]), projects, "p.xlsx");
    expect(r.rows).toEqual([[3, null, "R&D", "#DIV/0!", "#N/A", true, null, false], [6], [8]]);
  });

  test("should hand markup outside its subset to the reference reader", async () => {
    // CDATA: exceljs ignores its text, so the cell is empty.
    const cdata = pkg([{ name: "S", data: '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c><c r="B1" t="inlineStr"><is><t>y</t></is></c></row>' }]);
    await expect(readXlsxFast(cdata, projects, "p.xlsx")).rejects.toBeInstanceOf(XmlUnsupported);
    expect((await readXlsxChecked(cdata, projects, "p.xlsx")).rows).toEqual([[null, "y"]]);
    // A sheet name over 31 characters (Excel never writes one; other tools do) makes exceljs fail:
    // it truncates the name, then finds the sheet clashing with itself. So it fails as before.
    const long = pkg([{ name: "附件3 广州市中小企业数字化转型城市试点改造项目台账汇总(截至11月20日)", data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    await expect(readXlsxFast(long, projects, "p.xlsx")).rejects.toBeInstanceOf(XmlUnsupported);
    expect((await fatalOf(() => readXlsxChecked(long, projects, "p.xlsx"))).message_en).toBe("not a valid Excel (.xlsx) file: Worksheet name already exists: 附件3 广州市中小企业数字化转型城市试点改造项目台账汇总(截至");
    // A broken part that holds no values but that exceljs parses (document properties here).
    const brokenCore = pkg([{ name: "S", data: '<row r="1"><c r="A1"><v>1</v></c></row>' }], { "docProps/core.xml": `${DECL}<cp:coreProperties><dc:title>x</dc:creator></cp:coreProperties>` });
    await expect(readXlsxFast(brokenCore, projects, "p.xlsx")).rejects.toBeInstanceOf(XmlUnsupported);
    expect((await fatalOf(() => readXlsxChecked(brokenCore, projects, "p.xlsx"))).code).toBe("XLSX_INVALID");
    // A styled cell whose style names a font when styles.xml lists none: exceljs fails looking it up.
    const noFonts = pkg([{ name: "S", data: '<row r="1"><c r="A1" s="1"><v>1</v></c></row>' }], { "xl/styles.xml": STYLES.replace(/<fonts[\s\S]*?<\/fonts>/, "") });
    await expect(readXlsxFast(noFonts, projects, "p.xlsx")).rejects.toBeInstanceOf(XmlUnsupported);
    expect((await fatalOf(() => readXlsxChecked(noFonts, projects, "p.xlsx"))).code).toBe("XLSX_INVALID");
  });

  test("should stop with the reference reader's XLSX_INVALID for a truncated zip", async () => {
    const buf = pkg([{ name: "S", data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    const issue = await fatalOf(() => readXlsxChecked(buf.subarray(0, buf.length - 30), projects, "p.xlsx"));
    expect(issue.message_en).toBe("not a valid Excel (.xlsx) file: Corrupted zip: can't find end of central directory");
  });
});

// Entry names in zip order, from the local headers (stored entries).
function zipOrder(buf: Buffer): Record<string, true> {
  const names: Record<string, true> = {};
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const size = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    names[buf.toString("utf8", p + 30, p + 30 + nameLen)] = true;
    p += 30 + nameLen + extraLen + size;
  }
  return names;
}
