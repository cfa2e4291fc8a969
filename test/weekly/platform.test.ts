// The platform target in the weekly review: 无数据 until a go-live record appears, then 达标; never a gap.
import { beforeAll, describe, expect, test } from "vitest";
import { plan } from "../helpers/plan.ts";
import { computeWeekly } from "../../loaders/weekly/computeWeekly.ts";
import type { WeeklyReview } from "../../loaders/weekly/types.ts";
import { weeklyMarkdown } from "../../loaders/weekly/weeklyMarkdown.ts";
import { B, openWeeklyFixture } from "./fixture.ts";

let r: WeeklyReview;

beforeAll(async () => {
  const conn = await openWeeklyFixture(plan);
  // B's export holds the platform's go-live record, dated within the week; A's does not.
  await conn.run(`INSERT INTO recognitions BY NAME SELECT DATE '${B}' AS snapshot, 'RP' AS recognition_id,
    '公共服务平台' AS kind, '公共服务平台' AS name, DATE '2026-06-10' AS recognized_on`);
  r = await computeWeekly(conn, { plan });
});

describe("platform in the weekly review", () => {
  test("should go from 无数据 (no value, no change) to 达标 when the record appears", () => {
    expect(r.targets.find((t) => t.key === "platform")).toMatchObject({
      before: null, after: 1, delta: null, status_before: "无数据", status_after: "达标", met: null,
    });
  });

  test("should put neither state in the attention list", () => {
    expect(r.attention.some((a) => a.text.includes("公共服务平台"))).toBe(false);
  });

  test("should write the line the page shows", () => {
    expect(weeklyMarkdown(r)).toContain("- 【达标】公共服务平台:已建成运行");
  });
});
