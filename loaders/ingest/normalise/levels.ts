/** Digital levels (一级–四级 of the 2024 assessment) as numbers, from the many ways sheets write them. */
import type { PilotPlan } from "../../plan/types.ts";
import { fail, okValue, type Norm, type RawCell } from "./result.ts";
import { cellToString, cleanId, cleanText, isBlank } from "./text.ts";

const LEVEL_SUFFIX = "级";
// "Level 2", "Lv2", "L2"; the longer prefixes first so "level" is not read as "l" + "evel".
const PREFIX_RE = /^(?:level|lv\.?|l)(?=.)/;
const ZERO_FRACTION_RE = /\.0+$/;
const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
// Unicode's single-character numerals ⅰ–ⅹ (U+2170…), which lower-casing gives for Ⅰ–Ⅹ.
const SMALL_ROMAN_ONE = 0x2170;

// Built once per plan object: ingest looks up hundreds of thousands of cells.
const lookups = new WeakMap<PilotPlan, Map<string, number>>();
function levelsOf(plan: PilotPlan): Map<string, number> {
  let levels = lookups.get(plan);
  if (levels !== undefined) return levels;
  levels = new Map<string, number>();
  for (const [k, name] of Object.entries(plan.levels.names)) {
    const level = Number(k);
    const words = [k, name.toLowerCase()];
    // "二级" → "二": people drop the 级 as often as they keep it.
    if (name.endsWith(LEVEL_SUFFIX)) words.push(name.slice(0, -LEVEL_SUFFIX.length));
    const roman = ROMAN[level - 1];
    if (roman !== undefined) words.push(roman, String.fromCharCode(SMALL_ROMAN_ONE + level - 1));
    for (const w of words) levels.set(w, level);
  }
  lookups.set(plan, levels);
  return levels;
}

/** A digital level 1–4 from 一级, 2, "L3", "Level 4", "Ⅱ级" and the like. */
export function parseLevel(raw: RawCell, plan: PilotPlan): Norm<number> {
  const levels = levelsOf(plan);
  if (raw === null || raw === undefined) return okValue(null);
  if (typeof raw === "number") {
    const level = levels.get(String(raw));
    return level === undefined ? fail("INVALID_LEVEL", { value: cellToString(raw) }) : okValue(level);
  }
  const text = cleanText(cellToString(raw));
  if (isBlank(text)) return okValue(null);
  let key = cleanId(text).toLowerCase();
  let level = levels.get(key);
  if (level === undefined) {
    key = key.replace(PREFIX_RE, "").replace(ZERO_FRACTION_RE, "");
    if (key.endsWith(LEVEL_SUFFIX)) key = key.slice(0, -LEVEL_SUFFIX.length);
    level = levels.get(key);
  }
  return level === undefined ? fail("INVALID_LEVEL", { value: text }) : okValue(level);
}
