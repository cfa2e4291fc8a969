/**
 * Small-cell suppression for the public site (issue 6). A table is its interior cells plus its
 * margins (row totals, column totals, grand total); every cell, margins included, is a member of
 * one row line and one column line, and each line adds up (interior cells = the line's total).
 *
 * Primary suppression: every count below `min` (0, 1 or 2) reads "<3", as the rule says; an
 * amount built from 1 or 2 contributors reads "—" (an amount of 0 comes from nobody and shows).
 * Complementary suppression then withholds more cells ("—") until
 *  1. no line has exactly one unknown cell (the brief's rule: a lone "<3" or "—" in a row or
 *     column is its total minus the rest), complements included, so chains of subtractions
 *     cannot start; and
 *  2. a reader who knows every published number and total and what the signs imply ("<3" is 0–2,
 *     a withheld count ≥ 3) cannot pin a cell holding 1 or 2 enterprises to one value by
 *     propagating bounds along rows and columns (attackerBounds.ts). A "<3" that bounds show to be
 *     0 (a row of "<3" whose total the published cells already reach) discloses no enterprise.
 */
import { attackerBounds, isExposed, type Bound } from "./attackerBounds.ts";

export type TableKind = "count" | "amount";

/** What a reader sees in a cell: the number, "<3" (a count of 1 or 2), or "—" (withheld). */
export type Shown = number | string;

/** published: shown as is; small: a count below min ("<3"); withheld: "—"; hidden: a margin the table does not publish. */
export type CellState = "published" | "small" | "withheld" | "hidden";

/** Thrown when no choice of complementary cells protects a table; the caller withholds the table whole. */
export class CannotProtect extends Error {}

/** The sign "—" of a withheld cell. */
export const WITHHELD = "—";

/** The sign of a count below `min`: "<3". */
export const smallSign = (min: number): string => `<${min}`;

export interface GridInput {
  kind: TableKind;
  /** Interior values, rows × columns (counts, or amounts in 万元). */
  values: number[][];
  /** Amount tables: how many distinct contributors each interior cell is built from. */
  contributors?: number[][];
  rowContributors?: number[];
  colContributors?: number[];
  totalContributors?: number;
  /** Which margins the table publishes (all by default). An unpublished margin is unknown to the reader. */
  publishRowTotals?: boolean;
  publishColTotals?: boolean;
  publishTotal?: boolean;
}

export interface SuppressOptions {
  /** The smallest count (or number of contributors) that may be published: plan.monitoring.publicMinCount. */
  min: number;
  /** Amounts: the reader's range for a withheld amount must span at least this share of it. */
  amountProtection?: number;
}

export interface SuppressedGrid {
  cells: Shown[][];
  /** null where the margin is not published. */
  rowTotals: (Shown | null)[];
  colTotals: (Shown | null)[];
  total: Shown | null;
  /** The state of every cell of the augmented (rows+1) × (cols+1) grid: margins in the last row and column. */
  states: CellState[][];
}

/** A cell of the augmented grid. */
export interface Pos {
  i: number;
  j: number;
}

/** One additive line: members with coefficient +1 (interior) and its total with −1. */
export interface Line {
  members: Pos[];
  total: Pos;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** The augmented grid: interior, row totals in column n, column totals in row m, grand total at (m, n). */
export function augment(values: number[][]): number[][] {
  const m = values.length;
  const n = m > 0 ? values[0]!.length : 0;
  const rows = values.map((r) => {
    if (r.length !== n) throw new Error("suppress: ragged table");
    return [...r, sum(r)];
  });
  const colTotals = Array.from({ length: n + 1 }, (_, j) => sum(rows.map((r) => r[j]!)));
  return [...rows, colTotals];
}

/** Every row and column line of an augmented grid of m × n interior cells. */
export function lines(m: number, n: number): Line[] {
  const out: Line[] = [];
  for (let i = 0; i <= m; i++) out.push({ members: Array.from({ length: n }, (_, j) => ({ i, j })), total: { i, j: n } });
  for (let j = 0; j <= n; j++) out.push({ members: Array.from({ length: m }, (_, i) => ({ i, j })), total: { i: m, j } });
  return out;
}

/** The bound a reader can assume for a cell from its state alone (what "<3", "—" and hiding imply). */
export function shownBound(state: CellState, value: number, kind: TableKind, min: number): Bound {
  switch (state) {
    case "published":
      return { lo: value, hi: value };
    case "small":
      return { lo: 0, hi: min - 1 };
    case "withheld":
      // A withheld count is a complementary cell, and only counts ≥ min are published or withheld.
      return kind === "count" ? { lo: min, hi: Infinity } : { lo: 0, hi: Infinity };
    case "hidden":
      return { lo: 0, hi: Infinity };
  }
}

/** Suppress a table: primary cells, then complementary cells until no withheld cell can be worked out. */
export function suppressGrid(input: GridInput, opts: SuppressOptions): SuppressedGrid {
  const { kind, values } = input;
  const { min } = opts;
  const protection = opts.amountProtection ?? 0.2;
  const m = values.length;
  const n = m > 0 ? values[0]!.length : 0;
  const a = augment(values);
  if (kind === "count" && a.some((r) => r.some((v) => !Number.isInteger(v) || v < 0))) {
    throw new Error("suppress: counts must be whole numbers ≥ 0");
  }
  if (kind === "amount" && !input.contributors) throw new Error("suppress: an amount table needs its contributors");
  const contrib = (i: number, j: number): number => {
    if (kind === "count") return a[i]![j]!;
    if (i < m && j < n) return input.contributors![i]![j]!;
    if (i < m) return input.rowContributors?.[i] ?? 0;
    if (j < n) return input.colContributors?.[j] ?? 0;
    return input.totalContributors ?? 0;
  };
  const hidden = (i: number, j: number): boolean =>
    (i < m && j === n && input.publishRowTotals === false) ||
    (i === m && j < n && input.publishColTotals === false) ||
    (i === m && j === n && input.publishTotal === false);

  // Primary suppression.
  const states: CellState[][] = a.map((r, i) =>
    r.map((_, j) => {
      if (hidden(i, j)) return "hidden";
      const c = contrib(i, j);
      if (kind === "count" && c < min) return "small";
      if (kind === "amount" && c > 0 && c < min) return "withheld";
      if (kind === "amount" && c === 0 && a[i]![j]! !== 0) throw new Error("suppress: an amount with no contributor");
      return "published";
    }),
  );
  // The cells that hold 1 or 2 enterprises (or contributors): the ones no reader may pin down.
  const primary = states.map((r, i) => r.map((s, j) => s !== "hidden" && s !== "published" && contrib(i, j) > 0));
  const allLines = lines(m, n);
  const unknown = (p: Pos): boolean => states[p.i]![p.j] !== "published";
  const isMargin = (p: Pos): boolean => p.i === m || p.j === n;

  // The cell to withhold next in a line: interior before margins; then one whose crossing line already
  // has an unknown (it closes a cycle instead of starting a new lone cell); then the smallest; then the first.
  const crossingUnknowns = (p: Pos, along: "row" | "col"): number => {
    const cross = along === "row" ? allLines[m + 1 + p.j]! : allLines[p.i]!;
    return [...cross.members, cross.total].filter(unknown).length;
  };
  const candidate = (cells: Pos[], along: "row" | "col"): Pos | null => {
    const open = cells
      .filter((p) => states[p.i]![p.j] === "published" && a[p.i]![p.j]! > 0)
      .map((p) => ({ p, closes: crossingUnknowns(p, along) > 0 }));
    open.sort(
      (x, y) =>
        Number(isMargin(x.p)) - Number(isMargin(y.p)) ||
        Number(y.closes) - Number(x.closes) ||
        a[x.p.i]![x.p.j]! - a[y.p.i]![y.p.j]!,
    );
    return open[0]?.p ?? null;
  };
  const withhold = (p: Pos): void => {
    states[p.i]![p.j] = "withheld";
  };

  for (let guard = 0; guard <= (m + 1) * (n + 1); guard++) {
    // 1. A line with exactly one unknown cell gives it away by subtraction: withhold a second one.
    let changed = false;
    for (const [k, line] of allLines.entries()) {
      const cells = [...line.members, line.total];
      const unknowns = cells.filter(unknown);
      // A lone hidden margin gives nothing away; any other lone unknown (a zero shown "<3" too) would.
      if (unknowns.length !== 1 || states[unknowns[0]!.i]![unknowns[0]!.j] === "hidden") continue;
      const next = candidate(cells, k <= m ? "row" : "col");
      if (!next) throw new CannotProtect("suppress: a withheld cell cannot be protected in its line");
      withhold(next);
      changed = true;
    }
    if (changed) continue;

    // 2. The reader's bounds: any primary cell they can pin down gets a further complement.
    const bounds = attackerBounds(
      a.map((r, i) => r.map((v, j) => shownBound(states[i]![j]!, v, kind, min))),
      allLines,
      kind === "count",
    );
    const exposed = a.flatMap((r, i) =>
      r.flatMap((v, j) => (primary[i]![j] && isExposed(bounds[i]![j]!, v, kind === "count", protection) ? [{ i, j }] : [])),
    );
    if (exposed.length === 0) {
      return present(a, states, m, n, min);
    }
    // Withhold next to the exposed cell; failing that, next to any cell the reader can pin (the
    // chain that exposes it); failing that, the smallest published cell anywhere.
    const p = exposed[0]!;
    const lineCells = (k: number): Pos[] => [...allLines[k]!.members, allLines[k]!.total];
    const along = (k: number): "row" | "col" => (k <= m ? "row" : "col");
    const pinned = a.flatMap((r, i) => r.flatMap((v, j) => (states[i]![j] !== "published" && isExposed(bounds[i]![j]!, v, kind === "count", protection) ? [{ i, j }] : [])));
    const near = [p, ...pinned].flatMap((q) => [q.i, m + 1 + q.j]);
    const next =
      near.reduce<Pos | null>((found, k) => found ?? candidate(lineCells(k), along(k)), null) ??
      candidate(a.flatMap((r, i) => r.map((_, j) => ({ i, j }))), "row");
    if (!next) throw new CannotProtect("suppress: a primary cell stays exposed with every cell around it withheld");
    withhold(next);
  }
  throw new Error("suppress: did not settle");
}

function present(a: number[][], states: CellState[][], m: number, n: number, min: number): SuppressedGrid {
  const show = (i: number, j: number): Shown | null => {
    const s = states[i]![j]!;
    return s === "published" ? a[i]![j]! : s === "small" ? smallSign(min) : s === "withheld" ? WITHHELD : null;
  };
  return {
    cells: Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => show(i, j)!)),
    rowTotals: Array.from({ length: m }, (_, i) => show(i, n)),
    colTotals: Array.from({ length: n }, (_, j) => show(m, j)),
    total: show(m, n),
    states,
  };
}

/** A single published count (a city total, a KPI): the number, or "<3" below min. */
export function suppressCount(v: number, min: number): Shown {
  return v < min ? smallSign(min) : v;
}

/** Whether a shown value is a published number. */
export function isPublished(v: Shown | null | undefined): v is number {
  return typeof v === "number";
}
