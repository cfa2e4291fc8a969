/**
 * Screenshots of the built overview at 1280 px and 375 px for docs/ (needs Debian's Chromium).
 * Usage: npm run build && tsx scripts/screenshots.ts [dist] [docs]
 */
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { chromiumArgs } from "../test/browser/harness.ts";
import { serve } from "./serve.ts";

const dist = process.argv[2] ?? "dist";
const docs = process.argv[3] ?? "docs";
const { server, url } = await serve(dist);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
for (const width of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "zh-CN" });
  await page.goto(`${url}/`, { waitUntil: "networkidle" });
  await page.waitForSelector("[data-kpi]");
  await page.waitForTimeout(500);
  const file = resolve(docs, `overview-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`wrote ${file}`);
  await page.close();
}
await browser.close();
server.close();
