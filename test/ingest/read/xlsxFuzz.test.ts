/**
 * Seeded random workbooks, written part by part as raw XML, read by the fast reader and the
 * reference reader (exceljs's whole-workbook model): both must give the same rows, sheet and issues
 * or the same fatal issue. The generator varies what writers vary — cell types and their odd
 * values, formulas (cached 0, shared, never calculated), rich and phonetic text, styles and number
 * formats, merges (overlapping too), hidden sheets, sheet names, row and cell references (missing,
 * repeated, out of order), and the surface of the XML: white space and line ends, quotes, comments,
 * character references, a byte-order mark, entry order, stored or deflated entries — plus byte
 * flips and truncation of the whole file. A failure names the iteration; the seed replays it.
 * More: `FUZZ_SEED=7 FUZZ_N=5000 npx vitest run test/ingest/read/xlsxFuzz.test.ts`.
 */
import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import { tableByKey } from "../../../loaders/contract/tables.ts";
import { readXlsx, readXlsxFast } from "../../../loaders/ingest/read/xlsx.ts";
import { readXlsxExceljs } from "../../../loaders/ingest/read/xlsxExceljs.ts";
import { plan } from "../../helpers/plan.ts";
import { xlsxOutcome } from "./helpers.ts";
import { chance, int, pick, prng, type Rng } from "../../helpers/random.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 0x17a1);
const WORKBOOKS = Number(process.env.FUZZ_N ?? 400);

const col = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : col(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

const TEXTS = ["广州", "智造", "有限公司", "R&amp;D", "&lt;1&gt;", "a_x000D_b", "x_x0041_y", " 空格 ", "&#x4E2D;&#25991;", "&amp;amp;", "#N/A", "0", "", "line\nbreak", "tab\there"];
const NUMBERS = ["1", "0", "-0.5", "45717", "45717.75", "1e3", " 2 ", "abc", "1.5E-2", "12345678901234567890"];
const ERRORS = ["#N/A", "#DIV/0!", "#REF!", "#VALUE!"];
const FORMATS = ["yyyy/m/d", "0.00", '0.00"元"', "[$-F800]dddd, mmmm dd, yyyy", "h:mm", "@", "[Red]0", "mm-dd-yy", "General", "yyyy\\-mm\\-dd"];
const SHEET_NAMES = ["Sheet1", "改造项目", "填报说明", "sheet1", "R&amp;D", "数据 (2)", "附件3 广州市中小企业数字化转型城市试点改造项目台账汇总表", "x'y", "History"];

interface Surface {
  ws: () => string;
  q: string;
  comment: boolean;
}

function surface(rng: Rng): Surface {
  const fancy = chance(rng, 0.3);
  return {
    ws: () => (fancy ? pick(rng, ["", " ", "\n", "\r\n", "\n  ", "\t"]) : ""),
    q: fancy && chance(rng, 0.5) ? "'" : '"',
    comment: fancy && chance(rng, 0.3),
  };
}

const attrs = (s: Surface, a: Record<string, string | number | undefined>): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}=${s.q}${v}${s.q}`)
    .join("");

function run(rng: Rng, withRPr: boolean): string {
  const rPr = withRPr ? `<rPr><b/><sz val="11"/><rFont val="宋体"/></rPr>` : "";
  return `<r>${rPr}<t xml:space="preserve">${pick(rng, TEXTS)}</t></r>`;
}

function cell(rng: Rng, s: Surface, ref: string | undefined, nStyles: number, nShared: number, shared: { si: number }): string {
  const r = ref === undefined ? "" : ref;
  const st = chance(rng, 0.4) ? int(rng, nStyles + 1) : undefined;
  const c = (t: string | undefined, body: string) => `<c${attrs(s, { r: r || undefined, t, s: st })}${body === "" ? "/>" : `>${body}</c>`}`;
  switch (int(rng, 12)) {
    case 0:
      return c(undefined, `<v>${pick(rng, NUMBERS)}</v>`);
    case 1:
      return c("s", `<v>${chance(rng, 0.95) ? int(rng, nShared) : nShared + 3}</v>`);
    case 2:
      return c("str", `<v>${pick(rng, TEXTS)}</v>`);
    case 3:
      return c("inlineStr", `<is><t>${pick(rng, TEXTS)}</t></is>`);
    case 4:
      return c("inlineStr", `<is>${s.ws()}${Array.from({ length: 1 + int(rng, 3) }, () => run(rng, chance(rng, 0.5))).join(s.ws())}</is>`);
    case 5:
      return c("b", `<v>${pick(rng, ["0", "1", "2", "true"])}</v>`);
    case 6:
      return c("e", `<v>${pick(rng, ERRORS)}</v>`);
    case 7: {
      const t = pick(rng, [undefined, "str", "b", "e"]);
      const v = t === "str" ? pick(rng, TEXTS) : t === "b" ? pick(rng, ["0", "1"]) : t === "e" ? pick(rng, ERRORS) : pick(rng, NUMBERS);
      return c(t, `<f>${pick(rng, ["1+2", "A1&amp;B1", "SUM(A1:A3)", ""])}</f>${chance(rng, 0.8) ? `<v>${v}</v>` : ""}`);
    }
    case 8: {
      // Shared formulas: a master with a range, or a follower of one (seen or not).
      if (chance(rng, 0.4)) {
        shared.si++;
        return c(undefined, `<f t="shared" ref="${r || "A1"}:${r || "A1"}" si="${shared.si}">A1*2</f><v>${pick(rng, NUMBERS)}</v>`);
      }
      return c(undefined, `<f t="shared" si="${int(rng, shared.si + 2)}"/><v>${pick(rng, NUMBERS)}</v>`);
    }
    case 9:
      return c(undefined, "");
    case 10:
      return c(pick(rng, ["n", "d", undefined]), `<v>${pick(rng, NUMBERS)}</v>`);
    default:
      return c(undefined, `<v>${int(rng, 100)}</v>`);
  }
}

function sheetXml(rng: Rng, nStyles: number, nShared: number): string {
  const s = surface(rng);
  const shared = { si: -1 };
  const rows: string[] = [];
  let rowNo = 0;
  const nRows = int(rng, 8);
  for (let i = 0; i < nRows; i++) {
    rowNo = chance(rng, 0.1) && rowNo > 0 ? rowNo : rowNo + 1 + (chance(rng, 0.2) ? int(rng, 3) : 0);
    const cells: string[] = [];
    let c = 0;
    const nCells = int(rng, 6);
    for (let j = 0; j < nCells; j++) {
      c = chance(rng, 0.1) && c > 0 ? c : c + 1 + (chance(rng, 0.2) ? int(rng, 2) : 0);
      const ref = chance(rng, 0.05) && j > 0 ? undefined : `${col(c)}${rowNo}`;
      cells.push(cell(rng, s, ref, nStyles, nShared, shared));
    }
    const rowStyle = chance(rng, 0.05) ? { s: int(rng, nStyles + 1), customFormat: 1 } : {};
    rows.push(`<row${attrs(s, { r: rowNo, spans: `1:${Math.max(1, c)}`, ...rowStyle })}>${s.ws()}${cells.join(s.ws())}${s.ws()}</row>`);
  }
  let merges = "";
  if (chance(rng, 0.4)) {
    const ranges: string[] = [];
    for (let k = 0; k < 1 + int(rng, 3); k++) {
      const top = 1 + int(rng, 6);
      const left = 1 + int(rng, 4);
      ranges.push(`${col(left)}${top}:${col(left + int(rng, 3))}${top + int(rng, 2)}`);
    }
    merges = `<mergeCells count="${ranges.length}">${ranges.map((r) => `<mergeCell ref="${r}"/>`).join(s.ws())}</mergeCells>`;
  }
  const cols = chance(rng, 0.2) ? `<cols><col min="1" max="3" width="12"${chance(rng, 0.5) ? ` style="${int(rng, nStyles + 1)}"` : ""}/></cols>` : "";
  const comment = s.comment ? "<!-- written by hand -->" : "";
  return (
    `${chance(rng, 0.1) ? "\uFEFF" : ""}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s.ws()}` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `${comment}<dimension ref="A1"/>${s.ws()}<sheetViews><sheetView workbookViewId="0"/></sheetViews>${cols}` +
    `<sheetData>${s.ws()}${rows.join(s.ws())}${s.ws()}</sheetData>${s.ws()}${merges}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>${s.ws()}`
  );
}

function sharedStringsXml(rng: Rng, n: number): string {
  const s = surface(rng);
  const items = Array.from({ length: n }, () => {
    switch (int(rng, 6)) {
      case 0:
        return `<si>${run(rng, true)}${run(rng, false)}${run(rng, true)}</si>`;
      case 1:
        return `<si><t>${pick(rng, TEXTS)}</t><phoneticPr fontId="1" type="noConversion"/></si>`;
      case 2:
        return `<si><t>${pick(rng, TEXTS)}</t><rPh sb="0" eb="1"><t>ふ</t></rPh></si>`;
      case 3:
        return chance(rng, 0.5) ? "<si/>" : "<si><t/></si>";
      default:
        return `<si><t xml:space="preserve">${pick(rng, TEXTS)}</t></si>`;
    }
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">${s.ws()}${items.join(s.ws())}</sst>`;
}

function stylesXml(rng: Rng, nStyles: number): string {
  const fmts = Array.from({ length: 1 + int(rng, 3) }, (_, i) => `<numFmt numFmtId="${164 + i}" formatCode="${pick(rng, FORMATS).replace(/"/g, "&quot;")}"/>`);
  const xfs = Array.from({ length: nStyles + 1 }, () => `<xf numFmtId="${pick(rng, [0, 14, 22, 31, 57, 4, 164, 165, 166, 49])}" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  const fonts = chance(rng, 0.95) ? `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts count="${fmts.length}">${fmts.join("")}</numFmts>${fonts}<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

async function randomWorkbook(rng: Rng): Promise<Buffer> {
  const nSheets = 1 + int(rng, 3);
  const nStyles = int(rng, 5);
  const nShared = 1 + int(rng, 6);
  const sheets = Array.from({ length: nSheets }, (_, i) => ({
    name: chance(rng, 0.7) ? `${pick(rng, ["Sheet", "表", "数据"])}${i + 1}` : pick(rng, SHEET_NAMES),
    state: chance(rng, 0.2) ? pick(rng, ["hidden", "veryHidden", "visible"]) : undefined,
    target: chance(rng, 0.1) ? `/xl/worksheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`,
  }));
  const parts: [string, string][] = [
    ["[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `${chance(rng, 0.1) ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<bookViews><workbookView/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("") +
        `</sheets>${chance(rng, 0.2) ? `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${sheets[0]!.name}'!$A$1:$C$3</definedName></definedNames>` : ""}</workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.target}"/>`).join("") +
        `</Relationships>`,
    ],
    ...sheets.map((_, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(rng, nStyles, nShared)]),
  ];
  if (chance(rng, 0.9)) parts.push(["xl/styles.xml", stylesXml(rng, nStyles)]);
  if (chance(rng, 0.9)) parts.push(["xl/sharedStrings.xml", sharedStringsXml(rng, nShared)]);
  // Entry order as writers vary it.
  for (let i = parts.length - 1; i > 0; i--) {
    if (chance(rng, 0.5)) {
      const j = int(rng, i + 1);
      [parts[i], parts[j]] = [parts[j]!, parts[i]!];
    }
  }
  const zip = new JSZip();
  for (const [name, text] of parts) zip.file(name, text);
  let buf = await zip.generateAsync({ type: "nodebuffer", compression: chance(rng, 0.5) ? "DEFLATE" : "STORE" });
  // Now and then, damage the bytes.
  if (chance(rng, 0.05)) buf = buf.subarray(0, int(rng, buf.length));
  else if (chance(rng, 0.05)) {
    buf = Buffer.from(buf);
    for (let k = 0; k < 1 + int(rng, 3); k++) buf[int(rng, buf.length)] = int(rng, 256);
  }
  return buf;
}

describe("fast xlsx reader = reference reader on random workbooks", () => {
  test(`should agree on ${WORKBOOKS} seeded random workbooks, most of them read without falling back`, { timeout: 300_000 }, async () => {
    const rng = prng(SEED);
    const table = tableByKey(plan, "projects");
    let fast = 0;
    for (let i = 0; i < WORKBOOKS; i++) {
      const buf = await randomWorkbook(rng);
      const label = `workbook ${i} of seed ${SEED}`;
      const got = await xlsxOutcome(readXlsx, buf, table, label);
      expect(got, label).toStrictEqual(await xlsxOutcome(readXlsxExceljs, buf, table, label));
      try {
        await readXlsxFast(buf, table, label);
        fast++;
      } catch {
        // Handed to the reference reader, unless the fast reader itself found no visible sheet.
        if ("fatal" in got && got.fatal.message_en.includes("no visible worksheet")) fast++;
      }
    }
    console.log(`xlsx fuzz: ${fast} of ${WORKBOOKS} random workbooks read by the fast reader itself, ${WORKBOOKS - fast} handed to the reference reader`);
    expect(fast).toBeGreaterThan(WORKBOOKS / 2);
  });
});
