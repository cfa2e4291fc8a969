/**
 * Every data file of the internal site, computed in one process for `src/data.zip.ts`.
 *
 * Framework runs loaders one after another, each a process: a tsx start, the imports, the plan
 * and the report read again, about 1.3 s before any work. Sixteen loaders made that most of a
 * rebuild after a new export (issue 17 item 2), so one archive loader prints them all and
 * Framework serves each page's file from it (`data/overview.json` is the member `overview.json`
 * of `data.zip`): the pages' paths are the same as with a loader per file.
 *
 * Which file holds what (each built by its own projection, named here):
 *
 * | file | projection |
 * |---|---|
 * | `plan.json` | `planJson` (loaders/outputs/pages.ts): the plan facts pages format with |
 * | `<page>.json` for each of `pageData` | `pageJson`: a projection of the KPI report cut to the audience (scope.ts) |
 * | `districts/<pinyin>.json` | `districtProjectsJson`: one district's overdue and stuck projects (a district build: its own only) |
 * | `quality.json` | `qualitySummary` (quality.ts); a district build gets the counts, no issue (issues quote rows of every district) |
 * | `selfassessment.json` | `selfAssessmentPageDataOn` (selfassessment.ts) |
 * | `weekly.json` | `weeklyPageDataOn` (weekly.ts); a district build has no 周报 page: `{ review: null, excluded: true }` |
 * | `enterprises.json`, `enterprises/<NNN>.json` | 一企一档's search index and history shards (enterpriseFiles.ts), of the district's firms in a district build |
 *
 * The public site's files (`public/data.zip.ts`, `publicDataFiles`) are one `<page>.json` per page
 * of `publicPageData` (loaders/outputs/public.ts): suppressed aggregates only.
 */
import JSZip from "jszip";
import { scopeDistrict, type Audience } from "../config/audience.ts";
import { isSampleData } from "../config/paths.ts";
import type { PilotPlan } from "../plan/types.ts";
import { enterpriseIndexFile, enterpriseShards } from "./enterpriseFiles.ts";
import { enterpriseArchiveOn } from "./enterprises.ts";
import { districtProjectsJson, pageData, pageJson, planJson, type PageName } from "./pages.ts";
import { loadPublic } from "../public/loadPublic.ts";
import { publicPageData, publicPageJson, type PublicPageName } from "./public.ts";
import { qualitySummary } from "./quality.ts";
import { reportOn, withWarehouse } from "./report.ts";
import { audienceReport } from "./scope.ts";
import { selfAssessmentPageDataOn } from "./selfassessment.ts";
import { weeklyPageDataOn } from "./weekly.ts";

export interface SiteFile {
  /** The path under data/ (what a page names as `data/<name>`). */
  name: string;
  text: string;
}

/** The data files of the site of `audience` over the data root `root`, and the snapshot they show. */
export async function siteDataFiles(root: string, plan: PilotPlan, audience: Audience): Promise<{ snapshot: string; files: SiteFile[] }> {
  // The warehouse opened once for every file: finding it prints all the inputs (withWarehouse).
  return withWarehouse(root, plan, async (conn) => {
    const city = audience.kind === "city";
    const district = scopeDistrict(audience);
    // The city's newest report, read once (loadReport's cache): cut to the audience for the page
    // files, whole for the weekly review and the self-assessment, which would otherwise compute it again.
    const loaded = await reportOn(conn, root, plan);
    const { report, meta } = await audienceReport(conn, loaded, audience);
    const files: SiteFile[] = [{ name: "plan.json", text: planJson(plan) }];
    for (const page of Object.keys(pageData) as PageName[]) files.push({ name: `${page}.json`, text: pageJson(page, report, meta, plan) });
    const districts = district == null ? plan.districts : plan.districts.filter((d) => d.code === district);
    for (const d of districts) files.push({ name: `districts/${d.pinyin}.json`, text: districtProjectsJson(d.pinyin, report, meta, plan) });

    const quality = await qualitySummary(conn, plan, isSampleData(root));
    files.push({ name: "quality.json", text: JSON.stringify(city ? quality : { ...quality, issues: [] }) });
    files.push({ name: "selfassessment.json", text: JSON.stringify(await selfAssessmentPageDataOn(conn, root, plan, loaded.report)) });
    files.push({ name: "weekly.json", text: JSON.stringify(city ? await weeklyPageDataOn(conn, root, plan, { known: loaded.report }) : { review: null, excluded: true }) });

    const archive = await enterpriseArchiveOn(conn, root, plan, district);
    files.push({ name: "enterprises.json", text: JSON.stringify({ meta: archive.meta, ...enterpriseIndexFile(archive.data) }) });
    for (const s of enterpriseShards(archive.data)) files.push({ name: `enterprises/${s.name}`, text: s.text });
    return { snapshot: meta.snapshot, files };
  });
}

/** The data files of the public site over the data root `root`, and the snapshot they show. */
export async function publicDataFiles(root: string, plan: PilotPlan): Promise<{ snapshot: string; files: SiteFile[] }> {
  const { aggregates, meta } = await loadPublic(root, plan);
  const pages = Object.keys(publicPageData) as PublicPageName[];
  return { snapshot: meta.snapshot, files: pages.map((page) => ({ name: `${page}.json`, text: publicPageJson(page, aggregates, meta, plan) })) };
}

/** The archive a site's loader prints: every file a member, dated the snapshot's day so that its bytes depend on the data only. */
export async function siteArchive({ snapshot, files }: { snapshot: string; files: SiteFile[] }): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(`${snapshot}T00:00:00Z`);
  for (const f of files) zip.file(f.name, f.text, { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
