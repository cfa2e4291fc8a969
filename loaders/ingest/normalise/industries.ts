/** The plan's pilot industries (三(二)) to their keys, from names, short names, keys and aliases. */
import type { PilotPlan } from "../../plan/types.ts";
import { fail, okValue, type Norm, type RawCell } from "./result.ts";
import { cellToString, cleanId, cleanText, isBlank } from "./text.ts";

// Width-folded and space-free, so "智能网联与新能源汽车（零部件）" and "(零部件)" meet; lower-cased for the keys.
const lookupKey = (s: string): string => cleanId(s).toLowerCase();

// Built once per plan object: ingest looks up hundreds of thousands of cells.
const lookups = new WeakMap<PilotPlan, Map<string, string>>();
function industriesOf(plan: PilotPlan): Map<string, string> {
  let industries = lookups.get(plan);
  if (industries !== undefined) return industries;
  industries = new Map<string, string>();
  for (const ind of plan.industries) {
    for (const form of [ind.key, ind.name, ind.short, ...ind.aliases]) {
      const key = lookupKey(form);
      // First entry wins, so an alias can never silently move to a second industry.
      if (key !== "" && !industries.has(key)) industries.set(key, ind.key);
    }
  }
  lookups.set(plan, industries);
  return industries;
}

/** The industry key for a name, short name, key or alias of a pilot industry. */
export function parseIndustry(raw: RawCell, plan: PilotPlan): Norm<string> {
  if (raw === null || raw === undefined) return okValue(null);
  const text = cleanText(cellToString(raw));
  if (isBlank(text)) return okValue(null);
  const key = industriesOf(plan).get(lookupKey(text));
  return key === undefined ? fail("INVALID_INDUSTRY", { value: text }) : okValue(key);
}
