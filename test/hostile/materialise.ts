/**
 * Write every hostile case's export set to disk, to open the files or run `npm run validate` on them:
 *   npx tsx test/hostile/materialise.ts OUT [case-name …]
 * gives OUT/<case>/<snapshot>/<files>. The two padding cases write ~80 MB between them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { csvText } from "./build.ts";
import { cases } from "./cases.ts";

const [out, ...only] = process.argv.slice(2);
if (!out) {
  console.error("用法 / usage: npx tsx test/hostile/materialise.ts OUT [case-name …]");
  process.exit(2);
}
for (const c of cases) {
  if (only.length > 0 && !only.includes(c.name)) continue;
  for (const [snapshot, files] of Object.entries(await c.build())) {
    const dir = join(resolve(out), c.name, snapshot);
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), Array.isArray(content) ? csvText(content) : content);
  }
  console.log(`${c.name}: ${c.fault}`);
}
