/**
 * After `observable build`: Framework 1.13 writes <html> without a lang; Chinese pages need
 * lang="zh-CN" for font selection and screen readers. Rewrites every HTML file under the output.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2] ?? process.env.PILOT_OUT ?? "dist";

function visit(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? visit(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : [],
  );
}

let n = 0;
for (const f of visit(out)) {
  const html = readFileSync(f, "utf8");
  const fixed = html.replace(/<html(?![^>]*\blang=)([^>]*)>/, '<html lang="zh-CN"$1>');
  if (fixed !== html) {
    writeFileSync(f, fixed);
    n++;
  }
}
console.log(`postbuild: lang="zh-CN" set on ${n} page(s) in ${out}/`);
