// Small helpers the table exports share: files carry numbers Excel can compute with, units in the headers.
import type { Cell, ExportColumn } from "./tableExport.js";

/** Columns from [key, header] pairs. */
export const exportCols = (spec: readonly (readonly [string, string])[]): ExportColumn[] => spec.map(([key, label]) => ({ key, label }));

/** A share as a percentage with one decimal, as fmtPct shows it: 0.9518 → 95.2 (header says "(%)"). */
export const percentCell = (x: number | null | undefined): Cell => (x == null || Number.isNaN(x) ? null : Math.round(x * 1000) / 10);

/** One decimal, as the page shows rates and scores. */
export const oneDecimal = (x: number | null | undefined): Cell => (x == null || Number.isNaN(x) ? null : Math.round(x * 10) / 10);
