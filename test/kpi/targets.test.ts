// Target attainment on the fixture (see fixture.ts for what each enterprise is built to test).
import { beforeAll, describe, expect, test } from "vitest";
import { computeReport } from "../../loaders/kpi/computeReport.ts";
import type { KpiRow, Report } from "../../loaders/kpi/reportTypes.ts";
import { plan } from "../helpers/plan.ts";
import type { PilotPlan } from "../../loaders/plan/types.ts";
import { S1, S2, openFixture } from "./fixture.ts";

let atS2: Report;
let atS1: Report;

beforeAll(async () => {
  const conn = await openFixture(plan);
  atS2 = await computeReport(conn, { plan, asOf: S2 });
  atS1 = await computeReport(conn, { plan, asOf: S1 });
});

const kpi = (r: Report, key: string): KpiRow => r.kpis.find((k) => k.key === key)!;
const actuals = (r: Report): Record<string, number | null> => Object.fromEntries(r.kpis.map((k) => [k.key, k.actual]));

// Day counts: 2024-09-01 → 2026-12-31 = 851; → 2026-06-30 = 667; → 2026-03-31 = 576.
// 2026-06-30 → 2026-12-31 = 184 days; 2026-03-31 → 2026-12-31 = 275 days.

describe("enterprises_transformed", () => {
  test("should count the SMEs that pass every rule at as-of 2026-06-30", () => {
    // E01 E02(two projects, once) E04(size unknown) E07(latest 三级) E08 E09(accepted 04-01) E10(accepted = as-of)
    // E13(signed 2023-10-11) E17 = 9. Out: E03 large, E05 一级, E06 latest 一级, E11 accepted as-of + 1,
    // E12 signed 2023-10-10, E14 验收未通过, E15/E16 not accepted.
    expect(kpi(atS2, "enterprises_transformed").actual).toBe(9);
  });

  test("should count by the dates at as-of 2026-03-31", () => {
    // E01 E02 E04 E06(its 一级 comes 2026-05-01) E07 E08(accepted and assessed on as-of) E13 E17 = 8;
    // E09 (accepted as-of + 1) and E10 not yet.
    expect(kpi(atS1, "enterprises_transformed").actual).toBe(8);
  });

  test("should derive expectation, status, rates and forecast at 2026-06-30", () => {
    const k = kpi(atS2, "enterprises_transformed");
    expect(k.target).toBe(710);
    expect(k.pct).toBeCloseTo(9 / 710, 12);
    expect(k.expected).toBeCloseTo((710 * 667) / 851, 9); // 556.49
    expect(k.status).toBe("落后");
    expect(k.week_delta).toBe(1); // E10 joined on 06-30; at 06-23: 8
    // At 2026-05-05 (8 weeks back): E01 E02 E04 E07 E08 E09 E13 E17 = 8 (E06 left on 05-01): (9 − 8) / 8.
    expect(k.trailing_rate_weekly).toBe(0.125);
    expect(k.weeks_left).toBeCloseTo(184 / 7, 12);
    expect(k.forecast).toBeCloseTo(9 + (0.125 * 184) / 7, 9); // 12.29
    expect(k.required_weekly).toBeCloseTo(((710 - 9) * 7) / 184, 9); // 26.67
    expect(k.remaining).toBe(701);
  });

  test("should take the trailing rate from the 8 weeks before 2026-03-31", () => {
    // At 2026-02-03: E01 E02 E04 E06 E07(三级 since 02-01) E13 E17 = 7 → (8 − 7) / 8.
    const k = kpi(atS1, "enterprises_transformed");
    expect(k.trailing_rate_weekly).toBe(0.125);
    expect(k.expected).toBeCloseTo((710 * 576) / 851, 9);
    expect(k.required_weekly).toBeCloseTo(((710 - 8) * 7) / 275, 9);
  });
});

describe("other targets", () => {
  test("should count every target at 2026-06-30", () => {
    expect(actuals(atS2)).toEqual({
      enterprises_transformed: 9,
      diagnosed: 16, // every SME has a 改造前 assessment by then; E03 (large) is left out
      digital_workshops: 2, // R1, R2
      smart_factories: 1, // R3 (2026-04-01)
      service_providers: 4, // V1–V4
      products: 4, // D1–D4
      scenarios: 1, // R4
      chain_cases: 1, // R5
      clusters: 1, // R6
      platform: null, // no 公共服务平台 record in the exports: 无数据
      training_person_times: 210, // T1 100 + T2 50 + T3 30 + T4 20 + T5 10
    });
  });

  test("should count every target at 2026-03-31 from the 2026-03-31 snapshot", () => {
    expect(actuals(atS1)).toEqual({
      enterprises_transformed: 8,
      diagnosed: 15, // E15 assessed on as-of counts; E16 (as-of + 1) does not
      digital_workshops: 2, // R2 recognised on as-of
      smart_factories: 0, // R3 on as-of + 1
      service_providers: 3, // V1, V2 (on as-of), V4; V3 on as-of + 1
      products: 3, // D1, D2, D3 (on as-of); D4 on as-of + 1
      scenarios: 1,
      chain_cases: 1,
      clusters: 1,
      platform: null,
      training_person_times: 150, // T1 100 + T2 50 (on as-of); T3 later; T4 only in the later snapshot
    });
  });

  test("should give diagnosed and training their weekly movement at 2026-03-31", () => {
    const d = kpi(atS1, "diagnosed");
    expect(d.week_delta).toBe(1); // E15 on 03-31
    expect(d.trailing_rate_weekly).toBe(0.125); // 15 − 14 over 8 weeks
    const t = kpi(atS1, "training_person_times");
    expect(t.week_delta).toBe(50); // T2 on 03-31
    expect(t.trailing_rate_weekly).toBe(6.25); // 50 / 8
    expect(t.forecast).toBeCloseTo(150 + (6.25 * 275) / 7, 9);
  });

  test("should take the trailing window as exactly 8 weeks", () => {
    // At 2026-05-05: T1–T4 = 200; T5 (05-08) falls inside the window's first week: (210 − 200) / 8.
    expect(kpi(atS2, "training_person_times")).toMatchObject({ week_delta: 0, trailing_rate_weekly: 1.25 });
  });

  test("should read the platform as 无数据 without a record: no actual, never 达标 or 落后", () => {
    expect(kpi(atS2, "platform")).toMatchObject({
      actual: null, status: "无数据", pct: null, pct_of_expected: null, remaining: null,
      week_delta: null, trailing_rate_weekly: null, required_weekly: null, forecast: null,
    });
  });
});

describe("platform from its go-live record", () => {
  // A 公共服务平台 row in recognitions, dated the day it went live: 2026-04-01 = S1 + 1, in S2's export only.
  let live: { s1: Report; s2: Report; before: Report };
  beforeAll(async () => {
    const conn = await openFixture(plan);
    await conn.run(`INSERT INTO recognitions BY NAME SELECT DATE '${S2}' AS snapshot, 'RP' AS recognition_id,
      '公共服务平台' AS kind, '广州市中小企业数字化转型公共服务平台' AS name, DATE '2026-04-01' AS recognized_on`);
    live = {
      s2: await computeReport(conn, { plan, asOf: S2 }),
      s1: await computeReport(conn, { plan, asOf: S1 }), // S1's export has no record
      before: await computeReport(conn, { plan, asOf: "2026-05-01" }), // S1's export still (newest on or before 05-01)
    };
  });

  test("should read 达标 once the record's date is on or before as-of", () => {
    expect(kpi(live.s2, "platform")).toMatchObject({ actual: 1, pct: 1, status: "达标", remaining: 0, forecast: 1, week_delta: null });
  });

  test("should read 无数据 where the snapshot holds no record", () => {
    expect(kpi(live.s1, "platform")).toMatchObject({ actual: null, status: "无数据" });
    expect(kpi(live.before, "platform")).toMatchObject({ actual: null, status: "无数据" });
  });

  test("should never count the platform in a breakdown or a series", () => {
    expect(live.s2.by_district.some((d) => d.key === "platform")).toBe(false);
    expect(live.s2.series.some((p) => p.key === "platform")).toBe(false);
  });
});

describe("series", () => {
  const points = (r: Report, key: string) => r.series.filter((p) => p.key === key);

  test("should step weekly back from as-of to the first week holding an event", () => {
    const s = points(atS2, "enterprises_transformed");
    // First event: E13 counts from 2024-10-10; 2024-10-10 → 2026-06-30 = 628 days → 89 whole weeks → 90 points.
    expect(s).toHaveLength(90);
    expect(s[0]).toEqual({ key: "enterprises_transformed", week_end: "2024-10-15", actual: 1 });
    expect(s.at(-1)).toEqual({ key: "enterprises_transformed", week_end: "2026-06-30", actual: 9 });
  });

  test("should show an enterprise leaving when a lower assessment supersedes", () => {
    const at = (d: string) => points(atS2, "enterprises_transformed").find((p) => p.week_end === d)?.actual;
    expect(at("2026-04-28")).toBe(9); // E06 still 二级, E09 in since 04-01
    expect(at("2026-05-05")).toBe(8); // E06's 一级 of 05-01 took it out
  });

  test("should cover each count target with events, not the platform", () => {
    // clusters: R6 on 2025-12-01 → 211 days → 30 weeks → 31 points, all 1.
    const c = points(atS2, "clusters");
    expect(c).toHaveLength(31);
    expect(c[0]!.week_end).toBe("2025-12-02");
    expect(c.every((p) => p.actual === 1)).toBe(true);
    expect(points(atS2, "platform")).toHaveLength(0);
  });
});

describe("status thresholds", () => {
  // Plan end moved to 2026-06-30: at that as-of the whole target is expected and no week is left.
  const boundary: PilotPlan = structuredClone(plan);
  boundary.end = S2;
  boundary.monitoring = { ...plan.monitoring, warning: 0.8 };
  const target = (key: string, value: number) => {
    boundary.targets.find((t) => t.key === key)!.target = value;
  };
  target("enterprises_transformed", 9); // 9 / 9 = 1.0: exactly on track → 达标
  target("diagnosed", 17); // 16 / 17 = 0.94 → 预警
  target("training_person_times", 262.5); // 210 / 262.5 = 0.8: exactly the warning line → 预警
  target("service_providers", 5.01); // 4 / 5.01 = 0.798: just under → 落后

  let r: Report;
  beforeAll(async () => {
    r = await computeReport(await openFixture(boundary), { asOf: S2, plan: boundary });
  });

  test("should put each target on the right side of 100% and of the warning line", () => {
    const status = Object.fromEntries(r.kpis.map((k) => [k.key, k.status]));
    expect(status).toMatchObject({
      enterprises_transformed: "达标",
      diagnosed: "预警",
      training_person_times: "预警",
      service_providers: "落后",
      platform: "无数据", // no record: neither met nor behind
    });
  });

  test("should forecast the actual and require nothing weekly once no week is left", () => {
    expect(kpi(r, "diagnosed")).toMatchObject({ expected: 17, weeks_left: 0, forecast: 16, required_weekly: null });
  });
});
