/**
 * The 一企一档 output on a small export set. Expected values are worked out by hand from the rows
 * below (one snapshot, 2025-12-31):
 *  E1 surveyed 2024-08-01, listed 2024-09-01, pre-assessment 2025-01-10 (20+10+5 = 35, 一级),
 *     post 2025-09-10 (30+15+8 = 53, 二级); P1 signed 2025-02-01, applied 2025-08-20, accepted
 *     2025-09-15 (验收通过); P2 signed 2025-10-10 (实施中, no provider); subsidy F2 12.5 paid
 *     2025-09-20 to E1 with no project (attributed by payee), F1 30 on 2025-10-01 for P1.
 *     So every stage is dated: implementing = earliest signing 2025-02-01, paid = F2's 2025-09-20.
 *  E2 surveyed only; its 数字贷 L1 gets interest subsidy F4 3 on 2025-11-15 (attributed by loan).
 *  E3 is named like an HTML injection and has nothing else: no stage reached.
 *  F3 (leading-unit award to U1) belongs to no enterprise.
 */
import { describe, expect, test } from "vitest";
import { enterprisesJson, isoToDay } from "../../loaders/outputs/enterprises.ts";
import { plan } from "../helpers/plan.ts";
import { openWarehouse } from "../../loaders/warehouse/build.ts";
import { installMacros, queryRows } from "../../loaders/warehouse/query.ts";
import { dayToIso, enterpriseFile, enterpriseIndex, type PackedArchive } from "../../src/components/enterprise/enterpriseArchive.ts";
import { E1, E2, E3 } from "../helpers/exports.ts";
import { fixtureRoot, hostile } from "./enterpriseFixture.ts";

describe("enterprise archive (一企一档)", () => {
  test("should hold each enterprise's dated stages, assessments, projects and payments", async () => {
    const text = await enterprisesJson(fixtureRoot(), plan);
    const data = JSON.parse(text) as PackedArchive & { meta: { snapshot: string } };
    expect(data.meta.snapshot).toBe("2025-12-31");
    expect(text).not.toMatch(/张三|李四|13800000001|020-83000001/);

    const index = enterpriseIndex(data);
    expect(index.map((e) => [e.uscc, e.name, e.district, e.stage])).toEqual([
      [E1, "示例甲精密有限公司", "黄埔区", "补助拨付"],
      [E2, "示例乙汽配有限公司", "番禺区", "意愿摸查"],
      [E3, hostile, "白云区", "未开始"],
    ]);

    const e1 = enterpriseFile(data, 0);
    expect(e1.quality_tier).toBe("专精特新");
    expect(e1.industry).toBe("工业母机和机器人");
    expect(e1.stages.map((s) => [s.name, s.date])).toEqual([
      ["意愿摸查", "2024-08-01"],
      ["入库", "2024-09-01"],
      ["诊断评测", "2025-01-10"],
      ["签约", "2025-02-01"],
      ["实施", "2025-02-01"],
      ["验收申请", "2025-08-20"],
      ["验收通过", "2025-09-15"],
      ["补助拨付", "2025-09-20"],
    ]);
    expect(e1.assessments.map((a) => [a.kind, a.assessed_on, a.score, a.level])).toEqual([
      ["改造前", "2025-01-10", 35, 1],
      ["改造后", "2025-09-10", 53, 2],
    ]);
    expect(e1.projects.map((p) => [p.project_id, p.status, p.leading_unit, p.provider, p.signed_on, p.contract_wan, p.verified_wan, p.accepted_on])).toEqual([
      ["P1", "验收通过", "示例牵引单位", "示例服务商", "2025-02-01", 120, 100, "2025-09-15"],
      ["P2", "实施中", "示例牵引单位", null, "2025-10-10", 80, null, null],
    ]);
    expect(e1.payments.map((p) => [p.payment_id, p.direction, p.source, p.amount_wan, p.paid_on, p.project_id])).toEqual([
      ["F2", "改造补助", "中央", 12.5, "2025-09-20", null],
      ["F1", "改造补助", "市级", 30, "2025-10-01", "P1"],
    ]);

    const e2 = enterpriseFile(data, 1);
    expect(e2.stages.filter((s) => s.date).map((s) => s.key)).toEqual(["surveyed"]);
    expect(e2.payments.map((p) => [p.payment_id, p.direction, p.amount_wan, p.loan_id])).toEqual([["F4", "数字贷贴息", 3, "L1"]]);

    const e3 = enterpriseFile(data, 2);
    expect(e3.name).toBe(hostile);
    expect([e3.assessments, e3.projects, e3.payments]).toEqual([[], [], []]);
  });

  test("should date every stage as the pipeline KPIs do (kpi_facts) for the enterprises they count", async () => {
    const root = fixtureRoot();
    const data = JSON.parse(await enterprisesJson(root, plan)) as PackedArchive;
    const ours = enterpriseIndex(data).flatMap((e) =>
      enterpriseFile(data, e.i).stages.filter((s) => s.date).map((s) => `${s.key} ${e.uscc} ${s.date}`),
    );
    const wh = await openWarehouse(root, plan);
    try {
      await installMacros(wh.conn);
      const facts = await queryRows<{ f: string }>(
        wh.conn,
        `SELECT key || ' ' || entity_id || ' ' || strftime(valid_from, '%Y-%m-%d') AS f
         FROM kpi_facts(DATE '2025-12-31', $from::DATE) WHERE list_contains(string_split($stages, ','), key)`,
        { from: plan.funding.eligibleProjectWindow!.from, stages: plan.stages.map((s) => s.key).join(",") },
      );
      expect(ours.sort()).toEqual(facts.map((r) => r.f).sort());
      expect(ours).toHaveLength(9); // E1's eight stages and E2's survey
    } finally {
      wh.close();
    }
  });

  test("should store dates as whole days since 1970-01-01 and read them back unchanged", () => {
    expect(isoToDay("1970-01-02")).toBe(1);
    expect(isoToDay("2025-02-01")).toBe(20120);
    expect(dayToIso(20120)).toBe("2025-02-01");
    expect(isoToDay(null)).toBeNull();
  });
});
