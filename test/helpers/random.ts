// Seeded randomness for the fuzz tests: the same seed builds the same inputs on every run.

export type Rng = () => number;

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
/** One element of `xs`. */
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;
/** True with probability `p`. */
export const chance = (rng: Rng, p: number): boolean => rng() < p;
