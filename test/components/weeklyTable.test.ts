// @vitest-environment jsdom
// The weekly review's tables: a long section draws its first rows and the rest on request.
import { describe, expect, test } from "vitest";
import { weeklyTable } from "../../src/components/weekly/weeklyTable.ts";
import type { Sheet } from "../../src/components/shared/tableExport.ts";

const sheet = (n: number): Sheet => ({
  name: "项目状态变化",
  columns: [{ key: "project_id", label: "项目编号" }, { key: "days", label: "天数" }],
  rows: Array.from({ length: n }, (_, i) => ({ project_id: `P${i + 1}`, days: 1000 + i })),
});
const bodyRows = (el: HTMLElement) => [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));

describe("weeklyTable", () => {
  test("should draw every row of a section no longer than the limit, with no button", () => {
    const el = weeklyTable(sheet(2), { filename: "项目状态变化", limit: 2 });
    expect(bodyRows(el)).toEqual([["P1", "1,000"], ["P2", "1,001"]]);
    expect(el.querySelector("p.muted")).toBeNull();
  });

  test("should draw the first rows of a longer section, say how many there are, and draw the rest on request", () => {
    const el = weeklyTable(sheet(5), { filename: "项目状态变化", limit: 2 });
    expect(bodyRows(el)).toEqual([["P1", "1,000"], ["P2", "1,001"]]);
    const note = el.querySelector("p.muted")!;
    expect(note.textContent!.replace(/\s+/g, " ")).toBe("共 5 行,此处列出前 2 行,完整清单见下载。 显示其余 3 行");
    note.querySelector("button")!.click();
    expect(bodyRows(el).map((r) => r[0])).toEqual(["P1", "P2", "P3", "P4", "P5"]);
    expect(el.querySelector("p.muted")).toBeNull();
  });

  test("should say so when a section is empty", () => {
    expect(weeklyTable(sheet(0), { filename: "x", empty: "本期无项目状态变化。" }).outerHTML).toBe('<p class="empty-note">本期无项目状态变化。</p>');
  });
});
