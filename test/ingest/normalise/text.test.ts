import { describe, expect, test } from "vitest";
import { cellToString, cleanId, cleanText, foldWidth, isBlank, isoDate } from "../../../loaders/ingest/normalise/index.ts";

describe("foldWidth", () => {
  test("should fold full-width letters, digits and brackets to ASCII", () => {
    expect(foldWidth("ＡＢＣ１２３（零部件）")).toBe("ABC123(零部件)");
  });
  test("should fold the first and last characters of the full-width block", () => {
    expect(foldWidth("\uFF01\uFF5E")).toBe("!~");
  });
  test("should turn the ideographic space into a space", () => {
    expect(foldWidth("黄埔\u3000区")).toBe("黄埔 区");
  });
  test("should leave CJK, ASCII and ￥ (outside the block) alone", () => {
    expect(foldWidth("黄埔区 abc ￥")).toBe("黄埔区 abc ￥");
  });
});

describe("cleanText", () => {
  test("should remove zero-width characters anywhere", () => {
    expect(cleanText("\uFEFF黄\u200B埔\u200C区\u200D\u2060")).toBe("黄埔区");
  });
  test("should turn NBSP, U+3000 and other unicode spaces into one space", () => {
    expect(cleanText("a\u00A0b\u3000c\u2003d\u202Fe\u205Ff\u0085g")).toBe("a b c d e f g");
  });
  test("should collapse runs of whitespace and trim", () => {
    expect(cleanText("  广州 \t\n 某某  公司  ")).toBe("广州 某某 公司");
  });
  test("should keep a clean string as it is", () => {
    expect(cleanText("广州某某有限公司 A")).toBe("广州某某有限公司 A");
  });
  test("should give an empty string for whitespace and zero-width only", () => {
    expect(cleanText(" \u3000\u200B\uFEFF ")).toBe("");
  });
  test("should not fold width", () => {
    expect(cleanText("ＡＢＣ")).toBe("ＡＢＣ");
  });
});

describe("cleanId", () => {
  test("should fold width and remove every whitespace and zero-width character", () => {
    expect(cleanId(" ＸＭ－２０２５\u3000０１\u200B ")).toBe("XM-202501");
    expect(cleanId("P 2025 001")).toBe("P2025001");
  });
  test("should keep a clean id as it is", () => {
    expect(cleanId("P2025-001")).toBe("P2025-001");
  });
});

describe("cellToString", () => {
  test("should give an empty string for null", () => {
    expect(cellToString(null)).toBe("");
  });
  test("should return strings untouched", () => {
    expect(cellToString(" 1E+06 ")).toBe(" 1E+06 ");
  });
  test("should write numbers without exponent", () => {
    expect(cellToString(1e6)).toBe("1000000");
    expect(cellToString(1e21)).toBe("1000000000000000000000");
    expect(cellToString(1.5e-7)).toBe("0.00000015");
    expect(cellToString(-2.5e-7)).toBe("-0.00000025");
  });
  test("should remove binary float noise", () => {
    expect(cellToString(0.1 + 0.2)).toBe("0.3");
    expect(cellToString(1.1 * 3)).toBe("3.3");
  });
  test("should keep every digit of large integers", () => {
    expect(cellToString(9007199254740991)).toBe("9007199254740991");
    expect(cellToString(-0)).toBe("0");
  });
  test("should write a date cell as its UTC day", () => {
    expect(cellToString(new Date(Date.UTC(2025, 2, 1)))).toBe("2025-03-01");
    // Beijing midnight of 1 March is still 28 February in UTC: the UTC day is what exceljs means.
    expect(cellToString(new Date("2025-02-28T16:00:00Z"))).toBe("2025-02-28");
  });
  test("should write booleans as true/false", () => {
    expect(cellToString(true)).toBe("true");
    expect(cellToString(false)).toBe("false");
  });
});

describe("isBlank", () => {
  test("should treat null, empty, whitespace and placeholders as blank", () => {
    for (const v of [null, "", "   ", "\u3000", "\u200B", "-", " - ", "—", "——", "―", "–", "/", "－", "／", "--"]) {
      expect(isBlank(v), JSON.stringify(v)).toBe(true);
    }
  });
  test("should treat values, 无, zero and false as present", () => {
    for (const v of ["无", "0", "-1", "a", "/a", 0, false, new Date(0)]) {
      expect(isBlank(v), JSON.stringify(v)).toBe(false);
    }
  });
});

describe("isoDate", () => {
  test("should pad month, day and year", () => {
    expect(isoDate(2025, 3, 1)).toBe("2025-03-01");
    expect(isoDate(999, 12, 31)).toBe("0999-12-31");
  });
});
