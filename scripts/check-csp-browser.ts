/**
 * `tsx scripts/check-csp-browser.ts BASE_URL USER PASSWORD PREFIX=SITE_DIR…`: open every page of
 * each built site as served under BASE_URL/PREFIX/ (scripts/check-access.sh: nginx with TLS, basic
 * auth and the Content-Security-Policy header of deploy/nginx) in Debian's Chromium, signed in as
 * USER, and fail on any CSP violation, script error, failed request or request to another host.
 * Exit codes: 0 all pages clean, 1 a page failed.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { chromium } from "playwright-core";

const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

function pages(dir: string): string[] {
  const visit = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name.startsWith("_") ? [] : visit(join(d, e.name))) : e.name.endsWith(".html") ? [join(d, e.name)] : []));
  return visit(dir).map((f) => relative(dir, f).replace(/\.html$/, "").replace(/(^|\/)index$/, "")).sort();
}

const [base, user, password, ...sites] = process.argv.slice(2);
if (!base || !user || !password || sites.length === 0) {
  console.error("usage: tsx scripts/check-csp-browser.ts BASE_URL USER PASSWORD PREFIX=SITE_DIR…");
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
let failed = 0;
let visited = 0;
try {
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true, httpCredentials: { username: user, password }, locale: "zh-CN" });
  // Report every violation the page sees (the event fires for header and meta policies alike).
  await ctx.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  for (const spec of sites) {
    const [prefix, dir] = spec.split("=") as [string, string];
    for (const p of pages(dir)) {
      const url = `${base}/${prefix}/${p}`;
      const page = await ctx.newPage();
      const problems: string[] = [];
      const host = new URL(base).host;
      page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`error: ${String(e)}`));
      page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      page.on("requestfailed", (r) => problems.push(`failed ${r.url()} ${r.failure()?.errorText}`));
      page.on("request", (r) => /^https?:/.test(r.url()) && new URL(r.url()).host !== host && problems.push(`foreign ${r.url()}`));
      const res = await page.goto(url, { waitUntil: "networkidle" });
      await page.waitForTimeout(300);
      const csp = res?.headers()["content-security-policy"] ?? "";
      if (!csp.includes("default-src 'self'")) problems.push(`no CSP header (${csp || "none"})`);
      problems.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `CSP violation: ${v}`));
      // The page ran: Framework rendered the classification banner and no cell failed.
      const label = await page.locator(".data-class").first().textContent().catch(() => null);
      if (!label) problems.push("no classification label rendered");
      const cellErrors = await page.locator(".observablehq--error").count();
      if (cellErrors > 0) problems.push(`${cellErrors} cell(s) failed`);
      visited++;
      if (problems.length) {
        failed++;
        console.log(`FAIL ${url}\n  ${problems.join("\n  ")}`);
      } else console.log(`ok   ${url} (${label}, no CSP violation)`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`check-csp-browser: ${visited} page(s), ${failed} failed`);
process.exit(failed ? 1 : 0);
