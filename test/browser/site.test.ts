/**
 * The built internal site in a real browser: every page (each district page included) loads with
 * no console error, no failed request and no request to another host; lang is zh-CN; no serious
 * accessibility violation; nothing scrolls sideways at 375 px; a hostile enterprise name renders
 * as text; the overview shows the report's numbers.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { serve } from "../../scripts/serve.ts";
import { pipelineRows } from "../../src/components/pipeline/pipelineRows.ts";
import { browserFixtureRoot, hostileName, hostileUscc } from "./fixture.ts";
import { shardName } from "../../loaders/outputs/enterpriseFiles.ts";
import { shardOf, type IndexedArchive } from "../../src/components/enterprise/enterpriseArchive.ts";
import { withSourceBuild } from "../helpers/siteBuild.ts";
import { buildSite, inTurns, launch, seriousA11yViolations, sitePages, visit, type Visit } from "./harness.ts";

let out: string;
let base: string;
let server: Server;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  const data = await browserFixtureRoot();
  out = mkdtempSync(join(tmpdir(), "dist-"));
  await withSourceBuild(() => buildSite(data, out));
  ({ server, url: base } = await serve(out));
  browser = await launch();
  pages = sitePages(out);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("internal site in the browser", () => {
  test("should have every page of the dashboard, one per district", () => {
    for (const p of ["/", "/districts", "/industries", "/pipeline", "/funds", "/units", "/unit-reviews", "/supply", "/enterprise", "/quality", "/weekly", "/selfassessment", "/methodology"]) {
      expect(pages).toContain(p);
    }
    expect(pages.filter((p) => p.startsWith("/districts/"))).toHaveLength(11);
  });

  test("should load every page with no error, no failed or foreign request, lang zh-CN, no sideways scroll at 375 px", async () => {
    const problems: string[] = [];
    // Several pages at once: most of a visit is waiting for the network to go idle.
    await inTurns(pages.flatMap((p) => [1280, 375].map((width) => [p, width] as const)), async ([p, width]) => {
      const v = await visit(browser, base + p, width);
      const lang = await v.page.evaluate(() => document.documentElement.lang);
      const scroll = await v.page.evaluate(() => document.documentElement.scrollWidth);
      const text = await v.page.evaluate(() => document.body.innerText);
      if (v.errors.length) problems.push(`${p}@${width}: console ${v.errors.join(" | ")}`);
      if (v.failed.length) problems.push(`${p}@${width}: failed ${v.failed.join(" | ")}`);
      if (v.foreign.length) problems.push(`${p}@${width}: foreign ${v.foreign.join(" | ")}`);
      if (v.dialogs.length) problems.push(`${p}@${width}: dialog ${v.dialogs.join(" | ")}`);
      if (lang !== "zh-CN") problems.push(`${p}: lang=${lang}`);
      if (width === 375 && scroll > 375) problems.push(`${p}: scrollWidth ${scroll} at 375 px`);
      if (!text.includes("示例数据")) problems.push(`${p}: no 示例数据 banner`);
      if (!text.includes("数据截至 2026年11月20日")) problems.push(`${p}: no snapshot date`);
      await v.page.context().close();
    });
    expect(problems.sort()).toEqual([]);
  }, 600_000);

  test("should have no serious or critical accessibility violation on any page", async () => {
    const problems: string[] = [];
    await inTurns(pages, async (p) => {
      const v = await visit(browser, base + p);
      for (const x of await seriousA11yViolations(v.page)) problems.push(`${p}: ${x}`);
      await v.page.context().close();
    });
    expect(problems.sort()).toEqual([]);
  }, 600_000);

  test("should render a hostile enterprise name as text on the enterprise page", async () => {
    const v = await visit(browser, `${base}/enterprise`);
    const search = v.page.locator('input[type="search"]').first();
    await search.fill("onerror");
    await v.page.waitForTimeout(500);
    const body = await v.page.evaluate(() => document.body.innerText);
    expect(body).toContain(hostileName);
    expect(await v.page.locator('img[src="x"]').count()).toBe(0);
    expect(v.dialogs).toEqual([]);
    await v.page.context().close();
  });

  test("should fetch no history to open the enterprise page, and only the opened firm's shard when one is opened", async () => {
    const index = JSON.parse(readFileSync(join(out, "_file/data", readdirJson(out, "enterprises")), "utf8")) as IndexedArchive;
    const i = index.index.uscc.indexOf(hostileUscc);
    expect(i).toBeGreaterThanOrEqual(0);
    const shard = shardName(shardOf(i, index.shard_size).shard).replace(/\.json$/, "");
    const shards = (v: Visit) =>
      v.page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.includes("/_file/data/enterprises/")));

    const plain = await visit(browser, `${base}/enterprise`);
    expect(await shards(plain)).toEqual([]);
    await plain.page.context().close();

    // A link with the credit code opens that firm: its file is drawn from its shard, the one file fetched.
    const v = await visit(browser, `${base}/enterprise#${hostileUscc}`);
    await v.page.getByText("推进阶段").waitFor();
    const text = await v.page.evaluate(() => document.body.innerText);
    expect(text).toContain(hostileUscc);
    expect(text).toContain("数字化水平评测(0 次)");
    const fetched = await shards(v);
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(new RegExp(`^/_file/data/enterprises/${shard}\\.[0-9a-f]{8}\\.json$`));
    expect([v.errors, v.failed, v.foreign]).toEqual([[], [], []]);
    await v.page.context().close();
  });

  test("should show on the overview the numbers of the report JSON for the same snapshot", async () => {
    const data = JSON.parse(readFileSync(join(out, "_file/data", readdirJson(out, "overview")), "utf8"));
    const v = await visit(browser, `${base}/`);
    const shown = await v.page.$$eval("[data-kpi]", (els) => els.map((e) => [e.getAttribute("data-kpi"), e.getAttribute("data-actual"), e.getAttribute("data-target")]));
    const expected = data.kpis.map((k: { key: string; actual: number; target: number }) => [k.key, String(k.actual), String(k.target)]);
    expect(shown).toEqual(expected);
    // And the numbers are what a reader sees, not only attributes.
    const text = await v.page.evaluate(() => document.body.innerText);
    const transformed = data.kpis.find((k: { key: string }) => k.key === "enterprises_transformed");
    expect(text).toContain(String(transformed.actual));
    await v.page.context().close();
  });

  test("should give each district page its own district's overdue and stuck projects, and fetch no other district's", async () => {
    // The pipeline page's lists, unpacked as the page does (each project ships once; pipelineRows.ts).
    const pipeline = { pipeline: pipelineRows(JSON.parse(readFileSync(join(out, "_file/data", readdirJson(out, "pipeline")), "utf8")).pipeline.lists) };
    const districts = JSON.parse(readFileSync(join(out, "_file/data", readdirJson(out, "districts")), "utf8"));
    // The comparison page's file carries no project list: those grow with projects.
    expect(Object.keys(districts)).not.toContain("overdue");
    expect(Object.keys(districts)).not.toContain("stuck");
    const of = (list: { district_code: string | null }[], code: string) => list.filter((p) => p.district_code === code).length;
    const problems: string[] = [];
    let listed = 0;
    await inTurns(districts.districts as { code: string; pinyin: string }[], async (d) => {
      const overdue = of(pipeline.pipeline.overdue, d.code);
      const stuck = of(pipeline.pipeline.stuck, d.code);
      listed += overdue + stuck;
      const v = await visit(browser, `${base}/districts/${d.pinyin}`);
      // Network idle is not drawn: on a loaded machine the page can go quiet before its cells have
      // fetched the district's file and drawn both headings (the suite failed so for 3 of 11 pages).
      await v.page.waitForFunction(() => document.body.innerText.includes("逾期未验收项目(") && document.body.innerText.includes("天无进展项目("), null, { timeout: 30_000 }).catch(() => undefined);
      const text = await v.page.evaluate(() => document.body.innerText);
      if (!text.includes(`逾期未验收项目(${overdue} 个)`)) problems.push(`${d.pinyin}: overdue heading is not ${overdue}`);
      if (!text.includes(`天无进展项目(${stuck} 个)`)) problems.push(`${d.pinyin}: stuck heading is not ${stuck}`);
      const fetched = await v.page.evaluate(() =>
        performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.includes("/_file/data/districts/")),
      );
      if (fetched.length !== 1 || !fetched[0]!.startsWith(`/_file/data/districts/${d.pinyin}.`)) problems.push(`${d.pinyin}: fetched ${fetched.join(", ")}`);
      await v.page.context().close();
    });
    expect(problems).toEqual([]);
    expect(listed).toBeGreaterThan(0); // the sample has such projects, so the headings were checked against real counts
  }, 600_000);
});

function readdirJson(dist: string, name: string): string {
  const f = readdirSync(join(dist, "_file/data")).find((x: string) => x.startsWith(`${name}.`) && x.endsWith(".json"));
  if (!f) throw new Error(`no ${name}.json in the build`);
  return f;
}
