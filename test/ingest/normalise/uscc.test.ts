import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isValidUscc, parseUscc, usccCheckChar } from "../../../loaders/ingest/normalise/index.ts";

const VALID = ["91440101327598294H", "91440101MA59LU9AX1", "91440101MA5D6ETP8X"];
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const ok = (value: string) => ({ ok: true, value });
const badCheck = (value: string, expected: string) => ({ ok: false, code: "INVALID_USCC_CHECK", params: { value, expected } });
const badFormat = (value: string, detail: string) => ({ ok: false, code: "INVALID_USCC_FORMAT", params: { value, detail } });
const badLength = (value: string, n: number) => badFormat(value, `长度应为18位,实为${n}位 / length must be 18, is ${n}`);
const badChar = (value: string, pos: number, ch: string, hex: string) =>
  badFormat(value, `第${pos}位「${ch}」(${hex})不是有效字符 / position ${pos} '${ch}' (${hex}) is not allowed`);

const replaceAt = (s: string, pos: number, ch: string) => s.slice(0, pos - 1) + ch + s.slice(pos);

/*
 * Worked by hand for 91440101327598294H. Values: digits are themselves, H = 17.
 * weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
 * chars   9 1 4 4  0  1  0  1  3  2  7  5 9  8  2  9  4
 * products 9+3+36+108+0+26+0+17+60+58+175+65+72+192+20+270+112 = 1223
 * 1223 mod 31 = 1223 − 39·31 = 14; check = 31 − 14 = 17 = "H".
 * Mutations of that code:
 *   position 1  9→1: 1223 − 8·1  = 1215, mod 31 = 6,  check 25 = "R"
 *   position 11 7→8: 1223 + 1·25 = 1248, mod 31 = 8,  check 23 = "P"
 *   position 17 4→5: 1223 + 1·28 = 1251, mod 31 = 11, check 20 = "L"
 *   position 18 H→J: the first 17 are unchanged, check stays "H"
 */
describe("usccCheckChar", () => {
  test("should compute the check character of the valid examples", () => {
    expect(usccCheckChar("91440101327598294")).toBe("H");
    expect(usccCheckChar("91440101MA59LU9AX")).toBe("1");
    expect(usccCheckChar("91440101MA5D6ETP8")).toBe("X");
  });
  test("should match the hand-worked mutations", () => {
    expect(usccCheckChar("11440101327598294")).toBe("R");
    expect(usccCheckChar("91440101328598294")).toBe("P");
    expect(usccCheckChar("91440101327598295")).toBe("L");
  });
  test("should give 0 when the weighted sum is a multiple of 31", () => {
    // All zeros: sum 0, (31 − 0) mod 31 = 0.
    expect(usccCheckChar("00000000000000000")).toBe("0");
    // "1" at position 1 then zeros: sum 1, check 30 = "Y".
    expect(usccCheckChar("10000000000000000")).toBe("Y");
  });
  test("should give an empty string for input that is not 17 alphabet characters", () => {
    expect(usccCheckChar("9144010132759829")).toBe("");
    expect(usccCheckChar("914401013275982941")).toBe("");
    expect(usccCheckChar("9144010132759829I")).toBe("");
    expect(usccCheckChar("9144010132759829a")).toBe("");
  });
});

describe("isValidUscc", () => {
  test("should accept the valid examples", () => {
    for (const c of VALID) expect(isValidUscc(c), c).toBe(true);
  });
  test("should reject lower case, padding and wrong checks", () => {
    expect(isValidUscc("91440101ma5d6etp8x")).toBe(false);
    expect(isValidUscc(" 91440101327598294H")).toBe(false);
    expect(isValidUscc("91440101327598294J")).toBe(false);
    expect(isValidUscc("91440101327598294I")).toBe(false);
    expect(isValidUscc("")).toBe(false);
  });
});

describe("parseUscc", () => {
  test("should accept the valid examples", () => {
    for (const c of VALID) expect(parseUscc(c), c).toEqual(ok(c));
  });
  test("should remove spaces and invisible characters and fold full width", () => {
    expect(parseUscc(" 9144 0101 3275 9829 4H ")).toEqual(ok("91440101327598294H"));
    expect(parseUscc("\uFEFF91440101327598294H\u200B")).toEqual(ok("91440101327598294H"));
    expect(parseUscc("９１４４０１０１ＭＡ５Ｄ６ＥＴＰ８Ｘ")).toEqual(ok("91440101MA5D6ETP8X"));
  });
  test("should upper-case lower-case letters with a warning", () => {
    expect(parseUscc("91440101ma5d6etp8x")).toEqual({ ok: true, value: "91440101MA5D6ETP8X", warning: { code: "USCC_LOWERCASE" } });
    expect(parseUscc("91440101327598294h")).toEqual({ ok: true, value: "91440101327598294H", warning: { code: "USCC_LOWERCASE" } });
  });
  test("should give null for an empty cell", () => {
    expect(parseUscc(null)).toEqual({ ok: true, value: null });
    expect(parseUscc("  ")).toEqual({ ok: true, value: null });
    expect(parseUscc("-")).toEqual({ ok: true, value: null });
  });
  test("should fail INVALID_USCC_FORMAT on a wrong length", () => {
    expect(parseUscc("9144010132759829")).toEqual(badLength("9144010132759829", 16));
    expect(parseUscc("91440101327598294H1")).toEqual(badLength("91440101327598294H1", 19));
    expect(parseUscc("440101")).toEqual(badLength("440101", 6));
    // A code typed into a number cell loses its last digits to floating point, and has no letters anyway.
    expect(parseUscc(91440101327598)).toEqual(badLength("91440101327598", 14));
  });
  test("should fail INVALID_USCC_FORMAT naming a character outside the alphabet", () => {
    // Cyrillic А (U+0410) in place of the Latin A at position 10.
    expect(parseUscc("91440101MА59LU9AX1")).toEqual(badChar("91440101MА59LU9AX1", 10, "А", "U+0410"));
    for (const [ch, hex] of [["I", "U+0049"], ["O", "U+004F"], ["S", "U+0053"], ["V", "U+0056"], ["Z", "U+005A"]] as const) {
      const code = replaceAt("91440101MA5D6ETP8X", 5, ch);
      expect(parseUscc(code), code).toEqual(badChar(code, 5, ch, hex));
    }
    expect(parseUscc("91440101-27598294H")).toEqual(badChar("91440101-27598294H", 9, "-", "U+002D"));
    expect(parseUscc("91440101黄7598294HX")).toEqual(badChar("91440101黄7598294HX", 9, "黄", "U+9EC4"));
  });
  test("should quote a bad lower-case character as written", () => {
    // "o" upper-cases to "O", which is still not allowed; the message shows what the sheet holds.
    expect(parseUscc("91440101327598294o")).toEqual(badChar("91440101327598294o", 18, "o", "U+006F"));
  });
  test("should count an astral character as one position", () => {
    expect(parseUscc("9144010132759829😀H")).toEqual(badChar("9144010132759829😀H", 17, "😀", "U+1F600"));
  });
  test("should fail INVALID_USCC_CHECK with the expected character", () => {
    expect(parseUscc("11440101327598294H")).toEqual(badCheck("11440101327598294H", "R"));
    expect(parseUscc("91440101328598294H")).toEqual(badCheck("91440101328598294H", "P"));
    expect(parseUscc("91440101327598295H")).toEqual(badCheck("91440101327598295H", "L"));
    expect(parseUscc("91440101327598294J")).toEqual(badCheck("91440101327598294J", "H"));
  });
  test("should reject every one-character substitution of the valid examples", () => {
    for (const code of VALID) {
      for (const pos of [1, 2, 3, 8, 9, 10, 13, 17, 18]) {
        const original = code.charAt(pos - 1);
        const next = ALPHABET.charAt((ALPHABET.indexOf(original) + 1) % ALPHABET.length);
        const mutated = replaceAt(code, pos, next);
        const r = parseUscc(mutated);
        expect(r.ok, mutated).toBe(false);
        if (!r.ok) expect(r.code, mutated).toBe("INVALID_USCC_CHECK");
        const outside = replaceAt(code, pos, "I");
        expect(parseUscc(outside), outside).toEqual(badChar(outside, pos, "I", "U+0049"));
      }
    }
  });
  test("should reject adjacent transpositions of differing characters in the first 17", () => {
    for (const code of VALID) {
      for (let i = 0; i < 16; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        const r = parseUscc(swapped);
        expect(r.ok ? "ok" : r.code, swapped).toBe("INVALID_USCC_CHECK");
      }
    }
  });
  test("should accept any code built with its check character, and reject any single substitution", () => {
    const char = fc.constantFrom(...ALPHABET.split(""));
    fc.assert(
      fc.property(fc.array(char, { minLength: 17, maxLength: 17 }), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (chars, pos, shift) => {
        const body = chars.join("");
        const code = body + usccCheckChar(body);
        expect(parseUscc(code)).toEqual(ok(code));
        const swapped = ALPHABET.charAt((ALPHABET.indexOf(code.charAt(pos)) + shift) % ALPHABET.length);
        const mutated = code.slice(0, pos) + swapped + code.slice(pos + 1);
        const r = parseUscc(mutated);
        expect(r.ok ? "ok" : r.code).toBe("INVALID_USCC_CHECK");
      }),
      { seed: 20240358, numRuns: 500 },
    );
  });
});
