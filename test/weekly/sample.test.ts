// The weekly review on the bundled sample: every deliberate revision the generator lists in
// truth.json shows up in the review of its week, and the page data, the markdown and the workbook
// of the last two snapshots show the same changes.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { weeklySheets } from "../../src/components/weekly/weeklySheets.ts";
import { xlsxBytes } from "../../src/components/shared/tableExport.ts";
import { openWarehouse } from "../../loaders/warehouse/build.ts";
import { computeWeekly } from "../../loaders/weekly/computeWeekly.ts";
import type { Revision, WeeklyReview } from "../../loaders/weekly/types.ts";
import { weeklyMarkdown } from "../../loaders/weekly/weeklyMarkdown.ts";
import { weeklyPageData } from "../../loaders/outputs/weekly.ts";
import { reviewNumbers } from "./numbers.ts";
import { planFacts } from "../helpers/plan.ts";
import { plan } from "../helpers/plan.ts";

const root = resolve(import.meta.dirname, "../../data/sample");

interface TruthRevision {
  from_snapshot: string;
  to_snapshot: string;
  table: string;
  id: string;
  column: string | null;
  before: string | number | null;
  after: string | number | null;
}
const truth = JSON.parse(readFileSync(`${root}/truth.json`, "utf8")) as { snapshots: { snapshot: string }[]; revisions: TruthRevision[] };
const snapshots = truth.snapshots.map((s) => s.snapshot);
const reviews = new Map<string, WeeklyReview>();
let close: () => void = () => {};

beforeAll(async () => {
  const wh = await openWarehouse(root, plan);
  close = wh.close;
  for (let i = 1; i < snapshots.length; i++) {
    reviews.set(snapshots[i]!, await computeWeekly(wh.conn, { plan, before: snapshots[i - 1], after: snapshots[i] }));
  }
}, 600_000);

afterAll(() => close());

// truth.json writes amounts as numbers and a removed row as column null; the review keeps values as stored text.
function matches(v: Revision, t: TruthRevision): boolean {
  if (v.table_key !== t.table || v.record_id !== t.id) return false;
  if (t.column === null) return v.kind === "row_removed";
  const same = (ours: string | null, theirs: string | number | null) =>
    typeof theirs === "number" ? Number(ours) === theirs : ours === theirs;
  return v.column_key === t.column && same(v.before, t.before) && same(v.after, t.after);
}

const sheetWords = { headline: planFacts.headline, area: planFacts.area_noun };

describe("sample revisions", () => {
  test("should list every revision of truth.json in the review of its week", () => {
    const missing = truth.revisions.filter((t) => !reviews.get(t.to_snapshot)!.revisions.some((v) => matches(v, t)));
    expect(missing).toEqual([]);
    expect(truth.revisions.length).toBeGreaterThanOrEqual(5);
  });

  test("should list the last week's revision (a recognition removed) on the current review", () => {
    const last = reviews.get(snapshots.at(-1)!)!;
    for (const t of truth.revisions.filter((x) => x.to_snapshot === snapshots.at(-1))) {
      expect(last.revisions.some((v) => matches(v, t)), `${t.table} ${t.id}`).toBe(true);
    }
  });

  test("should add to truth.json only rows that vanished (B rejected or lost them) and other cells of a listed record", () => {
    // A row B rejects vanishes from B as surely as a deleted one: the review shows it, with B's reason when B gives one.
    for (const [after, r] of reviews) {
      const listed = truth.revisions.filter((t) => t.to_snapshot === after);
      const extra = r.revisions.filter((v) => !listed.some((t) => matches(v, t)));
      for (const v of extra) {
        const explained = v.kind === "row_removed" || (v.table_key === "projects" && listed.some((t) => t.id === v.record_id));
        expect(explained, `${after} ${v.table_key} ${v.record_id} ${v.column_key}`).toBe(true);
      }
    }
  });
});

describe("sample, last two snapshots", () => {
  const last = () => reviews.get(snapshots.at(-1)!)!;

  test("should compare the newest snapshot with the one before", () => {
    expect([last().before, last().after]).toEqual(snapshots.slice(-2));
  });

  test("should give the page the same review the report prints", async () => {
    // Both read the warehouse as it is now (a change to the ingest code meanwhile would rebuild it).
    const page = await weeklyPageData(root, plan);
    const wh = await openWarehouse(root, plan);
    try {
      expect(page.review).toEqual(JSON.parse(JSON.stringify(await computeWeekly(wh.conn, { plan }))));
    } finally {
      wh.close();
    }
    expect(page.meta).toMatchObject({ snapshot: last().after, sample: true });
  }, 120_000);

  test("should print every number of the review in the markdown", () => {
    const md = weeklyMarkdown(last());
    expect(reviewNumbers(last()).filter(([, text]) => !md.includes(text))).toEqual([]);
  });

  test("should save every revision in the workbook", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsxBytes(weeklySheets(last(), sheetWords))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("数据修订")!;
    const ids = ws.getColumn(2).values.slice(2);
    expect(ids).toEqual(last().revisions.map((v) => v.record_id));
  });
});
