/** A table before suppression: labelled rows and columns around interior values that add up to its margins. */

/** A row or column heading: a stable key and the Chinese label a reader sees. */
export interface Axis {
  key: string;
  label: string;
  /** A shorter label for narrow places (chart axes, table headings). */
  short?: string;
}

export interface LabelledGrid {
  rows: Axis[];
  cols: Axis[];
  values: number[][];
}

/** Row and column keys of the "everything else" line a grid gains when its parts miss some of its totals. */
export const REST = "rest";

/**
 * Extend a grid so its margins equal the given totals: a residual column (row total − its cells),
 * a residual row (column total − its cells) and their corner, each added only when not all zero.
 * Throws when a total is smaller than its parts (the data would be inconsistent).
 */
export function withResiduals(
  grid: LabelledGrid,
  totals: { rows?: number[]; cols?: number[]; total?: number },
  labels: { row: string; col: string },
): LabelledGrid {
  const n = grid.cols.length;
  const rowSum = grid.values.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = Array.from({ length: n }, (_, j) => grid.values.reduce((a, r) => a + r[j]!, 0));
  const restCol = grid.values.map((_, i) => (totals.rows ? totals.rows[i]! - rowSum[i]! : 0));
  const restRow = Array.from({ length: n }, (_, j) => (totals.cols ? totals.cols[j]! - colSum[j]! : 0));
  const inner = rowSum.reduce((a, b) => a + b, 0);
  const total = totals.total ?? inner + restCol.reduce((a, b) => a + b, 0) + restRow.reduce((a, b) => a + b, 0);
  const corner = total - inner - restCol.reduce((a, b) => a + b, 0) - restRow.reduce((a, b) => a + b, 0);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  if ([...restCol, ...restRow, corner].some((x) => round(x) < 0)) {
    throw new Error("withResiduals: a total is smaller than the sum of its parts");
  }
  const addCol = restCol.some((x) => round(x) !== 0) || round(corner) !== 0;
  const addRow = restRow.some((x) => round(x) !== 0) || round(corner) !== 0;
  const values = grid.values.map((r, i) => (addCol ? [...r, round(restCol[i]!)] : [...r]));
  if (addRow) values.push(addCol ? [...restRow.map(round), round(corner)] : restRow.map(round));
  return {
    rows: addRow ? [...grid.rows, { key: REST, label: labels.row }] : grid.rows,
    cols: addCol ? [...grid.cols, { key: REST, label: labels.col }] : grid.cols,
    values,
  };
}
