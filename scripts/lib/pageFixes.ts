/**
 * What every built page of every site needs after `observable build` (the internal and public
 * sites' scripts/postbuild.ts, the roll-up's scripts/build-rollup.ts): Framework 1.13 writes <html>
 * without a lang (Chinese pages need lang="zh-CN" for fonts and screen readers); it stamps each
 * file's lastModified with the time the loader ran (so two builds of the same inputs differ: the
 * data date is the honest stamp); its sidebar fails two serious accessibility rules; and each page
 * gets a CSP naming its own inline scripts (./csp.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { handlerPlaceholders, handlerSources, inlineScripts, withScriptHashes } from "./csp.ts";

/**
 * One page's HTML, fixed; `stamp` is the lastModified every file gets (ms since 1970), `csp` the
 * script sources the site needs beyond each page's own inline scripts (siteHandlerSources).
 */
export function fixPage(html: string, stamp: number, csp: readonly string[] = []): string {
  const fixed = html
    .replace(/<html(?![^>]*\blang=)([^>]*)>/, '<html lang="zh-CN"$1>')
    .replace(/"lastModified":\d+/g, `"lastModified":${stamp}`)
    // Framework's sidebar fails two serious accessibility rules: a checkbox named only by its
    // title, and a <label> directly inside an <ol>. Name the controls and move the label out.
    .replace('<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">', '<input id="observablehq-sidebar-toggle" type="checkbox" title="显示或隐藏导航" aria-label="显示或隐藏导航">')
    .replace(/<ol>(\s*)(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle")><\/label>/, '$2></label>\n  <ol>$1');
  return withScriptHashes(fixed, csp);
}

function filesEnding(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesEnding(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
  );
}

/**
 * The CSP sources for htl's event-handler placeholders that any module of the site under `out`
 * can produce: its JavaScript files (Framework's client, Inputs, the components) and every page's
 * inline scripts (./csp.ts says why they must be allowed).
 */
export function siteHandlerSources(out: string): string[] {
  const found = new Set<number>();
  for (const f of filesEnding(out, ".js")) for (const n of handlerPlaceholders(readFileSync(f, "utf8"), f)) found.add(n);
  for (const f of filesEnding(out, ".html")) {
    inlineScripts(readFileSync(f, "utf8")).forEach((s, i) => handlerPlaceholders(s, `${f} (inline script ${i + 1})`).forEach((n) => found.add(n)));
  }
  return handlerSources([...found].sort((a, b) => a - b));
}

/** Fix every page under `out`; returns how many changed. */
export function fixPages(out: string, stamp: number): number {
  const csp = siteHandlerSources(out);
  let n = 0;
  for (const f of filesEnding(out, ".html")) {
    const html = readFileSync(f, "utf8");
    const final = fixPage(html, stamp, csp);
    if (final !== html) {
      writeFileSync(f, final);
      n++;
    }
  }
  return n;
}
