/** Seeded randomness: every draw in the sample comes from here, so a seed fixes the whole output. */
import seedrandom from "seedrandom";

/** A seeded random stream with the few draws the world model needs. */
export class Rng {
  private readonly r: seedrandom.PRNG;

  constructor(seed: string) {
    this.r = seedrandom.alea(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.r();
  }

  /** Whole number in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }

  /** Uniform in [lo, hi). */
  float(lo: number, hi: number): number {
    return lo + this.r() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.r() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.r() * items.length)]!;
  }

  /** One item, drawn with the given weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.r() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.r();
    const v = this.r();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-sd. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.r() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** FNV-1a over a string, continuing from state h (parts are separated by a 0x01 byte). */
export function hashMore(h: number, part: string | number): number {
  const s = String(part);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= 1;
  return Math.imul(h, 0x01000193);
}

/** The starting state of hashMore. */
export const HASH_START = 0x811c9dc5;

/** The state h as a number in [0, 1), after one avalanche round so neighbouring ids spread out. */
export function hashFinish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

/** A stable number in [0, 1) for a list of parts: the same row gets the same quirk every week. */
export function hashUnit(...parts: (string | number)[]): number {
  let h = HASH_START;
  for (const p of parts) h = hashMore(h, p);
  return hashFinish(h);
}
