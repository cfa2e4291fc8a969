import { describe, expect, test } from "vitest";
import { parseBool } from "../../../loaders/ingest/normalise/index.ts";

const ok = (value: boolean | null) => ({ ok: true, value });

describe("parseBool", () => {
  test("should read yes words, 1 and ticks as true", () => {
    for (const v of ["是", "Y", "y", "yes", "YES", "Yes", "true", "TRUE", "True", "1", "√", "✓", "✔", " 是 ", "Ｙ", "１"]) {
      expect(parseBool(v), v).toEqual(ok(true));
    }
  });
  test("should read no words, 0 and crosses as false", () => {
    for (const v of ["否", "N", "n", "no", "NO", "false", "FALSE", "False", "0", "×", "✗", "✘", "✕", "✖", "Ｎ"]) {
      expect(parseBool(v), v).toEqual(ok(false));
    }
  });
  test("should read XLSX booleans and the numbers 1 and 0", () => {
    expect(parseBool(true)).toEqual(ok(true));
    expect(parseBool(false)).toEqual(ok(false));
    expect(parseBool(1)).toEqual(ok(true));
    expect(parseBool(0)).toEqual(ok(false));
  });
  test("should give null for an empty cell", () => {
    for (const v of [null, "", "  ", "-", "—"]) expect(parseBool(v)).toEqual(ok(null));
  });
  test("should fail INVALID_BOOL on anything else", () => {
    for (const v of ["是的", "2", "ok", "x", "无", "T", "yes!"]) {
      expect(parseBool(v), v).toEqual({ ok: false, code: "INVALID_BOOL", params: { value: v } });
    }
    expect(parseBool(2)).toEqual({ ok: false, code: "INVALID_BOOL", params: { value: "2" } });
    expect(parseBool(new Date(Date.UTC(2025, 0, 1)))).toEqual({ ok: false, code: "INVALID_BOOL", params: { value: "2025-01-01" } });
  });
});
