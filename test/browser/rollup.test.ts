/**
 * The roll-up site in a real browser, built from 12 generated sample bundles plus one corrupt
 * copy: every page (each city page included) loads with no console error, no failed request and
 * no request to another host; lang is zh-CN; every page says 示例数据; nothing scrolls sideways at
 * 375 px; four pages have no serious accessibility violation (axe); the corrupt bundle is named on
 * the quality page and has no page of its own.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildRollup } from "../../scripts/build-rollup.ts";
import { generateBundles } from "../../scripts/sample/bundles.ts";
import { serve } from "../../scripts/serve.ts";
import { inTurns, launch, seriousA11yViolations, sitePages, visit } from "./harness.ts";

let out: string;
let base: string;
let server: Server;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  const bundles = mkdtempSync(join(tmpdir(), "bundles-"));
  await generateBundles(bundles, 12, 7);
  cpSync(join(bundles, "sample-003"), join(bundles, "zz-corrupt"), { recursive: true });
  writeFileSync(join(bundles, "zz-corrupt", "targets.parquet"), "not parquet");
  out = mkdtempSync(join(tmpdir(), "dist-rollup-"));
  buildRollup({ bundles, out });
  ({ server, url: base } = await serve(out));
  browser = await launch();
  pages = sitePages(out);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("roll-up site in the browser", () => {
  test("should have the overview, the five pages and one page per readable city", () => {
    for (const p of ["/", "/ranks", "/trends", "/programme", "/freshness", "/quality"]) expect(pages).toContain(p);
    expect(pages.filter((p) => p.startsWith("/cities/"))).toHaveLength(12);
  });

  test("should load every page with no error, no failed or foreign request, lang zh-CN, 示例数据, no sideways scroll", async () => {
    const problems: string[] = [];
    await inTurns(pages.flatMap((p) => [1280, 375].map((width) => [p, width] as const)), async ([p, width]) => {
      const v = await visit(browser, base + p, width);
      const lang = await v.page.evaluate(() => document.documentElement.lang);
      const text = await v.page.evaluate(() => document.body.innerText);
      const scroll = await v.page.evaluate(() => document.documentElement.scrollWidth);
      if (width === 375 && scroll > 375) problems.push(`${p}: scrollWidth ${scroll} at 375 px`);
      if (width === 1280 && (p === "/" || p === "/programme" || p === "/quality" || p === "/cities/sample-001")) {
        for (const a of await seriousA11yViolations(v.page)) problems.push(`${p}: a11y ${a}`);
      }
      if (v.errors.length) problems.push(`${p}@${width}: console ${v.errors.join(" | ")}`);
      if (v.failed.length) problems.push(`${p}@${width}: failed ${v.failed.join(" | ")}`);
      if (v.foreign.length) problems.push(`${p}@${width}: foreign ${v.foreign.join(" | ")}`);
      if (lang !== "zh-CN") problems.push(`${p}: lang=${lang}`);
      if (!text.includes("示例数据")) problems.push(`${p}: no 示例数据`);
      if (p === "/quality" && !text.includes("zz-corrupt/targets.parquet")) problems.push("/quality: the corrupt bundle is not named");
      await v.page.context().close();
    });
    expect(problems).toEqual([]);
  }, 600_000);
});
