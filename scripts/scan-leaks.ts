/**
 * `tsx scripts/scan-leaks.ts SITE --district CODE [--data ROOT] [--plan FILE]`: scan a district build for any
 * credit code, enterprise name, project id or payment id of another district and for contact data
 * (scripts/lib/leakScan.ts). The district defaults to the one SITE/manifest.json names.
 * `tsx scripts/scan-leaks.ts --bundle DIR [--data ROOT] [--plan FILE]`: scan a city bundle, Parquet
 * contents included, for any credit code, mobile number or undeclared column, and with --data for
 * the city's enterprise names, ids and contact data (scripts/lib/bundleScan.ts).
 * Exit codes: 0 clean, 1 hits (each listed), 2 usage.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseAudience } from "../loaders/config/audience.ts";
import { dataRoot } from "../loaders/config/paths.ts";
import { loadPlanOrExit } from "./lib/cli.ts";
import { cityIdentifiers, scanBundle } from "./lib/bundleScan.ts";
import { ensurePlanSample } from "./lib/planSample.ts";
import { scanDistrictBuild } from "./lib/leakScan.ts";

const argv = process.argv.slice(2);
const bi = argv.indexOf("--bundle");
if (bi >= 0) {
  const dir = argv[bi + 1];
  if (!dir || !existsSync(dir)) {
    console.error("usage: tsx scripts/scan-leaks.ts --bundle DIR [--data ROOT] [--plan FILE]");
    process.exit(2);
  }
  const known = argv.includes("--data") || argv.some((a) => a.startsWith("--data=")) ? await cityIdentifiers(dataRoot(argv, process.env), loadPlanOrExit()) : [];
  const hits = await scanBundle(resolve(dir), known);
  for (const h of hits) console.log(`LEAK ${h.file}: ${h.kind} ${h.value}`);
  if (hits.length > 0) {
    console.error(`scan-leaks: ${hits.length} identifier(s) in bundle ${dir} / 城市数据包 ${dir} 含 ${hits.length} 个标识信息`);
    process.exit(1);
  }
  console.log(`scan-leaks: bundle ${dir} holds no credit code, contact data or undeclared column${known.length ? ", nor any identifier of the city's exports" : ""}`);
  process.exit(0);
}
const plan = loadPlanOrExit();
const site = argv.find((a, i) => !a.startsWith("--") && !["--district", "--data", "--plan"].includes(argv[i - 1] ?? ""));
const di = argv.indexOf("--district");
let district = di >= 0 ? argv[di + 1] : undefined;
if (site && !district && existsSync(join(site, "manifest.json"))) {
  const a = parseAudience((JSON.parse(readFileSync(join(site, "manifest.json"), "utf8")) as { audience: string }).audience, plan);
  if (a.kind === "district") district = a.code;
}
if (!site || !district || !existsSync(site)) {
  console.error("usage: tsx scripts/scan-leaks.ts SITE [--district CODE] [--data ROOT] [--plan FILE]   (SITE: a district build)");
  process.exit(2);
}
parseAudience(`district:${district}`, plan); // throws on an unknown district
const root = ensurePlanSample(argv, process.env);
const hits = await scanDistrictBuild(resolve(site), root, district, plan);
for (const h of hits) console.log(`LEAK ${h.file}: ${h.kind} ${h.value}${h.district ? ` (district ${h.district})` : ""}`);
if (hits.length > 0) {
  console.error(`scan-leaks: ${hits.length} value(s) of other districts or contact data in ${site}`);
  process.exit(1);
}
console.log(`scan-leaks: ${site} (district ${district}) holds no other district's identifier and no contact data`);
