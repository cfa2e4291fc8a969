/**
 * Fuzz: a few thousand seeded mutations of a sample-like export set (byte flips, row deletions and
 * duplications, cell swaps, truncation, encoding switches, inserted quotes and line breaks …).
 * Whatever comes in, the ingest must not throw, every problem must be located, and every file's
 * counts must reconcile. A failure names the iteration and its mutations; the seed replays it.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, describe, expect, test } from "vitest";
import { sampleRoot } from "../../loaders/config/paths.ts";
import { ingestRoot } from "../../loaders/ingest/root.ts";
import { tableOfFile } from "../../loaders/ingest/read/index.ts";
import { plan } from "../helpers/plan.ts";
import { baseTables, uscc, writeRoot, type Csv } from "../helpers/exports.ts";
import { csvText, typed, unzip, workbook, zip } from "./build.ts";
import { SNAP } from "./cases.ts";
import { violations } from "./invariants.ts";
import { int, pick, prng, type Rng } from "../helpers/random.ts";

const SEED = 0x8a11;
const MUTATIONS = 3000;

// What hostile exports insert: quoting and line structure, invisible and look-alike characters,
// error values, formulas, totals, exponents, and a long cell.
const SNIPPETS: Buffer[] = [
  '"', '""', "\n", "\r", "\r\n", ",", "\t", ";", "\n\n\n", ',"', '",',
  "\uFEFF", "\u200B", "\u00A0", "\u3000", "\u0410", "Ｏ", "９", "（", "合计", "#N/A", "#DIV/0!", "=1+1", '="0012"', "1E+06",
  "-", "—", "2025-02-30", "2099-12-31", "<script>", "'; DROP TABLE enterprises; --", "统一社会信用代码,企业名称,所属区,细分行业",
  "x".repeat(5000),
].map((s) => Buffer.from(s)).concat([Buffer.from([0x00]), Buffer.from([0xff, 0xfe]), Buffer.from([0xc3, 0x28]), Buffer.from([0x81])]);

const CELL_VALUES = ["", " ", "#N/A", "=1+1", "1E+06", "-", "合计", "\u200B", "91440101327598294A", "黄埔", "2025/2/30", "１２３", "А", '"', "x".repeat(400)];

type Mutation = (buf: Buffer, rng: Rng) => Buffer;

const lines = (buf: Buffer): Buffer[] => {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0x0a) {
      out.push(buf.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
};

const onLines = (f: (ls: Buffer[], rng: Rng) => Buffer[]): Mutation => (buf, rng) => {
  const ls = lines(buf);
  return ls.length === 0 ? buf : Buffer.concat(f(ls, rng));
};

// Cells of one line as UTF-8 text; lines that are not valid UTF-8 are left alone.
const onCells = (f: (cells: string[], rng: Rng) => string[]): Mutation =>
  onLines((ls, rng) => {
    const i = int(rng, ls.length);
    const text = ls[i]!.toString("utf8");
    if (text.includes("\uFFFD")) return ls;
    const eol = /\r?\n$/.exec(text)?.[0] ?? "";
    const cells = text.slice(0, text.length - eol.length).split(",");
    ls[i] = Buffer.from(f(cells, rng).join(",") + eol);
    return ls;
  });

const mutations: Record<string, Mutation> = {
  "flip a byte": (buf, rng) => {
    if (buf.length === 0) return buf;
    const out = Buffer.from(buf);
    out[int(rng, out.length)] = int(rng, 256);
    return out;
  },
  "insert a snippet": (buf, rng) => {
    const at = int(rng, buf.length + 1);
    return Buffer.concat([buf.subarray(0, at), pick(rng, SNIPPETS), buf.subarray(at)]);
  },
  "delete bytes": (buf, rng) => {
    const at = int(rng, buf.length + 1);
    return Buffer.concat([buf.subarray(0, at), buf.subarray(at + 1 + int(rng, 20))]);
  },
  truncate: (buf, rng) => buf.subarray(0, int(rng, buf.length + 1)),
  "delete a row": onLines((ls, rng) => (ls.splice(int(rng, ls.length), 1), ls)),
  "duplicate a row": onLines((ls, rng) => (ls.splice(int(rng, ls.length + 1), 0, pick(rng, ls)), ls)),
  "swap two rows": onLines((ls, rng) => {
    const [i, j] = [int(rng, ls.length), int(rng, ls.length)];
    [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    return ls;
  }),
  "insert blank lines": onLines((ls, rng) => (ls.splice(int(rng, ls.length + 1), 0, Buffer.from("\n".repeat(1 + int(rng, 2000)))), ls)),
  "swap two cells": onCells((cells, rng) => {
    const [i, j] = [int(rng, cells.length), int(rng, cells.length)];
    [cells[i], cells[j]] = [cells[j]!, cells[i]!];
    return cells;
  }),
  "replace a cell": onCells((cells, rng) => ((cells[int(rng, cells.length)] = pick(rng, CELL_VALUES)), cells)),
  "drop a cell": onCells((cells, rng) => (cells.splice(int(rng, cells.length), 1), cells)),
  "switch encoding": (buf, rng) => {
    const text = buf.toString("utf8");
    switch (int(rng, 4)) {
      case 0:
        return iconv.encode(text, "gb18030");
      case 1:
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      case 2:
        return Buffer.from(text, "utf16le"); // UTF-16LE without a BOM
      default:
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
    }
  },
};
const names = Object.keys(mutations);

/** The valid snapshot with 20 more enterprises and 10 more of their projects, payments and trainings, so most mutations land in data rows. */
function richTables(): Record<string, Csv> {
  const t = baseTables();
  for (let i = 0; i < 20; i++) {
    const code = uscc(`91440101MA5${String(100000 + i * 7919).slice(-6)}`);
    const d = plan.districts[i % plan.districts.length]!;
    const ind = plan.industries[i % plan.industries.length]!;
    t["企业名录.csv"]!.push([code, `示例企业${i}有限公司`, i % 2 ? d.name : d.short, ind.name, String(10 + i * 13), `${100 + i * 250}.5`, "", ""]);
    if (i % 2) continue;
    t["改造项目.csv"]!.push([`P${i + 10}`, code, `项目${i}`, "U1", "S1", `2025-0${1 + (i % 9)}-15`, "2026-12-31", "80", "", "实施中", "", ""]);
    t["资金拨付.csv"]!.push([`F${i + 10}`, "改造补助", "市级", code, `P${i + 10}`, "", "", "20", "2025-11-01"]);
    t["人才培训.csv"]!.push([`T${i + 10}`, `研修班${i}`, "示例协会", `2025/${1 + (i % 12)}/${1 + i}`, d.name, "技术骨干", String(20 + i)]);
  }
  return t;
}

// Workbooks are zip files. Damage to the zip itself only ever gives XLSX_INVALID, so most
// workbook mutations edit the sheet's XML inside it and zip it again.
const onXml = (f: (xml: string, rng: Rng) => string): Mutation => (buf, rng) => {
  let files;
  try {
    files = unzip(buf);
  } catch {
    return buf;
  }
  const parts = Object.keys(files).filter((n) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(n)).sort();
  if (parts.length === 0) return buf;
  const part = pick(rng, parts);
  files[part] = Buffer.from(f(files[part]!.toString("utf8"), rng));
  return zip(files);
};

const elements = (xml: string, tag: string): { start: number; end: number }[] => {
  const out: { start: number; end: number }[] = [];
  const re = new RegExp(`<${tag}[ >][\\s\\S]*?</${tag}>`, "g");
  for (let m; (m = re.exec(xml)) !== null; ) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
};

// Escaped as a writer would; the raw ones (an unescaped < or &) make the XML itself invalid.
const XML_VALUES = ["#N/A", "=1+1", "1E+06", "", "合计", "\u0410", "2099-12-31", "&lt;script&gt;", "-1", "45717", "0", "x".repeat(400), "2025-02-30", "１２３"];
const RAW_XML_VALUES = ["<broken", "&bogus;"];

const xlsxMutations: Record<string, Mutation> = {
  "delete a sheet row": onXml((xml, rng) => {
    const rows = elements(xml, "row");
    if (rows.length === 0) return xml;
    const r = pick(rng, rows);
    return xml.slice(0, r.start) + xml.slice(r.end);
  }),
  "duplicate a sheet row": onXml((xml, rng) => {
    const rows = elements(xml, "row");
    if (rows.length === 0) return xml;
    const r = pick(rng, rows);
    return xml.slice(0, r.end) + xml.slice(r.start, r.end) + xml.slice(r.end);
  }),
  "replace a value or string": onXml((xml, rng) => {
    const vs = [...elements(xml, "v"), ...elements(xml, "t")];
    if (vs.length === 0) return xml;
    const v = pick(rng, vs);
    const open = xml.indexOf(">", v.start) + 1;
    const close = xml.lastIndexOf("<", v.end - 1);
    return xml.slice(0, open) + pick(rng, rng() < 0.1 ? RAW_XML_VALUES : XML_VALUES) + xml.slice(close);
  }),
  "turn a cell into an error cell": onXml((xml, rng) => {
    const cs = elements(xml, "c");
    if (cs.length === 0) return xml;
    const c = pick(rng, cs);
    const ref = /r="([A-Z]+\d+)"/.exec(xml.slice(c.start, c.end))?.[1] ?? "A1";
    return xml.slice(0, c.start) + `<c r="${ref}" t="e"><v>${pick(rng, ["#N/A", "#DIV/0!", "#REF!", "#VALUE!"])}</v></c>` + xml.slice(c.end);
  }),
  "damage the XML": onXml((xml, rng) => {
    const at = int(rng, xml.length);
    return xml.slice(0, at) + pick(rng, ["<", ">", "&", '"', "</row>", "<row>", ""]) + xml.slice(at + int(rng, 4));
  }),
  "flip a byte": mutations["flip a byte"]!,
  truncate: mutations.truncate!,
};
// Weighted: damage that keeps the workbook readable is the more instructive kind.
const xlsxNames = Object.keys(xlsxMutations).flatMap((n) => (["damage the XML", "flip a byte", "truncate"].includes(n) ? [n] : [n, n, n]));

interface Seed {
  /** File name in the snapshot folder. */
  name: string;
  /** The base file it stands in for (removed while it is there). */
  replaces: string;
  bytes: Buffer;
}

/** Up to three files of the bundled sample (when it exists), cut to their first 40 rows so each ingest stays fast. */
async function sampleSeeds(): Promise<Seed[]> {
  if (!existsSync(sampleRoot)) return [];
  const snapshots = readdirSync(sampleRoot).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const last = snapshots.at(-1);
  if (!last) return [];
  const dir = join(sampleRoot, last);
  const base = baseTables();
  const out: Seed[] = [];
  for (const name of readdirSync(dir).sort()) {
    const table = tableOfFile(name);
    const replaces = Object.keys(base).find((b) => tableOfFile(b) === table);
    if (!table || !replaces || out.length >= 3) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, name));
    } catch {
      continue; // the sample is being rewritten: a seed less
    }
    if (extname(name).toLowerCase() === ".csv") {
      out.push({ name, replaces, bytes: Buffer.concat(lines(bytes).slice(0, 40)) });
    } else {
      // A new workbook with each sheet's first 40 rows, values as they are (dates, formulas, errors).
      const src = new ExcelJS.Workbook();
      try {
        await src.xlsx.load(bytes as unknown as Parameters<typeof src.xlsx.load>[0]);
      } catch {
        continue; // the sample is being rewritten: a seed less
      }
      const wb = new ExcelJS.Workbook();
      for (const ws of src.worksheets) {
        const copy = wb.addWorksheet(ws.name, { state: ws.state });
        for (let r = 1; r <= Math.min(ws.rowCount, 40); r++) copy.getRow(r).values = ws.getRow(r).values as ExcelJS.CellValue[];
      }
      out.push({ name, replaces, bytes: Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer) });
    }
  }
  return out;
}

let root: string | undefined;
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("fuzz", () => {
  test(`should survive ${MUTATIONS} seeded mutations of an export set with located issues and reconciled counts`, async () => {
    const base = richTables();
    root = writeRoot({ [SNAP]: base });
    const dir = join(root, SNAP);
    const seeds: Seed[] = [
      ...Object.entries(base).map(([name, rows]) => ({ name, replaces: name, bytes: Buffer.from(csvText(rows)) })),
      { name: "企业名录.xlsx", replaces: "企业名录.csv", bytes: await workbook([{ name: "企业名录", rows: typed(base["企业名录.csv"]!) }]) },
      { name: "改造项目.xlsx", replaces: "改造项目.csv", bytes: await workbook([{ name: "改造项目", rows: typed(base["改造项目.csv"]!) }]) },
      ...(await sampleSeeds()),
    ];
    const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b;
    const workbooks = seeds.filter((x) => isZip(x.bytes));
    const texts = seeds.filter((x) => !isZip(x.bytes));
    // The valid set itself must load cleanly, or the mutations prove nothing.
    const clean = await ingestRoot(root, plan);
    expect([clean.fatal, clean.snapshots[0]!.issues.filter((i) => i.severity !== "info")]).toEqual([[], []]);
    const rng = prng(SEED);
    const started = Date.now();
    let fatal = 0;
    let rejected = 0;
    const fatalCodes = new Map<string, number>();
    for (let n = 0; n < MUTATIONS; n++) {
      // One mutation in five goes to a workbook: they cost more to read.
      const seed = pick(rng, rng() < 0.2 ? workbooks : texts);
      const isXlsx = workbooks.includes(seed);
      const applied: string[] = [];
      let bytes = seed.bytes;
      for (let k = 1 + int(rng, 3); k > 0; k--) {
        const name = pick(rng, isXlsx ? xlsxNames : names);
        applied.push(name);
        bytes = (isXlsx ? xlsxMutations : mutations)[name]!(bytes, rng);
      }
      // Now and then the file also comes under the other extension.
      let name = seed.name;
      if (rng() < 0.05) {
        name = name.replace(/\.(csv|xlsx)$/, (_, e: string) => (e === "csv" ? ".xlsx" : ".csv"));
        applied.push(`renamed ${name}`);
      }
      const label = `mutation ${n} (seed ${SEED}) of ${seed.name}: ${applied.join(", ")}`;

      renameSync(join(dir, seed.replaces), join(dir, `.${seed.replaces}.orig`));
      writeFileSync(join(dir, name), bytes);
      let result;
      try {
        result = await ingestRoot(root, plan);
      } catch (e) {
        throw new Error(`${label}: ingestRoot threw ${e instanceof Error ? e.stack : String(e)}`);
      } finally {
        rmSync(join(dir, name), { force: true });
        renameSync(join(dir, `.${seed.replaces}.orig`), join(dir, seed.replaces));
      }
      expect(violations(result), label).toEqual([]);
      if (result.fatal.length > 0) fatal++;
      for (const i of result.fatal) fatalCodes.set(i.code, (fatalCodes.get(i.code) ?? 0) + 1);
      rejected += result.snapshots.flatMap((s) => s.files).reduce((a, f) => a + f.rowsRejected, 0);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`fuzz: ${MUTATIONS} mutations of ${seeds.length} seed files in ${seconds.toFixed(1)} s; ${fatal} fatal outcomes (${[...fatalCodes].map(([c, k]) => `${c} ${k}`).join(", ")}), ${rejected} rows rejected`);
    // The run must exercise both kinds of outcome, or the mutations are too timid (or too brutal).
    expect(fatal).toBeGreaterThan(MUTATIONS / 20);
    expect(fatal).toBeLessThan(MUTATIONS);
    expect(rejected).toBeGreaterThan(MUTATIONS / 10);
    // About 10 s on an idle machine; the timeout only guards against a loaded one.
  }, 180_000);
});
