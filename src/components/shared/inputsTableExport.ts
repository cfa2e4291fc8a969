// An Inputs.table's rows as a file: the same columns, headers and initial order the reader sees,
// with raw numbers (units moved into the header) instead of the formatted text.
import type { ExportTable } from "./tableDownloads.js";
import type { Cell } from "./tableExport.js";

/** The parts of Inputs.table options an export follows. */
export interface TableLayout {
  columns?: readonly string[];
  header?: Record<string, string>;
  sort?: string;
  reverse?: boolean;
}

/** How one column's value goes into the file when the raw value is a code (tier rank, severity key…). */
export type ExportValue<T> = (value: unknown, row: T) => Cell;

// Inputs.table's own order: missing values last whichever the direction (its sort.js).
const defined = (d: unknown) => d != null && !Number.isNaN(d);
function compare(a: unknown, b: unknown): number {
  const x = a as number;
  const y = b as number;
  return Number(defined(y)) - Number(defined(x)) || (x < y ? -1 : x > y ? 1 : 0);
}

/** `rows` in the table's columns and sort; `units` adds "(万元)" to a header, `values` maps codes to the words shown. */
export function inputsTableExport<T extends object>(
  rows: readonly T[],
  layout: TableLayout,
  { units = {}, values = {} }: { units?: Record<string, string>; values?: Record<string, ExportValue<T>> } = {},
): ExportTable {
  const keys = layout.columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const ordered = [...rows];
  if (layout.sort) {
    const k = layout.sort;
    const sign = layout.reverse ? -1 : 1;
    const get = (r: T) => (r as Record<string, unknown>)[k];
    ordered.sort((a, b) => (defined(get(a)) && defined(get(b)) ? sign * compare(get(a), get(b)) : compare(get(a), get(b))));
  }
  return {
    columns: keys.map((key) => ({ key, label: `${layout.header?.[key] ?? key}${units[key] ? `(${units[key]})` : ""}` })),
    rows: ordered.map((r) => {
      const rec = r as Record<string, unknown>;
      return Object.fromEntries(keys.map((k) => [k, values[k] ? values[k](rec[k], r) : (rec[k] as Cell)]));
    }),
  };
}
