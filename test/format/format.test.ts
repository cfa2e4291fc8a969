// The one formatting module (loaders/format/format.ts): every value worked out by hand.
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import {
  docCellText,
  fmtCount,
  fmtDelta,
  fmtPct,
  fmtWan,
  kindOf,
  levelName,
  metText,
  statusTargetText,
  storedCellText,
  zhDate,
  zhShortDate,
} from "../../loaders/format/format.ts";
import { fmtCount as publicCount, fmtWan as publicWan } from "../../public/components/format.ts";

const levels = { 1: "一级", 2: "二级", 3: "三级", 4: "四级" };

describe("numbers and money", () => {
  test("should group counts by thousands and switch to 万 and 亿", () => {
    expect(fmtCount(710)).toBe("710");
    expect(fmtCount(2100)).toBe("2,100");
    expect(fmtCount(26.668)).toBe("26.7");
    expect(fmtCount(99999)).toBe("99,999");
    expect(fmtCount(123456)).toBe("12.3万");
    expect(fmtCount(120000000)).toBe("1.2亿");
    expect(fmtCount(null)).toBe("—");
    expect(fmtCount(Number.NaN)).toBe("—");
  });

  test("should write 万元 below 1亿 and 亿元 from it", () => {
    expect(fmtWan(60)).toBe("60万元");
    expect(fmtWan(0.5)).toBe("0.5万元");
    expect(fmtWan(1500.5)).toBe("1,500.5万元");
    expect(fmtWan(9999.99)).toBe("9,999.99万元");
    expect(fmtWan(10000)).toBe("1亿元");
    expect(fmtWan(25000)).toBe("2.5亿元");
    expect(fmtWan(33900)).toBe("3.39亿元");
    expect(fmtWan(undefined)).toBe("—");
  });

  test("should write shares and signed changes", () => {
    expect(fmtPct(0.5)).toBe("50%");
    expect(fmtPct(9 / 710)).toBe("1.3%");
    expect(fmtPct(0.952)).toBe("95.2%");
    expect(fmtPct(0.12345, 2)).toBe("12.35%");
    expect(fmtDelta(10)).toBe("+10");
    expect(fmtDelta(-1)).toBe("-1");
    expect(fmtDelta(0)).toBe("0");
    expect(fmtDelta(1200)).toBe("+1,200");
  });
});

describe("dates, levels and statuses", () => {
  test("should write dates from the string alone", () => {
    expect(zhDate("2026-03-01")).toBe("2026年3月1日");
    expect(zhDate("2026-12-31T23:59:59Z")).toBe("2026年12月31日");
    expect(zhShortDate("2026-11-20")).toBe("11月20日");
    expect(zhDate(null)).toBe("—");
  });

  test("should name levels with the plan's names, and 0 as 未达 the first", () => {
    expect(levelName(2, levels)).toBe("二级");
    expect(levelName(0, levels)).toBe("未达一级");
    expect(levelName(5, levels)).toBe("5级");
    expect(levelName(null, levels)).toBe("—");
    expect(levelName(2, { 1: "L1", 2: "L2" })).toBe("L2");
  });

  test("should write stored cells in Chinese", () => {
    const names = { "440106": "天河区", food: "食品" };
    expect(storedCellText("2026-06-30", "date", names, levels)).toBe("2026年6月30日");
    expect(storedCellText("1500", "wan", names, levels)).toBe("1,500万元");
    expect(storedCellText("3", "level", names, levels)).toBe("三级");
    expect(storedCellText("true", "bool", names, levels)).toBe("是");
    expect(storedCellText("440106", "district", names, levels)).toBe("天河区");
    expect(storedCellText(null, "text", names, levels)).toBe("空");
  });

  test("should write self-assessment cells by their column's kind", () => {
    expect(docCellText(1500.256, "wan")).toBe("1,500.26");
    expect(docCellText(2100, "count")).toBe("2,100");
    expect(docCellText(0.904, "pct")).toBe("90.4%");
    expect(docCellText(1.5, "ratio")).toBe("1.50");
    expect(docCellText("未提供", "count")).toBe("未提供");
    expect(docCellText(null, "count")).toBe("—");
    expect(kindOf({ key: "v", title: "值", kind: "auto" }, { v: 3, kind: "pct" })).toBe("pct");
    expect(kindOf({ key: "v", title: "值", kind: "auto" }, { v: "—", kind: "pct" })).toBe("text");
    expect(metText(true)).toBe("达到");
    expect(metText(null)).toBe("—");
    expect(statusTargetText(1, 1)).toBe("已建成运行");
    expect(statusTargetText(null, 1)).toBe("无数据");
  });
});

describe("one module for every site", () => {
  test("should be the same file behind both sites' format modules, with no imports", () => {
    const shared = join(projectRoot, "loaders/format/format.ts");
    expect(realpathSync(join(projectRoot, "src/components/shared/format.ts"))).toBe(shared);
    expect(realpathSync(join(projectRoot, "public/components/formatShared.ts"))).toBe(shared);
    // Framework serves it from each site's root: an import inside it would resolve there, not here.
    expect(readFileSync(shared, "utf8")).not.toMatch(/^\s*import\s/m);
  });

  test("should keep withheld signs as they are on the public site", () => {
    expect(publicCount("<3")).toBe("<3");
    expect(publicCount(2100)).toBe("2,100");
    expect(publicWan("—")).toBe("—");
    expect(publicWan(1500)).toBe("1,500万元");
  });
});
