/**
 * What a reader of a published table can work out about its withheld cells: each cell starts
 * with the bound its sign implies (a number is exact, "<3" is 1–2, "—" is ≥ 3 or unknown), and
 * every additive line (its members add up to its total) tightens the bounds of its unknowns; the
 * lines are swept until nothing changes. This is subtraction along rows and columns, iterated and
 * with bounds, the attack complementary suppression must withstand.
 */
import type { Line } from "./suppress.ts";

/** The range a reader can narrow a cell to: lo ≤ value ≤ hi. */
export interface Bound {
  lo: number;
  hi: number;
}

const EPS = 1e-9;
const MAX_SWEEPS = 500;

/** Tighten `start` (one bound per augmented cell) along `lines` until stable; integral rounds to whole numbers. */
export function attackerBounds(start: Bound[][], lines: Line[], integral: boolean): Bound[][] {
  const b = start.map((r) => r.map((x) => ({ ...x })));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let changed = false;
    for (const line of lines) {
      // The line as Σ coef·x = 0: interior members +1, the total −1.
      const terms = [...line.members.map((p) => ({ p, c: 1 })), { p: line.total, c: -1 }];
      for (const t of terms) {
        const self = b[t.p.i]![t.p.j]!;
        if (self.lo === self.hi) continue;
        // coef·x = −Σ others: bound the others' sum, then solve for x.
        let othersLo = 0;
        let othersHi = 0;
        for (const o of terms) {
          if (o === t) continue;
          const x = b[o.p.i]![o.p.j]!;
          othersLo += o.c > 0 ? x.lo : -x.hi;
          othersHi += o.c > 0 ? x.hi : -x.lo;
        }
        let lo = t.c > 0 ? -othersHi : othersLo;
        let hi = t.c > 0 ? -othersLo : othersHi;
        if (integral) {
          lo = Math.ceil(lo - EPS);
          hi = Math.floor(hi + EPS);
        }
        if (lo > self.lo + EPS) {
          self.lo = lo;
          changed = true;
        }
        if (hi < self.hi - EPS) {
          self.hi = hi;
          changed = true;
        }
        if (self.lo > self.hi + EPS) throw new Error("attackerBounds: the published table is inconsistent");
      }
    }
    if (!changed) return b;
  }
  return b;
}

/**
 * Whether a withheld cell of true value `v` is given away by its bound: a count pinned to one
 * whole number, an amount narrowed to less than `protection` × v (or to a point).
 */
export function isExposed(bound: Bound, v: number, integral: boolean, protection: number): boolean {
  if (integral) return bound.hi - bound.lo < 1;
  const width = bound.hi - bound.lo;
  return width <= EPS || width < protection * Math.abs(v);
}
