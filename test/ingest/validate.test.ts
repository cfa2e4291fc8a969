import { describe, expect, test } from "vitest";
import { ingestRoot } from "../../loaders/ingest/root.ts";
import type { IngestResult, LocatedIssue } from "../../loaders/ingest/types.ts";
import { baseTables, E1, E2, E3, uscc, writeRoot, type Csv } from "../helpers/exports.ts";
import { plan } from "../helpers/plan.ts";

const SNAP = "2026-11-20";

/** Ingest one snapshot made of the base tables with `edit` applied. */
async function ingestWith(edit: (t: Record<string, Csv>) => void): Promise<IngestResult> {
  const t = baseTables();
  edit(t);
  return ingestRoot(writeRoot({ [SNAP]: t }), plan);
}

function located(r: IngestResult, severity?: string): string[] {
  return r.snapshots
    .flatMap((s) => s.issues)
    .filter((i: LocatedIssue) => i.severity !== "info" && (!severity || i.severity === severity))
    .map((i) => `${i.file}:${i.row}:${i.column}:${i.code}`)
    .sort();
}

function counts(r: IngestResult, table: string): [number, number, number] {
  const f = r.snapshots[0]!.files.find((x) => x.table === table)!;
  return [f.rowsRead, f.rowsLoaded, f.rowsRejected];
}

describe("validation", () => {
  test("should load a valid snapshot with no issue and drop personal columns", async () => {
    const r = await ingestWith(() => {});
    expect(r.fatal).toEqual([]);
    expect(located(r)).toEqual([]);
    expect(counts(r, "enterprises")).toEqual([3, 3, 0]);
    const ent = r.snapshots[0]!.files.find((f) => f.table === "enterprises")!;
    expect(ent.loaded[1]!.rec).toMatchObject({ uscc: E2, district: "440113", industry: "auto", employees: 80, revenue_wan: 3000, size_class: "小型", is_sme: true });
    expect(JSON.stringify(r)).not.toContain("13800000001");
    expect(JSON.stringify(r)).not.toContain("张三");
  });

  test("should reject a credit code with a wrong check character at its row and column", async () => {
    const r = await ingestWith((t) => t["企业名录.csv"]!.push(["91440101327598294A", "坏码公司", "黄埔区", "时尚美妆", "10", "100", "", ""]));
    expect(located(r)).toEqual([`${SNAP}/企业名录.csv:5:统一社会信用代码:INVALID_USCC_CHECK`]);
    expect(counts(r, "enterprises")).toEqual([4, 3, 1]);
  });

  test("should reject an unknown district and warn on a non-SME while loading it", async () => {
    const big = uscc("91440101MA5D6ETP9");
    const r = await ingestWith((t) => {
      t["企业名录.csv"]!.push(["91440101MA5D6ETP7" + "0", "东山公司", "东山区", "时尚美妆", "10", "100", "", ""]);
      t["企业名录.csv"]!.push([big, "大型公司", "黄埔区", "时尚美妆", "1000", "40000", "", ""]);
    });
    const codes = located(r);
    expect(codes).toContain(`${SNAP}/企业名录.csv:6:从业人员:NOT_SME`);
    expect(codes.filter((c) => c.includes("INVALID_DISTRICT"))).toEqual([`${SNAP}/企业名录.csv:5:所属区:INVALID_DISTRICT`]);
    const ent = r.snapshots[0]!.files.find((f) => f.table === "enterprises")!;
    expect(ent.loaded.find((l) => l.rec.uscc === big)!.rec).toMatchObject({ size_class: "大型", is_sme: false });
  });

  test("should reject a project accepted before it was signed", async () => {
    const r = await ingestWith((t) =>
      t["改造项目.csv"]!.push(["P2", E2, "x", "U1", "S1", "2025-06-01", "2025-12-31", "50", "40", "验收通过", "", "2025-05-01"]),
    );
    expect(located(r)).toEqual([`${SNAP}/改造项目.csv:3:验收日期:DATE_ORDER`]);
  });

  test("should reject a date after the snapshot but accept a planned end in the future", async () => {
    const r = await ingestWith((t) => {
      t["改造项目.csv"]!.push(["P2", E2, "x", "U1", "S1", "2026-11-21", "2027-06-30", "50", "40", "已签约", "", ""]);
      t["改造项目.csv"]!.push(["P3", E3, "x", "U1", "S1", "2026-11-20", "2027-06-30", "50", "40", "已签约", "", ""]);
    });
    expect(located(r)).toEqual([`${SNAP}/改造项目.csv:3:签约日期:DATE_AFTER_SNAPSHOT`]);
    expect(counts(r, "projects")).toEqual([3, 2, 1]);
  });

  test("should reject a negative amount and an amount that is not a number", async () => {
    const r = await ingestWith((t) => {
      t["资金拨付.csv"]!.push(["F2", "改造补助", "省级", E1, "P1", "", "", "-5", "2025-10-02"]);
      t["资金拨付.csv"]!.push(["F3", "改造补助", "省级", E1, "P1", "", "", "约50", "2025-10-02"]);
    });
    expect(located(r)).toEqual([`${SNAP}/资金拨付.csv:3:金额(万元):NEGATIVE_AMOUNT`, `${SNAP}/资金拨付.csv:4:金额(万元):INVALID_NUMBER`]);
  });

  test("should reject a project of an unknown enterprise and the funds of a rejected project", async () => {
    const stranger = uscc("91440101MA5D6ETP1");
    const r = await ingestWith((t) => {
      t["改造项目.csv"]!.push(["P2", stranger, "x", "U1", "S1", "2025-06-01", "2025-12-31", "50", "40", "已签约", "", ""]);
      t["资金拨付.csv"]!.push(["F2", "改造补助", "市级", stranger, "P2", "", "", "5", "2025-10-02"]);
      t["资金拨付.csv"]!.push(["F3", "改造补助", "市级", E1, "P9", "", "", "5", "2025-10-02"]);
    });
    expect(located(r)).toEqual([
      `${SNAP}/改造项目.csv:3:统一社会信用代码:REF_UNKNOWN`,
      `${SNAP}/资金拨付.csv:3:关联项目编号:REF_REJECTED`,
      `${SNAP}/资金拨付.csv:4:关联项目编号:REF_UNKNOWN`,
    ]);
  });

  test("should keep the first of two rows with one id and reject the second", async () => {
    const r = await ingestWith((t) => t["资金拨付.csv"]!.push(["F1", "改造补助", "省级", E1, "P1", "", "", "10", "2025-10-03"]));
    const dup = r.snapshots[0]!.issues.find((i) => i.code === "DUPLICATE_ID")!;
    expect([dup.file, dup.row, dup.column]).toEqual([`${SNAP}/资金拨付.csv`, 3, "拨付编号"]);
    expect(dup.message_zh).toBe("编号「F1」重复,与第 2 行相同");
    expect(dup.message_en).toBe('duplicate id "F1", same as row 2');
    expect(counts(r, "funds")).toEqual([2, 1, 1]);
  });

  test("should reject enum values outside the contract and empty required cells", async () => {
    const r = await ingestWith((t) => {
      t["改造项目.csv"]!.push(["P2", E2, "x", "U1", "S1", "2025-06-01", "2025-12-31", "50", "40", "已完成", "", ""]);
      t["改造项目.csv"]!.push(["P3", E3, "x", "U1", "S1", "2025-06-01", "2025-12-31", "50", "40", "", "", ""]);
      t["资金拨付.csv"]!.push(["F2", "改造补助", "省财政", E1, "P1", "", "", "10", "2025-10-03"]);
    });
    expect(located(r)).toEqual([
      `${SNAP}/改造项目.csv:3:项目状态:INVALID_ENUM`,
      `${SNAP}/改造项目.csv:4:项目状态:REQUIRED_MISSING`,
      `${SNAP}/资金拨付.csv:3:资金来源:INVALID_ENUM`,
    ]);
  });

  test("should reject 验收通过 without an acceptance date and scores out of range", async () => {
    const r = await ingestWith((t) => {
      t["改造项目.csv"]!.push(["P2", E2, "x", "U1", "S1", "2025-06-01", "2025-12-31", "50", "40", "验收通过", "", ""]);
      t["数字化水平评测.csv"]!.push(["A3", E2, "改造前", "2025-01-10", "51", "10", "5", "二级"]);
    });
    expect(located(r)).toEqual([
      `${SNAP}/改造项目.csv:3:验收日期:STATUS_DATE_MISSING`,
      `${SNAP}/数字化水平评测.csv:4:基础得分:VALUE_OUT_OF_RANGE`,
    ]);
  });

  test("should reject a malformed phone without ever printing it", async () => {
    const r = await ingestWith((t) => (t["企业名录.csv"]![3]![7] = "12345"));
    expect(located(r)).toEqual([`${SNAP}/企业名录.csv:4:联系电话:INVALID_PHONE`]);
    expect(JSON.stringify(r)).not.toContain("12345");
  });

  test("should reject a 10 MB cell as too long", async () => {
    const r = await ingestWith((t) => (t["企业名录.csv"]![1]![1] = "名".repeat(10_000_000)));
    // Its assessments, project and funds now point at a rejected enterprise, and say so.
    expect(located(r)).toEqual([
      `${SNAP}/企业名录.csv:2:企业名称:CELL_TOO_LONG`,
      `${SNAP}/改造项目.csv:2:统一社会信用代码:REF_REJECTED`,
      `${SNAP}/数字化水平评测.csv:2:统一社会信用代码:REF_REJECTED`,
      `${SNAP}/数字化水平评测.csv:3:统一社会信用代码:REF_REJECTED`,
      `${SNAP}/资金拨付.csv:2:关联项目编号:REF_REJECTED`,
    ]);
    expect(counts(r, "projects")).toEqual([1, 0, 1]);
    expect(counts(r, "funds")).toEqual([1, 0, 1]);
  });

  test("should stop with a located fatal issue when a required table or column is missing", async () => {
    const noTrainings = await ingestWith((t) => delete t["人才培训.csv"]);
    expect(noTrainings.fatal.map((i) => [i.code, i.file])).toEqual([["MISSING_REQUIRED_TABLE", SNAP]]);
    const noStatus = await ingestWith((t) => {
      for (const row of t["改造项目.csv"]!) row.splice(9, 1);
    });
    expect(noStatus.fatal.map((i) => [i.code, i.file, i.column])).toEqual([["MISSING_REQUIRED_COLUMN", `${SNAP}/改造项目.csv`, "项目状态"]]);
    expect(noStatus.fatal[0]!.message_zh).toContain("项目状态");
  });
});
