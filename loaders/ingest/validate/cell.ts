/** Normalise one cell by its column's type: the single switch from contract types to normalisers. */
import type { Column } from "../../contract/tables.ts";
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
  parseNonNegativeAmount,
  parseNumber,
  parsePhone,
  parseUscc,
} from "../normalise/index.ts";
import { fail, type Norm, type RawCell } from "../normalise/result.ts";

/** Longest value a cell may hold, by type: a 10 MB cell is an export fault, not a name. */
export const maxCellLength = { id: 64, text: 300 } as const;

/** Normalise `raw` for `column`; `unit` is "yuan" when the file's header put an amount in 元. */
export function normaliseCell(column: Column, raw: RawCell, unit: "wan" | "yuan" = "wan"): Norm<string | number | boolean> {
  switch (column.type) {
    case "id": {
      const s = cleanId(cellToString(raw));
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
      return parseUscc(raw);
    case "district":
      return parseDistrict(raw);
    case "industry":
      return parseIndustry(raw);
    case "int":
      return parseCount(raw);
    case "wan":
      return parseNonNegativeAmount(raw, unit);
    case "number":
      return parseNumber(raw);
    case "date":
      return parseDate(raw);
    case "bool":
      return parseBool(raw);
    case "level":
      return parseLevel(raw);
    case "enum": {
      const alias = column.valueAliases?.[cleanText(cellToString(raw))];
      return parseEnum(alias ?? raw, column.values ?? []);
    }
  }
}
