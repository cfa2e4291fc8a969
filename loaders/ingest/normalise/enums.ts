/** Closed lists (statuses, sources, tiers …) matched strictly: only whitespace, width and letter case may differ. */
import { fail, okValue, type Norm, type RawCell } from "./result.ts";
import { cellToString, cleanId, cleanText, isBlank } from "./text.ts";

const lookupKey = (s: string): string => cleanId(s).toLowerCase();

// The lists come from the contract and live for the whole run: index each one once, not per cell.
const indexes = new WeakMap<readonly string[], Map<string, string>>();
function indexOf(values: readonly string[]): Map<string, string> {
  let index = indexes.get(values);
  if (index === undefined) {
    index = new Map();
    for (const v of values) {
      const key = lookupKey(v);
      // The first spelling is canonical when two values differ only in case or width.
      if (!index.has(key)) index.set(key, v);
    }
    indexes.set(values, index);
  }
  return index;
}

/** The canonical spelling of one of `values`; unknown values fail with the allowed list. */
export function parseEnum(raw: RawCell, values: readonly string[]): Norm<string> {
  if (raw === null || raw === undefined) return okValue(null);
  const text = cleanText(cellToString(raw));
  if (isBlank(text)) return okValue(null);
  const list = Array.isArray(values) ? values : [];
  const canonical = indexOf(list).get(lookupKey(text));
  return canonical === undefined ? fail("INVALID_ENUM", { value: text, allowed: list.join("/") }) : okValue(canonical);
}
