import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { discoverSnapshots, isCalendarDate, tableOfFile } from "../../../loaders/ingest/read/discover.ts";
import { fatalOf, tempDir } from "./helpers.ts";

let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(() => {
  tmp?.cleanup();
  tmp = undefined;
});

function root(files: string[]): string {
  tmp = tempDir();
  for (const f of files) {
    if (f.endsWith("/")) mkdirSync(join(tmp.dir, f), { recursive: true });
    else tmp.write(f, "x");
  }
  return tmp.dir;
}

describe("tableOfFile", () => {
  test.each([
    ["projects.xlsx", "projects"],
    ["改造项目.csv", "projects"],
    ["改造项目台账(截至11月20日).xlsx", "projects"],
    ["改造项目台账（截至2026年11月20日）.XLSX", "projects"],
    ["资金拨付台账.csv", "funds"],
    ["数字贷.xlsx", "loans"],
    ["LEADING_UNITS.CSV", "leading_units"],
    ["leading-units.csv", "leading_units"],
    ["数字化牵引单位名单.xlsx", "leading_units"],
    ["数字化水平评测.xlsx", "assessments"],
    ["经营场景评测.csv", "assessment_scenarios"],
    ["场景评测结果.csv", "assessment_scenarios"],
    ["评测记录2026.csv", "assessments"],
    ["数字化服务商.xlsx", "providers"],
    ["小快轻准产品清单.xlsx", "products"],
    ["企业名录 (1).xlsx", "enterprises"],
    ["01_企业名录.csv", "enterprises"],
    ["2026-11-20改造项目.xlsx", "projects"],
    ["分区目标.xlsx", "district_targets"],
    ["改造项目.xls", "projects"],
    // Attachment labels and numbering in front, as people attach exports to a notice.
    ["附件3 资金拨付台账.xlsx", "funds"],
    ["附件3：资金拨付台账.xlsx", "funds"],
    ["附件3:资金拨付台账.xlsx", "funds"],
    ["附件3、资金拨付台账.xlsx", "funds"],
    ["附件三 资金拨付台账.xlsx", "funds"],
    ["2-改造项目(11月20日).xlsx", "projects"],
    ["03_企业名录.csv", "enterprises"],
    ["（附件2）改造项目台账.xlsx", "projects"],
    ["(附件2)改造项目台账.xlsx", "projects"],
    ["【附件1】企业名录.xlsx", "enterprises"],
    ["〔附件4〕数字化服务商名单.xlsx", "providers"],
    ["附表2 小快轻准产品清单.csv", "products"],
    ["(2) 牵引单位.csv", "leading_units"],
    ["1. 人才培训.csv", "trainings"],
    ["1、示范认定.csv", "recognitions"],
    ["Attachment 2 - projects.xlsx", "projects"],
    ["附件4 2026年11月20日资金拨付台账.xlsx", "funds"],
    ["11月20日改造项目.xlsx", "projects"],
    ["附件5 经营场景评测(截至11月20日).xlsx", "assessment_scenarios"],
    ["附件5-数字化水平评测.xlsx", "assessments"],
  ])("should match %s to %s", (name, table) => {
    expect(tableOfFile(name)).toBe(table);
  });

  test.each([
    "汇总表.xlsx",
    "notes.csv",
    "改造项目.pdf",
    "改造项目",
    "附件3 汇总.xlsx",
    "附件3 说明.docx",
    "附件3 说明.xlsx",
    "附件3.xlsx",
    "(附件2).csv",
    "附件2 改造项目.pdf",
    "2026年汇总.xlsx",
  ])("should match %s to no table", (name) => {
    expect(tableOfFile(name)).toBeNull();
  });
});

describe("isCalendarDate", () => {
  test("should accept real days only", () => {
    expect(["2026-11-20", "2024-02-29", "2026-12-31"].map(isCalendarDate)).toEqual([true, true, true]);
    expect(["2026-13-45", "2025-02-29", "2026-11-31", "2026-1-2", "20261120", "latest", "2026-11-20 "].map(isCalendarDate)).toEqual([
      false, false, false, false, false, false, false,
    ]);
  });
});

describe("discoverSnapshots", () => {
  test("should list snapshots oldest first with their table files", () => {
    const dir = root(["2026-11-20/改造项目台账(截至11月20日).xlsx", "2026-11-20/资金拨付台账.csv", "2026-11-13/projects.csv", "2026-11-13/数字贷.xlsx"]);
    const found = discoverSnapshots(dir);
    expect(found.issues).toEqual([]);
    expect(found.snapshots).toEqual([
      {
        date: "2026-11-13",
        dir: join(dir, "2026-11-13"),
        files: [
          { table: "projects", path: join(dir, "2026-11-13", "projects.csv"), name: "projects.csv" },
          { table: "loans", path: join(dir, "2026-11-13", "数字贷.xlsx"), name: "数字贷.xlsx" },
        ],
      },
      {
        date: "2026-11-20",
        dir: join(dir, "2026-11-20"),
        files: [
          { table: "projects", path: join(dir, "2026-11-20", "改造项目台账(截至11月20日).xlsx"), name: "改造项目台账(截至11月20日).xlsx" },
          { table: "funds", path: join(dir, "2026-11-20", "资金拨付台账.csv"), name: "资金拨付台账.csv" },
        ],
      },
    ]);
  });

  test("should warn about folders not named as a real date and skip them", () => {
    const dir = root(["2026-11-20/projects.csv", "2026-13-45/projects.csv", "latest/projects.csv", ".git/", "2026-11-20/子目录/x.csv"]);
    const found = discoverSnapshots(dir);
    expect(found.snapshots.map((s) => s.date)).toEqual(["2026-11-20"]);
    expect(found.issues.map((i) => [i.code, i.file, i.row, i.column]).sort()).toEqual([
      ["BAD_SNAPSHOT_NAME", "2026-13-45", null, null],
      ["BAD_SNAPSHOT_NAME", "latest", null, null],
    ]);
    expect(found.issues[0]!.severity).toBe("warning");
  });

  test("should ignore hidden files, Excel lock files, READMEs and non-spreadsheets, and warn about unknown spreadsheets", () => {
    const dir = root([
      "2026-11-20/projects.csv",
      "2026-11-20/.DS_Store",
      "2026-11-20/.projects.csv",
      "2026-11-20/~$改造项目.xlsx",
      "2026-11-20/README.md",
      "2026-11-20/readme.xlsx",
      "2026-11-20/manifest.json",
      "2026-11-20/说明.docx",
      "2026-11-20/汇总表.xlsx",
    ]);
    const found = discoverSnapshots(dir);
    expect(found.snapshots[0]!.files.map((f) => f.name)).toEqual(["projects.csv"]);
    expect(found.issues.map((i) => [i.code, i.file, i.snapshot, i.severity])).toEqual([["UNKNOWN_FILE", "2026-11-20/汇总表.xlsx", "2026-11-20", "warning"]]);
  });

  test("should stop with DUPLICATE_TABLE when two files in one snapshot match one table", async () => {
    const dir = root(["2026-11-20/projects.csv", "2026-11-20/改造项目台账(截至11月20日).xlsx"]);
    const issue = await fatalOf(() => discoverSnapshots(dir));
    expect(issue).toMatchObject({ code: "DUPLICATE_TABLE", severity: "fatal", snapshot: "2026-11-20", file: "2026-11-20/改造项目台账(截至11月20日).xlsx" });
    expect(issue.message_zh).toBe("同一快照中有两个文件都对应表「改造项目」:projects.csv 和 改造项目台账(截至11月20日).xlsx,请只保留一个");
    expect(issue.message_en).toBe('two files in one snapshot match table "改造项目": projects.csv and 改造项目台账(截至11月20日).xlsx; keep only one');
  });

  test("should match attached and numbered file names, ignore non-spreadsheets and warn about unknown spreadsheets", () => {
    const dir = root([
      "2026-11-20/附件3 资金拨付台账.xlsx",
      "2026-11-20/（附件2）改造项目台账.xlsx",
      "2026-11-20/03_企业名录.csv",
      "2026-11-20/附件3 说明.docx",
      "2026-11-20/附件3 汇总.xlsx",
    ]);
    const found = discoverSnapshots(dir);
    expect(found.snapshots[0]!.files.map((f) => [f.table, f.name])).toEqual([
      // In the order of the names' code units: "（" (U+FF08) sorts after "附".
      ["enterprises", "03_企业名录.csv"],
      ["funds", "附件3 资金拨付台账.xlsx"],
      ["projects", "（附件2）改造项目台账.xlsx"],
    ]);
    expect(found.issues.map((i) => [i.code, i.severity, i.file, i.snapshot, i.message_zh, i.message_en])).toEqual([
      ["UNKNOWN_FILE", "warning", "2026-11-20/附件3 汇总.xlsx", "2026-11-20", "文件名无法对应任何表,已跳过", "file name matches no table; skipped"],
    ]);
  });

  test("should stop with DUPLICATE_TABLE naming both files when an attached file and a plain one claim one table", async () => {
    const dir = root(["2026-11-20/附件3 资金拨付台账.xlsx", "2026-11-20/资金拨付.csv"]);
    const issue = await fatalOf(() => discoverSnapshots(dir));
    expect(issue).toMatchObject({ code: "DUPLICATE_TABLE", severity: "fatal", snapshot: "2026-11-20", file: "2026-11-20/附件3 资金拨付台账.xlsx", row: null, column: null });
    expect(issue.message_zh).toBe("同一快照中有两个文件都对应表「资金拨付」:资金拨付.csv 和 附件3 资金拨付台账.xlsx,请只保留一个");
    expect(issue.message_en).toBe('two files in one snapshot match table "资金拨付": 资金拨付.csv and 附件3 资金拨付台账.xlsx; keep only one');
  });

  test("should allow the same table in different snapshots", () => {
    const dir = root(["2026-11-13/projects.csv", "2026-11-20/projects.csv"]);
    expect(discoverSnapshots(dir).snapshots.map((s) => s.files.length)).toEqual([1, 1]);
  });

  test("should stop with NO_SNAPSHOT when the root holds no snapshot folder", async () => {
    const dir = root(["latest/projects.csv", "projects.csv"]);
    const issue = await fatalOf(() => discoverSnapshots(dir));
    expect(issue).toMatchObject({ code: "NO_SNAPSHOT", severity: "fatal" });
  });

  test("should stop with NO_SNAPSHOT for an empty root", async () => {
    expect((await fatalOf(() => discoverSnapshots(root([])))).code).toBe("NO_SNAPSHOT");
  });

  test("should stop with FILE_UNREADABLE when the root does not exist", async () => {
    const dir = root([]);
    expect((await fatalOf(() => discoverSnapshots(join(dir, "missing")))).code).toBe("FILE_UNREADABLE");
  });

  test("should treat a root named like a date that holds table files as that one snapshot", () => {
    const dir = root(["data/2026-11-20/projects.csv", "data/2026-11-20/企业名录.xlsx"]);
    const snap = join(dir, "data", "2026-11-20");
    const found = discoverSnapshots(snap);
    expect(found.issues).toEqual([]);
    expect(found.snapshots).toEqual([
      {
        date: "2026-11-20",
        dir: snap,
        files: [
          { table: "projects", path: join(snap, "projects.csv"), name: "projects.csv" },
          { table: "enterprises", path: join(snap, "企业名录.xlsx"), name: "企业名录.xlsx" },
        ],
      },
    ]);
  });

  test("should keep an empty snapshot folder (the caller checks required tables)", () => {
    const found = discoverSnapshots(root(["2026-11-20/"]));
    expect(found.snapshots).toEqual([{ date: "2026-11-20", dir: join(tmp!.dir, "2026-11-20"), files: [] }]);
  });

  test("should follow symlinked snapshot folders", () => {
    const dir = root(["real/projects.csv"]);
    symlinkSync(join(dir, "real"), join(dir, "2026-11-20"));
    const found = discoverSnapshots(dir);
    expect(found.snapshots.map((s) => [s.date, s.files.map((f) => f.table)])).toEqual([["2026-11-20", ["projects"]]]);
  });
});
