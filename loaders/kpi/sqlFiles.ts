/**
 * Where the KPI SQL lives: one file per output table in sql/, named after it, and the shared
 * building blocks (DuckDB table macros, one per file, named after it) in sql/macros/.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Folder of the output queries. */
export const queryDir = fileURLToPath(new URL("./sql/", import.meta.url));
/** Folder of the shared macros. */
export const macroDir = fileURLToPath(new URL("./sql/macros/", import.meta.url));

const sqlNames = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .map((f) => f.slice(0, -4))
    .sort();

/** Names of every output query in the folder (what the EXPLAIN test walks). */
export function queryFileNames(): string[] {
  return sqlNames(queryDir);
}

/** Text of one output query. */
export function readQuery(name: string): string {
  return readFileSync(`${queryDir}${name}.sql`, "utf8");
}

/**
 * The macros in an order DuckDB accepts: a macro is bound when it is created, so each must come
 * after the macros its body calls. The order is worked out from the bodies, not kept by hand.
 */
export function macrosInOrder(): { name: string; sql: string }[] {
  const all = new Map(sqlNames(macroDir).map((n) => [n, readFileSync(`${macroDir}${n}.sql`, "utf8")]));
  const ordered: { name: string; sql: string }[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (ordered.some((m) => m.name === name)) return;
    if (visiting.has(name)) throw new Error(`macro cycle through ${name}`);
    visiting.add(name);
    const sql = all.get(name)!;
    const body = sql.replace(/--.*$/gm, "");
    for (const other of all.keys()) {
      if (other !== name && new RegExp(`\\b${other}\\s*\\(`).test(body)) visit(other);
    }
    visiting.delete(name);
    ordered.push({ name, sql });
  };
  for (const name of all.keys()) visit(name);
  return ordered;
}
