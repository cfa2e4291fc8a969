/**
 * The sample generator: deterministic bytes, the promised layout, and faults.json / truth.json that
 * say exactly what the files hold (checked by an independent reading, ./check.ts).
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { tableIdentities } from "../../loaders/contract/tables.ts";
import { sampleRoot } from "../../loaders/config/paths.ts";
import { generateSample, type GenerateResult } from "../../scripts/sample/generate.ts";
import { knobs } from "../../scripts/sample/knobs.ts";
import { checkSnapshot, kpisFromFiles, parseDate, parseNumber, tableOfFile } from "./check.ts";
import { cellText, readSheet, type Sheet } from "./read.ts";

const SEED = "generator-test-seed";
const FRIDAYS = ["2026-09-25", "2026-10-02", "2026-10-09", "2026-10-16", "2026-10-23", "2026-10-30", "2026-11-06", "2026-11-13", "2026-11-20"];
const SLOW = 300_000;

let first: string;
let second: string;
let result: GenerateResult;

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(prefix + e.name);
  }
  return out.sort();
}

beforeAll(async () => {
  first = await mkdtemp(join(tmpdir(), "gz-sample-a-"));
  second = await mkdtemp(join(tmpdir(), "gz-sample-b-"));
  result = await generateSample({ out: first, scale: 1, seed: SEED });
  await generateSample({ out: second, scale: 1, seed: SEED });
}, SLOW);

afterAll(async () => {
  await rm(first, { recursive: true, force: true });
  await rm(second, { recursive: true, force: true });
});

describe("generate: determinism and layout", () => {
  test("should write byte-identical output for the same seed and scale", { timeout: SLOW }, async () => {
    const names = await listFiles(first);
    expect(await listFiles(second)).toEqual(names);
    for (const name of names) expect((await readFile(join(first, name))).equals(await readFile(join(second, name))), name).toBe(true);
  });

  test("should reproduce the committed sample (data/sample) byte for byte with the default seed", { timeout: SLOW }, async () => {
    const third = await mkdtemp(join(tmpdir(), "gz-sample-default-"));
    try {
      await generateSample({ out: third, scale: 1, seed: knobs.defaultSeed });
      const names = await listFiles(sampleRoot);
      expect(await listFiles(third)).toEqual(names);
      for (const name of names) expect((await readFile(join(third, name))).equals(await readFile(join(sampleRoot, name))), name).toBe(true);
    } finally {
      await rm(third, { recursive: true, force: true });
    }
  });

  test("should write nine weekly snapshots of fourteen files, one per contract table but tier_criteria (the plan sets no tiers)", async () => {
    const entries = (await readdir(first)).sort();
    expect(entries).toEqual([...FRIDAYS, "README.md", "SAMPLE", "faults.json", "truth.json"].sort());
    for (const day of FRIDAYS) {
      const files = await readdir(join(first, day));
      expect(files).toHaveLength(14);
      expect(files.map((f) => tableOfFile(f)?.key).sort()).toEqual(tableIdentities.map((t) => t.key).filter((k) => k !== "tier_criteria").sort());
    }
  });

  test("should label every title row and the README as synthetic sample data", { timeout: SLOW }, async () => {
    const label = "示例数据(虚构,仅供演示)";
    expect(await readFile(join(first, "README.md"), "utf8")).toContain("synthetic sample data");
    expect(await readFile(join(first, "README.md"), "utf8")).toContain(label);
    let titled = 0;
    for (const day of [FRIDAYS[0]!, FRIDAYS[8]!]) {
      for (const f of await readdir(join(first, day))) {
        const top = cellText((await readSheet(join(first, day, f))).rows[0]![0]);
        if (top.startsWith("广州市")) {
          expect(top, f).toContain(label);
          titled++;
        }
      }
    }
    expect(titled).toBe(2 * 7);
  });

  test("should stay under 5 MB at scale 1", () => {
    expect(result.files.reduce((s, f) => s + f.bytes, 0)).toBeLessThan(5_000_000);
  });
});

describe("generate: faults.json", () => {
  const sheets = new Map<string, Sheet>();
  const sheet = async (file: string) => {
    if (!sheets.has(file)) sheets.set(file, await readSheet(join(first, file)));
    return sheets.get(file)!;
  };

  test("should hold each entry's faulty value at its row and column", async () => {
    const faults = JSON.parse(await readFile(join(first, "faults.json"), "utf8")) as GenerateResult["faults"];
    expect(faults).toEqual(result.faults);
    for (const f of faults) {
      const { rows } = await sheet(f.file);
      const header = rows.find((r) => r.some((c) => cellText(c) === f.column))!;
      const col = header.findIndex((c) => cellText(c) === f.column);
      const row = rows[f.row - 1]!;
      const cell = row[col] ?? null;
      const where = `${f.file} row ${f.row} ${f.column} ${f.code}`;
      expect(cellText(cell), where).toBe(f.value);
      const at = (name: string) => row[header.findIndex((c) => cellText(c) === name)] ?? null;
      switch (f.code) {
        case "INVALID_USCC_CHECK":
          expect(f.value, where).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
          break;
        case "INVALID_USCC_FORMAT":
          expect(f.value, where).not.toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
          break;
        case "INVALID_DISTRICT":
          expect(["东山区", "深圳南山"], where).toContain(f.value);
          break;
        case "INVALID_INDUSTRY":
          expect(f.value, where).toBe("食品饮料");
          break;
        case "NOT_SME":
          expect(parseNumber(cell), where).toBeGreaterThanOrEqual(1000);
          expect(parseNumber(at("营业收入（万元）")), where).toBeGreaterThanOrEqual(40000);
          break;
        case "DATE_ORDER": {
          const accepted = parseDate(cell)!;
          expect(accepted < parseDate(at("签约日期"))! || accepted < parseDate(at("验收申请日期"))!, where).toBe(true);
          break;
        }
        case "DATE_AFTER_SNAPSHOT":
          expect(parseDate(cell)! > f.snapshot, where).toBe(true);
          break;
        case "NEGATIVE_AMOUNT":
          expect(parseNumber(cell)!, where).toBeLessThan(0);
          break;
        case "INVALID_NUMBER":
          expect(parseNumber(cell), where).toBeUndefined();
          break;
        case "INVALID_DATE":
          expect(parseDate(cell), where).toBeUndefined();
          break;
        case "REQUIRED_MISSING":
        case "STATUS_DATE_MISSING":
          expect(f.value, where).toBe("");
          break;
        case "DUPLICATE_ID": {
          const earlier = rows.slice(0, f.row - 1).filter((r) => cellText(r[col] ?? null) === f.value);
          expect(earlier, where).toHaveLength(1);
          break;
        }
        case "INVALID_ENUM":
          expect(["已完成", "省财政"], where).toContain(f.value);
          break;
        case "REF_UNKNOWN":
          expect(f.value, where).not.toBe("");
          break;
        default:
          throw new Error(`unexpected code ${f.code}`);
      }
    }
  }, SLOW);

  test("should state the fault plan's counts: 28 rows in the first snapshot, 26 in the last", () => {
    const count = (day: string) => {
      const m: Record<string, number> = {};
      for (const f of result.faults.filter((x) => x.snapshot === day)) m[f.code] = (m[f.code] ?? 0) + 1;
      return m;
    };
    expect(result.faults.filter((f) => f.snapshot === FRIDAYS[0]!)).toHaveLength(28);
    expect(count(FRIDAYS[0]!)).toEqual({
      INVALID_USCC_CHECK: 2, INVALID_USCC_FORMAT: 1, INVALID_DISTRICT: 2, INVALID_INDUSTRY: 1, DATE_AFTER_SNAPSHOT: 3, INVALID_DATE: 3, REQUIRED_MISSING: 2,
      NOT_SME: 3, DATE_ORDER: 2, INVALID_ENUM: 2, STATUS_DATE_MISSING: 1, REF_UNKNOWN: 2, DUPLICATE_ID: 2, NEGATIVE_AMOUNT: 1, INVALID_NUMBER: 1,
    });
    expect(count(FRIDAYS[8]!)).toEqual({
      INVALID_USCC_CHECK: 1, INVALID_USCC_FORMAT: 2, INVALID_DISTRICT: 1, INVALID_INDUSTRY: 2, DATE_AFTER_SNAPSHOT: 3, INVALID_DATE: 3, REQUIRED_MISSING: 1,
      NOT_SME: 3, DATE_ORDER: 1, INVALID_ENUM: 2, STATUS_DATE_MISSING: 1, REF_UNKNOWN: 1, DUPLICATE_ID: 4, NEGATIVE_AMOUNT: 1,
    });
  });

  test("should list exactly the problems an independent reading finds, with no cascades", async () => {
    const key = (p: { file: string; row: number; column: string; code: string }) => `${p.file}|${p.row}|${p.column}|${p.code}`;
    for (const day of FRIDAYS) {
      const { problems } = await checkSnapshot(first, day);
      expect(problems.filter((p) => p.code === "REF_REJECTED"), day).toEqual([]);
      expect(problems.map(key).sort(), day).toEqual(result.faults.filter((f) => f.snapshot === day).map(key).sort());
    }
  }, SLOW);
});

describe("generate: truth.json", () => {
  test("should match the KPIs and breaches counted from the files", async () => {
    for (const t of result.truth.snapshots) {
      const { loaded } = await checkSnapshot(first, t.snapshot);
      const k = kpisFromFiles(loaded, t.snapshot);
      expect(k.enterprises_transformed, t.snapshot).toBe(t.enterprises_transformed);
      expect(k.diagnosed, t.snapshot).toBe(t.diagnosed);
      for (const [key, n] of Object.entries(k.counts)) expect(n, `${t.snapshot} ${key}`).toBe(t[key as keyof typeof t]);
      expect(k.breaches, t.snapshot).toEqual(t.breaches.map((b) => `${b.rule}|${b.entity_id}`).sort());
    }
  }, SLOW);

  test("should hold the deliberate breaches: 8 until the 集中采购 overrun lands in the third week, then 9", () => {
    const rules = (i: number) => {
      const m: Record<string, number> = {};
      for (const b of result.truth.snapshots[i]!.breaches) m[b.rule] = (m[b.rule] ?? 0) + 1;
      return m;
    };
    const base = { subsidy_share_of_verified: 2, subsidy_level_cap: 2, subsidy_project_not_accepted: 1, loan_interest_share_of_principal: 1, loan_interest_over_paid: 1, leading_unit_award_tier: 1 };
    expect(rules(0)).toEqual(base);
    expect(rules(1)).toEqual(base);
    expect(rules(2)).toEqual({ ...base, procurement_district_cap: 1 });
    expect(rules(8)).toEqual({ ...base, procurement_district_cap: 1 });
  });

  test("should hold the review items: 区级 top-ups, platform payments with no project, then a second award and two unnamed levels", () => {
    const rules = (i: number) => {
      const m: Record<string, number> = {};
      for (const x of result.truth.snapshots[i]!.review_items) m[x.rule] = (m[x.rule] ?? 0) + 1;
      return m;
    };
    // 区级 top-ups of regular subsidies from the first snapshot on (how many depends on the seed); 平台项目 payments
    // carry no project (the sample exports none); the deliberate items land during the snapshot weeks.
    expect(Object.keys(rules(0)).sort()).toEqual(["district_top_up", "missing_project"]);
    expect([rules(8).second_award, rules(8).unnamed_source]).toEqual([1, 2]);
    expect(Object.keys(rules(8)).sort()).toEqual(["district_top_up", "missing_project", "second_award", "unnamed_source"]);
    // 20 each at the two firms paid over their level cap, 15 at one paid exactly up to it.
    const deliberate = result.truth.snapshots[8]!.review_items.filter((x) => x.rule === "district_top_up" && (x.amount_wan === 20 || x.amount_wan === 15));
    expect(deliberate.map((x) => x.amount_wan).sort()).toEqual([15, 20, 20]);
  });

  test("should list one revision of each kind in its week", () => {
    const r = result.truth.revisions.map((x) => [x.to_snapshot, x.table, x.column]);
    expect(r).toEqual([
      ["2026-10-09", "funds", "amount_wan"],
      ["2026-10-30", "projects", "status"],
      ["2026-10-30", "projects", "accepted_on"],
      ["2026-11-06", "projects", "signed_on"],
      ["2026-11-20", "recognitions", null],
    ]);
    const withdrawn = result.truth.revisions.filter((x) => x.column === "status" || x.column === "accepted_on");
    expect(withdrawn.map((x) => [x.before, x.after])).toEqual([
      ["验收通过", "验收申请"],
      [withdrawn[1]!.before, null],
    ]);
  });
});
