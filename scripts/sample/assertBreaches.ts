/** A guard: the rules must find exactly the breaches the world was built to hold (none by accident). */
import { breachesAt } from "./compliance.ts";
import type { World } from "./types.ts";

export function assertBreaches(w: World): void {
  const key = (b: { rule: string; entity_id: string }) => `${b.rule}|${b.entity_id}`;
  w.snapshots.forEach((d, i) => {
    const found = breachesAt(w, i).map(key);
    const stray = found.filter((f) => !w.intendedBreaches.has(f));
    if (stray.length > 0) throw new Error(`snapshot ${d}: unintended breaches ${stray.join(", ")}`);
    if (i === w.snapshots.length - 1) {
      const missing = [...w.intendedBreaches].filter((b) => !found.includes(b));
      if (missing.length > 0) throw new Error(`snapshot ${d}: intended breaches not found ${missing.join(", ")}`);
    }
  });
}
