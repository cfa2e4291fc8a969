import { describe, expect, test } from "vitest";
import { districtName, parseDistrict } from "../../../loaders/ingest/normalise/index.ts";
import { resolve } from "node:path";
import { projectRoot } from "../../../loaders/config/paths.ts";
import { readPlanFile } from "../../../loaders/plan/load.ts";
import { plan } from "../../helpers/plan.ts";

const ok = (value: string | null) => ({ ok: true, value });
const retired = (value: string, code: string, district: string, districtEn: string) => ({
  ok: true,
  value: code,
  warning: { code: "DISTRICT_RETIRED", params: { value, district, districtEn } },
});

// GB/T 2260, written out by hand (GB/T 2260).
const DISTRICTS: [string, string, string, string][] = [
  ["440103", "荔湾区", "荔湾", "Liwan"],
  ["440104", "越秀区", "越秀", "Yuexiu"],
  ["440105", "海珠区", "海珠", "Haizhu"],
  ["440106", "天河区", "天河", "Tianhe"],
  ["440111", "白云区", "白云", "Baiyun"],
  ["440112", "黄埔区", "黄埔", "Huangpu"],
  ["440113", "番禺区", "番禺", "Panyu"],
  ["440114", "花都区", "花都", "Huadu"],
  ["440115", "南沙区", "南沙", "Nansha"],
  ["440117", "从化区", "从化", "Conghua"],
  ["440118", "增城区", "增城", "Zengcheng"],
];

describe("parseDistrict", () => {
  test("should match every district by code, number, name, short name, city prefix and pinyin", () => {
    for (const [code, name, short, en] of DISTRICTS) {
      for (const v of [code, Number(code), name, short, `广州市${name}`, `广州${short}`, en, en.toUpperCase(), `${en.toLowerCase()} district`, `${en.toUpperCase()} QU`]) {
        expect(parseDistrict(v, plan), String(v)).toEqual(ok(code));
      }
    }
  });
  test("should match full-width digits, spaces and a province prefix", () => {
    expect(parseDistrict("４４０１１２", plan)).toEqual(ok("440112"));
    expect(parseDistrict(" 黄埔 区 ", plan)).toEqual(ok("440112"));
    expect(parseDistrict("广州市 黄埔区", plan)).toEqual(ok("440112"));
    expect(parseDistrict("广东省广州市天河区", plan)).toEqual(ok("440106"));
    expect(parseDistrict("Huangpu District", plan)).toEqual(ok("440112"));
  });
  test("should count retired codes with a warning", () => {
    expect(parseDistrict("440116", plan)).toEqual(retired("440116", "440112", "黄埔区", "Huangpu"));
    expect(parseDistrict(440116, plan)).toEqual(retired("440116", "440112", "黄埔区", "Huangpu"));
    expect(parseDistrict("440181", plan)).toEqual(retired("440181", "440113", "番禺区", "Panyu"));
    expect(parseDistrict("440182", plan)).toEqual(retired("440182", "440114", "花都区", "Huadu"));
    expect(parseDistrict("440183", plan)).toEqual(retired("440183", "440118", "增城区", "Zengcheng"));
    expect(parseDistrict("440184", plan)).toEqual(retired("440184", "440117", "从化区", "Conghua"));
  });
  test("should count retired names with a warning", () => {
    expect(parseDistrict("萝岗", plan)).toEqual(retired("萝岗", "440112", "黄埔区", "Huangpu"));
    expect(parseDistrict("萝岗区", plan)).toEqual(retired("萝岗区", "440112", "黄埔区", "Huangpu"));
    expect(parseDistrict("广州市萝岗区", plan)).toEqual(retired("广州市萝岗区", "440112", "黄埔区", "Huangpu"));
    expect(parseDistrict("Luogang District", plan)).toEqual(retired("Luogang District", "440112", "黄埔区", "Huangpu"));
    expect(parseDistrict("番禺市", plan)).toEqual(retired("番禺市", "440113", "番禺区", "Panyu"));
    expect(parseDistrict("增城市", plan)).toEqual(retired("增城市", "440118", "增城区", "Zengcheng"));
  });
  test("should give null for an empty cell", () => {
    for (const v of [null, "", " ", "-", "—"]) expect(parseDistrict(v, plan)).toEqual(ok(null));
  });
  test("should fail INVALID_DISTRICT on other places and codes", () => {
    for (const v of ["深圳市南山区", "广州市", "广州", "黄浦区", "440101", "440100", "4401120", "番禺市区", "xx", "区"]) {
      expect(parseDistrict(v, plan), v).toEqual({ ok: false, code: "INVALID_DISTRICT", params: { value: v } });
    }
    expect(parseDistrict(true, plan)).toEqual({ ok: false, code: "INVALID_DISTRICT", params: { value: "true" } });
  });
  test("should never read a district out of a credit code", () => {
    // Positions 3–8 (440112) are the registrar's area, not the firm's district.
    expect(parseDistrict("91440112MA59LU9AX1", plan)).toEqual({ ok: false, code: "INVALID_DISTRICT", params: { value: "91440112MA59LU9AX1" } });
  });
});

describe("districtName", () => {
  test("should name current codes and retired codes by the absorbing district", () => {
    expect(districtName("440112", plan)).toBe("黄埔区");
    expect(districtName("440118", plan)).toBe("增城区");
    expect(districtName("440116", plan)).toBe("黄埔区");
  });
  test("should give null for unknown codes", () => {
    expect(districtName("440101", plan)).toBeNull();
    expect(districtName("", plan)).toBeNull();
  });
});

describe("parseDistrict under 九江's plan (counties and county-level cities)", () => {
  const jj = readPlanFile(resolve(projectRoot, "plans/jiujiang.json"));

  test("should give a district's own short name precedence over another district's alias for a former unit", () => {
    // 庐山市 (360483) is "庐山"; 庐山区 was renamed 濂溪区 (360402) in 2016: the alias is a former name.
    expect(parseDistrict("庐山", jj)).toEqual(ok("360483"));
    expect(parseDistrict("庐山市", jj)).toEqual(ok("360483"));
    expect(parseDistrict("庐山区", jj)).toEqual(retired("庐山区", "360402", "濂溪区", "Lianxi"));
  });

  test("should read a county by name, short name, city prefix and code, and a retired code as its successor", () => {
    expect(parseDistrict("武宁县", jj)).toEqual(ok("360423"));
    expect(parseDistrict("九江市武宁县", jj)).toEqual(ok("360423"));
    expect(parseDistrict("360423", jj)).toEqual(ok("360423"));
    expect(parseDistrict("360421", jj)).toEqual(retired("360421", "360404", "柴桑区", "Chaisang"));
  });
});
