/**
 * Where the sample pilot is, from the plan's own facts: the city's name forms, its province (from the
 * first two digits of the plan's district codes, GB/T 2260), the registrar area most credit codes carry
 * (the city's 市辖区, code prefix + "01") and the landline area code for fake phone numbers.
 */
import { plan } from "./lookup.ts";

/** GB/T 2260 province codes → the short name firms and banks use ("广东", "江西" …). */
const PROVINCES: Record<string, string> = {
  "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古", "21": "辽宁", "22": "吉林", "23": "黑龙江",
  "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西", "37": "山东", "41": "河南",
  "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南", "50": "重庆", "51": "四川", "52": "贵州",
  "53": "云南", "54": "西藏", "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
};

/**
 * Landline area codes by prefecture code (first four digits) and local-number length. A city not listed
 * gets mobile numbers only (the sample's convention: it never invents an area code).
 */
const AREA_CODES: Record<string, [string, number]> = { "4401": ["020", 8], "3604": ["0792", 7], "3705": ["0546", 7] };

const codes = plan.districts.map((d) => d.code);
/** The prefecture prefix (first four digits) most of the plan's district codes share. */
const prefecture = (() => {
  const count = new Map<string, number>();
  for (const c of codes) count.set(c.slice(0, 4), (count.get(c.slice(0, 4)) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
})();

export const place = {
  /** "广州市" */
  city: plan.city,
  /** "广州": the city without its 市. */
  cityShort: plan.city.replace(/市$/, ""),
  /** "广东", or the city's short name when the codes name no known province. */
  province: PROVINCES[prefecture.slice(0, 2)] ?? plan.city.replace(/市$/, ""),
  /** Registrar area most credit codes carry: the city's 市辖区 (e.g. 440101). */
  registrarCityArea: `${prefecture}01`,
  /** Landline area code and local-number length, if known. */
  landline: AREA_CODES[prefecture] ?? null,
};
