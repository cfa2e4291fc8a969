// Snapshot choice, the report's envelope, the Chinese briefing and number formatting.
import { beforeAll, describe, expect, test } from "vitest";
import type { DuckDBConnection } from "@duckdb/node-api";
import { computeReport } from "../../loaders/kpi/computeReport.ts";
import { reportMarkdown } from "../../loaders/kpi/reportMarkdown.ts";
import { kpiParams } from "../../loaders/kpi/params.ts";
import type { KpiRow, Report } from "../../loaders/kpi/reportTypes.ts";

import { plan } from "../helpers/plan.ts";
import { S1, S2, openEmpty, openFixture } from "./fixture.ts";
import { runQueryFile } from "../../loaders/warehouse/query.ts";

let conn: DuckDBConnection;
let latest: Report;

beforeAll(async () => {
  conn = await openFixture(plan);
  latest = await computeReport(conn, { plan });
});

const actual = (r: Report, key: string) => r.kpis.find((k) => k.key === key)!.actual;

describe("snapshot and as-of", () => {
  test("should default to the newest snapshot, counting up to its date", () => {
    expect([latest.snapshot, latest.as_of]).toEqual([S2, S2]);
    expect(latest.timing).toEqual({
      expectation_start: "2024-09-01", plan_end: "2026-12-31", elapsed: 667 / 851, weeks_left: 184 / 7, trailing_weeks: 8,
    });
  });

  test("should take the newest snapshot on or before as-of and count events up to as-of", async () => {
    const r = await computeReport(conn, { plan, asOf: "2026-05-01" });
    expect([r.snapshot, r.as_of]).toEqual([S1, "2026-05-01"]);
    // From the 2026-03-31 export: T1 100 + T2 50 + T3 30 (04-01); T4 exists only in the later export.
    expect(actual(r, "training_person_times")).toBe(180);
    // E01 E02 E04 E07 E08 E09 E13 E17: E06's 一级 of 05-01 ends its spell on that very day.
    expect(actual(r, "enterprises_transformed")).toBe(8);
  });

  test("should clamp the plan line after its end", async () => {
    const r = await computeReport(conn, { plan, asOf: "2027-01-15" });
    expect([r.snapshot, r.timing.elapsed, r.timing.weeks_left]).toEqual([S2, 1, 0]);
    expect(r.kpis[0]).toMatchObject({ key: "enterprises_transformed", expected: 710, required_weekly: null });
  });

  test("should clamp the plan line before its start, where nothing is behind yet", async () => {
    const early = kpiParams(plan, S2, "2024-08-01");
    expect(await runQueryFile(conn, "report", "report_timing", early)).toMatchObject([{ elapsed: 0, weeks_left: 882 / 7 }]);
    const rows = await runQueryFile<KpiRow>(conn, "report", "kpi_targets", early);
    // The platform has no go-live record in the fixture: 无数据, whatever the date.
    expect(rows.map((k) => k.status)).toEqual(rows.map((k) => (k.key === "platform" ? "无数据" : "达标")));
  });

  test("should refuse an as-of before every snapshot, and an empty warehouse", async () => {
    await expect(computeReport(conn, { plan, asOf: "2026-03-30" })).rejects.toThrow("no snapshot on or before 2026-03-30");
    await expect(computeReport(await openEmpty(plan), { plan })).rejects.toThrow("holds no snapshot");
  });

  test("should be plain JSON (what `npm run report --format json` prints)", () => {
    expect(JSON.parse(JSON.stringify(latest))).toEqual(latest);
    expect(latest.plan).toEqual({
      id: "guangzhou-2024", title: plan.title, city: "广州市", area_noun: "区",
      headline: { primary: "enterprises_transformed", diagnosis: "diagnosed" },
    });
  });
});

describe("markdown briefing", () => {
  let md: string;
  beforeAll(() => {
    md = reportMarkdown(latest, plan);
  });

  test("should open with the date and where the plan stands", () => {
    expect(md.split("\n").slice(0, 2)).toEqual([
      "**广州市中小企业数字化转型城市试点进展(截至2026年6月30日)**",
      "数据快照:2026年6月30日。按进度应完成全期目标的78.4%,距2026年12月31日还有26周。",
    ]);
  });

  test("should give each target with status, expectation, pace and what is required", () => {
    expect(md).toContain("**一、目标完成情况**(达标0项、预警0项、落后10项、无数据1项)");
    // 9/710 = 1.27%; 710 × 667/851 = 556.5 → 556; forecast 12.29 → 12; required 701 × 7/184 = 26.67.
    expect(md).toContain("- 【落后】改造达二级9/710家(1.3%),按进度应达556家,近8周平均每周+0.1家,照此到期末约12家,此后每周需+26.7家");
    expect(md).toContain("- 【无数据】公共服务平台:台账中尚无上线记录");
  });

  test("should name the biggest gaps and the lagging districts and industries", () => {
    // Lowest actual / expected: products 4 / 282.2, transformed 9 / 556.5, scenarios 1 / 39.2.
    expect(md).toContain("1. 小快轻准产品:比进度少278个,仅达进度要求的1.4%");
    expect(md).toContain("2. 改造达二级:比进度少547家");
    // 白云 2 of its 4 (50%) is behind the 78.4% elapsed; 增城 2 of 2 is not.
    expect(md).toContain("- 改造达二级落后于分区目标进度的区:白云区2/4家");
    expect(md).toContain("- 改造达二级最少的行业:工业母机和机器人0家、定制家居1家、服装1家");
  });

  test("should report overdue and stuck projects, money in 万元, and the breaches", () => {
    expect(md).toContain("- 逾期未验收项目2个,最长逾期242天(卯十四汽配,汽配牵引一号)");
    expect(md).toContain("- 超过60天无进展项目3个");
    // 310.51 + 256.01 + 160.5 + 1061 + 3000.5 + 300 + 1200.01 + 500.5 = 6789.03.
    expect(md).toContain("- 累计拨付6,789.03万元:改造补助310.51万元、数字贷贴息256.01万元");
    // 14 breaches and 4 review items on the fixture (funds.test.ts), counted apart.
    expect(md).toContain("**六、合规提示**(超限14项,待核实4项)");
    expect(md).toContain("- 改造补助(中央、省级、市级)超过该项目核定投入的50%:乙二美妆 · 乙二改造一期,35万元,上限30万元,超出5万元");
    expect(md).toContain("- 另有4项超限,详见完整报告");
    expect(md).toContain("- 区级配套资金:不计入方案各项上限,请核实为区级自有配套:F07 戊五服装,改造补助区级10万元(2025年11月1日,项目P05)");
    expect(md).not.toContain("戊五服装,10万元,不应拨付");
  });
});
