/** Yes/no cells: 是/否, Y/N, true/false, 1/0, ticks and crosses, and XLSX booleans. */
import { fail, okValue, type Norm, type RawCell } from "./result.ts";
import { cellToString, cleanId, cleanText, isBlank } from "./text.ts";

const TRUE_WORDS = ["是", "y", "yes", "true", "1", "√", "✓", "✔"];
// ✕ and ✖ are the heavier crosses some fonts' symbol pickers offer beside ×.
const FALSE_WORDS = ["否", "n", "no", "false", "0", "×", "✗", "✘", "✕", "✖"];
const BOOLS = new Map<string, boolean>([...TRUE_WORDS.map((w) => [w, true] as const), ...FALSE_WORDS.map((w) => [w, false] as const)]);

/** A boolean from a yes/no word, 1/0, a tick or a cross; empty cells are null. */
export function parseBool(raw: RawCell): Norm<boolean> {
  if (raw === null || raw === undefined) return okValue(null);
  if (typeof raw === "boolean") return okValue(raw);
  const text = cleanText(cellToString(raw));
  if (isBlank(text)) return okValue(null);
  const b = BOOLS.get(cleanId(text).toLowerCase());
  return b === undefined ? fail("INVALID_BOOL", { value: text }) : okValue(b);
}
