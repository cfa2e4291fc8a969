// @vitest-environment jsdom
// The 绩效自评估 page's pieces: sources become links to their pages, cells read as in the markdown.
import { describe, expect, test } from "vitest";
import { selfAssessmentTable } from "../../src/components/selfassessment/selfAssessmentTable.ts";
import { sourceLinks } from "../../src/components/selfassessment/sourceLinks.ts";

describe("sourceLinks", () => {
  test("should link each page named in a source line and keep the rest as text", () => {
    const el = sourceLinks("资金(/funds)·各方向拨付与上限;总览(/)·目标完成情况");
    expect([...el.querySelectorAll("a")].map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      ["./funds", "资金·各方向拨付与上限"],
      ["./", "总览·目标完成情况"],
    ]);
    expect(el.textContent).toBe("资金·各方向拨付与上限;总览·目标完成情况");
    expect(sourceLinks("未提供数据").querySelectorAll("a")).toHaveLength(0);
  });
});

describe("selfAssessmentTable", () => {
  test("should write 万元, shares, ratios and text as the markdown does, and link the sources", () => {
    const el = selfAssessmentTable({
      name: "t",
      columns: [{ key: "label", title: "指标", kind: "text" }, { key: "value", title: "数值", kind: "auto" }, { key: "source", title: "来源", kind: "text" }],
      rows: [
        { label: "核定投入", value: 1240, kind: "wan", source: "绩效自评估(/selfassessment)·带动改造资金投入" },
        { label: "企业自筹占比", value: 939.49 / 1240, kind: "pct", source: "" },
        { label: "带动比", value: 1240 / 300.51, kind: "ratio", source: "" },
        { label: "服务商让利", value: "导出数据未包含服务商让利,无法计算", kind: "text", source: "" },
      ],
      sources: ["资金(/funds)·各方向拨付与上限"],
    });
    expect([...el.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))).toEqual([
      ["核定投入", "1,240", "绩效自评估·带动改造资金投入"],
      ["企业自筹占比", "75.8%", ""],
      ["带动比", "4.13", ""],
      ["服务商让利", "导出数据未包含服务商让利,无法计算", ""],
    ]);
    expect(el.querySelector(".sa-source a")!.getAttribute("href")).toBe("./funds");
  });
});
