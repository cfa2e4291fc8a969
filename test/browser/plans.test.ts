/**
 * Every shipped plan besides the default (plans/*.json) in a real browser: its internal and public
 * sites, built from a sample generated from that plan, load every page at 1280 and 375 px with no
 * console error, failed or foreign request, lang zh-CN, the 示例数据 banner and one page per area of
 * the plan; and no page names Guangzhou or one of its districts (the default plan's), since the
 * plan does not.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultPlanFile, projectRoot } from "../../loaders/config/paths.ts";
import { readPlanFile } from "../../loaders/plan/load.ts";
import { serve } from "../../scripts/serve.ts";
import { withSourceBuild } from "../helpers/siteBuild.ts";
import { buildSite, inTurns, launch, sitePages, visit } from "./harness.ts";

const run = promisify(execFile);
const plansDir = resolve(projectRoot, "plans");
const shipped = readdirSync(plansDir)
  .filter((f) => f.endsWith(".json") && f !== "plan.schema.json" && f !== "programme.json")
  .map((f) => join(plansDir, f))
  .filter((f) => f !== resolve(projectRoot, defaultPlanFile));
const guangzhou = readPlanFile(resolve(projectRoot, defaultPlanFile));
/** Words that would show a page still speaks of the default plan's city. */
const foreignWords = ["广州", ...guangzhou.districts.map((d) => d.name)];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(shipped)("%s", (file) => {
  const plan = readPlanFile(file);
  const sites: { name: string; out: string; server?: Server; base?: string }[] = [
    { name: "internal", out: mkdtempSync(join(tmpdir(), "dist-plan-")) },
    { name: "public", out: mkdtempSync(join(tmpdir(), "dist-plan-public-")) },
  ];

  beforeAll(async () => {
    const data = mkdtempSync(join(tmpdir(), "sample-plan-"));
    // Where this file's time goes (the suite's longest: docs/benchmarks.md, "The test suite").
    const took = { generate: 0, internal: 0, public: 0 };
    let t = performance.now();
    await run(join(projectRoot, "node_modules/.bin/tsx"), ["scripts/generate.ts", "--plan", file, "--out", data], { cwd: projectRoot, maxBuffer: 16 << 20 });
    took.generate = performance.now() - t;
    await withSourceBuild(async () => {
      t = performance.now();
      await buildSite(data, sites[0]!.out, "build", file);
      took.internal = performance.now() - t;
      t = performance.now();
      await buildSite(data, sites[1]!.out, "build:public", file);
      took.public = performance.now() - t;
    });
    console.log(`${plan.id}: generate ${(took.generate / 1000).toFixed(1)} s, internal build ${(took.internal / 1000).toFixed(1)} s, public build ${(took.public / 1000).toFixed(1)} s`);
    for (const s of sites) ({ server: s.server, url: s.base } = await serve(s.out));
  }, 900_000);

  afterAll(() => {
    for (const s of sites) s.server?.close();
  });

  test("should build one internal page per area of the plan", () => {
    expect(sitePages(sites[0]!.out).filter((p) => p.startsWith("/districts/"))).toHaveLength(plan.districts.length);
  });

  test("should load every page of both sites with no error, no failed or foreign request, zh-CN, 示例数据 and no word of another plan's city", async () => {
    const problems: string[] = [];
    const visits = sites.flatMap((s) => sitePages(s.out).flatMap((p) => [1280, 375].map((width) => [s, p, width] as const)));
    const t = performance.now();
    await inTurns(visits, async ([s, p, width]) => {
      const v = await visit(browser, s.base! + p, width);
      const lang = await v.page.evaluate(() => document.documentElement.lang);
      const scroll = await v.page.evaluate(() => document.documentElement.scrollWidth);
      const text = await v.page.evaluate(() => document.body.innerText);
      const at = `${s.name}${p}@${width}`;
      if (v.errors.length) problems.push(`${at}: console ${v.errors.join(" | ")}`);
      if (v.failed.length) problems.push(`${at}: failed ${v.failed.join(" | ")}`);
      if (v.foreign.length) problems.push(`${at}: foreign ${v.foreign.join(" | ")}`);
      if (lang !== "zh-CN") problems.push(`${at}: lang=${lang}`);
      if (width === 375 && scroll > 375) problems.push(`${at}: scrollWidth ${scroll} at 375 px`);
      if (!text.includes("示例数据")) problems.push(`${at}: no 示例数据 banner`);
      for (const w of foreignWords) if (text.includes(w)) problems.push(`${at}: names ${w}`);
      await v.page.context().close();
    });
    console.log(`${plan.id}: ${visits.length} visits in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    expect(problems.sort()).toEqual([]);
  }, 900_000);

  test("should title the overview with the plan's city and show each of its targets", async () => {
    const v = await visit(browser, `${sites[0]!.base}/`);
    const text = await v.page.evaluate(() => document.body.innerText);
    for (const t of plan.targets) expect(text, t.key).toContain(t.short);
    expect(readFileSync(join(sites[0]!.out, "index.html"), "utf8")).toContain(plan.city);
    await v.page.context().close();
  });
});
