// How the self-assessment (绩效自评估) writes a table cell: shared by the page, the markdown and the
// workbook's builder (loaders/selfassessment/tables.ts), so a figure reads the same everywhere.
import { fmtCount, fmtPct } from "./format.js";

export type Cell = string | number | null;
/** "auto": the row's own `kind` field says (the indicator table mixes counts, 万元, shares and ratios). */
export type CellKind = "text" | "count" | "wan" | "pct" | "ratio" | "auto";

export interface SaColumn {
  key: string;
  title: string;
  kind: CellKind;
}

/** The kind a cell is written as: its column's, or for an "auto" column the row's `kind`. */
export function kindOf(c: SaColumn, row: Record<string, Cell>): Exclude<CellKind, "auto"> {
  if (c.kind !== "auto") return c.kind;
  return typeof row[c.key] === "number" ? (row.kind as Exclude<CellKind, "auto">) : "text";
}

const wanText = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** A cell as the document writes it (the column title carries the unit: 万元 cells are bare numbers). */
export function cellText(v: Cell, kind: CellKind): string {
  if (v == null) return "—";
  if (typeof v === "string") return v;
  switch (kind) {
    case "count": return fmtCount(v);
    case "wan": return wanText.format(v);
    case "pct": return fmtPct(v);
    case "ratio": return v.toFixed(2);
    default: return String(v);
  }
}
