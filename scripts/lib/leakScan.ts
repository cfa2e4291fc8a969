/**
 * The proof that a district build holds nothing of another district: every file of the built site
 * (HTML, JS, JSON, CSV, and each member of every .zip, recursively) is searched for
 *
 * - the credit code, enterprise name, project id and payment id of every enterprise of another
 *   district (read from the warehouse, every snapshot; a value that is also the own district's is
 *   not counted), and
 * - contact data of anyone: the 联系人 / 联系电话 values of the exports (the warehouse never stores
 *   them, so they are read from the enterprise files), and any mobile-shaped number in a data file.
 *
 * Text is searched as written, with JSON \uXXXX escapes and %XX URL escapes decoded first, so an
 * escaped or URL-encoded copy is found as well. Identifiers of Latin letters and digits only count
 * where they stand alone (XM000001 is not found inside XM0000012).
 */
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import JSZip from "jszip";
import { tableByKey } from "../../loaders/contract/tables.ts";
import { discoverSnapshots, readTableFile } from "../../loaders/ingest/read/index.ts";
import { withWarehouse } from "../../loaders/outputs/report.ts";
import type { PilotPlan } from "../../loaders/plan/types.ts";
import { queryRows } from "../../loaders/warehouse/query.ts";

export type SecretKind = "uscc" | "enterprise" | "project_id" | "payment_id" | "contact" | "phone";

export interface Secret {
  value: string;
  kind: SecretKind;
  /** The district the value belongs to; null for contact data (nobody's may be shown). */
  district: string | null;
}

export interface Hit {
  file: string;
  kind: SecretKind;
  value: string;
  district: string | null;
}

/** Every district's identifiers: enterprise credit codes and names, project ids, payment ids. */
export async function districtIdentifiers(root: string, plan: PilotPlan): Promise<Secret[]> {
  return withWarehouse(root, plan, async (conn) => {
    const rows = await queryRows<{ value: string; kind: SecretKind; district: string }>(
      conn,
      `SELECT DISTINCT uscc AS value, 'uscc' AS kind, district FROM enterprises WHERE district IS NOT NULL
       UNION SELECT DISTINCT name, 'enterprise', district FROM enterprises WHERE district IS NOT NULL AND name IS NOT NULL
       UNION SELECT DISTINCT p.project_id, 'project_id', e.district FROM projects p
         JOIN enterprises e ON e.snapshot = p.snapshot AND e.uscc = p.uscc WHERE e.district IS NOT NULL
       UNION SELECT DISTINCT f.payment_id, 'payment_id', coalesce(ep.district, el.district, ey.district, f.district) FROM funds f
         LEFT JOIN projects p ON p.snapshot = f.snapshot AND p.project_id = f.project_id
         LEFT JOIN enterprises ep ON ep.snapshot = f.snapshot AND ep.uscc = p.uscc
         LEFT JOIN loans l ON l.snapshot = f.snapshot AND l.loan_id = f.loan_id
         LEFT JOIN enterprises el ON el.snapshot = f.snapshot AND el.uscc = l.uscc
         LEFT JOIN enterprises ey ON ey.snapshot = f.snapshot AND ey.uscc = f.payee_id
         WHERE coalesce(ep.district, el.district, ey.district, f.district) IS NOT NULL`,
    );
    return rows.map((r) => ({ value: r.value, kind: r.kind, district: r.district }));
  });
}

/** The 联系人 and 联系电话 values of the newest snapshot's enterprise file (all snapshots with `all`). */
export async function contactValues(root: string, plan: PilotPlan, all = false): Promise<Secret[]> {
  const table = tableByKey(plan, "enterprises");
  const snaps = discoverSnapshots(root).snapshots;
  const out = new Map<string, Secret>();
  for (const s of all ? snaps : snaps.slice(-1)) {
    for (const f of s.files.filter((x) => x.table === "enterprises")) {
      const read = await readTableFile(f.path, table, { snapshot: s.date });
      for (const r of read.rows) {
        for (const kind of ["contact", "phone"] as const) {
          const v = r.cells[kind];
          if (v == null || String(v).trim().length < 2) continue;
          const value = String(v).trim();
          out.set(`${kind}\0${value}`, { value, kind, district: null });
          // A phone written 020-8312 3457 is also looked for as its digits alone.
          const digits = value.replace(/\D/g, "");
          if (kind === "phone" && digits.length >= 7 && digits !== value) out.set(`phone\0${digits}`, { value: digits, kind, district: null });
        }
      }
    }
  }
  return [...out.values()];
}

/** What `district`'s build must not hold: other districts' identifiers that are not its own too, and all contact data. */
export function forbiddenFor(district: string, ids: readonly Secret[], contacts: readonly Secret[]): Secret[] {
  const own = new Set(ids.filter((s) => s.district === district).map((s) => `${s.kind}\0${s.value}`));
  const others = ids.filter((s) => s.district !== district && !own.has(`${s.kind}\0${s.value}`));
  return [...others, ...contacts];
}

/** A file's text with \uXXXX and %XX escapes decoded (each form is searched). */
export function unescaped(text: string): string {
  const json = text.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return json.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}

const latinId = /^[0-9A-Za-z]+$/;
const wordChar = /[0-9A-Za-z]/;
// Mobile numbers (中国大陆 11 digits), not inside a longer run of digits.
const mobile = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

const han = /\p{Script=Han}/u;

/**
 * A matcher for many literal values at once: values indexed by their first two characters. With
 * `wholeNames`, a contact name counts only where no other Chinese character touches it: program
 * text is prose ("任何文件" holds the name 何文), while a name copied into code or HTML stands
 * between quotes, tags or punctuation. Data files are searched without it.
 */
export function matcher(secrets: readonly Secret[], opts: { wholeNames?: boolean } = {}) {
  const byPrefix = new Map<string, Secret[]>();
  for (const s of secrets) {
    if (s.value.length < 2) continue;
    const k = s.value.slice(0, 2);
    const list = byPrefix.get(k) ?? [];
    list.push(s);
    byPrefix.set(k, list);
  }
  return (text: string): Secret[] => {
    const found = new Map<string, Secret>();
    for (let i = 0; i < text.length - 1; i++) {
      const list = byPrefix.get(text.slice(i, i + 2));
      if (!list) continue;
      for (const s of list) {
        if (!text.startsWith(s.value, i)) continue;
        if (latinId.test(s.value) && (wordChar.test(text[i - 1] ?? "") || wordChar.test(text[i + s.value.length] ?? ""))) continue;
        if (opts.wholeNames && s.kind === "contact" && (han.test(text[i - 1] ?? "") || han.test(text[i + s.value.length] ?? ""))) continue;
        found.set(`${s.kind}\0${s.value}`, s);
      }
    }
    return [...found.values()];
  };
}

/** Every file of a built site, as [name relative to the site, text]; .zip members (nested too) as "a.zip!member". */
export async function siteTexts(dir: string): Promise<[string, string][]> {
  const out: [string, string][] = [];
  const add = async (name: string, bytes: Buffer | Uint8Array): Promise<void> => {
    if (extname(name).toLowerCase() === ".zip" || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
      const zip = await JSZip.loadAsync(bytes);
      for (const m of Object.values(zip.files)) if (!m.dir) await add(`${name}!${m.name}`, await m.async("uint8array"));
      return;
    }
    out.push([name, Buffer.from(bytes).toString("utf8")]);
  };
  const visit = async (d: string): Promise<void> => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) await visit(p);
      else await add(relative(dir, p), readFileSync(p));
    }
  };
  await visit(dir);
  return out;
}

/** A loader's output (Framework puts them under _file/) or a member of a downloaded archive. */
export function isDataFile(file: string): boolean {
  return file.startsWith("_file/") || file.includes("!");
}

/** Scan a built site for `forbidden` values and, in its data files, for mobile-shaped numbers. */
export async function scanSite(dir: string, forbidden: readonly Secret[]): Promise<Hit[]> {
  const inData = matcher(forbidden);
  const inProgram = matcher(forbidden, { wholeNames: true });
  const hits: Hit[] = [];
  for (const [file, raw] of await siteTexts(dir)) {
    const text = unescaped(raw);
    const data = isDataFile(file);
    for (const s of (data ? inData : inProgram)(text)) hits.push({ file, kind: s.kind, value: s.value, district: s.district });
    // Framework's and the libraries' bundles hold long numeric constants; data files hold none.
    if (data) for (const m of text.matchAll(mobile)) hits.push({ file, kind: "phone", value: m[0], district: null });
  }
  return hits;
}

/** Scan a district build of `root`: other districts' identifiers and everyone's contact data. */
export async function scanDistrictBuild(dir: string, root: string, district: string, plan: PilotPlan): Promise<Hit[]> {
  const [ids, contacts] = await Promise.all([districtIdentifiers(root, plan), contactValues(root, plan)]);
  return scanSite(dir, forbiddenFor(district, ids, contacts));
}
