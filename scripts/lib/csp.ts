/**
 * The tightest script policy Framework's pages work under. Each page carries three inline scripts
 * (the lang line of the config's head, Framework's sidebar state, and the page's own module, which
 * differs per page), so a policy for the whole site would need 'unsafe-inline'. Instead each page
 * gets a <meta http-equiv="Content-Security-Policy"> naming the SHA-256 of exactly its inline
 * scripts: a browser enforces it together with the server's header (docs/deploy.md), so a script
 * injected into a page runs under neither. Styles stay 'unsafe-inline' in the header: Plot and
 * Inputs write <style> elements and style attributes at run time.
 *
 * htl (Framework's `html`, and Observable Inputs through it) binds `onclick=${fn}` by writing the
 * attribute `onclick="::N"` (N: the binding's place in its template), then removing it and setting
 * the property. Chromium 156.0.8078.114 checks an inline handler against the policy when the
 * attribute is set, not when it would run, so every such binding reported a violation (seen on
 * 21 of 32 pages in scripts/check-access.sh); the handlers still worked. The policy therefore
 * allows, with 'unsafe-hashes', the hashes of exactly the placeholders the site's code can
 * produce: `::N` is a syntax error as a script, so allowing it runs nothing.
 */
import { createHash } from "node:crypto";
import { parse } from "acorn";
import { simple } from "acorn-walk";

const inlineScript = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const existing = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/g;
// htl's unquoted attribute value right before a binding: ` onclick=${…}` (whitespace after = allowed).
const handlerBefore = /\son[a-z]+\s*=\s*$/i;

const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

/** The hashes of `html`'s inline scripts, as CSP sources. */
export function scriptHashes(html: string): string[] {
  const body = html.replace(existing, "");
  return [...new Set([...body.matchAll(inlineScript)].map((m) => sha256(m[1]!)))];
}

/** The inline scripts of a page (the page's own module among them), as source texts. */
export function inlineScripts(html: string): string[] {
  return [...html.replace(existing, "").matchAll(inlineScript)].map((m) => m[1]!);
}

/**
 * htl's placeholders for event-handler bindings in `source` (a module): for every tagged template,
 * `N` for each binding `N` (1-based, htl's numbering) written as an unquoted `on…=` attribute value.
 * Any tag counts (bundles rename `html`); a placeholder too many allows only a syntax error.
 * Throws, naming `file`, when the source does not parse.
 */
export function handlerPlaceholders(source: string, file: string): number[] {
  let ast;
  try {
    ast = parse(source, { ecmaVersion: "latest", sourceType: "module" });
  } catch (e) {
    throw new Error(`csp: cannot parse ${file} to find its event-handler bindings: ${(e as Error).message}`);
  }
  const found = new Set<number>();
  simple(ast, {
    TaggedTemplateExpression(node) {
      node.quasi.quasis.forEach((q, i) => {
        if (i < node.quasi.expressions.length && handlerBefore.test(q.value.raw)) found.add(i + 1);
      });
    },
  });
  return [...found].sort((a, b) => a - b);
}

/** The CSP sources allowing htl's placeholders `::N` for each N given: none when there are none. */
export function handlerSources(placeholders: readonly number[]): string[] {
  return placeholders.length ? ["'unsafe-hashes'", ...placeholders.map((n) => sha256(`::${n}`))] : [];
}

/**
 * `html` with a CSP meta tag (after the charset, before any script) allowing same-origin scripts,
 * its own inline scripts and the given `extra` sources (handlerSources) only.
 */
export function withScriptHashes(html: string, extra: readonly string[] = []): string {
  const body = html.replace(existing, "");
  const policy = ["script-src 'self'", ...scriptHashes(body), ...extra].join(" ");
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}">\n`;
  return /<meta charset="utf-8">\n?/.test(body) ? body.replace(/<meta charset="utf-8">\n?/, (m) => `${m}${tag}`) : body.replace(/<head>\n?/, (h) => `${h}${tag}`);
}
