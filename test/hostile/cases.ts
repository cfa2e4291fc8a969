/**
 * The hostile-input corpus (issue 8): export sets with one fault each and the exact outcome the
 * ingest must give. Each case starts from the minimal valid snapshot of test/helpers/exports.ts
 * and breaks one thing. Binary files (GB18030, UTF-16, workbooks, broken workbooks) are built here
 * at test time; the few text files clearer as files live in test/fixtures/hostile/.
 *
 * Outcomes are written `file:row:column:CODE` ("-" where there is no row or column), every issue
 * of every severity listed, sorted. Files not named in `files` must load exactly as in the valid
 * snapshot (every row, none rejected).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { IngestResult } from "../../loaders/ingest/types.ts";
import { baseTables, E1, E2, E3, uscc, type Csv } from "../helpers/exports.ts";
import {
  csvText,
  encryptedXlsx,
  fullWidth,
  gbk,
  oldXls,
  rawLine,
  repeatBytes,
  typed,
  unzip,
  utf16le,
  utf8Bom,
  workbook,
  zip,
} from "./build.ts";

export const SNAP = "2026-11-20";
export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "hostile");

/** File name → content (rows are written as CSV text); one snapshot folder. */
export type Files = Record<string, Csv | string | Buffer>;
/** Snapshot folder name → its files. */
export type ExportSet = Record<string, Files>;

export type Group = "encoding" | "file" | "header" | "rows" | "cells" | "snapshots";

export interface HostileCase {
  name: string;
  group: Group;
  /** What is wrong with the export, for docs/validation.md. */
  fault: string;
  /** What the ingest does about it, for docs/validation.md. */
  outcome: string;
  build: () => ExportSet | Promise<ExportSet>;
  expect: {
    /** Fatal issues, `file:row:column:CODE`. */
    fatal?: string[];
    /** Every other issue (any severity), `file:row:column:CODE`. */
    issues?: string[];
    /** [rows read, loaded, rejected] per file (relative to the root) where they differ from the valid snapshot. */
    files?: Record<string, [number, number, number]>;
    /** Snapshots ingested (default: [SNAP]). */
    snapshots?: string[];
    /** Values to check beyond the counts. */
    check?: (r: IngestResult) => void;
  };
}

/** Rows each base table loads when nothing is wrong. */
export const baseRows: Record<string, number> = {
  enterprises: 3,
  assessments: 2,
  projects: 1,
  funds: 1,
  leading_units: 1,
  providers: 1,
  products: 1,
  recognitions: 1,
  trainings: 1,
};

const ENT = `${SNAP}/企业名录.csv`;
const ENT_X = `${SNAP}/企业名录.xlsx`;
const TRN = `${SNAP}/人才培训.csv`;
const REC = `${SNAP}/示范认定.csv`;

/** The valid snapshot with `edit` applied to its tables. */
function snapshot(edit: (t: Record<string, Csv>) => void = () => {}): ExportSet {
  const t = baseTables();
  edit(t);
  return { [SNAP]: t };
}

/** The valid snapshot with one file replaced by another (possibly under another name). */
function replacing(name: string, by: string, content: Csv | string | Buffer): ExportSet {
  const t: Files = baseTables();
  delete t[name];
  t[by] = content;
  return { [SNAP]: t };
}

const enterprises = (): Csv => baseTables()["企业名录.csv"]!;
const fixture = (name: string): string => readFileSync(join(fixturesDir, name), "utf8");

/** The snapshot's files of one table and the row loaded from Excel row `row`. */
export function loadedRow(r: IngestResult, file: string, row: number): Record<string, unknown> | undefined {
  const f = r.snapshots.flatMap((s) => s.files).find((x) => x.file === file);
  return f?.loaded.find((l) => l.row === row)?.rec;
}

function fileOf(r: IngestResult, file: string) {
  const f = r.snapshots.flatMap((s) => s.files).find((x) => x.file === file);
  if (!f) throw new Error(`no file ${file} in the result`);
  return f;
}

function issueOf(r: IngestResult, code: string) {
  const i = [...r.issues, ...r.fatal, ...r.snapshots.flatMap((s) => s.issues)].find((x) => x.code === code);
  if (!i) throw new Error(`no issue ${code} in the result`);
  return i;
}

/** The enterprises workbook (sheet 企业名录), the header optionally below a title. */
async function enterprisesXlsx(opts: { edit?: (rows: unknown[][]) => void; title?: string; merges?: string[]; sheets?: Parameters<typeof workbook>[0] } = {}): Promise<Buffer> {
  const rows = typed(enterprises());
  opts.edit?.(rows);
  if (opts.title) rows.unshift([opts.title]);
  return workbook([...(opts.sheets ?? []), { name: "企业名录", rows, merges: opts.merges ?? [] }]);
}

export const cases: HostileCase[] = [
  // ───────────── Encodings ─────────────
  {
    name: "gbk-whole-file",
    group: "encoding",
    fault: "企业名录.csv saved by Excel on Chinese Windows (GBK, no BOM)",
    outcome: "detected as GB18030 and read; every row loaded, no issue",
    build: () => replacing("企业名录.csv", "企业名录.csv", gbk(csvText(enterprises(), { eol: "\r\n" }))),
    expect: {
      issues: [],
      check: (r) => {
        expect(fileOf(r, ENT).encoding).toBe("gb18030");
        expect(loadedRow(r, ENT, 3)).toMatchObject({ name: "示例乙汽配有限公司", district: "440113" });
      },
    },
  },
  {
    name: "gbk-invalid-byte",
    group: "encoding",
    fault: "a GBK file with an undecodable byte (0xFF) inside a company name on row 3",
    outcome: "read as GB18030 with U+FFFD in its place; ENCODING_REPLACED warning located at row 3; the row is loaded",
    build: () => {
      const text = csvText(enterprises());
      const at = text.indexOf("汽配");
      return replacing("企业名录.csv", "企业名录.csv", Buffer.concat([gbk(text.slice(0, at)), Buffer.from([0xff]), gbk(text.slice(at))]));
    },
    expect: {
      issues: [`${ENT}:3:-:ENCODING_REPLACED`],
      check: (r) => {
        expect(fileOf(r, ENT).encoding).toBe("gb18030");
        expect(loadedRow(r, ENT, 3)!.name).toBe("示例乙\uFFFD汽配有限公司");
      },
    },
  },
  {
    name: "utf8-invalid-bytes",
    group: "encoding",
    fault: "a UTF-8 file with an invalid byte sequence (0xC3 0x28) inside a company name on row 4",
    outcome: "read as UTF-8 with U+FFFD; ENCODING_REPLACED warning at row 4; the row is loaded",
    build: () => {
      const text = csvText(enterprises());
      const at = text.indexOf("美妆有限");
      return replacing("企业名录.csv", "企业名录.csv", Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3]), Buffer.from(text.slice(at))]));
    },
    expect: {
      issues: [`${ENT}:4:-:ENCODING_REPLACED`],
      check: (r) => {
        expect(fileOf(r, ENT).encoding).toBe("utf-8");
        expect(loadedRow(r, ENT, 4)!.name).toBe("示例丙\uFFFD美妆有限公司");
      },
    },
  },
  {
    name: "utf8-file-with-a-gbk-row",
    group: "encoding",
    fault: "mixed encodings: a UTF-8 file with row 3 pasted in from a GBK file",
    outcome: "read as UTF-8 (the file is mostly UTF-8); ENCODING_REPLACED at row 3, whose garbled district and industry reject it",
    build: () => {
      const rows = enterprises();
      const head = csvText([rows[0]!, rows[1]!]);
      const row3 = csvText([rows[2]!]);
      const tail = csvText([rows[3]!]);
      return replacing("企业名录.csv", "企业名录.csv", Buffer.concat([Buffer.from(head), gbk(row3), Buffer.from(tail)]));
    },
    expect: {
      issues: [`${ENT}:3:-:ENCODING_REPLACED`, `${ENT}:3:所属区:INVALID_DISTRICT`, `${ENT}:3:细分行业:INVALID_INDUSTRY`],
      files: { [ENT]: [3, 2, 1] },
      check: (r) => expect(fileOf(r, ENT).encoding).toBe("utf-8"),
    },
  },
  {
    name: "bom-mid-file-before-header",
    group: "encoding",
    fault: "two UTF-8-with-BOM exports concatenated: a BOM and a second header in the middle (row 3)",
    outcome: "the BOM is ignored and the second header recognised: SKIPPED_REPEATED_HEADER (info) at row 3; every data row loaded",
    build: () => {
      const rows = enterprises();
      const first = utf8Bom(csvText([rows[0]!, rows[1]!]));
      const second = utf8Bom(csvText([rows[0]!, rows[2]!, rows[3]!]));
      return replacing("企业名录.csv", "企业名录.csv", Buffer.concat([first, second]));
    },
    expect: {
      issues: [`${ENT}:3:-:SKIPPED_REPEATED_HEADER`],
      check: (r) => {
        expect(fileOf(r, ENT)).toMatchObject({ encoding: "utf-8-bom", rowsSkipped: 1 });
        expect(fileOf(r, ENT).loaded.map((l) => l.row)).toEqual([2, 4, 5]);
      },
    },
  },
  {
    name: "bom-mid-file-before-data-row",
    group: "encoding",
    fault: "a stray BOM (U+FEFF) at the start of data row 3, in front of the credit code",
    outcome: "invisible characters are removed from codes: every row loaded with the clean code, no issue",
    build: () => {
      const rows = enterprises();
      rows[2]![0] = "\uFEFF" + rows[2]![0];
      return replacing("企业名录.csv", "企业名录.csv", Buffer.from(csvText(rows)));
    },
    expect: { issues: [], check: (r) => expect(loadedRow(r, ENT, 3)!.uscc).toBe(E2) },
  },
  {
    name: "utf16le-unicode-text",
    group: "encoding",
    fault: "Excel's \"Unicode text\" export: UTF-16LE with BOM, tab-separated",
    outcome: "detected as UTF-16LE with tab delimiter; every row loaded, no issue",
    build: () => replacing("企业名录.csv", "企业名录.csv", utf16le(csvText(enterprises(), { delimiter: "\t", eol: "\r\n" }))),
    expect: { issues: [], check: (r) => expect(fileOf(r, ENT).encoding).toBe("utf-16le") },
  },

  // ───────────── Files ─────────────
  {
    name: "empty-file",
    group: "file",
    fault: "人才培训.csv is 0 bytes",
    outcome: "FILE_EMPTY: fatal, the build stops naming the file",
    build: () => replacing("人才培训.csv", "人才培训.csv", Buffer.alloc(0)),
    expect: { fatal: [`${TRN}:-:-:FILE_EMPTY`], issues: [] },
  },
  {
    name: "blank-lines-and-separators-only",
    group: "file",
    fault: "人才培训.csv holds only a BOM, blank lines and ,,,,, separators",
    outcome: "FILE_EMPTY: fatal",
    build: () => replacing("人才培训.csv", "人才培训.csv", utf8Bom("\r\n,,,,,,\r\n\r\n,,,,,,\r\n")),
    expect: { fatal: [`${TRN}:-:-:FILE_EMPTY`], issues: [] },
  },
  {
    name: "header-only",
    group: "file",
    fault: "人才培训.csv has its header and no data row",
    outcome: "read as zero rows (0 = 0 + 0) with a NO_DATA_ROWS warning at the header row; not fatal",
    build: () => replacing("人才培训.csv", "人才培训.csv", [baseTables()["人才培训.csv"]![0]!]),
    expect: { issues: [`${TRN}:1:-:NO_DATA_ROWS`], files: { [TRN]: [0, 0, 0] } },
  },
  {
    name: "xlsx-truncated",
    group: "file",
    fault: "企业名录.xlsx cut off half way (an interrupted download)",
    outcome: "XLSX_INVALID: fatal, naming the file; rows of other tables that refer to enterprises are not flooded with REF_UNKNOWN",
    build: async () => {
      const buf = await enterprisesXlsx();
      return replacing("企业名录.csv", "企业名录.xlsx", buf.subarray(0, Math.floor(buf.length / 2)));
    },
    expect: { fatal: [`${ENT_X}:-:-:XLSX_INVALID`], issues: [] },
  },
  {
    name: "xlsx-password-protected",
    group: "file",
    fault: "企业名录.xlsx saved with a password (an encrypted OLE package)",
    outcome: "XLSX_ENCRYPTED: fatal, asking for an export without a password",
    build: () => replacing("企业名录.csv", "企业名录.xlsx", encryptedXlsx()),
    expect: { fatal: [`${ENT_X}:-:-:XLSX_ENCRYPTED`], issues: [] },
  },
  {
    name: "xlsx-renamed-csv",
    group: "file",
    fault: "a CSV file renamed to 企业名录.xlsx",
    outcome: "XLSX_INVALID: fatal, saying it is a text file to be named .csv",
    build: () => replacing("企业名录.csv", "企业名录.xlsx", csvText(enterprises())),
    expect: {
      fatal: [`${ENT_X}:-:-:XLSX_INVALID`],
      issues: [],
      check: (r) => expect(issueOf(r, "XLSX_INVALID").message_en).toContain("a text file (CSV?) renamed .xlsx; name it .csv"),
    },
  },
  {
    name: "xlsx-renamed-html",
    group: "file",
    fault: "an HTML table (what some web systems export) named 企业名录.xlsx",
    outcome: "XLSX_INVALID: fatal, saying it is a web page to be saved as .xlsx in Excel",
    build: () => replacing("企业名录.csv", "企业名录.xlsx", "<!DOCTYPE html><html><body><table><tr><td>统一社会信用代码</td></tr></table></body></html>"),
    expect: {
      fatal: [`${ENT_X}:-:-:XLSX_INVALID`],
      issues: [],
      check: (r) => expect(issueOf(r, "XLSX_INVALID").message_zh).toContain("网页"),
    },
  },
  {
    name: "xlsx-zip-not-a-workbook",
    group: "file",
    fault: "a zip archive of CSV files named 企业名录.xlsx",
    outcome: "XLSX_INVALID: fatal",
    build: () => replacing("企业名录.csv", "企业名录.xlsx", zip({ "企业名录.csv": csvText(enterprises()) })),
    expect: { fatal: [`${ENT_X}:-:-:XLSX_INVALID`], issues: [] },
  },
  {
    name: "old-xls",
    group: "file",
    fault: "企业名录.xls in the Excel 97–2003 format",
    outcome: "XLS_UNSUPPORTED: fatal, asking to save it as .xlsx",
    build: () => replacing("企业名录.csv", "企业名录.xls", oldXls()),
    expect: { fatal: [`${SNAP}/企业名录.xls:-:-:XLS_UNSUPPORTED`], issues: [] },
  },
  {
    name: "html-named-xls",
    group: "file",
    fault: "an HTML table saved as 企业名录.xls (Excel opens it, it is not a workbook)",
    outcome: "XLS_UNSUPPORTED: fatal",
    build: () => replacing("企业名录.csv", "企业名录.xls", "<html><table><tr><td>统一社会信用代码</td></tr></table></html>"),
    expect: { fatal: [`${SNAP}/企业名录.xls:-:-:XLS_UNSUPPORTED`], issues: [] },
  },
  {
    name: "two-files-for-one-table",
    group: "file",
    fault: "both enterprises.csv and 企业名录.csv in one snapshot",
    outcome: "DUPLICATE_TABLE: fatal, naming both files; nothing is guessed",
    build: () => snapshot((t) => (t["enterprises.csv"] = enterprises())),
    expect: { fatal: [`${ENT}:-:-:DUPLICATE_TABLE`], issues: [], snapshots: [] },
  },
  {
    name: "unknown-file",
    group: "file",
    fault: "an extra 汇总表.csv that matches no table",
    outcome: "UNKNOWN_FILE warning, the file skipped; everything else loaded",
    build: () => snapshot((t) => (t["汇总表.csv"] = [["合计", "100"]])),
    expect: { issues: [`${SNAP}/汇总表.csv:-:-:UNKNOWN_FILE`] },
  },
  {
    name: "missing-required-table",
    group: "file",
    fault: "no 人才培训 file in the snapshot",
    outcome: "MISSING_REQUIRED_TABLE: fatal, naming the snapshot and the table",
    build: () => snapshot((t) => delete t["人才培训.csv"]),
    expect: { fatal: [`${SNAP}:-:-:MISSING_REQUIRED_TABLE`], issues: [] },
  },

  // ───────────── Headers ─────────────
  {
    name: "missing-required-column",
    group: "header",
    fault: "企业名录.csv without its 所属区 column",
    outcome: "MISSING_REQUIRED_COLUMN: fatal, located at the header row and naming 所属区",
    build: () => snapshot((t) => t["企业名录.csv"]!.forEach((r) => r.splice(2, 1))),
    expect: { fatal: [`${ENT}:1:所属区:MISSING_REQUIRED_COLUMN`], issues: [] },
  },
  {
    name: "duplicated-column",
    group: "header",
    fault: "所属区 appears twice in the header (a second, contradicting column at the end)",
    outcome: "DUPLICATE_COLUMN warning at the header; the first column is read, rows loaded",
    build: () =>
      snapshot((t) => t["企业名录.csv"]!.forEach((r, i) => r.push(i === 0 ? "所属区" : "天河区"))),
    expect: {
      issues: [`${ENT}:1:所属区:DUPLICATE_COLUMN`],
      check: (r) => expect(loadedRow(r, ENT, 2)!.district).toBe("440112"),
    },
  },
  {
    name: "columns-in-unexpected-order",
    group: "header",
    fault: "the columns of 企业名录.csv in reverse order",
    outcome: "columns are matched by header, not position: every row loaded, no issue",
    build: () => snapshot((t) => t["企业名录.csv"]!.forEach((r) => r.reverse())),
    expect: {
      issues: [],
      check: (r) => expect(loadedRow(r, ENT, 3)).toMatchObject({ uscc: E2, district: "440113", employees: 80, revenue_wan: 3000 }),
    },
  },
  {
    name: "two-header-rows",
    group: "header",
    fault: "a Chinese header row followed by an English key row (a platform template)",
    outcome: "the first is the header, the second is SKIPPED_REPEATED_HEADER (info) at row 2; data rows 3–5 loaded",
    build: () =>
      snapshot((t) => t["企业名录.csv"]!.splice(1, 0, ["uscc", "name", "district", "industry", "employees", "revenue_wan", "contact", "phone"])),
    expect: {
      issues: [`${ENT}:2:-:SKIPPED_REPEATED_HEADER`],
      check: (r) => expect(fileOf(r, ENT).loaded.map((l) => l.row)).toEqual([3, 4, 5]),
    },
  },
  {
    name: "grouped-header-rows",
    group: "header",
    fault: "a group row (基本信息 / 经营情况 / 联系方式) above the real header",
    outcome: "the header is found on row 2; data rows 3–5 loaded, no issue",
    build: () => snapshot((t) => t["企业名录.csv"]!.unshift(["基本信息", "", "", "", "经营情况", "", "联系方式", ""])),
    expect: { issues: [], check: (r) => expect(fileOf(r, ENT).headerRow).toBe(2) },
  },
  {
    name: "header-on-row-5-under-title-block",
    group: "header",
    fault: "a title, a 填报单位 line, a blank line and a note above the header (row 5), required marks (*) and full-width brackets in it",
    outcome: "the header is found on row 5; rows are numbered as Excel shows them (6–8), every row loaded",
    build: () => replacing("企业名录.csv", "企业名录.csv", fixture("title-block.csv")),
    expect: {
      issues: [],
      check: (r) => {
        expect(fileOf(r, ENT).headerRow).toBe(5);
        expect(fileOf(r, ENT).loaded.map((l) => l.row)).toEqual([6, 7, 8]);
      },
    },
  },
  {
    name: "header-cell-with-line-break",
    group: "header",
    fault: "header cells typed with Alt+Enter line breaks (\"所属\\n区\", \"营业收入\\n(万元)\")",
    outcome: "headers match ignoring whitespace; every row loaded, no issue",
    build: () =>
      snapshot((t) => {
        t["企业名录.csv"]![0]![2] = "所属\n区";
        t["企业名录.csv"]![0]![5] = "营业收入\n(万元)";
      }),
    expect: { issues: [], check: (r) => expect(loadedRow(r, ENT, 2)!.revenue_wan).toBe(5000) },
  },
  {
    name: "amount-header-in-thousand-yuan",
    group: "header",
    fault: "资金拨付.csv states its amount as 金额(千元), a unit that cannot be converted safely",
    outcome: "the column is not taken as 金额(万元): MISSING_REQUIRED_COLUMN, fatal, rather than amounts off by a factor",
    build: () => snapshot((t) => (t["资金拨付.csv"]![0]![7] = "金额(千元)")),
    expect: { fatal: [`${SNAP}/资金拨付.csv:1:金额(万元):MISSING_REQUIRED_COLUMN`], issues: [] },
  },

  // ───────────── Rows and sheets ─────────────
  {
    name: "xlsx-merged-cells",
    group: "rows",
    fault: "a workbook with a merged title (A1:H1) and 所属区 merged down over rows 4–5",
    outcome: "the title is skipped, the header found on row 2, every cell of the merge takes its value: both rows in 番禺区",
    build: async () =>
      replacing(
        "企业名录.csv",
        "企业名录.xlsx",
        await enterprisesXlsx({ title: "广州市试点企业名录(截至2026年11月20日)", merges: ["A1:H1", "C4:C5"] }),
      ),
    expect: {
      issues: [],
      files: { [ENT_X]: [3, 3, 0] },
      check: (r) => {
        expect(fileOf(r, ENT_X).headerRow).toBe(2);
        expect([loadedRow(r, ENT_X, 4)!.district, loadedRow(r, ENT_X, 5)!.district]).toEqual(["440113", "440113"]);
      },
    },
  },
  {
    name: "xlsx-hidden-sheet",
    group: "rows",
    fault: "a hidden sheet named 企业名录 with stale rows, and the real data on the visible Sheet1",
    outcome: "hidden sheets are never read: HIDDEN_SHEET_SKIPPED (info); Sheet1's rows loaded",
    build: async () =>
      replacing(
        "企业名录.csv",
        "企业名录.xlsx",
        await workbook([
          { name: "企业名录", state: "hidden", rows: [enterprises()[0]!, ["91440101327598294A", "旧数据", "东山区", "其他"]] },
          { name: "Sheet1", rows: typed(enterprises()) },
        ]),
      ),
    expect: {
      issues: [`${ENT_X}:-:-:HIDDEN_SHEET_SKIPPED`],
      files: { [ENT_X]: [3, 3, 0] },
      check: (r) => expect(fileOf(r, ENT_X).sheet).toBe("Sheet1"),
    },
  },
  {
    name: "xlsx-instructions-sheet-first",
    group: "rows",
    fault: "a visible 填表说明 sheet before the 企业名录 sheet",
    outcome: "the sheet named like the table is read; every row loaded, no issue",
    build: async () =>
      replacing(
        "企业名录.csv",
        "企业名录.xlsx",
        await enterprisesXlsx({ sheets: [{ name: "填表说明", rows: [["1. 统一社会信用代码为18位"], ["2. 金额单位为万元"]] }] }),
      ),
    expect: { issues: [], files: { [ENT_X]: [3, 3, 0] }, check: (r) => expect(fileOf(r, ENT_X).sheet).toBe("企业名录") },
  },
  {
    name: "total-row",
    group: "rows",
    fault: "a 合计 row under the payments",
    outcome: "SKIPPED_TOTAL_ROW (info) at row 3; counted as skipped, never loaded",
    build: () => snapshot((t) => t["资金拨付.csv"]!.push(["合计", "", "", "", "", "", "", "30", ""])),
    expect: { issues: [`${SNAP}/资金拨付.csv:3:-:SKIPPED_TOTAL_ROW`] },
  },
  {
    name: "repeated-header-after-page-break",
    group: "rows",
    fault: "the header repeated between rows (a printed ledger's page break)",
    outcome: "SKIPPED_REPEATED_HEADER (info) at row 4; data rows 2, 3, 5 loaded",
    build: () => snapshot((t) => t["企业名录.csv"]!.splice(3, 0, [...t["企业名录.csv"]![0]!])),
    expect: { issues: [`${ENT}:4:-:SKIPPED_REPEATED_HEADER`] },
  },
  {
    name: "ten-million-blank-lines",
    group: "rows",
    fault: "人才培训.csv padded with 10,000,000 lines of \",,,,,,\" after its data (Excel's used range)",
    outcome: "trailing padding is cut in one pass (well under a second): 1 row read and loaded",
    build: () => {
      const text = Buffer.from(csvText(baseTables()["人才培训.csv"]!, { eol: "\r\n" }));
      return replacing("人才培训.csv", "人才培训.csv", Buffer.concat([text, repeatBytes(",,,,,,\r\n", 10_000_000)]));
    },
    expect: { issues: [] },
  },
  {
    name: "xlsx-formatted-far-below-the-data",
    group: "rows",
    fault: "人才培训.xlsx with 50,000 empty but formatted rows under its data (a whole block given a style)",
    outcome: "only rows holding a value count: 1 row read and loaded, no issue",
    build: async () => {
      const files = unzip(await workbook([{ name: "人才培训", rows: typed(baseTables()["人才培训.csv"]!) }]));
      const sheet = "xl/worksheets/sheet1.xml";
      const empty = Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 3}" s="1" customFormat="1" ht="15"/>`).join("");
      files[sheet] = Buffer.from(files[sheet]!.toString("utf8").replace("</sheetData>", `${empty}</sheetData>`));
      return replacing("人才培训.csv", "人才培训.xlsx", zip(files));
    },
    expect: { issues: [], files: { [`${SNAP}/人才培训.xlsx`]: [1, 1, 0] } },
  },
  {
    name: "million-blank-lines-between-rows",
    group: "rows",
    fault: "1,000,000 blank lines between two training rows",
    outcome: "blank lines are not rows but keep the numbering: rows 2 and 1,000,003 loaded",
    build: () => {
      const rows = baseTables()["人才培训.csv"]!;
      const second = ["T2", "数字化研修班二期", "示例协会", "2025-06-20", "天河区", "技术骨干", "40"];
      return replacing("人才培训.csv", "人才培训.csv", Buffer.concat([Buffer.from(csvText(rows)), repeatBytes("\n", 1_000_000), Buffer.from(csvText([second]))]));
    },
    expect: {
      issues: [],
      files: { [TRN]: [2, 2, 0] },
      check: (r) => expect(fileOf(r, TRN).loaded.map((l) => l.row)).toEqual([2, 1_000_003]),
    },
  },
  {
    name: "csv-cut-mid-row",
    group: "rows",
    fault: "企业名录.csv truncated in the middle of its last row",
    outcome: "the partial row 4 is read and rejected: REQUIRED_MISSING for 所属区 and 细分行业",
    build: () => {
      const text = csvText(enterprises());
      return replacing("企业名录.csv", "企业名录.csv", text.slice(0, text.indexOf("示例丙美妆") + 4));
    },
    expect: {
      issues: [`${ENT}:4:所属区:REQUIRED_MISSING`, `${ENT}:4:细分行业:REQUIRED_MISSING`],
      files: { [ENT]: [3, 2, 1] },
    },
  },
  {
    name: "unclosed-quote",
    group: "rows",
    fault: "a company name that starts with a stray quote (\"示例乙… never closed) on row 3",
    outcome: "CSV_UNCLOSED_QUOTE warning at row 3; the quote is ignored so no later row is swallowed: all 3 rows loaded",
    build: () => replacing("企业名录.csv", "企业名录.csv", fixture("stray-quote.csv")),
    expect: {
      issues: [`${ENT}:3:-:CSV_UNCLOSED_QUOTE`],
      check: (r) => {
        expect(loadedRow(r, ENT, 3)).toMatchObject({ uscc: E2, name: "示例乙汽配有限公司", district: "440113" });
        expect(loadedRow(r, ENT, 4)!.uscc).toBe(E3);
      },
    },
  },
  {
    name: "malformed-quote",
    group: "rows",
    fault: "a name written \"示例\"乙公司 (a closing quote followed by more text) on row 3",
    outcome: "CSV_UNCLOSED_QUOTE warning at row 3; the stray quote kept as text, no row swallowed",
    build: () => {
      const rows = enterprises().map((r) => rawLine(r));
      rows[2] = rawLine([E2, '"示例"乙公司', "番禺", "智能网联与新能源汽车(零部件)", "80", "3000", "李四", "020-83000001"]);
      return replacing("企业名录.csv", "企业名录.csv", rows.join("\n") + "\n");
    },
    expect: {
      issues: [`${ENT}:3:-:CSV_UNCLOSED_QUOTE`],
      check: (r) => {
        expect(loadedRow(r, ENT, 3)!.name).toBe('示例"乙公司');
        expect(loadedRow(r, ENT, 4)!.uscc).toBe(E3);
      },
    },
  },
  {
    name: "many-stray-quotes",
    group: "rows",
    fault: "twelve rows (5–16) whose names each open a quote that is never closed",
    outcome: "each row gets CSV_UNCLOSED_QUOTE and all 15 rows load; past ten repairs the file is read with quoting off, so the last two names keep their quote as text",
    build: () => {
      const lines = enterprises().map((r) => rawLine(r));
      for (let i = 0; i < 12; i++) lines.push(rawLine([uscc(`91440101MA6${String(i).padStart(6, "0")}`), `"示例企业${i}`, "黄埔区", "时尚美妆", "10", "100", "", ""]));
      return replacing("企业名录.csv", "企业名录.csv", lines.join("\n") + "\n");
    },
    expect: {
      issues: Array.from({ length: 12 }, (_, i) => `${ENT}:${i + 5}:-:CSV_UNCLOSED_QUOTE`),
      files: { [ENT]: [15, 15, 0] },
      check: (r) => {
        expect(loadedRow(r, ENT, 5)!.name).toBe("示例企业0");
        expect(loadedRow(r, ENT, 14)!.name).toBe("示例企业9");
        expect(loadedRow(r, ENT, 15)!.name).toBe('"示例企业10');
        expect(loadedRow(r, ENT, 16)!.name).toBe('"示例企业11');
      },
    },
  },
  {
    name: "unquoted-comma-shifts-columns",
    group: "rows",
    fault: "a name with an unquoted comma (示例乙,汽配有限公司) shifting the rest of row 3 one column right",
    outcome: "row 3 rejected with every misplaced value named: INVALID_DISTRICT, INVALID_INDUSTRY, INVALID_INTEGER, INVALID_PHONE",
    build: () => replacing("企业名录.csv", "企业名录.csv", fixture("shifted-columns.csv")),
    expect: {
      issues: [`${ENT}:3:从业人员:INVALID_INTEGER`, `${ENT}:3:所属区:INVALID_DISTRICT`, `${ENT}:3:细分行业:INVALID_INDUSTRY`, `${ENT}:3:联系电话:INVALID_PHONE`],
      files: { [ENT]: [3, 2, 1] },
    },
  },
  {
    name: "semicolon-delimited",
    group: "rows",
    fault: "企业名录.csv written with ; separators (a European-locale Excel)",
    outcome: "the delimiter is detected; every row loaded, no issue",
    build: () => replacing("企业名录.csv", "企业名录.csv", csvText(enterprises(), { delimiter: ";" })),
    expect: { issues: [] },
  },
  {
    name: "cr-only-line-endings",
    group: "rows",
    fault: "old Mac line endings (CR only) mixed with CRLF",
    outcome: "all line endings are treated alike; every row loaded, no issue",
    build: () => replacing("企业名录.csv", "企业名录.csv", csvText(enterprises().slice(0, 2), { eol: "\r" }) + csvText(enterprises().slice(2), { eol: "\r\n" })),
    expect: { issues: [] },
  },
  {
    name: "duplicate-row-in-one-snapshot",
    group: "rows",
    fault: "the row of 91440101MA59LU9AX1 twice in one 企业名录 (row 3 and row 5)",
    outcome: "the first is loaded, the second rejected with DUPLICATE_ID naming row 3",
    build: () => snapshot((t) => t["企业名录.csv"]!.push([...t["企业名录.csv"]![2]!])),
    expect: {
      issues: [`${ENT}:5:统一社会信用代码:DUPLICATE_ID`],
      files: { [ENT]: [4, 3, 1] },
      check: (r) => expect(issueOf(r, "DUPLICATE_ID").message_en).toBe(`duplicate id "${E2}", same as row 3`),
    },
  },

  // ───────────── Cells ─────────────
  {
    name: "xlsx-na-error-in-required-cell",
    group: "cells",
    fault: "#N/A (an Excel error cell, a failed VLOOKUP) as the 企业名称 of row 4",
    outcome: "EXCEL_ERROR at row 4, 企业名称: the row is rejected, \"#N/A\" never becomes a name",
    build: async () => replacing("企业名录.csv", "企业名录.xlsx", await enterprisesXlsx({ edit: (rows) => (rows[3]![1] = { error: "#N/A" }) })),
    expect: { issues: [`${ENT_X}:4:企业名称:EXCEL_ERROR`], files: { [ENT_X]: [3, 2, 1] } },
  },
  {
    name: "xlsx-div0-formula-result",
    group: "cells",
    fault: "a formula whose cached result is #DIV/0! in 营业收入(万元) of row 3",
    outcome: "EXCEL_ERROR at row 3, 营业收入(万元); the row is rejected",
    build: async () =>
      replacing("企业名录.csv", "企业名录.xlsx", await enterprisesXlsx({ edit: (rows) => (rows[2]![5] = { formula: "E3/0", result: { error: "#DIV/0!" } }) })),
    expect: { issues: [`${ENT_X}:3:营业收入(万元):EXCEL_ERROR`], files: { [ENT_X]: [3, 2, 1] } },
  },
  {
    name: "csv-error-text",
    group: "cells",
    fault: "#N/A written into a CSV by Excel (所属区 of row 4)",
    outcome: "EXCEL_ERROR at row 4, 所属区; the row is rejected",
    build: () => snapshot((t) => (t["企业名录.csv"]![3]![2] = "#N/A")),
    expect: { issues: [`${ENT}:4:所属区:EXCEL_ERROR`], files: { [ENT]: [3, 2, 1] } },
  },
  {
    name: "xlsx-formulas-with-cached-results",
    group: "cells",
    fault: "formulas in a workbook (营业收入 =E2*50, a name built with &)",
    outcome: "the value Excel cached is read, the formula never evaluated: rows loaded with those values",
    build: async () =>
      replacing(
        "企业名录.csv",
        "企业名录.xlsx",
        await enterprisesXlsx({
          edit: (rows) => {
            rows[1]![5] = { formula: "E2*50", result: 6000 };
            rows[2]![1] = { formula: "\"示例乙\"&\"汽配有限公司\"", result: "示例乙汽配有限公司" };
          },
        }),
      ),
    expect: {
      issues: [],
      files: { [ENT_X]: [3, 3, 0] },
      check: (r) => {
        expect(loadedRow(r, ENT_X, 2)!.revenue_wan).toBe(6000);
        expect(loadedRow(r, ENT_X, 3)!.name).toBe("示例乙汽配有限公司");
      },
    },
  },
  {
    name: "xlsx-formula-never-calculated",
    group: "cells",
    fault: "a formula with no cached result (saved by a tool that does not calculate) as the 企业名称 of row 4",
    outcome: "read as empty: REQUIRED_MISSING at row 4, 企业名称",
    build: async () => replacing("企业名录.csv", "企业名录.xlsx", await enterprisesXlsx({ edit: (rows) => (rows[3]![1] = { formula: "B3" }) })),
    expect: { issues: [`${ENT_X}:4:企业名称:REQUIRED_MISSING`], files: { [ENT_X]: [3, 2, 1] } },
  },
  {
    name: "xlsx-numbers-stored-as-text",
    group: "cells",
    fault: "numbers stored as text in a workbook (\"120\", \" 5,000 \", \"１２０\")",
    outcome: "read as numbers: 120, 5000, 120; no issue",
    build: async () =>
      replacing(
        "企业名录.csv",
        "企业名录.xlsx",
        await workbook([{ name: "企业名录", rows: enterprises().map((r, i) => (i === 1 ? [r[0], r[1], r[2], r[3], "120", " 5,000 ", r[6], r[7]] : i === 2 ? [...r.slice(0, 4), "８０", ...r.slice(5)] : r)) }]),
      ),
    expect: {
      issues: [],
      files: { [ENT_X]: [3, 3, 0] },
      check: (r) => {
        expect(loadedRow(r, ENT_X, 2)).toMatchObject({ employees: 120, revenue_wan: 5000 });
        expect(loadedRow(r, ENT_X, 3)!.employees).toBe(80);
      },
    },
  },
  {
    name: "scientific-notation",
    group: "cells",
    fault: "1E+06 in 营业收入(万元) (Excel's display of a large number, saved to CSV)",
    outcome: "read as 1000000; no issue",
    build: () => snapshot((t) => (t["企业名录.csv"]![3]![5] = "1E+06")),
    expect: { issues: [], check: (r) => expect(loadedRow(r, ENT, 4)!.revenue_wan).toBe(1_000_000) },
  },
  {
    name: "full-width-digits-in-amounts",
    group: "cells",
    fault: "amounts typed in full-width digits and punctuation (１２０, １，２３４．５)",
    outcome: "folded to ASCII: 120 and 1234.5; no issue",
    build: () =>
      snapshot((t) => {
        t["改造项目.csv"]![1]![7] = "１２０";
        t["改造项目.csv"]![1]![8] = "１，２３４．５";
      }),
    expect: {
      issues: [],
      check: (r) => expect(loadedRow(r, `${SNAP}/改造项目.csv`, 2)).toMatchObject({ contract_wan: 120, verified_wan: 1234.5 }),
    },
  },
  {
    name: "credit-code-mangled-by-excel",
    group: "cells",
    fault: "a credit code Excel turned into 9.14401E+17 (示范认定 相关企业)",
    outcome: "INVALID_USCC_FORMAT (length) at row 2, 相关企业; the row is rejected",
    build: () => snapshot((t) => (t["示范认定.csv"]![1]![5] = "9.14401E+17")),
    expect: { issues: [`${REC}:2:相关企业:INVALID_USCC_FORMAT`], files: { [REC]: [1, 0, 1] } },
  },
  {
    name: "credit-code-as-text-formula",
    group: "cells",
    fault: "a credit code exported as =\"91440101327598294H\" (the formula that keeps Excel from mangling it)",
    outcome: "the quoted text is taken, nothing evaluated: loaded as 91440101327598294H",
    build: () => snapshot((t) => (t["示范认定.csv"]![1]![5] = `="${E1}"`)),
    expect: { issues: [], check: (r) => expect(loadedRow(r, REC, 2)!.uscc).toBe(E1) },
  },
  {
    name: "tab-prefixed-credit-code",
    group: "cells",
    fault: "a credit code with a leading tab (another trick to keep Excel from mangling it)",
    outcome: "whitespace is removed from codes: loaded, no issue",
    build: () => snapshot((t) => (t["企业名录.csv"]![2]![0] = `\t${E2}`)),
    expect: { issues: [], check: (r) => expect(loadedRow(r, ENT, 3)!.uscc).toBe(E2) },
  },
  {
    name: "ten-megabyte-cell",
    group: "cells",
    fault: "a 10 MB 培训名称 (10,000,000 characters in one cell)",
    outcome: "CELL_TOO_LONG at row 2 naming the length and the limit; the row is rejected, quickly",
    build: () => snapshot((t) => (t["人才培训.csv"]![1]![1] = "研".repeat(10_000_000))),
    expect: {
      issues: [`${TRN}:2:培训名称:CELL_TOO_LONG`],
      files: { [TRN]: [1, 0, 1] },
      check: (r) => expect(issueOf(r, "CELL_TOO_LONG").message_en).toBe("value too long (10000000 characters, limit 300)"),
    },
  },
  {
    name: "ten-megabyte-credit-code",
    group: "cells",
    fault: "10,000,000 digits in a credit-code cell",
    outcome: "INVALID_USCC_FORMAT at row 2; the value is quoted cut short (…), so the message stays small",
    build: () => snapshot((t) => (t["示范认定.csv"]![1]![5] = "9".repeat(10_000_000))),
    expect: {
      issues: [`${REC}:2:相关企业:INVALID_USCC_FORMAT`],
      files: { [REC]: [1, 0, 1] },
      check: (r) => {
        const i = issueOf(r, "INVALID_USCC_FORMAT");
        expect(i.message_en).toBe(`malformed unified social credit code "${"9".repeat(80)}…": 长度应为18位,实为10000000位 / length must be 18, is 10000000`);
      },
    },
  },
  {
    name: "date-in-1900",
    group: "cells",
    fault: "a training dated 1900-01-01 (an empty Excel date cell's zero, typed)",
    outcome: "DATE_OUT_OF_RANGE at row 2, 日期 (accepted range 2000-01-01 to 2030-12-31)",
    build: () => snapshot((t) => (t["人才培训.csv"]![1]![3] = "1900-01-01")),
    expect: { issues: [`${TRN}:2:日期:DATE_OUT_OF_RANGE`], files: { [TRN]: [1, 0, 1] } },
  },
  {
    name: "xlsx-date-cell-in-1900",
    group: "cells",
    fault: "a workbook date cell showing 1900-01-01",
    outcome: "DATE_OUT_OF_RANGE at row 2, 日期",
    build: async () => {
      const rows = typed(baseTables()["人才培训.csv"]!);
      rows[1]![3] = new Date(Date.UTC(1900, 0, 1));
      return replacing("人才培训.csv", "人才培训.xlsx", await workbook([{ name: "人才培训", rows, setup: (ws) => (ws.getCell("D2").numFmt = "yyyy-mm-dd") }]));
    },
    expect: {
      issues: [`${SNAP}/人才培训.xlsx:2:日期:DATE_OUT_OF_RANGE`],
      files: { [`${SNAP}/人才培训.xlsx`]: [1, 0, 1] },
      check: (r) => expect(issueOf(r, "DATE_OUT_OF_RANGE").message_en).toBe('date out of range "1900-01-01" (expected 2000-01-01 to 2030-12-31)'),
    },
  },
  {
    name: "date-in-2099",
    group: "cells",
    fault: "a recognition dated 2099-12-31 (a typo, or a placeholder for \"open\")",
    outcome: "DATE_OUT_OF_RANGE at row 2, 认定日期",
    build: () => snapshot((t) => (t["示范认定.csv"]![1]![6] = "2099-12-31")),
    expect: { issues: [`${REC}:2:认定日期:DATE_OUT_OF_RANGE`], files: { [REC]: [1, 0, 1] } },
  },
  {
    name: "february-30",
    group: "cells",
    fault: "a training dated 2025-02-30",
    outcome: "INVALID_DATE at row 2, 日期 (never rolled over into March)",
    build: () => snapshot((t) => (t["人才培训.csv"]![1]![3] = "2025-02-30")),
    expect: { issues: [`${TRN}:2:日期:INVALID_DATE`], files: { [TRN]: [1, 0, 1] } },
  },
  {
    name: "nbsp-in-id",
    group: "cells",
    fault: "a project id with a trailing non-breaking space (P1\\u00A0) while 资金拨付 refers to P1",
    outcome: "ids lose every kind of space: loaded as P1 and the payment still finds its project",
    build: () => snapshot((t) => (t["改造项目.csv"]![1]![0] = "P1\u00A0")),
    expect: { issues: [], check: (r) => expect(loadedRow(r, `${SNAP}/改造项目.csv`, 2)!.project_id).toBe("P1") },
  },
  {
    name: "zero-width-space-in-credit-code",
    group: "cells",
    fault: "a zero-width space inside a credit code (copied from a web page)",
    outcome: "removed: the code loads as 91440101327598294H and its assessments and project still refer to it",
    build: () => snapshot((t) => (t["企业名录.csv"]![1]![0] = E1.slice(0, 8) + "\u200B" + E1.slice(8))),
    expect: { issues: [], check: (r) => expect(loadedRow(r, ENT, 2)!.uscc).toBe(E1) },
  },
  {
    name: "full-width-credit-code",
    group: "cells",
    fault: "a credit code typed in full-width characters (９１４４…Ｈ, 全角)",
    outcome: "folded to half-width: loaded as 91440101327598294H, no issue",
    build: () => snapshot((t) => (t["企业名录.csv"]![1]![0] = fullWidth(E1))),
    expect: { issues: [], check: (r) => expect(loadedRow(r, ENT, 2)!.uscc).toBe(E1) },
  },
  {
    name: "full-width-id",
    group: "cells",
    fault: "a project id typed full-width (Ｐ１) while the payment refers to P1",
    outcome: "folded: loaded as P1, the payment finds it",
    build: () => snapshot((t) => (t["改造项目.csv"]![1]![0] = "Ｐ１")),
    expect: { issues: [], check: (r) => expect(loadedRow(r, `${SNAP}/改造项目.csv`, 2)!.project_id).toBe("P1") },
  },
  {
    name: "cyrillic-a-in-credit-code",
    group: "cells",
    fault: "a Cyrillic А (U+0410) in place of the Latin A at position 10 of a credit code",
    outcome: "INVALID_USCC_FORMAT at row 3 naming position 10 and U+0410; the row is rejected",
    build: () => snapshot((t) => (t["企业名录.csv"]![2]![0] = E2.slice(0, 9) + "\u0410" + E2.slice(10))),
    expect: {
      issues: [`${ENT}:3:统一社会信用代码:INVALID_USCC_FORMAT`],
      files: { [ENT]: [3, 2, 1] },
      check: (r) => {
        const i = issueOf(r, "INVALID_USCC_FORMAT");
        expect(i.message_zh).toContain("第10位「А」(U+0410)不是有效字符");
        expect(i.message_en).toContain("position 10 'А' (U+0410) is not allowed");
      },
    },
  },
  {
    name: "letter-o-for-zero-in-credit-code",
    group: "cells",
    fault: "the letter O typed for the digit 0 at position 5 of a credit code (O is not in the GB 32100 alphabet)",
    outcome: "INVALID_USCC_FORMAT at row 4 naming position 5",
    build: () => snapshot((t) => (t["企业名录.csv"]![3]![0] = E3.slice(0, 4) + "O" + E3.slice(5))),
    expect: {
      issues: [`${ENT}:4:统一社会信用代码:INVALID_USCC_FORMAT`],
      files: { [ENT]: [3, 2, 1] },
      check: (r) => expect(issueOf(r, "INVALID_USCC_FORMAT").message_en).toContain("position 5 'O' (U+004F)"),
    },
  },
  {
    name: "lowercase-credit-code",
    group: "cells",
    fault: "a credit code with lower-case letters (91440101ma59lu9ax1)",
    outcome: "USCC_LOWERCASE warning at row 3; loaded upper-cased",
    build: () => snapshot((t) => (t["企业名录.csv"]![2]![0] = E2.toLowerCase())),
    expect: { issues: [`${ENT}:3:统一社会信用代码:USCC_LOWERCASE`], check: (r) => expect(loadedRow(r, ENT, 3)!.uscc).toBe(E2) },
  },
  {
    name: "html-and-script-in-names",
    group: "cells",
    fault: "names holding HTML and script (<script>alert(\"x\")</script>, <img src=x onerror=alert(1)>)",
    outcome: "loaded as plain text, verbatim: a name is data, never markup (pages escape it)",
    build: () =>
      snapshot((t) => {
        t["企业名录.csv"]![2]![1] = '<script>alert("x")</script>示例乙';
        t["小快轻准产品.csv"]![1]![1] = "<img src=x onerror=alert(1)>";
      }),
    expect: {
      issues: [],
      check: (r) => {
        expect(loadedRow(r, ENT, 3)!.name).toBe('<script>alert("x")</script>示例乙');
        expect(loadedRow(r, `${SNAP}/小快轻准产品.csv`, 2)!.name).toBe("<img src=x onerror=alert(1)>");
      },
    },
  },
  {
    name: "formula-looking-text",
    group: "cells",
    fault: "text cells that look like formulas or DDE payloads (=1+1, =HYPERLINK(…), +cmd|' /C calc'!A0, @SUM(A1))",
    outcome: "loaded as text verbatim; nothing is evaluated",
    build: () =>
      snapshot((t) => {
        t["企业名录.csv"]![3]![1] = "=1+1";
        t["改造项目.csv"]![1]![2] = '=HYPERLINK("http://example.com","点我")';
        t["小快轻准产品.csv"]![1]![1] = "+cmd|' /C calc'!A0";
        t["人才培训.csv"]![1]![2] = "@SUM(A1)";
      }),
    expect: {
      issues: [],
      check: (r) => {
        expect(loadedRow(r, ENT, 4)!.name).toBe("=1+1");
        expect(loadedRow(r, `${SNAP}/改造项目.csv`, 2)!.project_name).toBe('=HYPERLINK("http://example.com","点我")');
        expect(loadedRow(r, `${SNAP}/小快轻准产品.csv`, 2)!.name).toBe("+cmd|' /C calc'!A0");
        expect(loadedRow(r, TRN, 2)!.organizer).toBe("@SUM(A1)");
      },
    },
  },
  {
    name: "sql-looking-text",
    group: "cells",
    fault: "SQL in names (示例'); DROP TABLE enterprises; --, 1' OR '1'='1)",
    outcome: "loaded as text verbatim; values reach DuckDB through appenders and bound parameters, never SQL text",
    build: () =>
      snapshot((t) => {
        t["企业名录.csv"]![2]![1] = "示例'); DROP TABLE enterprises; --";
        t["人才培训.csv"]![1]![1] = "1' OR '1'='1";
      }),
    expect: {
      issues: [],
      check: (r) => {
        expect(loadedRow(r, ENT, 3)!.name).toBe("示例'); DROP TABLE enterprises; --");
        expect(loadedRow(r, TRN, 2)!.name).toBe("1' OR '1'='1");
      },
    },
  },

  // ───────────── Snapshots ─────────────
  {
    name: "same-rows-in-two-snapshots",
    group: "snapshots",
    fault: "the same rows in two snapshots (2026-11-13 and 2026-11-20)",
    outcome: "not duplicates: each snapshot loads its own copy, no DUPLICATE_ID",
    build: () => ({ "2026-11-13": baseTables(), [SNAP]: baseTables() }),
    expect: { issues: [], snapshots: ["2026-11-13", SNAP] },
  },
  {
    name: "bad-snapshot-folder-name",
    group: "snapshots",
    fault: "a snapshot folder named 2026-13-01 beside a valid one",
    outcome: "BAD_SNAPSHOT_NAME warning, the folder skipped; the valid snapshot loads",
    build: () => ({ "2026-13-01": baseTables(), [SNAP]: baseTables() }),
    expect: { issues: ["2026-13-01:-:-:BAD_SNAPSHOT_NAME"] },
  },
  {
    name: "only-bad-snapshot-folder-names",
    group: "snapshots",
    fault: "the only folders are named 2026-02-30 and 2026年11月20日",
    outcome: "NO_SNAPSHOT: fatal, reported together with a BAD_SNAPSHOT_NAME warning for each folder",
    build: () => ({ "2026-02-30": baseTables(), "2026年11月20日": baseTables() }),
    expect: {
      fatal: ["<root>:-:-:NO_SNAPSHOT"],
      issues: ["2026-02-30:-:-:BAD_SNAPSHOT_NAME", "2026年11月20日:-:-:BAD_SNAPSHOT_NAME"],
      snapshots: [],
    },
  },
];
