// The optional tables of the management loop as desks export them: reporting periods in any
// common form, one row per 整改 item, removal columns, and bad rows located by file, row, column.
import { describe, expect, test } from "vitest";
import { ingestRoot } from "../../loaders/ingest/root.ts";
import type { IngestResult } from "../../loaders/ingest/types.ts";
import { baseTables, E1, writeRoot, type Csv } from "../helpers/exports.ts";
import { plan } from "../helpers/plan.ts";

const SNAP = "2026-11-20";

async function ingestWith(extra: Record<string, Csv>, edit: (t: Record<string, Csv>) => void = () => {}): Promise<IngestResult> {
  const t = { ...baseTables(), ...extra };
  edit(t);
  return ingestRoot(writeRoot({ [SNAP]: t }), plan);
}

const file = (r: IngestResult, table: string) => r.snapshots[0]!.files.find((f) => f.table === table);
const located = (r: IngestResult) =>
  r.snapshots.flatMap((s) => s.issues).filter((i) => i.severity !== "info").map((i) => `${i.file}:${i.row}:${i.column}:${i.code}`).sort();

describe("unit_reports · 牵引单位进展报送", () => {
  test("should read periods written as 2026-10, 2026年10月 and 202609, and locate a bad one", async () => {
    const r = await ingestWith({
      "牵引单位进展报送.csv": [
        ["单位编号", "报送期", "报送日期", "服务企业数", "已签约项目数", "实施中项目数", "验收通过项目数", "存在问题"],
        ["U1", "2026-10", "2026-11-08", "3", "3", "2", "1", "无"],
        ["U1", "2026年9月", "2026-10-12", "3", "3", "3", "0", ""],
        ["U1", "202608", "2026-09-09", "2", "2", "2", "0", ""],
        ["U1", "十月", "2026-11-09", "3", "3", "2", "1", ""],
        ["U9", "2026-07", "2026-08-09", "1", "1", "1", "0", ""],
      ],
    });
    const f = file(r, "unit_reports")!;
    expect(f.loaded.map((l) => [l.rec.unit_id, l.rec.period, l.rec.submitted_on, l.rec.projects_accepted])).toEqual([
      ["U1", "2026-10-01", "2026-11-08", 1],
      ["U1", "2026-09-01", "2026-10-12", 0],
      ["U1", "2026-08-01", "2026-09-09", 0],
    ]);
    expect(located(r)).toEqual([
      `${SNAP}/牵引单位进展报送.csv:5:报送期:INVALID_DATE`,
      `${SNAP}/牵引单位进展报送.csv:6:单位编号:REF_UNKNOWN`,
    ]);
  });

  test("should build without the optional tables and say nothing about them", async () => {
    const r = await ingestWith({});
    expect(r.fatal).toEqual([]);
    expect(file(r, "unit_reports")).toBeUndefined();
    expect(file(r, "unit_reviews")).toBeUndefined();
    expect(located(r)).toEqual([]);
  });
});

describe("unit_reviews · 牵引单位考核整改", () => {
  test("should read one row per item, a review without items, and reject an item closed before its review", async () => {
    const r = await ingestWith({
      "考核整改.csv": [
        ["单位编号", "考核日期", "考核结果", "整改序号", "整改事项", "整改期限", "整改完成日期"],
        ["U1", "2026-06-30", "基本合格", "1", "报送不及时", "2026-08-31", "2026-08-20"],
        ["U1", "2026-06-30", "基本合格", "2", "产品清单未更新", "2026-09-30", ""],
        ["U1", "2025-12-31", "合格", "", "", "", ""],
        ["U1", "2026-09-30", "合格", "1", "补充材料", "2026-10-31", "2026-09-01"],
      ],
    });
    expect(file(r, "unit_reviews")!.loaded.map((l) => [l.rec.reviewed_on, l.rec.item_no, l.rec.closed_on])).toEqual([
      ["2026-06-30", "1", "2026-08-20"],
      ["2026-06-30", "2", null],
      ["2025-12-31", null, null],
    ]);
    expect(located(r)).toEqual([`${SNAP}/考核整改.csv:5:整改完成日期:DATE_ORDER`]);
  });
});

describe("removals (移出日期 / 移出原因)", () => {
  test("should read the removal columns of the enterprise and unit lists", async () => {
    const r = await ingestWith({}, (t) => {
      const ent = t["企业名录.csv"]!;
      ent[0]!.push("移出日期", "移出原因");
      ent.slice(1).forEach((row, i) => row.push(i === 0 ? "2026年3月5日" : "", i === 0 ? "企业迁出广州" : ""));
      const units = t["牵引单位.csv"]!;
      units[0]!.push("移出日期", "移出原因");
      units[1]!.push("", "");
    });
    expect(located(r)).toEqual([]);
    expect(file(r, "enterprises")!.loaded.find((l) => l.rec.uscc === E1)!.rec).toMatchObject({ removed_on: "2026-03-05", removed_reason: "企业迁出广州" });
    expect(file(r, "leading_units")!.loaded[0]!.rec).toMatchObject({ removed_on: null, removed_reason: null });
  });
});

describe("a 整改期限 after the export date", () => {
  test("should be loaded: a deadline is a plan, not an event", async () => {
    const r = await ingestWith({
      "考核整改.csv": [
        ["单位编号", "考核日期", "考核结果", "整改序号", "整改事项", "整改期限", "整改完成日期"],
        ["U1", "2026-11-17", "基本合格", "1", "补充材料", "2026-12-17", ""],
      ],
    });
    expect(located(r)).toEqual([]);
    expect(file(r, "unit_reviews")!.loaded[0]!.rec.deadline).toBe("2026-12-17");
  });
});
