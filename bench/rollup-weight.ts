/**
 * `npx tsx bench/rollup-weight.ts DIST`: the gzip weight of each page of a built roll-up site: its
 * HTML plus the data files (_file/…) it names, each gzipped alone (what a server sends with gzip
 * on). Shared code (_import, _node, _observablehq) is left out: it is cached after the first page.
 * Measured by hand for docs/benchmarks.md; no pass/fail.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const dist = process.argv[2] ?? "dist-rollup";
const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));
const all = files(dist);
const data = all.filter((f) => relative(dist, f).startsWith("_file/"));
const gz = (f: string): number => gzipSync(readFileSync(f), { level: 6 }).length;
const rows = all
  .filter((f) => f.endsWith(".html") && !f.endsWith("404.html"))
  .map((f) => {
    const html = readFileSync(f, "utf8");
    const named = data.filter((d) => html.includes(relative(dist, d)));
    return { page: relative(dist, f), html: gz(f), data: named.reduce((s, d) => s + gz(d), 0) };
  });
const cities = rows.filter((r) => r.page.startsWith("cities/"));
for (const r of rows.filter((r) => !r.page.startsWith("cities/"))) console.log(`${r.page}\t${r.html}\t${r.data}\t${r.html + r.data}`);
const tot = cities.map((r) => r.html + r.data).sort((a, b) => a - b);
console.log(`cities/* (${cities.length})\tmedian ${tot[Math.floor(tot.length / 2)]}\tmax ${tot.at(-1)}`);
