// The whole sample (data/sample, `npm run generate`) run for two snapshot dates, checked against the
// numbers the generator computed from its own world model (truth.json): two independent implementations.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { computeReport } from "../../loaders/kpi/computeReport.ts";
import type { Report } from "../../loaders/kpi/reportTypes.ts";
import { openWarehouse } from "../../loaders/warehouse/build.ts";
import { plan } from "../helpers/plan.ts";

const root = resolve(import.meta.dirname, "../../data/sample");

interface TruthSnapshot {
  snapshot: string;
  enterprises_transformed: number;
  enterprises_transformed_by_district: Record<string, number>;
  enterprises_transformed_by_industry: Record<string, number>;
  diagnosed: number;
  /** 1 once the 公共服务平台's go-live record is in the snapshot, null (无数据) before. */
  platform: 1 | null;
  counts: Record<string, number>;
  breaches: { rule: string; entity_id: string; amount_wan: number; limit_wan: number }[];
  review_items: { rule: string; payment_id: string; amount_wan: number }[];
}
const truth = JSON.parse(readFileSync(`${root}/truth.json`, "utf8")) as {
  snapshots: TruthSnapshot[];
  level_mismatches: { assessment_id: string; kind: string; reported: number; computed: number }[];
};

// The generator names its rules differently; one rule of ours per rule of its (the caps per direction are one there).
const generatorRule: Record<string, string> = {
  subsidy_share: "subsidy_share_of_verified", // per project on both sides
  subsidy_level_cap: "subsidy_level_cap",
  paid_not_accepted: "subsidy_project_not_accepted",
  interest_share: "loan_interest_share_of_principal",
  interest_over_paid: "loan_interest_over_paid",
  interest_per_year: "loan_interest_enterprise_year_cap",
  leading_unit_award: "leading_unit_award_tier",
  platform_cap: "platform_project_cap",
  procurement_district_cap: "procurement_district_cap",
  training_total_cap: "direction_total_cap",
  third_party_total_cap: "direction_total_cap",
  platform_operation_total_cap: "direction_total_cap",
};

const first = truth.snapshots[0]!;
const last = truth.snapshots.at(-1)!;
const reports = new Map<string, Report>();
let close: () => void = () => {};

beforeAll(async () => {
  const wh = await openWarehouse(root, plan);
  close = wh.close;
  for (const t of [first, last]) reports.set(t.snapshot, await computeReport(wh.conn, { plan, asOf: t.snapshot }));
}, 600_000);

afterAll(() => close());

describe.each([first, last])("sample at $snapshot", (t) => {
  const r = () => reports.get(t.snapshot)!;

  test("should count every target as the generator does", () => {
    const actual = Object.fromEntries(r().kpis.map((k) => [k.key, k.actual]));
    expect(actual).toMatchObject({ enterprises_transformed: t.enterprises_transformed, diagnosed: t.diagnosed, platform: t.platform, ...t.counts });
  });

  test("should break enterprises_transformed down by district and industry as the generator does", () => {
    const transformed = <R extends { key: string; actual: number }>(rows: R[], code: (x: R) => string) =>
      Object.fromEntries(rows.filter((x) => x.key === "enterprises_transformed").map((x) => [code(x), x.actual]));
    expect(transformed(r().by_district, (x) => x.district_code)).toEqual(t.enterprises_transformed_by_district);
    expect(transformed(r().by_industry, (x) => x.industry_key)).toEqual(t.enterprises_transformed_by_industry);
  });

  test("should find the breaches the sample was built to hold, and no others", () => {
    // Per-year interest breaches are keyed "payee|year" there.
    const ours = r().compliance.breaches.map((b) => ({
      rule: generatorRule[b.rule] ?? b.rule,
      entity_id: b.period ? `${b.entity_id}|${b.period}` : b.entity_id,
      amount_wan: b.amount_wan,
    }));
    const expected = t.breaches.map((b) => ({ rule: b.rule, entity_id: b.entity_id, amount_wan: b.amount_wan }));
    // Amounts agree to the cent (the generator rounds to 0.01万元, we to 0.0001万元).
    const cents = (xs: { rule: string; entity_id: string | null; amount_wan: number }[]) =>
      [...xs]
        .sort((a, b) => `${a.rule}|${a.entity_id}`.localeCompare(`${b.rule}|${b.entity_id}`))
        .map((x) => ({ ...x, amount_wan: Math.round(x.amount_wan * 100) }));
    expect(cents(ours)).toEqual(cents(expected));
  });

  test("should list the review items the sample holds, one per rule and payment, and no others", () => {
    const key = (x: { rule: string; payment_id: string; amount_wan: number }) => `${x.rule}|${x.payment_id}|${Math.round(x.amount_wan * 100)}`;
    expect(r().compliance.review_items.map(key).sort()).toEqual(t.review_items.map(key).sort());
    // A payment from a level the plan does not name appears once, whatever else is wrong with it.
    const unnamed = r().compliance.review_items.filter((i) => i.rule === "district_top_up" || i.rule === "unnamed_source").map((i) => i.payment_id);
    const others = new Set(r().compliance.review_items.filter((i) => i.rule !== "district_top_up" && i.rule !== "unnamed_source").map((i) => i.payment_id));
    expect(unnamed.filter((id) => others.has(id))).toEqual([]);
    expect(new Set(unnamed).size).toBe(unnamed.length);
  });
});

describe("sample level audit", () => {
  test("should find the level mismatches the generator planted", () => {
    const ours = reports.get(last.snapshot)!.level_audit.map((a) => [a.assessment_id, a.kind, a.reported_level, a.computed_level]);
    const planted = truth.level_mismatches.map((a) => [a.assessment_id, a.kind, a.reported, a.computed]);
    const order = (xs: (string | number)[][]) => [...xs].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(order(ours)).toEqual(order(planted));
  });
});
