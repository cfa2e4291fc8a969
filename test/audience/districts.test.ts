/**
 * Every district's site of the sample (its two newest snapshots). Two districts (440103 and
 * 440112, the two .ci/run builds and scans) are built in full with Framework in beforeAll; for
 * every district, the site's data loader (src/data.zip.ts) is run in this process (test/helpers/
 * siteBuild.ts) and the members those builds ship are written out, which is what a build's data
 * files are: the full builds prove both that their data files are those members byte for byte and
 * that nothing outside the loader outputs (pages,
 * modules, manifest) carries any district's identifier or contact data. On that ground, for every
 * district: the leak scan (scripts/lib/leakScan.ts) finds no credit code, enterprise name, project
 * id or payment id of another district and no contact data in its data; the data still carries
 * every district's aggregates (its rank) and the city totals; the config gives it its own page and
 * 本区资料. On the full builds: the pages are pruned to the district's, carry 本区资料, and the
 * manifest verifies. A copy with planted rows makes the scan, and its CLI, fail.
 * (Eleven full builds took about six minutes; the loaders alone take seconds.)
 */
import { execFile } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseAudience } from "../../loaders/config/audience.ts";
import { projectRoot, sampleRoot } from "../../loaders/config/paths.ts";
import { discoverSnapshots } from "../../loaders/ingest/read/index.ts";
import { loadReport } from "../../loaders/outputs/report.ts";
import { plan } from "../helpers/plan.ts";
import { build } from "../../scripts/build.ts";
import { contactValues, districtIdentifiers, forbiddenFor, isDataFile, scanSite, type Secret } from "../../scripts/lib/leakScan.ts";
import { verifyManifest, type Manifest } from "../../scripts/lib/manifest.ts";
import { runSiteLoader, withSourceBuild } from "../helpers/siteBuild.ts";

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), "pilot-aud-data-"));
const out = mkdtempSync(join(tmpdir(), "pilot-aud-"));
/** The districts built in full (the first one is also the planted-leak test's). */
const full = ["440103", "440112"];
const site = (code: string) => join(out, code);
/** A district's loader outputs, laid out as in a site (_file/data/<loader output>). */
const data = (code: string) => join(out, "loaders", code);
/**
 * The archive members a district build ships (every file under _file/data is one), from the first
 * full build; a district's own districts/<pinyin>.json stands for every district's.
 */
let shipped: string[] = [];
/** Whether a member of a district's archive is one its build ships. */
const ships = (member: string) => shipped.includes(member) || member.startsWith("districts/");
let ids: Secret[] = [];
let contacts: Secret[] = [];
const seconds: Record<string, number> = {};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The archive member behind each data file of a build: "funds.9165c5cd.json" → funds.json, "districts/liwan.986c37d3.json" → districts/liwan.json. */
const memberOf = (file: string): string => file.replace(/\.[0-9a-f]{8}(\.[^.]+)$/, "$1");

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
  await withSourceBuild(() => {
    for (const code of full) {
      const t = performance.now();
      build(parseAudience(`district:${code}`, plan), site(code), env);
      seconds[code] = Math.round((performance.now() - t) / 100) / 10;
    }
  });
  console.log(`district builds (s): ${JSON.stringify(seconds)}`);
  shipped = files(join(site(full[0]!), "_file/data")).map((f) => memberOf(relative(join(site(full[0]!), "_file/data"), f))).sort();
  const t = performance.now();
  for (const d of plan.districts) await runSiteLoader({ PILOT_DATA: root, PILOT_AUDIENCE: `district:${d.code}` }, data(d.code), d.code, ships);
  console.log(`the data loader for ${plan.districts.length} districts: ${Math.round(performance.now() - t) / 1000} s`);
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

  test("the full builds ship the loader's members byte for byte, and the same members", () => {
    const pinyin = (code: string) => plan.districts.find((d) => d.code === code)!.pinyin;
    expect(shipped).toContain("enterprises.json");
    expect(shipped).toContain("enterprises/000.json");
    expect(shipped.filter((m) => m.startsWith("districts/"))).toEqual([`districts/${pinyin(full[0]!)}.json`]);
    // City-only pages' files are pruned from a district build.
    expect(shipped).not.toContain("weekly.json");
    expect(shipped).not.toContain("selfassessment.json");
    for (const code of full) {
      const dir = join(site(code), "_file/data");
      const built = files(dir).map((f) => relative(dir, f));
      const own = (m: string) => m.replace(/^districts\/.*/, "districts/*");
      expect(built.map(memberOf).map(own).sort(), code).toEqual(shipped.map(own).sort());
      expect(built.map(memberOf), code).toContain(`districts/${pinyin(code)}.json`);
      for (const f of built) expect(readFileSync(join(data(code), "_file/data", memberOf(f))).equals(readFileSync(join(dir, f))), `${code} ${f}`).toBe(true);
    }
  });

  test.each(full)("full build %s: no district's identifier (its own included) and no contact data outside the loaders' files", async (code) => {
    const hits = await scanSite(site(code), [...ids, ...contacts]);
    expect(hits.filter((h) => !isDataFile(h.file)).map((h) => `${h.file}: ${h.kind} ${h.value}`)).toEqual([]);
    // The scan sees the data: the district's own rows are found in its data files.
    expect(hits.some((h) => isDataFile(h.file) && h.district === code)).toBe(true);
    expect(files(site(code)).filter((f) => !relative(site(code), f).startsWith("_file/")).length).toBeGreaterThan(50);
  });

  test.each(full)("full build %s: no other district's identifier and no contact data in any file", async (code) => {
    const hits = await scanSite(site(code), forbiddenFor(code, ids, contacts));
    expect(hits.map((h) => `${h.file}: ${h.kind} ${h.value}`)).toEqual([]);
  });

  test.each(plan.districts.map((d) => [d.code, d.name]))("district %s (%s): no other district's identifier and no contact data in any file", async (code) => {
    const hits = await scanSite(data(code), forbiddenFor(code, ids, contacts));
    expect(hits.map((h) => `${h.file}: ${h.kind} ${h.value}`)).toEqual([]);
    // The district's own rows are there: the scan is not passing an empty site.
    const own = new Set(ids.filter((s) => s.district === code && s.kind === "uscc").map((s) => s.value));
    // The 一企一档 search index (one entry per firm; their histories are in the shards, scanned above).
    const archive = { enterprises: (dataFile(data(code), "enterprises") as { index: { uscc: string[] } }).index.uscc.map((u) => [u]) };
    expect(archive.enterprises.length).toBe(own.size > 0 ? archive.enterprises.filter((e) => own.has(e[0] as string)).length : 0);
    expect(archive.enterprises.length).toBeGreaterThan(0);
    // Its own overdue/stuck list, and no other district's.
    expect(readdirSync(join(data(code), "_file/data/districts"))).toEqual([`${plan.districts.find((d) => d.code === code)!.pinyin}.json`]);
  });
});

describe("district builds: what they still show", () => {
  test.each(plan.districts.filter((d) => full.includes(d.code)).map((d) => [d.code, d.pinyin]))("full build %s: its own page only, no city-only page, 本区资料 on every page", (code, pinyin) => {
    const html = readdirSync(site(code)).filter((f) => f.endsWith(".html")).sort();
    expect(html).toEqual(["districts.html", "enterprise.html", "funds.html", "index.html", "industries.html", "methodology.html", "pipeline.html"]);
    expect(readdirSync(join(site(code), "districts"))).toEqual([`${pinyin}.html`]);
    for (const f of [...html, `districts/${pinyin}.html`]) {
      const text = readFileSync(join(site(code), f), "utf8");
      expect(text, f).toMatch(/<span class="data-class" role="note">本区资料<\/span><span class="data-date">数据截至 /);
    }
  });

  test.each(plan.districts.map((d) => [d.code, d.pinyin, d.name]))("district %s: the config that renders its pages lists its own page first, no city-only page, and 本区资料", async (code, pinyin, name) => {
    const config = await withSourceBuild(async () => {
      const saved = [process.env.PILOT_AUDIENCE, process.env.PILOT_DATA];
      Object.assign(process.env, { PILOT_AUDIENCE: `district:${code}`, PILOT_DATA: root });
      try {
        const url = `${pathToFileURL(join(projectRoot, "observablehq.config.ts")).href}?district=${code}`;
        return ((await import(/* @vite-ignore */ url)) as { default: { pages: { path: string; name: string }[]; dynamicPaths: string[]; header: string; title: string } }).default;
      } finally {
        for (const [k, v] of [["PILOT_AUDIENCE", saved[0]], ["PILOT_DATA", saved[1]]] as const) if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });
    expect(config.pages.map((p) => p.path)).toEqual([`/districts/${pinyin}`, "/districts", "/industries", "/pipeline", "/funds", "/enterprise", "/methodology"]);
    expect(config.pages[0]!.name).toBe(`本区:${name}`);
    expect(config.dynamicPaths).toEqual([`/districts/${pinyin}`]);
    expect(config.title).toContain(name);
    expect(config.header).toMatch(/<span class="data-class" role="note">本区资料<\/span><span class="data-date">数据截至 /);
  });

  test("every district's site carries every district's rank and the city totals, as the city report has them", async () => {
    const { report } = await loadReport(root, plan);
    for (const d of plan.districts) {
      const districts = dataFile(data(d.code), "districts") as { by_district: typeof report.by_district; kpis: typeof report.kpis };
      expect(districts.by_district).toEqual(report.by_district);
      const mine = districts.by_district.filter((r) => r.key === "enterprises_transformed" && r.district_code === d.code);
      expect(mine.length).toBe(1);
      expect(mine[0]!.rank).toBeGreaterThanOrEqual(1);
      expect(new Set(districts.by_district.filter((r) => r.key === "enterprises_transformed").map((r) => r.district_code)).size).toBe(plan.districts.length);
      const overview = dataFile(data(d.code), "overview") as { kpis: typeof report.kpis };
      expect(overview.kpis).toEqual(report.kpis);
    }
  });

  test.each(full.map((code) => [code]))("full build %s: manifest.json names the audience and verifies every file", (code) => {
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
    const [mine, other] = [full[0]!, plan.districts.find((d) => d.code !== full[0])!.code];
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
