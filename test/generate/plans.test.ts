/**
 * The generator for plans other than Guangzhou's (九江, 东营): it runs as its own process (the plan is
 * read when the generator's modules load) and writes a sample shaped by that plan: its districts,
 * recognition kinds, city name, registrar area, 上云用云 dates and (absent) fund directions.
 * Scale 0.7 is the smallest at which 九江's pool holds the nine leading units the unit loop needs.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseDistrict } from "../../loaders/ingest/normalise/districts.ts";
import { readPlanFile } from "../../loaders/plan/load.ts";
import { recognitionKindTargets } from "../../loaders/plan/measures.ts";
import type { PilotPlan } from "../../loaders/plan/types.ts";
import { cellText, readSheet, type Sheet } from "./read.ts";

const run = promisify(execFile);
const SLOW = 300_000;
const LAST = "2026-11-20";
const plans = [
  { name: "jiujiang", city: "九江市", registrar: "360401" },
  { name: "dongying", city: "东营市", registrar: "370501" },
];

const dirs = new Map<string, string>();

beforeAll(async () => {
  await Promise.all(
    plans.map(async ({ name }) => {
      const out = await mkdtemp(join(tmpdir(), `sample-${name}-`));
      dirs.set(name, out);
      await run("npx", ["tsx", "scripts/generate.ts", "--plan", `plans/${name}.json`, "--out", out, "--scale", "0.7"], { cwd: join(import.meta.dirname, "../..") });
    }),
  );
}, SLOW);

afterAll(async () => {
  for (const d of dirs.values()) await rm(d, { recursive: true, force: true });
});

/** The rows under the header row (the row holding `first`), title and trailing blank rows dropped. */
function body(sheet: Sheet, first: string): { header: string[]; rows: Sheet["rows"] } {
  const at = sheet.rows.findIndex((r) => cellText(r[0]) === first);
  const header = sheet.rows[at]!.map(cellText);
  const rows = sheet.rows.slice(at + 1).filter((r) => r.some((c) => cellText(c) !== "") && cellText(r[0]) !== first);
  return { header, rows };
}

describe.each(plans)("generate --plan (plans/) $name", ({ name, city, registrar }) => {
  const plan = (): PilotPlan => readPlanFile(join(import.meta.dirname, `../../plans/${name}.json`));
  const file = async (table: string) => readSheet(join(dirs.get(name)!, LAST, table));
  const faults = async () => JSON.parse(await readFile(join(dirs.get(name)!, "faults.json"), "utf8")) as { snapshot: string; file: string; row: number; code: string }[];

  test("should give every enterprise one of the plan's districts, but the rows faults.json lists as INVALID_DISTRICT", { timeout: SLOW }, async () => {
    const p = plan();
    const codes = new Set(p.districts.map((d) => d.code));
    const sheet = await file("企业名录.xlsx");
    const invalid = new Set((await faults()).filter((f) => f.snapshot === LAST && f.code === "INVALID_DISTRICT").map((f) => f.row));
    const col = sheet.rows.findIndex((r) => cellText(r[0]) === "统一社会信用代码");
    const d = sheet.rows[col]!.map(cellText).indexOf("所属区");
    let checked = 0;
    sheet.rows.forEach((r, i) => {
      if (i <= col || cellText(r[0]) === "" || cellText(r[0]) === "统一社会信用代码") return;
      const parsed = parseDistrict(r[d] ?? null, p);
      if (invalid.has(i + 1)) expect(parsed.ok, `row ${i + 1}`).toBe(false);
      else {
        expect(parsed.ok && codes.has(parsed.value as string), `row ${i + 1}: ${cellText(r[d])}`).toBe(true);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(300);
    expect(invalid.size).toBe(1);
  });

  test("should write exactly the recognition kinds the plan's targets count", async () => {
    const { header, rows } = body(await file("示范认定.csv"), "认定编号");
    const kinds = new Set(rows.map((r) => cellText(r[header.indexOf("类型")])));
    expect([...kinds].sort()).toEqual([...new Set(recognitionKindTargets(plan()).map((x) => x.kind))].sort());
  });

  test(`should name no other city: no 广州 in any file, ${city} in the titles`, { timeout: SLOW }, async () => {
    const root = dirs.get(name)!;
    expect(await readFile(join(root, "README.md"), "utf8")).not.toContain("广州");
    for (const day of [(await readdir(root)).find((x) => /^\d{4}-/.test(x))!, LAST]) {
      for (const f of await readdir(join(root, day))) {
        const text = (await readSheet(join(root, day, f))).rows.map((r) => r.map(cellText).join("\t")).join("\n");
        expect(text, f).not.toContain("广州");
        expect(text, f).not.toContain("广东");
      }
    }
    const top = cellText((await file("企业名录.xlsx")).rows[0]![0]);
    expect(top.startsWith(`${city}中小企业数字化转型城市试点企业名录`)).toBe(true);
    expect(top).toContain("示例数据(虚构,仅供演示)");
  });

  test("should register most credit codes at the city's 市辖区 and the rest at the plan's district codes", async () => {
    const p = plan();
    const areas = new Set([registrar, ...p.districts.map((d) => d.code), ...Object.keys(p.retiredDistrictCodes)]);
    const { header, rows } = body(await file("企业名录.xlsx"), "统一社会信用代码");
    const valid = rows.map((r) => cellText(r[header.indexOf("统一社会信用代码")])).filter((c) => /^91\d{6}[0-9A-Z]{10}$/.test(c));
    expect(valid.every((c) => areas.has(c.slice(2, 8)))).toBe(true);
    const atCity = valid.filter((c) => c.slice(2, 8) === registrar).length / valid.length;
    expect(atCity).toBeGreaterThan(0.5);
    expect(atCity).toBeLessThan(0.7);
  });

  test("should date 上云用云 for a realistic share of firms (the plan has a cloud_adoption target), never after the snapshot", async () => {
    expect(plan().targets.some((t) => t.measure.kind === "cloud_adoption")).toBe(true);
    const { header, rows } = body(await file("企业名录.xlsx"), "统一社会信用代码");
    const col = header.indexOf("上云用云日期");
    expect(col).toBeGreaterThan(0);
    const dated = rows.map((r) => cellText(r[col])).filter((x) => x !== "");
    expect(dated.length / rows.length).toBeGreaterThan(0.4);
    expect(dated.length / rows.length).toBeLessThan(0.8);
    for (const x of dated) {
      const [y, m, d] = x.match(/\d+/g)!.map(Number) as [number, number, number];
      expect(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` <= LAST, x).toBe(true);
    }
  });

  test("should write a header-only 资金拨付台账 and no funding breach, since the plan names no fund directions", async () => {
    expect(plan().funding.directions).toEqual([]);
    const sheet = await file("资金拨付台账.xlsx");
    const { rows } = body(sheet, "拨付编号");
    expect(rows.filter((r) => cellText(r[0]) !== "合计")).toEqual([]);
    const truth = JSON.parse(await readFile(join(dirs.get(name)!, "truth.json"), "utf8")) as { snapshots: { breaches: unknown[] }[] };
    expect(truth.snapshots.every((s) => s.breaches.length === 0)).toBe(true);
  });
});
