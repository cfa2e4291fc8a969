import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { attackerBounds } from "../../loaders/public/attackerBounds.ts";
import { augment, CannotProtect, lines, shownBound, suppressCount, suppressGrid, type SuppressedGrid } from "../../loaders/public/suppress.ts";
import { disclosedSmallCells, linesWithOneWithheld, type PublishedView } from "./feasible.ts";

const min = 3;
const view = (g: SuppressedGrid): PublishedView => ({ cells: g.cells, rowTotals: g.rowTotals, colTotals: g.colTotals, total: g.total });
/** Withheld cells holding 1 or 2 that a reader can pin down (must be none). */
const disclosed = (g: SuppressedGrid, values: number[][]) => disclosedSmallCells(view(g), min, augment(values));

describe("suppressGrid: counts", () => {
  test("should show a 2 as <3 and withhold a rectangle of complements that keeps it unknown", () => {
    // 2 is alone in row 0 and column 0. Row 0 takes its smallest other cell (6); column 0 its
    // smallest (5, row 2); column 1 then prefers 10 over 4 because row 2 already has a withheld
    // cell, which closes the rectangle (0,0) (0,1) (2,0) (2,1): three complements.
    const values = [[2, 6, 9], [7, 4, 8], [5, 10, 12]];
    const g = suppressGrid({ kind: "count", values }, { min });
    expect(g.cells).toEqual([["<3", "—", 9], [7, 4, 8], ["—", "—", 12]]);
    expect(g.rowTotals).toEqual([17, 19, 27]);
    expect(g.colTotals).toEqual([14, 20, 29]);
    expect(g.total).toBe(63);
    // By hand: x00 + x01 = 8, x20 + x21 = 15, x00 + x20 = 7, x01 + x21 = 16, x00 in 0..2, the rest
    // ≥ 3: x00 = 0, 1, 2 give (8, 7, 8), (7, 6, 9), (6, 5, 10): all consistent.
    expect(disclosed(g, values)).toEqual([]);
    expect(linesWithOneWithheld(view(g))).toEqual([]);
  });

  test("should protect a 1 and a 2 in different rows and columns", () => {
    const values = [[5, 1, 7], [4, 6, 8], [3, 9, 2]];
    const g = suppressGrid({ kind: "count", values }, { min });
    expect(g.cells).toEqual([[5, "<3", "—"], [4, 6, 8], [3, "—", "<3"]]);
    expect([g.rowTotals, g.colTotals, g.total]).toEqual([[13, 18, 14], [12, 16, 17], 45]);
    // By hand: with a = x01 and b = x22: x02 = 8 − a, x21 = 10 − a, and row 2 gives b = a + 1, so
    // (a, b) is (0, 1) or (1, 2): neither cell has a single value.
    expect(disclosed(g, values)).toEqual([]);
    expect(linesWithOneWithheld(view(g))).toEqual([]);
  });

  test("should not let a small cell be recovered from a column whose other cells are published", () => {
    // Row 0 alone is safe (two "<3" adding up to 2 can be 0+2, 1+1, 2+0), but column 0 would give
    // 5 − 4 = 1: 4 is withheld, then 6 to close the rectangle with column 1.
    const values = [[1, 1, 9], [4, 6, 8]];
    const g = suppressGrid({ kind: "count", values }, { min });
    expect(g.cells).toEqual([["<3", "<3", 9], ["—", "—", 8]]);
    expect([g.rowTotals, g.colTotals, g.total]).toEqual([[11, 18], [5, 7, 17], 29]);
    expect(disclosed(g, values)).toEqual([]);
    expect(linesWithOneWithheld(view(g))).toEqual([]);
  });

  test("should show every count below 3, zeros and totals included, as <3 and protect the 2s", () => {
    // District 0 has 2 enterprises in all: its cell and its total read "<3", and so do the zeros.
    // Row 1's lone "<3" takes its first 3 (column 0 already has an unknown); column 1's lone "<3"
    // takes the other 3; the totals column's lone "<3" (R0) takes R1 = 6.
    const values = [[2, 0, 0], [3, 3, 0], [10, 12, 7]];
    const g = suppressGrid({ kind: "count", values }, { min });
    expect(g.cells).toEqual([["<3", "<3", "<3"], ["—", "—", "<3"], [10, 12, 7]]);
    expect(g.rowTotals).toEqual(["<3", "—", 29]);
    expect([g.colTotals, g.total]).toEqual([[15, 15, 7], 37]);
    // By hand: columns 1 and 2 show the zeros are 0 (harmless); x00 + x10 = 5 with x10 ≥ 3, and
    // R0 + R1 = 8 with R0 = x00, R1 = x10 + 3: x00 = 0, 1 or 2 all fit.
    expect(disclosed(g, values)).toEqual([]);
    expect(linesWithOneWithheld(view(g))).toEqual([]);
  });

  test("should publish counts of 3 or more as they are", () => {
    const g = suppressGrid({ kind: "count", values: [[3, 3], [4, 5]] }, { min });
    expect([g.cells, g.rowTotals, g.colTotals, g.total]).toEqual([[[3, 3], [4, 5]], [6, 9], [7, 8], 15]);
  });

  test("should protect cells against the published column totals only when row totals are not published", () => {
    const values = [[1, 5], [4, 0], [6, 2]];
    const g = suppressGrid({ kind: "count", values, publishRowTotals: false, publishTotal: false }, { min });
    // Column 0 alone would give 11 − 6 − 4 = 1, so 4 goes; column 1 has two "<3" adding up to 2 (0+2,
    // 1+1, 2+0), so 5 stays. Rows add nothing: their totals are not published.
    expect(g.cells).toEqual([["<3", 5], ["—", "<3"], [6, "<3"]]);
    expect([g.rowTotals, g.colTotals, g.total]).toEqual([[null, null, null], [11, 7], null]);
    expect(linesWithOneWithheld(view(g))).toEqual([]);
  });

  test("should keep every cell of 1 or 2 unrecoverable in random small tables, or refuse the table", () => {
    const table = fc
      .record({ m: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 3 }) })
      .chain(({ m, n }) => fc.array(fc.array(fc.oneof(fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 7 })), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));
    let refused = 0;
    fc.assert(
      fc.property(table, (values) => {
        let g: SuppressedGrid;
        try {
          g = suppressGrid({ kind: "count", values }, { min });
        } catch (e) {
          // Only a table whose signs alone give a cell away may be refused (publicTable then withholds it whole).
          expect(e).toBeInstanceOf(CannotProtect);
          refused++;
          return;
        }
        expect(linesWithOneWithheld(view(g))).toEqual([]);
        expect(disclosed(g, values)).toEqual([]);
        // Every shown number is the true one, and "<3" is only ever shown for a count below 3.
        const shown = [...g.cells.map((r, i) => [...r, g.rowTotals[i]]), [...g.colTotals, g.total]];
        augment(values).forEach((r, i) => r.forEach((x, j) => {
          const v = shown[i]![j];
          if (typeof v === "number") expect(v).toBe(x);
          expect(v === "<3").toBe(x < min);
        }));
      }),
      { numRuns: 400, seed: 20261120 },
    );
    // Two of the 400 tables with this seed, both tiny: refusal is the rare way out, not the rule.
    expect(refused).toBeLessThan(20);
  });

  test("should refuse a table whose signs alone pin a cell", () => {
    // Rows 2+2 and 1+1: whatever is withheld, "<3" cells under totals of 3 or more force the values.
    expect(() => suppressGrid({ kind: "count", values: [[2, 2], [1, 1]] }, { min })).toThrow(CannotProtect);
  });
});

describe("suppressGrid: amounts", () => {
  test("should withhold an amount built from fewer than 3 contributors however large, and its complements", () => {
    // Training 中央 (2 payees) is large but withheld; 省级 (1 payee) too; the row total of 3 payees shows.
    const g = suppressGrid(
      {
        kind: "amount",
        values: [[500, 20, 30], [100, 80, 0]],
        contributors: [[2, 1, 4], [5, 6, 0]],
        rowContributors: [5, 9],
        colContributors: [6, 6, 4],
        totalContributors: 12,
      },
      { min },
    );
    expect(g.cells).toEqual([["—", "—", 30], ["—", "—", 0]]);
    expect([g.rowTotals, g.colTotals, g.total]).toEqual([[550, 180], [600, 100, 30], 730]);
    // A reader knows a + b = 520, c + d = 180, a + c = 600, b + d = 100: one degree of freedom left.
    const m = 2;
    const n = 3;
    const bounds = attackerBounds(
      augment([[500, 20, 30], [100, 80, 0]]).map((r, i) => r.map((x, j) => shownBound(g.states[i]![j]!, x, "amount", min))),
      lines(m, n),
      false,
    );
    expect(bounds[0]![0]).toEqual({ lo: 420, hi: 520 });
    expect(bounds[0]![1]).toEqual({ lo: 0, hi: 100 });
  });

  test("should withhold a total built from fewer than 3 contributors", () => {
    const g = suppressGrid(
      { kind: "amount", values: [[375, 0]], contributors: [[1, 0]], rowContributors: [1], colContributors: [1, 0], totalContributors: 1 },
      { min },
    );
    expect([g.cells, g.rowTotals, g.colTotals, g.total]).toEqual([[["—", 0]], ["—"], ["—", 0], "—"]);
  });
});

describe("suppressCount", () => {
  test("should show 0, 1 and 2 as <3 and anything else as it is", () => {
    expect([0, 1, 2, 3, 710].map((v) => suppressCount(v, min))).toEqual(["<3", "<3", "<3", 3, 710]);
  });
});
