/**
 * The public site built from a fixture data root (one build, in beforeAll, into a temporary
 * folder): no identifier or personal value of the inputs anywhere in the output, small cells
 * shown as "<3" and not recoverable from the totals, and the same browser checks as the internal
 * site. Never touches dist/ or dist-public/.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { loadReport } from "../../loaders/outputs/report.ts";
import { attackerBounds } from "../../loaders/public/attackerBounds.ts";
import { lines, shownBound, type CellState, type Shown } from "../../loaders/public/suppress.ts";
import { serve } from "../../scripts/serve.ts";
import { linesWithOneWithheld } from "./feasible.ts";
import { publicFixture } from "./fixture.ts";
import { plan } from "../helpers/plan.ts";

const run = promisify(execFile);
const pages = ["/", "/districts", "/supply", "/funds", "/methodology"];
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const fixture = publicFixture();
const out = mkdtempSync(join(tmpdir(), "pilot-public-"));
let buildSeconds = 0;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The data file a page loads (Framework names it with a content hash). */
function dataFile(page: string): Record<string, unknown> {
  const dir = join(out, "_file/data");
  const name = readdirSync(dir).find((f) => f.startsWith(`${page}.`) && f.endsWith(".json"));
  if (!name) throw new Error(`no data file for ${page}`);
  return JSON.parse(readFileSync(join(dir, name), "utf8")) as Record<string, unknown>;
}

/** The forms a value can take in a built file: as is, JSON-escaped, URL-encoded. */
function spellings(s: string): string[] {
  const escaped = [...s].map((c) => (c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c)).join("");
  return [...new Set([s, escaped, escaped.toUpperCase().replace(/\\U/g, "\\u"), encodeURIComponent(s)])];
}

beforeAll(async () => {
  const started = performance.now();
  const env = { ...process.env, PILOT_DATA: fixture.root, PILOT_PUBLIC_OUT: out, OBSERVABLE_TELEMETRY_DISABLE: "1", NODE_OPTIONS: "--import=tsx" };
  await run(resolve(projectRoot, "node_modules/.bin/observable"), ["build", "--config", "observablehq.public.config.ts"], { cwd: projectRoot, env, maxBuffer: 64 * 1024 * 1024 });
  await run(resolve(projectRoot, "node_modules/.bin/tsx"), ["scripts/postbuild.ts", out], { cwd: projectRoot, env });
  buildSeconds = (performance.now() - started) / 1000;
}, 600_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(fixture.root, { recursive: true, force: true });
});

describe("public site: disclosure", () => {
  test("should build every page and no search index or source map", () => {
    const built = files(out).map((f) => relative(out, f));
    expect(built.filter((f) => f.endsWith(".html")).sort()).toEqual(["districts.html", "funds.html", "index.html", "methodology.html", "supply.html"]);
    expect(built.filter((f) => /minisearch|\.map$/.test(f))).toEqual([]);
    expect(buildSeconds).toBeGreaterThan(0);
  });

  test("should carry no identifier or personal value of the inputs in any file", () => {
    // The scan must look for real values: each one is in the inputs it was built from.
    const inputs = files(fixture.root).map((f) => readFileSync(f, "utf8")).join("\n");
    const joined = inputs.replace(/-/g, "");
    expect(fixture.secrets.filter((s) => !inputs.includes(s) && !joined.includes(s))).toEqual([]);
    expect(fixture.secrets.length).toBeGreaterThan(150);
    const found: string[] = [];
    for (const f of files(out)) {
      const text = readFileSync(f, "utf8");
      for (const s of fixture.secrets) for (const form of spellings(s)) if (text.includes(form)) found.push(`${relative(out, f)}: ${s}`);
    }
    expect(found).toEqual([]);
  });

  test("should show the 1 and the 2 of the fixture as <3, the cells of 3 or more as numbers", () => {
    const d = dataFile("districts") as { transformed: { rows: { label: string }[]; cols: { key: string }[]; cells: Shown[][]; row_totals: Shown[]; col_totals: Shown[]; total: Shown } };
    const t = d.transformed;
    const at = (district: string, industry: string) => t.cells[t.rows.findIndex((r) => r.label === district)]![t.cols.findIndex((c) => c.key === industry)];
    expect(at("白云区", "cosmetics")).toBe("<3");
    expect(at("黄埔区", "auto")).toBe("<3");
    expect(at("黄埔区", "machine_robot")).toBe(5);
    expect(at("番禺区", "auto")).toBe(4);
    expect(at("花都区", "bags")).toBe(3);
    expect(t.total).toBe(fixture.transformed);
  });

  test("should leave no small cell recoverable from the published totals", async () => {
    const d = dataFile("districts") as { transformed: { cells: Shown[][]; row_totals: Shown[]; col_totals: Shown[]; total: Shown } };
    const t = d.transformed;
    // The brief's check: no row or column (with its total) holds exactly one withheld cell.
    expect(linesWithOneWithheld({ cells: t.cells, rowTotals: t.row_totals, colTotals: t.col_totals, total: t.total })).toEqual([]);
    // And with bounds ("<3" is 0–2, "—" is ≥ 3): no cell holding 1 or 2 enterprises is pinned.
    const { report } = await loadReport(fixture.root, plan);
    const truth = report.district_industry.filter((c) => c.key === "enterprises_transformed");
    const rowsTruth = [...new Set(truth.map((c) => c.district_code))].map((code) => truth.filter((c) => c.district_code === code).map((c) => c.actual));
    const n = rowsTruth[0]!.length;
    const aug = [...rowsTruth.map((r) => [...r, r.reduce((a, b) => a + b, 0)])];
    aug.push(Array.from({ length: n + 1 }, (_, j) => aug.reduce((s, r) => s + r[j]!, 0)));
    const shown = [...t.cells.map((r, i) => [...r, t.row_totals[i]!]), [...t.col_totals, t.total]];
    const state = (v: Shown): CellState => (typeof v === "number" ? "published" : v === "<3" ? "small" : "withheld");
    const bounds = attackerBounds(shown.map((r, i) => r.map((v, j) => shownBound(state(v), aug[i]![j]!, "count", 3))), lines(aug.length - 1, n), true);
    const pinned = aug.flatMap((r, i) => r.flatMap((v, j) => (v > 0 && v < 3 && bounds[i]![j]!.lo === bounds[i]![j]!.hi ? [`${i},${j}`] : [])));
    expect(pinned).toEqual([]);
  });

  test("should withhold the amounts paid to 1 or 2 payees", () => {
    const f = (dataFile("funds") as { funds: { rows: { key: string }[]; cols: { key: string }[]; cells: Shown[][]; row_totals: Shown[] } }).funds;
    const at = (dir: string, source: string) => f.cells[f.rows.findIndex((r) => r.key === dir)]![f.cols.findIndex((c) => c.key === source)];
    // 省级 subsidy went to 2 firms, the award and the training payment to 1 payee each.
    expect(at("transformation_subsidy", "省级")).toBe("—");
    expect(at("leading_unit_award", "中央")).toBe("—");
    expect(at("training", "省级")).toBe("—");
    expect(f.row_totals[f.rows.findIndex((r) => r.key === "leading_unit_award")]).toBe("—");
    // 市级 subsidy went to all 15 transformed firms: published.
    expect(at("transformation_subsidy", "市级")).toBe(261);
  });
});

describe("public site: in the browser", () => {
  let browser: Browser;
  let base: string;
  let close: () => void;

  beforeAll(async () => {
    const { server, url } = await serve(out);
    base = url;
    close = () => server.close();
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    close?.();
  });

  for (const width of [1280, 375]) {
    test(`should load every page at ${width} px with no error, no failed or outside request, lang zh-CN and no sideways scroll`, async () => {
      const problems: string[] = [];
      for (const path of pages) {
        const context = await browser.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        page.on("console", (m) => m.type() === "error" && problems.push(`${path} console: ${m.text()}`));
        page.on("pageerror", (e) => problems.push(`${path} error: ${e.message}`));
        page.on("requestfailed", (r) => problems.push(`${path} failed: ${r.url()}`));
        page.on("response", (r) => r.status() >= 400 && problems.push(`${path} ${r.status()}: ${r.url()}`));
        page.on("request", (r) => !r.url().startsWith(base) && !r.url().startsWith("data:") && problems.push(`${path} outside: ${r.url()}`));
        await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
        await page.waitForSelector("#observablehq-main h1");
        const lang = await page.evaluate(() => document.documentElement.lang);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        const text = await page.evaluate(() => document.body.innerText);
        if (lang !== "zh-CN") problems.push(`${path} lang ${lang}`);
        if (scroll > width) problems.push(`${path} scrollWidth ${scroll} > ${width}`);
        if (!text.includes("数据截至 2026年11月20日")) problems.push(`${path} has no snapshot date`);
        if (text.includes("示例数据")) problems.push(`${path} says 示例数据 for exports that are not the sample`);
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 180_000);
  }

  test("should show the small cells as <3 on the districts page", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/districts`, { waitUntil: "networkidle" });
    const row = await page.locator("tr", { hasText: "白云区" }).last().innerText();
    expect(row).toContain("<3");
    await page.close();
  }, 60_000);
});
