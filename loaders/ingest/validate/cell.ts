/** Normalise one cell by its column's type: the single switch from contract types to normalisers. */
import type { Column } from "../../contract/tables.ts";
import type { PilotPlan } from "../../plan/types.ts";
import {
  cleanId,
  cleanText,
  cellToString,
  parseBool,
  parseCount,
  parseDate,
  parseDistrict,
  parseEnum,
  parseIndustry,
  parseLevel,
  parseMonth,
  parseNonNegativeAmount,
  parseNumber,
  parsePhone,
  parseUscc,
} from "../normalise/index.ts";
import { fail, type Norm, type RawCell } from "../normalise/result.ts";

/** Longest value a cell may hold, by type: a 10 MB cell is an export fault, not a name. */
export const maxCellLength = { id: 64, text: 300 } as const;

// Excel's error values, as error cells give them and as Excel writes them into a CSV.
const EXCEL_ERRORS = new Set([
  "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#FIELD!",
  "#GETTING_DATA", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#N/A!",
]);

/** The Excel error value a cell holds ("#N/A", "#DIV/0!"…), or null. */
export function excelError(raw: RawCell): string | null {
  // Runs on every cell: strings without a # (half- or full-width) cost one scan and no allocation.
  if (typeof raw !== "string" || raw.length > 20 || (raw.indexOf("#") < 0 && raw.indexOf("＃") < 0)) return null;
  const s = cleanId(raw).toUpperCase();
  return s.charCodeAt(0) === 0x23 && EXCEL_ERRORS.has(s) ? s : null;
}

// `="0012345"`: the formula exports use so that Excel keeps an id as text (leading zeros, long
// digit runs). Only this exact shape is unwrapped; nothing is ever evaluated.
const TEXT_FORMULA_RE = /^="([^"]*)"$/;
function unwrapTextFormula(raw: RawCell): RawCell {
  if (typeof raw !== "string" || raw.charCodeAt(0) !== 0x3d) return raw;
  const m = TEXT_FORMULA_RE.exec(raw);
  return m ? m[1]! : raw;
}

/** Normalise `raw` for `column` of `plan`'s contract; `unit` is "yuan" when the file's header put an amount in 元. */
export function normaliseCell(plan: PilotPlan, column: Column, raw: RawCell, unit: "wan" | "yuan" = "wan"): Norm<string | number | boolean> {
  // A failed formula is no value of any type: say so rather than "not a number" or load "#N/A" as a name.
  const error = excelError(raw);
  if (error !== null) return fail("EXCEL_ERROR", { value: error });
  switch (column.type) {
    case "id": {
      const s = cleanId(cellToString(unwrapTextFormula(raw)));
      if (s.length > maxCellLength.id) return fail("CELL_TOO_LONG", { length: s.length, max: maxCellLength.id });
      return { ok: true, value: s === "" ? null : s };
    }
    case "text": {
      if (column.key === "phone") return parsePhone(raw);
      const s = cleanText(cellToString(raw));
      if (s.length > maxCellLength.text) return fail("CELL_TOO_LONG", { length: s.length, max: maxCellLength.text });
      return { ok: true, value: s === "" ? null : s };
    }
    case "uscc":
      return parseUscc(unwrapTextFormula(raw));
    case "district":
      return parseDistrict(raw, plan);
    case "industry":
      return parseIndustry(raw, plan);
    case "int":
      return parseCount(raw);
    case "wan":
      return parseNonNegativeAmount(raw, unit);
    case "number":
      return parseNumber(raw);
    case "date":
      return parseDate(raw);
    case "month":
      return parseMonth(raw);
    case "bool":
      return parseBool(raw);
    case "level":
      return parseLevel(raw, plan);
    case "enum": {
      const alias = column.valueAliases?.[cleanText(cellToString(raw))];
      return parseEnum(alias ?? raw, column.values ?? []);
    }
  }
}
