/**
 * What each page of a built site ships, from the files (HTML, JS, CSS, data; raw and gzip), and
 * what it costs in headless Chromium on localhost.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { serve } from "../scripts/serve.ts";
import { launch, sitePages } from "../test/browser/harness.ts";

export interface Bytes {
  raw: number;
  gzip: number;
}
export interface PageBytes {
  page: string;
  html: Bytes;
  js: Bytes;
  css: Bytes;
  data: Bytes;
  total: Bytes;
  files: number;
  /** The largest data file the page registers. */
  largestData: { path: string; raw: number; gzip: number } | null;
  /** Files the page registers but fetches only on request (onDemand): the largest, not in the totals. */
  largestOnDemand: { path: string; raw: number; gzip: number } | null;
}

/**
 * Data files a page registers but fetches only when the reader asks: the 一企一档 shards (one is
 * fetched when a firm is opened; test/browser/site.test.ts checks that opening the page fetches
 * none). They are not counted in what the page ships to open.
 */
const onDemand = [/^_file\/data\/enterprises\//];

const gzCache = new Map<string, Bytes>();
function sizes(file: string): Bytes {
  let b = gzCache.get(file);
  if (!b) {
    const buf = readFileSync(file);
    b = { raw: buf.length, gzip: gzipSync(buf).length };
    gzCache.set(file, b);
  }
  return b;
}

// Static imports in a (minified) module: `from"./x.js"`, `import"./x.js"`, `export * from "./x.js"`.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g;
// What a page's HTML names: preloads, stylesheets, scripts, the page's own dynamic imports, its files.
const HTML_REFS = [
  /<link\b[^>]*\bhref="(\.{0,2}\/?[^"#?]+)"[^>]*>/g,
  /<script\b[^>]*\bsrc="([^"]+)"/g,
  /\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g,
  /\bfrom\s*"(\.{1,2}\/[^"]+)"/g,
  /"path":"(\.{1,2}\/[^"]+)"/g,
];

function pageFile(out: string, page: string): string {
  return join(out, page === "/" ? "index.html" : `${page.slice(1)}.html`);
}

/** Every file one page loads (its HTML, the modules it imports transitively, its styles and data files). */
export function pageAssets(out: string, page: string): string[] {
  const html = pageFile(out, page);
  const text = readFileSync(html, "utf8");
  const found = new Set<string>([html]);
  const queue: string[] = [];
  const add = (from: string, ref: string) => {
    if (/^(?:[a-z]+:|#|\/\/)/i.test(ref)) return;
    const p = normalize(resolve(dirname(from), ref));
    if (!p.startsWith(resolve(out)) || found.has(p) || !existsSync(p) || !statSync(p).isFile()) return;
    // Links to other pages (./funds) are not assets: only files under _* folders or with an extension are.
    if (!/\/_[a-z]+\//.test(p.slice(resolve(out).length))) return;
    found.add(p);
    if (p.endsWith(".js")) queue.push(p);
  };
  for (const re of HTML_REFS) for (const m of text.matchAll(re)) add(html, m[1]!);
  while (queue.length > 0) {
    const js = queue.pop()!;
    for (const m of readFileSync(js, "utf8").matchAll(STATIC_IMPORT)) add(js, m[1]!);
  }
  return [...found];
}

export function pageBytes(out: string, page: string): PageBytes {
  const zero = (): Bytes => ({ raw: 0, gzip: 0 });
  const r: PageBytes = { page, html: zero(), js: zero(), css: zero(), data: zero(), total: zero(), files: 0, largestData: null, largestOnDemand: null };
  for (const f of pageAssets(out, page)) {
    const s = sizes(f);
    const rel = relative(out, f);
    if (onDemand.some((re) => re.test(rel))) {
      if (!r.largestOnDemand || s.gzip > r.largestOnDemand.gzip) r.largestOnDemand = { path: rel, ...s };
      continue;
    }
    const kind = f.endsWith(".html") ? "html" : rel.startsWith("_file/") ? "data" : f.endsWith(".css") ? "css" : "js";
    r[kind].raw += s.raw;
    r[kind].gzip += s.gzip;
    r.total.raw += s.raw;
    r.total.gzip += s.gzip;
    r.files++;
    if (kind === "data" && (!r.largestData || s.raw > r.largestData.raw)) r.largestData = { path: rel, ...s };
  }
  return r;
}

export function allPageBytes(out: string): PageBytes[] {
  return sitePages(out).map((p) => pageBytes(out, p));
}

export interface PageTiming {
  page: string;
  /** ms from navigation start until the page's cells have all rendered (no <observablehq-loading> left). */
  readyMs: number;
  /** ms until the overview's KPI cards ([data-kpi]) are in the DOM; null on other pages. */
  kpiMs: number | null;
  /** Sum over long tasks (> 50 ms) of their time beyond 50 ms, until ready: a blocked main thread. */
  blockingMs: number;
  requests: number;
  /** Body bytes received (sirv serves uncompressed). */
  bytes: number;
  /** Table rows in the DOM once ready: whether a list is paged or drawn whole. */
  domRows: number;
  domNodes: number;
  /** /enterprise only: ms from typing one enterprise's credit code into the search box until the table shows just that row. */
  searchMs?: number;
  errors: string[];
}

const LONGTASKS = `
  window.__lt = 0;
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt += Math.max(0, e.duration - 50); })
      .observe({ type: "longtask", buffered: true });
  } catch {}
`;

async function timePage(browser: Browser, base: string, page: string, kpi: boolean, timeoutMs: number): Promise<PageTiming> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  await ctx.addInitScript(LONGTASKS);
  const p = await ctx.newPage();
  const errors: string[] = [];
  let requests = 0;
  let bytes = 0;
  p.on("pageerror", (e) => errors.push(String(e).slice(0, 200)));
  p.on("console", (m) => m.type() === "error" && errors.push(m.text().slice(0, 200)));
  p.on("requestfinished", async (req) => {
    requests++;
    const s = await req.sizes().catch(() => null);
    if (s) bytes += s.responseBodySize;
  });
  try {
    await p.goto(base + page, { waitUntil: "commit", timeout: timeoutMs });
    let kpiMs: number | null = null;
    if (kpi) {
      await p.waitForSelector("[data-kpi]", { timeout: timeoutMs });
      kpiMs = await p.evaluate(() => performance.now());
    }
    await p.waitForLoadState("load", { timeout: timeoutMs });
    await p.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, { timeout: timeoutMs, polling: 20 });
    const readyMs = await p.evaluate(() => performance.now());
    await p.waitForLoadState("networkidle", { timeout: timeoutMs }).catch(() => {});
    const dom = await p.evaluate(() => ({
      rows: document.querySelectorAll("tr").length,
      nodes: document.getElementsByTagName("*").length,
      lt: (window as unknown as { __lt: number }).__lt,
    }));
    let searchMs: number | undefined;
    if (page === "/enterprise") {
      try {
        searchMs = await timeSearch(p, timeoutMs);
      } catch (e) {
        searchMs = NaN;
        errors.push(`search: ${String(e).slice(0, 150)}`);
      }
    }
    return { page, readyMs, kpiMs, blockingMs: dom.lt, requests, bytes, domRows: dom.rows, domNodes: dom.nodes, ...(searchMs !== undefined ? { searchMs } : {}), errors };
  } finally {
    await ctx.close();
  }
}

/**
 * Search the 一企一档 list for one enterprise by its credit code (taken from the fifth row shown) and
 * time until the table holds just that row and a frame was drawn; NaN when the page has no search.
 */
async function timeSearch(p: import("playwright-core").Page, timeoutMs: number): Promise<number> {
  const started = await p.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]');
    // The results table is the one in the search's own card (the picked enterprise's tables follow below).
    const card = input?.closest(".card") ?? document;
    const row = card.querySelectorAll("tbody tr")[4];
    const uscc = [...(row?.querySelectorAll("td") ?? [])].map((td) => td.textContent?.trim() ?? "").find((t) => /^[0-9A-Z]{18}$/.test(t));
    if (!input || !uscc) return null;
    (window as unknown as { __search: { start: number; uscc: string } }).__search = { start: performance.now(), uscc };
    input.value = uscc;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return uscc;
  });
  if (!started) return NaN;
  await p.waitForFunction(
    () => {
      const { uscc } = (window as unknown as { __search: { uscc: string } }).__search;
      const card = document.querySelector<HTMLInputElement>('input[type="search"]')?.closest(".card") ?? document;
      const rows = card.querySelectorAll("tbody tr");
      return rows.length === 1 && (rows[0]!.textContent ?? "").includes(uscc);
    },
    undefined,
    { timeout: timeoutMs, polling: "raf" },
  );
  return p.evaluate(
    () => new Promise<number>((ok) => requestAnimationFrame(() => ok(performance.now() - (window as unknown as { __search: { start: number } }).__search.start))),
  );
}

/**
 * Serve `out` on localhost and time every page once, and the overview `overviewRuns` times
 * (its figures are the medians). Each visit is a fresh browser context: nothing cached.
 */
export async function browserTimings(out: string, overviewRuns: number, timeoutMs = 120_000): Promise<{ overview: PageTiming[]; pages: PageTiming[] }> {
  const { server, url } = await serve(out);
  const browser = await launch();
  try {
    const overview: PageTiming[] = [];
    // One unmeasured visit first: Chromium's own start-up work should not count against the page.
    await timePage(browser, url, "/", true, timeoutMs).catch(() => null);
    for (let i = 0; i < overviewRuns; i++) overview.push(await timePage(browser, url, "/", true, timeoutMs));
    const pages: PageTiming[] = [];
    for (const page of sitePages(out)) {
      if (page === "/") continue;
      try {
        pages.push(await timePage(browser, url, page, false, timeoutMs));
      } catch (e) {
        pages.push({ page, readyMs: NaN, kpiMs: null, blockingMs: NaN, requests: 0, bytes: 0, domRows: 0, domNodes: 0, errors: [String(e).slice(0, 200)] });
      }
    }
    return { overview, pages };
  } finally {
    await browser.close();
    server.close();
  }
}
