import { rmSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { withWarehouse } from "../../loaders/outputs/report.ts";
import { plan } from "../helpers/plan.ts";
import { fundContributors } from "../../loaders/public/fundContributors.ts";
import { publicFixture } from "./fixture.ts";

describe("fundContributors", () => {
  test("should count distinct payees per direction × source, per direction, per source and in all", async () => {
    const { root } = publicFixture();
    const rows = await withWarehouse(root, plan, (conn) => fundContributors(conn, plan, "2026-11-20", "2026-11-20"));
    // By hand from fixture.ts: 市级 subsidy to the 15 transformed firms (E1's base payment included),
    // 省级 to 2 of them, 中央 to 4; one award to a unit (中央) and one training payment (省级).
    expect(rows).toEqual([
      { direction_key: "leading_unit_award", source: "中央", contributors: 1 },
      { direction_key: "leading_unit_award", source: null, contributors: 1 },
      { direction_key: "training", source: "省级", contributors: 1 },
      { direction_key: "training", source: null, contributors: 1 },
      { direction_key: "transformation_subsidy", source: "中央", contributors: 4 },
      { direction_key: "transformation_subsidy", source: "市级", contributors: 15 },
      { direction_key: "transformation_subsidy", source: "省级", contributors: 2 },
      { direction_key: "transformation_subsidy", source: null, contributors: 15 },
      { direction_key: null, source: "中央", contributors: 5 },
      { direction_key: null, source: "市级", contributors: 15 },
      { direction_key: null, source: "省级", contributors: 3 },
      { direction_key: null, source: null, contributors: 17 },
    ]);
    rmSync(root, { recursive: true, force: true });
  });
});
