/**
 * The browser tests' data root: the sample's two newest snapshots, with one enterprise whose name
 * is an HTML injection attempt added to the newest, to prove names render as text.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { sampleRoot } from "../../loaders/config/paths.ts";
import { tableByKey } from "../../loaders/contract/tables.ts";
import { discoverSnapshots } from "../../loaders/ingest/read/index.ts";
import { uscc } from "../helpers/exports.ts";
import { plan } from "../helpers/plan.ts";

export const hostileName = "<img src=x onerror=alert(1)>";
export const hostileUscc = uscc("91440101MA5XQQ001");

/** Copy the sample's newest two snapshots to a temporary root and add the hostile enterprise. */
export async function browserFixtureRoot(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "site-"));
  const snaps = discoverSnapshots(sampleRoot).snapshots.slice(-2);
  for (const s of snaps) cpSync(s.dir, join(root, s.date), { recursive: true });
  writeFileSync(join(root, "SAMPLE"), "synthetic sample data\n");
  const latest = discoverSnapshots(root).snapshots.at(-1)!;
  const file = latest.files.find((f) => f.table === "enterprises")!;
  const row: Record<string, string | number> = { uscc: hostileUscc, name: hostileName, district: "黄埔区", industry: "时尚美妆", employees: 50, revenue_wan: 1000 };
  const t = tableByKey(plan, "enterprises");
  if (file.path.endsWith(".xlsx")) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file.path) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets.find((w) => w.state === "visible")!;
    let headerRow = 0;
    const colOf = new Map<string, number>();
    ws.eachRow((r, n) => {
      if (headerRow) return;
      r.eachCell((c, col) => {
        const text = String(c.value ?? "").trim();
        const hit = t.columns.find((x) => x.zh === text || x.key === text);
        if (hit) colOf.set(hit.key, col);
      });
      if (colOf.has("uscc") && colOf.has("name")) headerRow = n;
      else colOf.clear();
    });
    const values: (string | number)[] = [];
    for (const [key, col] of colOf) if (key in row) values[col] = row[key]!;
    ws.insertRow(headerRow + 1, values);
    writeFileSync(file.path, Buffer.from(await wb.xlsx.writeBuffer()));
  } else {
    throw new Error(`the sample's enterprises file is ${file.path}; teach this fixture its format`);
  }
  return root;
}
