/**
 * The fast .xlsx reader against the reference reader (exceljs's whole-workbook model): for every
 * workbook of the bundled sample, every workbook the hostile corpus builds and, when
 * PILOT_DIFF_ROOT names a data root or a snapshot folder, every workbook of its newest snapshot
 * (e.g. a scale-10 export: `npx tsx scripts/generate.ts --out /tmp/s10 --scale 10`, then
 * `PILOT_DIFF_ROOT=/tmp/s10 npx vitest run test/ingest/read/xlsxDifferential.test.ts`), both
 * readers must give deep-equal rows, sheet and issues, or the same fatal issue. The workbooks of
 * xlsx.test.ts are compared there (readXlsxChecked), and hand-made ones in xlsxFast.test.ts.
 *
 * It also pins which workbooks the fast reader hands to the reference reader: none of the
 * sample's or the generated exports' (their speed is the point), only broken hostile files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { tableByKey } from "../../../loaders/contract/tables.ts";
import { FatalIngestError } from "../../../loaders/ingest/issues.ts";
import { tableOfFile } from "../../../loaders/ingest/read/discover.ts";
import { readXlsx, readXlsxFast } from "../../../loaders/ingest/read/xlsx.ts";
import { readXlsxExceljs } from "../../../loaders/ingest/read/xlsxExceljs.ts";
import { plan } from "../../helpers/plan.ts";
import { cases } from "../../hostile/cases.ts";
import { xlsxOutcome } from "./helpers.ts";

const sampleRoot = join(import.meta.dirname, "..", "..", "..", "data", "sample");
const compared: string[] = [];
const skipped: string[] = [];
afterAll(() => console.log(`xlsx differential: compared ${compared.join("; ")}${skipped.map((s) => `; not compared: ${s}`).join("")}`));

const isWorkbookName = (name: string) => /\.xlsx?$/i.test(name);

function workbooksUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? workbooksUnder(join(dir, e.name)) : isWorkbookName(e.name) ? [join(dir, e.name)] : []));
}

// The table a file is read for, as the ingest decides it (enterprises when the name says nothing).
const tableFor = (name: string) => tableByKey(plan, tableOfFile(name) ?? "enterprises");

/** Compare both readers on one workbook; returns whether the fast reader read it itself. */
async function compare(buf: Buffer, name: string, label: string): Promise<boolean> {
  const table = tableFor(name);
  const fast = await xlsxOutcome(readXlsx, buf, table, label, "2026-11-20");
  const reference = await xlsxOutcome(readXlsxExceljs, buf, table, label, "2026-11-20");
  expect(fast, label).toStrictEqual(reference);
  try {
    await readXlsxFast(buf, table, label, "2026-11-20");
    return true;
  } catch (e) {
    return e instanceof FatalIngestError;
  }
}

// The newest snapshot folder (YYYY-MM-DD) of a data root, or the folder itself.
function newestSnapshot(root: string): string {
  const dates = readdirSync(root)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && statSync(join(root, d)).isDirectory())
    .sort();
  return dates.length > 0 ? join(root, dates.at(-1)!) : root;
}

describe("fast xlsx reader = reference reader", () => {
  test("on every workbook of the sample, without falling back", { timeout: 120_000 }, async () => {
    const files = workbooksUnder(sampleRoot);
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) expect(await compare(readFileSync(f), basename(f), relative(sampleRoot, f)), f).toBe(true);
    compared.push(`data/sample (${files.length} workbooks)`);
  });

  test("on every workbook the hostile corpus builds; only broken containers fall back", { timeout: 120_000 }, async () => {
    let n = 0;
    const fellBack: string[] = [];
    for (const c of cases) {
      for (const [snapshot, files] of Object.entries(await c.build())) {
        for (const [name, content] of Object.entries(files)) {
          if (!isWorkbookName(name) || Array.isArray(content)) continue;
          const buf = typeof content === "string" ? Buffer.from(content) : content;
          n++;
          if (!(await compare(buf, name, `${c.name}/${snapshot}/${name}`))) fellBack.push(c.name);
        }
      }
    }
    expect(n).toBeGreaterThan(15);
    expect(fellBack.sort()).toEqual(["xlsx-truncated", "xlsx-zip-not-a-workbook"]);
    compared.push(`hostile corpus (${n} workbooks)`);
  });

  const root = process.env.PILOT_DIFF_ROOT;
  // Declared only with a root to read (a scale-10 export is too large to generate in every run);
  // without one the summary line says what was not compared, and no test is reported as skipped.
  if (root !== undefined) test(`on every workbook of the newest snapshot of PILOT_DIFF_ROOT (${root}), without falling back`, { timeout: 600_000 }, async () => {
    expect(existsSync(root), `PILOT_DIFF_ROOT=${root} does not exist`).toBe(true);
    const dir = newestSnapshot(root);
    const files = workbooksUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(await compare(readFileSync(f), basename(f), relative(dir, f)), f).toBe(true);
    compared.push(`${dir} (${files.length} workbooks)`);
  });
  if (root === undefined) skipped.push("a generated export (PILOT_DIFF_ROOT is unset; point it at a data root, e.g. a scale-10 one, to add its newest snapshot)");
});
