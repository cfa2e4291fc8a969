/**
 * The pieces of the audience builds without a build: parsing an audience, the CSP meta tag
 * postbuild writes, the manifest and its verification, and the leak scan's matching rules.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { allAudiences, audienceId, classification, parseAudience } from "../../loaders/config/audience.ts";
import { handlerPlaceholders, handlerSources, withScriptHashes, scriptHashes } from "../../scripts/lib/csp.ts";
import { isDataFile, matcher, unescaped, forbiddenFor, type Secret } from "../../scripts/lib/leakScan.ts";
import { verifyManifest, writeManifest } from "../../scripts/lib/manifest.ts";
import { scopeReport } from "../../loaders/outputs/scope.ts";
import { pruneCityOnly } from "../../scripts/build.ts";
import type { ListRemoval, UnitManagement } from "../../loaders/kpi/reportTypes.ts";
import { fakeReport } from "../public/fakeReport.ts";
import { plan } from "../helpers/plan.ts";

describe("audiences", () => {
  test("city, public and every district of the plan, each with its classification", () => {
    expect(parseAudience("district:440112", plan)).toEqual({ kind: "district", code: "440112", name: "黄埔区", pinyin: "huangpu" });
    expect(allAudiences(plan).map(audienceId)).toEqual(["city", "district:440103", "district:440104", "district:440105", "district:440106", "district:440111", "district:440112", "district:440113", "district:440114", "district:440115", "district:440117", "district:440118", "public"]);
    expect(allAudiences(plan).map(classification).filter((c, i, a) => a.indexOf(c) === i)).toEqual(["内部资料", "本区资料", "公开"]);
  });

  test("an unknown audience or district is refused", () => {
    expect(() => parseAudience("district:440116", plan)).toThrow(/unknown audience "district:440116"/);
    expect(() => parseAudience("huangpu", plan)).toThrow(/unknown audience/);
  });
});

describe("CSP meta tag", () => {
  const page = `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<script>a()</script>\n<script type="module">\nimport "./x.js";\n</script>\n<script src="./y.js"></script>\n</head></html>`;
  const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

  test("names the hash of each inline script, none of a script with src, after the charset", () => {
    const out = withScriptHashes(page);
    expect(scriptHashes(page)).toEqual([sha("a()"), sha('\nimport "./x.js";\n')]);
    expect(out).toContain(`<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="script-src 'self' ${sha("a()")} ${sha('\nimport "./x.js";\n')}">\n<script>`);
  });

  test("is replaced, not added twice, when postbuild runs again", () => {
    expect(withScriptHashes(withScriptHashes(page))).toBe(withScriptHashes(page));
  });

  test("finds htl's placeholder for each unquoted on…= binding, under any tag name", () => {
    // Bindings are numbered from 1 in their own template: onclick is the 2nd, oninput the 1st of
    // the inner template; a quoted handler, a non-handler attribute and a plain template are not.
    const src = "const a = h`<p class=${c}><button onclick=${f}>${t(x`<input oninput = ${g}>`)}</button></p>`;\n" +
      "const b = html`<a title=${s} onmouseover=\"${s}\">`; const c = `<b onclick=${f}>`;";
    expect(handlerPlaceholders(src, "x.js")).toEqual([1, 2]);
    expect(() => handlerPlaceholders("const = ;", "bad.js")).toThrow(/csp: cannot parse bad\.js/);
  });

  test("allows exactly those placeholders' hashes with 'unsafe-hashes', after the page's own", () => {
    expect(handlerSources([])).toEqual([]);
    expect(handlerSources([1, 3])).toEqual(["'unsafe-hashes'", sha("::1"), sha("::3")]);
    // The hash of "::1", worked out with: printf '::1' | openssl dgst -sha256 -binary | base64
    expect(sha("::1")).toBe("'sha256-7/jnylBmJ/4V3aXg5RL8qtcLbVIPN8x2WX/bTy2DoaM='");
    expect(withScriptHashes(page, handlerSources([1]))).toContain(`content="script-src 'self' ${sha("a()")} ${sha('\nimport "./x.js";\n')} 'unsafe-hashes' ${sha("::1")}">`);
  });
});

describe("manifest", () => {
  test("lists every file's SHA-256 and finds a changed, added or removed file", () => {
    const dir = mkdtempSync(join(tmpdir(), "pilot-manifest-"));
    try {
      mkdirSync(join(dir, "_file"));
      writeFileSync(join(dir, "index.html"), "<p>x</p>");
      writeFileSync(join(dir, "_file/a.json"), "{}");
      const m = writeManifest(dir, { audience: parseAudience("district:440103", plan), dataDate: "2026-11-20" });
      expect(m).toMatchObject({ audience: "district:440103", classification: "本区资料", data_date: "2026-11-20", tool: { name: "gz-sme-dx-monitor" } });
      expect(m.files).toEqual([
        { path: "_file/a.json", bytes: 2, sha256: createHash("sha256").update("{}").digest("hex") },
        { path: "index.html", bytes: 8, sha256: createHash("sha256").update("<p>x</p>").digest("hex") },
      ]);
      expect(verifyManifest(dir)).toEqual([]);
      writeFileSync(join(dir, "index.html"), "<p>y</p>");
      writeFileSync(join(dir, "extra.js"), "");
      rmSync(join(dir, "_file/a.json"));
      expect(verifyManifest(dir)).toEqual(["_file/a.json", "extra.js", "index.html"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("leak scan matching", () => {
  const ids: Secret[] = [
    { value: "XM000001", kind: "project_id", district: "440103" },
    { value: "广州甲乙科技有限公司", kind: "enterprise", district: "440103" },
    { value: "XM000002", kind: "project_id", district: "440112" },
    // The same value in both districts is the own district's too: not a leak.
    { value: "广州共用有限公司", kind: "enterprise", district: "440103" },
    { value: "广州共用有限公司", kind: "enterprise", district: "440112" },
  ];
  const contacts: Secret[] = [{ value: "13800000561", kind: "phone", district: null }];

  test("another district's values and anyone's contacts are forbidden; the own district's are not", () => {
    expect(forbiddenFor("440112", ids, contacts).map((s) => s.value)).toEqual(["XM000001", "广州甲乙科技有限公司", "13800000561"]);
  });

  test("finds values escaped, URL-encoded or bare, and a Latin id only where it stands alone", () => {
    const match = matcher(forbiddenFor("440112", ids, contacts));
    const found = (t: string) => match(unescaped(t)).map((s) => s.value).sort();
    expect(found(`{"n":"\\u5e7f\\u5dde\\u7532\\u4e59\\u79d1\\u6280\\u6709\\u9650\\u516c\\u53f8"}`)).toEqual(["广州甲乙科技有限公司"]);
    expect(found(`?q=${encodeURIComponent("广州甲乙科技有限公司")}`)).toEqual(["广州甲乙科技有限公司"]);
    expect(found(`["XM000001"] tel 13800000561`)).toEqual(["13800000561", "XM000001"]);
    expect(found(`XM0000012 AXM000001 XM000002 广州共用有限公司`)).toEqual([]);
  });

  test("a two-character contact name is found in data files anywhere, in program text only standing alone", () => {
    // Seen at scale 10: the contact 何文 inside the component text "任何文件" of a built module.
    const name: Secret[] = [{ value: "何文", kind: "contact", district: null }];
    const data = matcher(name);
    const program = matcher(name, { wholeNames: true });
    const found = (m: typeof data, t: string) => m(t).map((s) => s.value);
    expect(found(data, "联系人何文,电话")).toEqual(["何文"]);
    expect(found(program, "上传任何文件")).toEqual([]);
    expect(found(program, `const c = "何文";`)).toEqual(["何文"]);
    expect(found(program, "<td>何文</td>")).toEqual(["何文"]);
    expect(found(program, "联系人:何文。")).toEqual(["何文"]);
    // Enterprise names and ids are matched the same way in every file.
    expect(matcher([{ value: "广州甲乙科技有限公司", kind: "enterprise", district: "440103" }], { wholeNames: true })("见广州甲乙科技有限公司的").map((s) => s.value)).toEqual(["广州甲乙科技有限公司"]);
    expect([isDataFile("_file/data/report.abc.json"), isDataFile("_file/x.zip!a.csv"), isDataFile("_import/components/t.js"), isDataFile("index.html")]).toEqual([true, true, false, false]);
  });
});

describe("a district's report", () => {
  const removal = (kind: ListRemoval["kind"], id: string): ListRemoval => ({ kind, kind_label: kind, id, name: `名称${id}`, removed_on: "2026-11-01", removed_reason: "原因" });
  const um = (removals: ListRemoval[]): UnitManagement => ({
    supplied: { unit_reports: true, unit_reviews: true },
    settings: { report_period_months: 1, report_due_day: 10, report_due_day_is_convention: true, report_tolerance: 0 },
    units: [{ unit_id: "QY001" } as UnitManagement["units"][number]],
    calendar: [{ unit_id: "QY001" } as UnitManagement["calendar"][number]],
    mismatches: [], rectifications: [{ unit_id: "QY001" } as UnitManagement["rectifications"][number]],
    reviews: [{ unit_id: "QY001" } as UnitManagement["reviews"][number]],
    removals,
  });

  test("keeps of the units' loop only its own enterprises' removals, and says which tables were supplied", () => {
    const r = fakeReport({ unit_management: um([removal("enterprise", "E1"), removal("enterprise", "E2"), removal("leading_unit", "QY009")]) });
    const cut = scopeReport(r, "440103", new Set(["E1"]));
    expect(cut.unit_management).toEqual({ ...um([removal("enterprise", "E1")]), units: [], calendar: [], rectifications: [], reviews: [] });
    // The city report is not touched.
    expect(r.unit_management.removals).toHaveLength(3);
  });
});

describe("pruning a district build", () => {
  test("drops the city-only pages, the data files and the modules only they used, and keeps what the own pages import", () => {
    const dir = mkdtempSync(join(tmpdir(), "pilot-prune-"));
    try {
      const put = (p: string, text: string) => {
        mkdirSync(join(dir, p, ".."), { recursive: true });
        writeFileSync(join(dir, p), text);
      };
      // Framework keeps the source layout under _import/: components/<page>/ and components/shared/.
      put("index.html", `<link rel="modulepreload" href="./_import/components/overview/kpiCards.11.js"><script>FileAttachment("./_file/data/overview.aa.json")</script>`);
      put("weekly.html", `<link rel="modulepreload" href="./_import/components/weekly/weeklyAttention.33.js"><script>"./_file/data/weekly.bb.json"</script>`);
      put("_import/components/overview/kpiCards.11.js", `import { fmt } from "../shared/format.22.js";`);
      put("_import/components/shared/format.22.js", "export const fmt = 1;");
      put("_import/components/weekly/weeklyAttention.33.js", `import { fmt } from "../shared/format.22.js"; import "./weeklyOnly.44.js"; import "../shared/milestoneList.55.js";`);
      put("_import/components/weekly/weeklyOnly.44.js", "");
      put("_import/components/shared/milestoneList.55.js", "");
      put("_file/data/overview.aa.json", "{}");
      put("_file/data/weekly.bb.json", "{}");
      expect(pruneCityOnly(dir).sort()).toEqual([
        "_file/data/weekly.bb.json",
        "_import/components/shared/milestoneList.55.js",
        "_import/components/weekly/weeklyAttention.33.js",
        "_import/components/weekly/weeklyOnly.44.js",
        "weekly.html",
      ]);
      expect(filesUnder(dir)).toEqual(["_file/data/overview.aa.json", "_import/components/overview/kpiCards.11.js", "_import/components/shared/format.22.js", "index.html"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every file left under `dir`, sorted. */
function filesUnder(dir: string): string[] {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name))]));
  return walk(dir).sort();
}
