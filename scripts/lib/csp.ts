/**
 * The tightest script policy Framework's pages work under. Each page carries three inline scripts
 * (the lang line of the config's head, Framework's sidebar state, and the page's own module, which
 * differs per page), so a policy for the whole site would need 'unsafe-inline'. Instead each page
 * gets a <meta http-equiv="Content-Security-Policy"> naming the SHA-256 of exactly its inline
 * scripts: a browser enforces it together with the server's header (docs/deploy.md), so a script
 * injected into a page runs under neither. Styles stay 'unsafe-inline' in the header: Plot and
 * Inputs write <style> elements and style attributes at run time.
 */
import { createHash } from "node:crypto";

const inlineScript = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const existing = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/g;

/** The hashes of `html`'s inline scripts, as CSP sources. */
export function scriptHashes(html: string): string[] {
  const body = html.replace(existing, "");
  return [...new Set([...body.matchAll(inlineScript)].map((m) => `'sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}'`))];
}

/** `html` with a CSP meta tag (after the charset, before any script) allowing same-origin scripts and its own inline scripts only. */
export function withScriptHashes(html: string): string {
  const body = html.replace(existing, "");
  const policy = ["script-src 'self'", ...scriptHashes(body)].join(" ");
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}">\n`;
  return /<meta charset="utf-8">\n?/.test(body) ? body.replace(/<meta charset="utf-8">\n?/, (m) => `${m}${tag}`) : body.replace(/<head>\n?/, (h) => `${h}${tag}`);
}
