/**
 * An independent check of a published count table: enumerate every table of whole numbers a
 * reader could believe (published numbers exact, "<3" = 0..2, "—" = 3 or more, every published
 * total honoured) and collect the values each withheld cell takes. A cell holding 1 or 2 that
 * takes a single value is disclosed. Exhaustive, so only for small tables with small totals.
 */

export type Shown = number | string;

export interface PublishedView {
  cells: Shown[][];
  rowTotals: (Shown | null)[];
  colTotals: (Shown | null)[];
  total: Shown | null;
}

const fits = (v: number, shown: Shown | null, min: number): boolean =>
  shown == null ? true : typeof shown === "number" ? v === shown : shown === `<${min}` ? v >= 0 && v < min : v >= min;

/** Values each cell of the augmented grid can take across every consistent table; key "i,j" (margins at i = m or j = n). */
export function feasibleValues(view: PublishedView, min: number, cap = 200): Map<string, Set<number>> {
  const m = view.cells.length;
  const n = view.cells[0]!.length;
  const upper = typeof view.total === "number" ? view.total : cap;
  const rowUpper = view.rowTotals.map((t) => (typeof t === "number" ? t : t === `<${min}` ? min - 1 : upper));
  const colUpper = view.colTotals.map((t) => (typeof t === "number" ? t : t === `<${min}` ? min - 1 : upper));
  const domain = (s: Shown): number[] =>
    typeof s === "number" ? [s] : s === `<${min}` ? Array.from({ length: min }, (_, k) => k) : Array.from({ length: upper - min + 1 }, (_, k) => k + min);
  const seen = new Map<string, Set<number>>();
  const note = (i: number, j: number, v: number) => {
    const k = `${i},${j}`;
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(v);
  };
  const grid = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  const colSum = new Array<number>(n).fill(0);

  const visit = (i: number, j: number, rowSum: number): void => {
    if (i === m) {
      const total = colSum.reduce((a, b) => a + b, 0);
      if (!colSum.every((c, jj) => fits(c, view.colTotals[jj] ?? null, min)) || !fits(total, view.total, min)) return;
      grid.forEach((r, ii) => {
        r.forEach((v, jj) => note(ii, jj, v));
        note(ii, n, r.reduce((a, b) => a + b, 0));
      });
      colSum.forEach((c, jj) => note(m, jj, c));
      note(m, n, total);
      return;
    }
    if (j === n) {
      if (fits(rowSum, view.rowTotals[i] ?? null, min)) visit(i + 1, 0, 0);
      return;
    }
    for (const v of domain(view.cells[i]![j]!)) {
      if (rowSum + v > rowUpper[i]! || colSum[j]! + v > colUpper[j]!) break;
      grid[i]![j] = v;
      colSum[j]! += v;
      visit(i, j + 1, rowSum + v);
      colSum[j]! -= v;
    }
  };
  visit(0, 0, 0);
  return seen;
}

/** Cells of the augmented grid (`truth`, margins included) holding 1..min−1 that every consistent table gives the same value. */
export function disclosedSmallCells(view: PublishedView, min: number, truth: number[][]): string[] {
  const values = feasibleValues(view, min);
  const m = view.cells.length;
  const n = view.cells[0]!.length;
  const shownAt = (i: number, j: number): Shown | null =>
    i < m && j < n ? view.cells[i]![j]! : i < m ? view.rowTotals[i] ?? null : j < n ? view.colTotals[j] ?? null : view.total;
  const out: string[] = [];
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      const v = truth[i]![j]!;
      if (shownAt(i, j) !== v && v > 0 && v < min && (values.get(`${i},${j}`)?.size ?? 0) < 2) out.push(`${i},${j}`);
    }
  }
  return out;
}

/** Rows and columns (with their totals) holding exactly one withheld cell: the brief's subtraction attack. */
export function linesWithOneWithheld(view: PublishedView): string[] {
  const m = view.cells.length;
  const n = view.cells[0]!.length;
  const unknown = (s: Shown | null) => s !== null && typeof s !== "number";
  const out: string[] = [];
  const rows = [...view.cells.map((r, i) => [...r, view.rowTotals[i] ?? null]), [...view.colTotals, view.total]];
  rows.forEach((r, i) => {
    // An unpublished total (null) makes the line unusable for subtraction.
    if (r.at(-1) !== null && r.filter(unknown).length === 1) out.push(`row ${i}`);
  });
  for (let j = 0; j <= n; j++) {
    const col = rows.map((r) => r[j] ?? null);
    if (col[m] !== null && col.filter(unknown).length === 1) out.push(`col ${j}`);
  }
  return out;
}
