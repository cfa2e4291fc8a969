/** Find the snapshot folders under a data root and which file holds which table. */
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import { tableIdentity, type TableKey } from "../../contract/tables.ts";
import { FatalIngestError, makeIssue, type Issue } from "../issues.ts";
import { foldKey, splitNote, tableForName } from "./key.ts";

/** One table file found in a snapshot folder. */
export interface SnapshotFile {
  table: TableKey;
  path: string;
  name: string;
}

/** One snapshot: its 截止日期 (YYYY-MM-DD), its folder and its table files. */
export interface Snapshot {
  date: string;
  dir: string;
  files: SnapshotFile[];
}

/** Snapshots oldest first, and warnings about folders and files that were skipped. */
export interface Discovered {
  snapshots: Snapshot[];
  issues: Issue[];
}

// Extensions a table may come in; .xls is taken too so that reading it says "save as .xlsx"
// instead of the table silently missing.
const TABLE_EXT = new Set([".csv", ".xlsx", ".xls"]);

/** Scan a data root (or a single snapshot folder) for snapshots; throws FatalIngestError on NO_SNAPSHOT / DUPLICATE_TABLE. */
export function discoverSnapshots(root: string): Discovered {
  const issues: Issue[] = [];
  const display = (p: string) => relative(root, p).split("\\").join("/") || basename(p);
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch (e) {
    throw new FatalIngestError(makeIssue("FILE_UNREADABLE", { file: root }, { detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }

  // A root named like a date that holds table files itself is one snapshot.
  const own = basename(root);
  if (isCalendarDate(own) && entries.some((e) => isFile(root, e) && tableOfFile(e.name) != null)) {
    return { snapshots: [scanSnapshot(own, root, display, issues)], issues };
  }

  const snapshots: Snapshot[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".") || !isDir(root, e)) continue;
    const dir = join(root, e.name);
    if (!isCalendarDate(e.name)) {
      issues.push(makeIssue("BAD_SNAPSHOT_NAME", { file: display(dir) }, { name: e.name }));
      continue;
    }
    snapshots.push(scanSnapshot(e.name, dir, display, issues));
  }
  // The folders skipped for their names are often the very snapshots meant: report them with it.
  if (snapshots.length === 0) throw new FatalIngestError(makeIssue("NO_SNAPSHOT", { file: display(root) }), issues);
  snapshots.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { snapshots, issues };
}

// What people put in front of a table's name when they attach or number a file, as foldKey leaves
// it (spaces, "_" and "-" gone, full-width folded): an attachment label with its number, alone or
// in brackets ("附件3", "附件3:", "附件三、", "(附件2)", "【附表1】", "Attachment 2"), a bracketed
// number ("(2)"), a date in words ("2026年11月20日", "11月20日"), or numbering and dates ("01",
// "2.", "3、", "1)", "2026-11-20"). No table name starts with any of these, so stripping them never
// changes which table a name means (test/read/key.test.ts checks every name).
const ATTACHMENT = String.raw`(?:附件|附表|attachment|annex|appendix)(?:\d{1,2}|[一二三四五六七八九十]{1,3})?`;
const LEADING_LABEL = [
  new RegExp(String.raw`^[(\[【〔<《](?:${ATTACHMENT}|\d+)[)\]】〕>》][:.、]?`),
  new RegExp(String.raw`^${ATTACHMENT}[:.、]?`),
  /^\d+年(?:\d+月(?:\d+[日号])?)?|^\d+月\d+[日号]/,
  /^[\d.、:)]+/,
];

/** A folded file name without the attachment labels and numbering in front of it. */
export function stripLeadingLabels(key: string): string {
  for (;;) {
    const before = key;
    for (const re of LEADING_LABEL) key = key.replace(re, "");
    if (key === before) return key;
  }
}

/**
 * The table a file name means, or null: "改造项目台账(截至11月20日).xlsx" → projects,
 * "附件3 资金拨付台账.xlsx" → funds, "（附件2）改造项目台账.xlsx" → projects, "03_企业名录.csv" → enterprises.
 * The name is folded (width, case, spaces), a trailing note in brackets is dropped, so are the
 * attachment labels and numbering in front; what remains must start with one of a table's names.
 */
export function tableOfFile(name: string): TableKey | null {
  if (!TABLE_EXT.has(extname(name).toLowerCase())) return null;
  const key = stripLeadingLabels(splitNote(foldKey(name.slice(0, name.length - extname(name).length))).base);
  return tableForName(key, "prefix")?.table ?? null;
}

/** Whether a folder name is YYYY-MM-DD and a real calendar day. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function scanSnapshot(date: string, dir: string, display: (p: string) => string, issues: Issue[]): Snapshot {
  const files: SnapshotFile[] = [];
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => isFile(dir, e))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    // Hidden files, Excel's "~$" lock files, READMEs and anything not a spreadsheet (notes, .md,
    // .json) sit beside the data on purpose and never deserve a warning.
    if (name.startsWith(".") || name.startsWith("~$") || /^readme/i.test(name)) continue;
    if (!TABLE_EXT.has(extname(name).toLowerCase())) continue;
    const path = join(dir, name);
    const table = tableOfFile(name);
    if (table == null) {
      issues.push(makeIssue("UNKNOWN_FILE", { snapshot: date, file: display(path) }));
      continue;
    }
    const other = files.find((f) => f.table === table);
    if (other) {
      throw new FatalIngestError(
        makeIssue("DUPLICATE_TABLE", { snapshot: date, file: display(path) }, { table: tableIdentity(table).zh, other: other.name, name }),
        issues,
      );
    }
    files.push({ table, path, name });
  }
  return { date, dir, files };
}

type Entry = { name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean };

// Symlinked snapshot folders and files are followed: data roots are often assembled from links.
function isDir(parent: string, e: Entry): boolean {
  if (e.isDirectory()) return true;
  return e.isSymbolicLink() && safeStat(join(parent, e.name))?.isDirectory() === true;
}

function isFile(parent: string, e: Entry): boolean {
  if (e.isFile()) return true;
  return e.isSymbolicLink() && safeStat(join(parent, e.name))?.isFile() === true;
}

function safeStat(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
