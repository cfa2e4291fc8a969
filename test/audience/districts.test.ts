/**
 * Every district's site of the sample (its two newest snapshots), built once in beforeAll into a
 * temporary folder: the leak scan (scripts/lib/leakScan.ts) finds no credit code, enterprise name,
 * project id or payment id of another district and no contact data in any file; the site still
 * carries every district's aggregates (its rank) and the city totals; its pages carry 本区资料;
 * its manifest verifies. A copy with planted rows makes the scan, and its CLI, fail.
 */
import { execFile } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseAudience } from "../../loaders/config/audience.ts";
import { projectRoot, sampleRoot } from "../../loaders/config/paths.ts";
import { discoverSnapshots } from "../../loaders/ingest/read/index.ts";
import { loadReport } from "../../loaders/outputs/report.ts";
import { plan } from "../helpers/plan.ts";
import { build } from "../../scripts/build.ts";
import { contactValues, districtIdentifiers, forbiddenFor, scanSite, type Secret } from "../../scripts/lib/leakScan.ts";
import { verifyManifest, type Manifest } from "../../scripts/lib/manifest.ts";

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), "pilot-aud-data-"));
const out = mkdtempSync(join(tmpdir(), "pilot-aud-"));
const site = (code: string) => join(out, code);
let ids: Secret[] = [];
let contacts: Secret[] = [];
const seconds: Record<string, number> = {};

function dataFile(dir: string, page: string): Record<string, unknown> {
  const d = join(dir, "_file/data");
  const name = readdirSync(d).find((f) => f.startsWith(`${page}.`) && f.endsWith(".json"));
  if (!name) throw new Error(`no data file for ${page} in ${dir}`);
  return JSON.parse(readFileSync(join(d, name), "utf8")) as Record<string, unknown>;
}

beforeAll(async () => {
  for (const s of discoverSnapshots(sampleRoot).snapshots.slice(-2)) cpSync(s.dir, join(root, s.date), { recursive: true });
  writeFileSync(join(root, "SAMPLE"), "synthetic sample data\n");
  const env = { ...process.env, PILOT_DATA: root };
  for (const d of plan.districts) {
    const t = performance.now();
    build(parseAudience(`district:${d.code}`, plan), site(d.code), env);
    seconds[d.code] = Math.round((performance.now() - t) / 100) / 10;
  }
  console.log(`district builds (s): ${JSON.stringify(seconds)}`);
  [ids, contacts] = await Promise.all([districtIdentifiers(root, plan), contactValues(root, plan)]);
}, 1_800_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

describe("district builds: nothing of another district", () => {
  test("the scan looks for real values: every district has identifiers, and the exports have contacts", () => {
    for (const d of plan.districts) expect(ids.filter((s) => s.district === d.code && s.kind === "uscc").length, d.code).toBeGreaterThan(0);
    expect(new Set(ids.map((s) => s.kind))).toEqual(new Set(["uscc", "enterprise", "project_id", "payment_id"]));
    expect(contacts.filter((c) => c.kind === "contact").length).toBeGreaterThan(10);
    expect(contacts.filter((c) => c.kind === "phone").length).toBeGreaterThan(10);
  });

  test.each(plan.districts.map((d) => [d.code, d.name]))("district %s (%s): no other district's identifier and no contact data in any file", async (code) => {
    const hits = await scanSite(site(code), forbiddenFor(code, ids, contacts));
    expect(hits.map((h) => `${h.file}: ${h.kind} ${h.value}`)).toEqual([]);
    // The district's own rows are there: the scan is not passing an empty site.
    const own = new Set(ids.filter((s) => s.district === code && s.kind === "uscc").map((s) => s.value));
    const archive = dataFile(site(code), "enterprises") as { enterprises: unknown[][] };
    expect(archive.enterprises.length).toBe(own.size > 0 ? archive.enterprises.filter((e) => own.has(e[0] as string)).length : 0);
    expect(archive.enterprises.length).toBeGreaterThan(0);
  });
});

describe("district builds: what they still show", () => {
  test.each(plan.districts.map((d) => [d.code, d.pinyin]))("district %s: its own page only, no city-only page, 本区资料 on every page", (code, pinyin) => {
    const html = readdirSync(site(code)).filter((f) => f.endsWith(".html")).sort();
    expect(html).toEqual(["districts.html", "enterprise.html", "funds.html", "index.html", "industries.html", "methodology.html", "pipeline.html"]);
    expect(readdirSync(join(site(code), "districts"))).toEqual([`${pinyin}.html`]);
    for (const f of [...html, `districts/${pinyin}.html`]) {
      const text = readFileSync(join(site(code), f), "utf8");
      expect(text, f).toMatch(/<span class="data-class" role="note">本区资料<\/span><span class="data-date">数据截至 /);
    }
  });

  test("every district's site carries every district's rank and the city totals, as the city report has them", async () => {
    const { report } = await loadReport(root, plan);
    for (const d of plan.districts) {
      const districts = dataFile(site(d.code), "districts") as { by_district: typeof report.by_district; kpis: typeof report.kpis };
      expect(districts.by_district).toEqual(report.by_district);
      const mine = districts.by_district.filter((r) => r.key === "enterprises_transformed" && r.district_code === d.code);
      expect(mine.length).toBe(1);
      expect(mine[0]!.rank).toBeGreaterThanOrEqual(1);
      expect(new Set(districts.by_district.filter((r) => r.key === "enterprises_transformed").map((r) => r.district_code)).size).toBe(plan.districts.length);
      const overview = dataFile(site(d.code), "overview") as { kpis: typeof report.kpis };
      expect(overview.kpis).toEqual(report.kpis);
    }
  });

  test.each(plan.districts.map((d) => [d.code]))("district %s: manifest.json names the audience and verifies every file", (code) => {
    const m = JSON.parse(readFileSync(join(site(code), "manifest.json"), "utf8")) as Manifest;
    expect({ audience: m.audience, classification: m.classification, data_date: m.data_date, tool: m.tool.name }).toEqual({
      audience: `district:${code}`,
      classification: "本区资料",
      data_date: discoverSnapshots(root).snapshots.at(-1)!.date,
      tool: "gz-sme-dx-monitor",
    });
    expect(m.tool.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(m.files.some((f) => f.path === "index.html")).toBe(true);
    expect(verifyManifest(site(code))).toEqual([]);
  });
});

describe("a planted leak", () => {
  test("another district's rows and a contact planted in a copy of a build (JSON, CSV, a .zip member, escaped) are found, and the CLI fails", async () => {
    const [mine, other] = [plan.districts[0]!.code, plan.districts[1]!.code];
    const copy = mkdtempSync(join(tmpdir(), "pilot-leak-"));
    try {
      cpSync(site(mine), copy, { recursive: true });
      const theirs = (kind: Secret["kind"]) => ids.find((s) => s.district === other && s.kind === kind)!.value;
      const name = theirs("enterprise");
      const phone = contacts.find((c) => c.kind === "phone")!.value;
      // A row as a loader would print it, JSON-escaped (\uXXXX) the way some serialisers write names.
      const escaped = JSON.stringify(name).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
      appendFileSync(join(copy, "_file/data", readdirSync(join(copy, "_file/data")).find((f) => f.startsWith("funds."))!), `\n{"uscc":"${theirs("uscc")}","enterprise":${escaped}}`);
      writeFileSync(join(copy, "_file/data/export.csv"), `拨付编号,联系电话\n${theirs("payment_id")},${phone}\n`);
      const zip = new JSZip();
      zip.file("inner/rows.json", JSON.stringify([{ project_id: theirs("project_id") }]));
      writeFileSync(join(copy, "_file/data/archive.zip"), await zip.generateAsync({ type: "nodebuffer" }));
      const hits = await scanSite(copy, forbiddenFor(mine, ids, contacts));
      const found = hits.map((h) => `${h.file} ${h.kind} ${h.value}`);
      expect(found).toEqual(expect.arrayContaining([
        expect.stringMatching(new RegExp(`^_file/data/funds\\.[0-9a-f]{8}\\.json uscc ${theirs("uscc")}$`)),
        expect.stringMatching(new RegExp(`^_file/data/funds\\.[0-9a-f]{8}\\.json enterprise ${name}$`)),
        `_file/data/export.csv payment_id ${theirs("payment_id")}`,
        `_file/data/export.csv phone ${phone}`,
        `_file/data/archive.zip!inner/rows.json project_id ${theirs("project_id")}`,
      ]));
      const cli = await run(resolve(projectRoot, "node_modules/.bin/tsx"), ["scripts/scan-leaks.ts", copy, "--data", root], { cwd: projectRoot }).then(
        () => ({ code: 0, stdout: "" }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain(`LEAK _file/data/archive.zip!inner/rows.json: project_id ${theirs("project_id")} (district ${other})`);
      // The untouched build passes the same CLI.
      await expect(run(resolve(projectRoot, "node_modules/.bin/tsx"), ["scripts/scan-leaks.ts", site(mine), "--data", root], { cwd: projectRoot })).resolves.toBeTruthy();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
