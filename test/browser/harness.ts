/**
 * Browser-test harness: build the site from a data root into a temporary folder, serve it on
 * localhost, and visit pages in Debian's Chromium through playwright-core, recording every console
 * error, failed request and request to another host.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { projectRoot } from "../../loaders/config/paths.ts";

const run = promisify(execFile);

export const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Build the internal (`build`) or public (`build:public`) site from `data` into `out`, under `planFile` (default: the default plan). */
export async function buildSite(data: string, out: string, script: "build" | "build:public" = "build", planFile?: string): Promise<void> {
  const env = { ...process.env, PILOT_DATA: data, PILOT_OUT: out, PILOT_PUBLIC_OUT: out, OBSERVABLE_TELEMETRY_DISABLE: "1", ...(planFile ? { PILOT_PLAN: planFile } : {}) };
  await run("npm", ["run", script], { cwd: projectRoot, env, maxBuffer: 64 << 20 });
}

/** Every page of a built site as a URL path (/, /funds, /districts/huangpu …). */
export function sitePages(out: string): string[] {
  const visit = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return e.name.startsWith("_") ? [] : visit(p);
      return e.name.endsWith(".html") && e.name !== "404.html" ? [p] : [];
    });
  return visit(out)
    .map((f) => "/" + relative(out, f).replace(/\.html$/, "").replace(/(^|\/)index$/, ""))
    .sort();
}

/**
 * Run `fn` on every item, `at` at a time (each in its own browser context): a visit mostly waits
 * for the network to go idle, so a few at once finish sooner even on two cores.
 */
export async function inTurns<T>(items: readonly T[], fn: (item: T) => Promise<void>, at = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(at, items.length) }, worker));
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
}

export interface Visit {
  page: Page;
  errors: string[];
  failed: string[];
  foreign: string[];
  dialogs: string[];
}

/** Open `url` in a fresh page of `width` px and record what went wrong while it loads. */
export async function visit(browser: Browser, url: string, width = 1280): Promise<Visit> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
  const page = await ctx.newPage();
  const host = new URL(url).host;
  const v: Visit = { page, errors: [], failed: [], foreign: [], dialogs: [] };
  page.on("console", (m) => m.type() === "error" && v.errors.push(m.text()));
  page.on("pageerror", (e) => v.errors.push(String(e)));
  page.on("requestfailed", (r) => v.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && v.failed.push(`${r.url()} ${r.status()}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if ((u.protocol === "http:" || u.protocol === "https:") && u.host !== host) v.foreign.push(r.url());
  });
  page.on("dialog", (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: "networkidle" });
  // Framework renders cells after load; give reactive cells a moment to settle.
  await page.waitForTimeout(300);
  return v;
}

const axeSource = readFileSync(resolve(projectRoot, "node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core violations of impact serious or critical on the current page. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, not as an inline <script>: each page's CSP meta tag
  // (scripts/lib/csp.ts) allows only its own inline scripts and would block an injected one.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((x) => ({ id: x.id, impact: x.impact, where: x.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return violations.filter((x) => x.impact === "serious" || x.impact === "critical").map((x) => `${x.id} (${x.impact}) at ${x.where.join(", ")}`);
}
