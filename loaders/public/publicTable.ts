/** A suppressed table as the public data files carry it: headings and shown values, never the values withheld. */
import type { Axis, LabelledGrid } from "./grid.ts";
import { CannotProtect, suppressGrid, WITHHELD, type GridInput, type Shown, type SuppressedGrid } from "./suppress.ts";

export interface PublicTable {
  rows: Axis[];
  cols: Axis[];
  cells: Shown[][];
  /** null: the table does not publish this margin. */
  row_totals: (Shown | null)[];
  col_totals: (Shown | null)[];
  total: Shown | null;
}

/**
 * Suppress a labelled grid and keep only what may be shown. A table whose signs alone would give
 * a small cell away (suppressGrid refuses it) is withheld whole: every cell and total reads "—".
 */
export function publicTable(grid: LabelledGrid, input: Omit<GridInput, "values">, min: number): PublicTable {
  let s: Pick<SuppressedGrid, "cells" | "rowTotals" | "colTotals" | "total">;
  try {
    s = suppressGrid({ ...input, values: grid.values }, { min });
  } catch (e) {
    if (!(e instanceof CannotProtect)) throw e;
    const all = (on: boolean | undefined): Shown | null => (on === false ? null : WITHHELD);
    s = {
      cells: grid.values.map((r) => r.map(() => WITHHELD)),
      rowTotals: grid.values.map(() => all(input.publishRowTotals)),
      colTotals: grid.cols.map(() => all(input.publishColTotals)),
      total: all(input.publishTotal),
    };
  }
  return { rows: grid.rows, cols: grid.cols, cells: s.cells, row_totals: s.rowTotals, col_totals: s.colTotals, total: s.total };
}
