/**
 * Comparison keys for headers, sheet names and file names. Private to the readers so they do not
 * depend on the normalisers; NFKC does the full-width folding (（）１２ＡＢ → ()12AB).
 */
import type { Column, Table, TableIdentity, TableKey } from "../../contract/tables.ts";
import { tableIdentities } from "../../contract/tables.ts";

// Invisible characters NFKC keeps: zero-width space/joiners, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Separators people vary freely: any whitespace (NBSP and U+3000 become spaces under NFKC), _ and -.
const SEPARATORS = /[\s_-]+/g;
// A trailing note in brackets: "合同金额(万元)", "所属区【必填】", "参考价格[万元/年]".
const TRAILING_NOTE = /^(.+?)[(\[【]([^()[\]【】]*)[)\]】]$/;
// A trailing unit after a slash: "合同金额/万元", "金额/元".
const SLASH_UNIT = /^(.+?)\/((?:人民币)?[万千亿百]?元.*)$/;

/** Case-, width- and separator-insensitive form of a name; the base every other key builds on. */
export function foldKey(s: string): string {
  return s.normalize("NFKC").replace(INVISIBLE, "").replace(SEPARATORS, "").toLowerCase();
}

/** Split a folded header into its name and trailing notes (units, 必填 marks), outermost last. */
export function splitNote(folded: string): { base: string; notes: string[] } {
  // Templates mark required columns with an asterisk on either side.
  let base = folded.replace(/^\*+|\*+$/g, "");
  const notes: string[] = [];
  for (;;) {
    const m = TRAILING_NOTE.exec(base) ?? SLASH_UNIT.exec(base);
    if (!m) break;
    base = m[1]!.replace(/^\*+|\*+$/g, "");
    notes.unshift(m[2]!);
  }
  return { base, notes };
}

/** The key a header cell is matched on: folded, without required marks or a trailing unit note. */
export function headerKey(s: string): string {
  return splitNote(foldKey(s)).base;
}

/** What money unit a header's notes name: 万元 (the contract's), 元, another one, or none. */
export function moneyUnit(header: string): "wan" | "yuan" | "other" | null {
  const notes = splitNote(foldKey(header)).notes.filter((n) => n.includes("元"));
  if (notes.length === 0) return null;
  const n = notes[notes.length - 1]!;
  if (n.includes("万元")) return "wan";
  // 千元, 百元, 亿元 would be off by a factor if read as either 元 or 万元.
  if (/[千百亿]元/.test(n)) return "other";
  return "yuan";
}

/** Text of a cell for matching; dates and empty cells never name a column. */
export function cellText(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return null;
}

const columnMaps = new WeakMap<Table, Map<string, Column>>();

/** Header key → column for one table (zh header, English key, aliases); the first column claiming a key wins. */
export function columnMap(table: Table): Map<string, Column> {
  let map = columnMaps.get(table);
  if (!map) {
    map = new Map();
    for (const c of table.columns) {
      for (const name of [c.zh, c.key, ...(c.aliases ?? [])]) {
        const k = headerKey(name);
        if (k && !map.has(k)) map.set(k, c);
      }
    }
    columnMaps.set(table, map);
  }
  return map;
}

/** The column a header cell names, if any. */
export function matchColumn(v: unknown, table: Table): Column | undefined {
  const text = cellText(v);
  if (text == null) return undefined;
  const k = headerKey(text);
  return k ? columnMap(table).get(k) : undefined;
}

/** Every name a table goes by (key, 中文名, aliases), folded and without bracketed notes. */
export function tableNames(table: TableIdentity): string[] {
  return [table.key, table.zh, ...table.aliases].map(headerKey).filter((k) => k.length > 0);
}

/**
 * The table a sheet or file name means: an exact name first, else the table whose longest name
 * the key starts with (or, when `contains`, holds anywhere). Longest wins so that "场景评测…"
 * goes to assessment_scenarios, not to assessments' alias "评测".
 */
export function tableForName(key: string, mode: "prefix" | "contains"): { table: TableKey; exact: boolean } | null {
  if (!key) return null;
  let best: { table: TableKey; len: number } | null = null;
  for (const t of tableIdentities) {
    for (const name of tableNames(t)) {
      if (name === key) return { table: t.key, exact: true };
      const hit = mode === "prefix" ? key.startsWith(name) : key.includes(name);
      if (hit && (!best || name.length > best.len)) best = { table: t.key, len: name.length };
    }
  }
  return best ? { table: best.table, exact: false } : null;
}
