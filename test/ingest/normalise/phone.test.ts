import { describe, expect, test } from "vitest";
import { parsePhone } from "../../../loaders/ingest/normalise/index.ts";

const ok = (value: string | null) => ({ ok: true, value });
const invalid = { ok: false, code: "INVALID_PHONE", params: {} };

describe("parsePhone", () => {
  test("should read mobiles with prefixes and separators", () => {
    for (const v of ["13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678", "86-138-1234-5678", "008613812345678", "(+86)13812345678", "１３８１２３４５６７８"]) {
      expect(parsePhone(v), v).toEqual(ok("13812345678"));
    }
    expect(parsePhone(19912345678)).toEqual(ok("19912345678"));
  });
  test("should read landlines with a three-digit area code", () => {
    for (const v of ["020-83123456", "020 8312 3456", "020-8312-3456", "(020)83123456", "（０２０）８３１２３４５６", "02083123456", "+86 20 8312 3456", "0086-20-83123456"]) {
      expect(parsePhone(v), v).toEqual(ok("020-83123456"));
    }
    expect(parsePhone("010-6512345")).toEqual(ok("010-6512345"));
  });
  test("should read landlines with a four-digit area code", () => {
    expect(parsePhone("0757-22345678")).toEqual(ok("0757-22345678"));
    expect(parsePhone("07572234567")).toEqual(ok("0757-2234567"));
  });
  test("should keep an extension", () => {
    for (const v of ["020-83123456转123", "020-83123456-123", "020-83123456 ext 123", "020-83123456 ext.123", "020-83123456分机123", "020-83123456#123"]) {
      expect(parsePhone(v), v).toEqual(ok("020-83123456-123"));
    }
  });
  test("should give null for an empty cell", () => {
    for (const v of [null, "", " ", "-"]) expect(parsePhone(v)).toEqual(ok(null));
  });
  test("should fail INVALID_PHONE without echoing the number", () => {
    for (const v of [
      "83123456", // no area code
      "12812345678", // 12x is not a mobile prefix
      "1381234567", // ten digits
      "138123456789", // twelve digits
      "020-12345678", // local numbers never start with 1
      "020-831234", // six-digit local number
      "13812345678/13912345678", // two numbers in one cell
      "张三",
    ]) {
      expect(parsePhone(v), v).toEqual(invalid);
    }
    expect(parsePhone(2083123456)).toEqual(invalid);
    expect(parsePhone(true)).toEqual(invalid);
    expect(parsePhone(new Date(0))).toEqual(invalid);
  });
});
