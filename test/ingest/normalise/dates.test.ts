import { describe, expect, test } from "vitest";
import { parseDate } from "../../../loaders/ingest/normalise/index.ts";

const ok = (value: string | null) => ({ ok: true, value });
const invalid = (value: string) => ({ ok: false, code: "INVALID_DATE", params: { value } });
const outOfRange = (value: string, min = "2000-01-01", max = "2030-12-31") => ({ ok: false, code: "DATE_OUT_OF_RANGE", params: { value, min, max } });
const monthOnly = (value: string, iso: string) => ({ ok: true, value: iso, warning: { code: "DATE_MONTH_ONLY", params: { value } } });

describe("parseDate from text", () => {
  test("should read every written day format", () => {
    for (const v of [
      "2025-03-01",
      "2025-3-1",
      "2025/3/1",
      "2025/03/01",
      "2025.3.1",
      "2025年3月1日",
      "2025年03月01日",
      "2025 年 3 月 1 日",
      "2025年3月1号",
      "20250301",
      "２０２５－０３－０１",
      "２０２５年３月１日",
      " 2025-03-01\u00A0",
    ]) {
      expect(parseDate(v), v).toEqual(ok("2025-03-01"));
    }
  });
  test("should drop a time of day without shifting the day", () => {
    for (const v of ["2025-03-01 10:20:00", "2025/3/1 0:00", "2025-03-01T23:59:59", "2025-03-01T23:00:00Z", "2025-03-01T10:20:00.000+08:00", "2025年3月1日 10:20"]) {
      expect(parseDate(v), v).toEqual(ok("2025-03-01"));
    }
  });
  test("should read Excel serials written as text", () => {
    // 1899-12-30 + 45717 days: 45292 is 2024-01-01, +366 (leap year) is 2025-01-01, +31 +28 is 2025-03-01.
    expect(parseDate("45717")).toEqual(ok("2025-03-01"));
    expect(parseDate("45717.75")).toEqual(ok("2025-03-01"));
  });
  test("should accept the 29th of February in a leap year only", () => {
    expect(parseDate("2024-02-29")).toEqual(ok("2024-02-29"));
    expect(parseDate("2000-02-29")).toEqual(ok("2000-02-29"));
    expect(parseDate("2023-02-29")).toEqual(invalid("2023-02-29"));
  });
  test("should give null for an empty cell", () => {
    for (const v of [null, "", " ", "-", "—", "/"]) expect(parseDate(v)).toEqual(ok(null));
  });
});

describe("parseDate from Excel cells", () => {
  test("should read a Date cell by its UTC parts", () => {
    expect(parseDate(new Date(Date.UTC(2025, 2, 1)))).toEqual(ok("2025-03-01"));
    // Beijing midnight of 1 March is 16:00 UTC on 28 February; exceljs means the UTC day.
    expect(parseDate(new Date("2025-02-28T16:00:00Z"))).toEqual(ok("2025-02-28"));
  });
  test("should read serial numbers and drop their time fraction", () => {
    expect(parseDate(45717)).toEqual(ok("2025-03-01"));
    expect(parseDate(45717.999)).toEqual(ok("2025-03-01"));
    expect(parseDate(45658)).toEqual(ok("2025-01-01"));
    // 36526: 2000-01-01 (1899-12-30 + 100 years of 36524 days + the 2 days of 1899-12-30/31).
    expect(parseDate(36526)).toEqual(ok("2000-01-01"));
  });
  test("should read a General cell holding yyyymmdd", () => {
    expect(parseDate(20250301)).toEqual(ok("2025-03-01"));
  });
  test("should fail INVALID_DATE on numbers that are neither", () => {
    expect(parseDate(2025)).toEqual(invalid("2025"));
    expect(parseDate(19999)).toEqual(invalid("19999"));
    expect(parseDate(80001)).toEqual(invalid("80001"));
    expect(parseDate(20251301)).toEqual(invalid("20251301"));
    expect(parseDate(Number.NaN)).toEqual(invalid("NaN"));
  });
  test("should fail INVALID_DATE on an invalid Date and on booleans", () => {
    expect(parseDate(new Date(Number.NaN))).toEqual(invalid("Invalid Date"));
    expect(parseDate(true)).toEqual(invalid("true"));
  });
});

describe("parseDate month-only", () => {
  test("should take the first of the month with a warning", () => {
    expect(parseDate("2025年3月")).toEqual(monthOnly("2025年3月", "2025-03-01"));
    expect(parseDate("2025-03")).toEqual(monthOnly("2025-03", "2025-03-01"));
    expect(parseDate("2025/3")).toEqual(monthOnly("2025/3", "2025-03-01"));
    expect(parseDate("2025.03")).toEqual(monthOnly("2025.03", "2025-03-01"));
    expect(parseDate("2025年12月份")).toEqual(monthOnly("2025年12月份", "2025-12-01"));
  });
  test("should fail on an impossible month and outside the range", () => {
    expect(parseDate("2025-13")).toEqual(invalid("2025-13"));
    expect(parseDate("1999年12月")).toEqual(outOfRange("1999年12月"));
  });
});

describe("parseDate rejections", () => {
  test("should fail INVALID_DATE on impossible calendar dates", () => {
    for (const v of ["2025-02-30", "2025-13-01", "2025-00-10", "2025-04-31", "2025-01-00", "20250230", "2025年2月30日"]) {
      expect(parseDate(v), v).toEqual(invalid(v));
    }
  });
  test("should fail INVALID_DATE on two-digit years and day-first orders", () => {
    for (const v of ["25/3/1", "25-03-01", "3/1/2025", "01.03.2025", "250301"]) {
      expect(parseDate(v), v).toEqual(invalid(v));
    }
  });
  test("should fail INVALID_DATE on garbage, mixed separators and impossible times", () => {
    for (const v of ["abc", "2025", "2025-03/01", "2025-03-01 25:00", "2025-03-01 10:61", "19999", "明年"]) {
      expect(parseDate(v), v).toEqual(invalid(v));
    }
  });
  test("should fail DATE_OUT_OF_RANGE outside the default range", () => {
    expect(parseDate("1900-01-01")).toEqual(outOfRange("1900-01-01"));
    expect(parseDate("2099-01-01")).toEqual(outOfRange("2099-01-01"));
    expect(parseDate("1999-12-31")).toEqual(outOfRange("1999-12-31"));
    expect(parseDate("2031-01-01")).toEqual(outOfRange("2031-01-01"));
    expect(parseDate("2000-01-01")).toEqual(ok("2000-01-01"));
    expect(parseDate("2030-12-31")).toEqual(ok("2030-12-31"));
  });
  test("should show a serial's date in the out-of-range value", () => {
    // 20000 days after 1899-12-30 is 1954-10-03.
    expect(parseDate(20000)).toEqual(outOfRange("20000 (1954-10-03)"));
    expect(parseDate(new Date(Date.UTC(1990, 0, 1)))).toEqual(outOfRange("1990-01-01"));
  });
  test("should apply a given range", () => {
    const range = { min: "2024-01-01", max: "2026-12-31" };
    expect(parseDate("2023-12-31", range)).toEqual(outOfRange("2023-12-31", range.min, range.max));
    expect(parseDate("2024-01-01", range)).toEqual(ok("2024-01-01"));
  });
});
