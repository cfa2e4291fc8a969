import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { codes } from "../../../loaders/ingest/issues.ts";
import {
  cellToString,
  cleanId,
  cleanText,
  foldWidth,
  isBlank,
  parseAmount,
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
  type Norm,
  type RawCell,
} from "../../../loaders/ingest/normalise/index.ts";
import { plan } from "../../helpers/plan.ts";

// Cells as readers can hand them over, biased towards the characters that trip normalisers.
const tricky = fc.constantFrom("", " ", "\u3000", "\u00A0", "\u200B", "\uFEFF", "-", "—", "万", "元", "¥", "年", "月", "日", "区", "级", ".", ",", "e", "+", "１", "Ａ", "（", "\uD800", "\uDC00");
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.array(fc.oneof(tricky, fc.string({ unit: "grapheme-ascii", maxLength: 3 })), { maxLength: 12 }).map((a) => a.join("")),
);
const cell: fc.Arbitrary<RawCell> = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: false }),
);

const parsers: [string, (raw: RawCell) => Norm<unknown>][] = [
  ["parseAmount wan", (r) => parseAmount(r, "wan")],
  ["parseAmount yuan", (r) => parseAmount(r, "yuan")],
  ["parseNonNegativeAmount", (r) => parseNonNegativeAmount(r, "wan")],
  ["parseNumber", parseNumber],
  ["parseCount", parseCount],
  ["parseDate", (r) => parseDate(r)],
  ["parseDistrict", (r) => parseDistrict(r, plan)],
  ["parseIndustry", (r) => parseIndustry(r, plan)],
  ["parseUscc", parseUscc],
  ["parseBool", parseBool],
  ["parseLevel", (r) => parseLevel(r, plan)],
  ["parseEnum", (r) => parseEnum(r, plan.qualityTiers)],
  ["parsePhone", parsePhone],
];

describe("every normaliser", () => {
  test("should return a well-formed result with a known code for any cell, never throw", () => {
    for (const [name, parse] of parsers) {
      fc.assert(
        fc.property(cell, (raw) => {
          const r = parse(raw);
          if (r.ok) {
            if (r.warning !== undefined) expect(Object.keys(codes), name).toContain(r.warning.code);
          } else {
            expect(Object.keys(codes), name).toContain(r.code);
            expect(typeof r.params, name).toBe("object");
          }
        }),
        { seed: 358, numRuns: 400 },
      );
    }
  });
  test("should give null for every blank cell", () => {
    fc.assert(
      fc.property(fc.constantFrom<RawCell>(null, "", " ", "\u3000", "\u200B", "-", "—", "/", " － "), (raw) => {
        expect(isBlank(raw)).toBe(true);
        for (const [name, parse] of parsers) expect(parse(raw), name).toEqual({ ok: true, value: null });
      }),
    );
  });
  test("should never put a phone number into a failure", () => {
    fc.assert(
      fc.property(text, (raw) => {
        const r = parsePhone(raw);
        if (!r.ok) expect(r.params).toEqual({});
      }),
      { seed: 358, numRuns: 300 },
    );
  });
});

describe("fast paths", () => {
  // Plain ASCII cells skip cleaning; padded with a space they take the slow path, which must agree.
  const decimal = fc.tuple(fc.boolean(), fc.nat({ max: 10_000_000 }), fc.option(fc.nat({ max: 999_999 }))).map(
    ([neg, whole, frac]) => `${neg ? "-" : ""}${whole}${frac === null ? "" : "." + frac}`,
  );
  test("should agree with the slow path for amounts, numbers and counts", () => {
    fc.assert(
      fc.property(decimal, (s) => {
        expect(parseAmount(s, "wan")).toEqual(parseAmount(` ${s} `, "wan"));
        expect(parseAmount(s, "yuan")).toEqual(parseAmount(` ${s}\u3000`, "yuan"));
        expect(parseNumber(s)).toEqual(parseNumber(` ${s} `));
        const count = parseCount(s);
        const slow = parseCount(` ${s} `);
        expect(count.ok ? count.value : "fail").toEqual(slow.ok ? slow.value : "fail");
      }),
      { seed: 358, numRuns: 500 },
    );
  });
  test("should give the same text from the fast and slow cleaners", () => {
    fc.assert(
      fc.property(text, (s) => {
        const reference = s.replace(/[\u200B-\u200D\u2060\uFEFF]/g, "").replace(/[\s\u0085]+/g, " ").trim();
        expect(cleanText(s)).toBe(reference);
        expect(cleanId(s)).toBe(foldWidth(reference).replace(/\s+/g, ""));
      }),
      { seed: 358, numRuns: 500 },
    );
  });
  test("should print any finite number so that it reads back as the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const s = cellToString(n);
        expect(s).not.toMatch(/e/i);
        // Integers are exact in binary and keep every digit; fractions are cut to Excel's 15 significant digits.
        expect(Number(s)).toBe(Number.isInteger(n) ? n + 0 : Number(n.toPrecision(15)));
      }),
      { seed: 358, numRuns: 500 },
    );
  });
});

describe("plan lookups", () => {
  // Guards against two plan entries claiming one spelling: the later one would be silently shadowed.
  test("should map every district name, short name, pinyin and alias to its own code", () => {
    for (const d of plan.districts) {
      for (const form of [d.code, d.name, d.short, d.pinyin, ...d.aliases]) {
        const r = parseDistrict(form, plan);
        expect(r.ok && r.value, form).toBe(d.code);
      }
    }
  });
  test("should map every retired code to the district that absorbed it", () => {
    for (const [old, code] of Object.entries(plan.retiredDistrictCodes)) {
      const r = parseDistrict(old, plan);
      expect(r.ok && r.value, old).toBe(code);
      expect(r.ok && r.warning?.code, old).toBe("DISTRICT_RETIRED");
    }
  });
  test("should map every industry key, name, short name and alias to its own key", () => {
    for (const ind of plan.industries) {
      for (const form of [ind.key, ind.name, ind.short, ...ind.aliases]) {
        const r = parseIndustry(form, plan);
        expect(r.ok && r.value, form).toBe(ind.key);
      }
    }
  });
  test("should map every level name to its level", () => {
    for (const [k, name] of Object.entries(plan.levels.names)) {
      const r = parseLevel(name, plan);
      expect(r.ok && r.value, name).toBe(Number(k));
    }
  });
});
