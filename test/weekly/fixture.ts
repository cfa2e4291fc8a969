/**
 * A hand-made pair of snapshots for the weekly-review tests: A = 2026-06-05 and B = 2026-06-12 (one
 * week), each row built to exercise one kind of change. The tests' expected diffs are worked out
 * from the comments here.
 *
 * Districts: 440106 天河 440111 白云 440112 黄埔 440113 番禺 440114 花都 440118 增城.
 * Rows marked "A only" / "B only" exist in one snapshot; "A→B" gives the value that changes.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { PilotPlan } from "../../loaders/plan/types.ts";
import { planDML, schemaDDL } from "../../loaders/warehouse/schema.ts";

export const A = "2026-06-05";
export const B = "2026-06-12";
/** Weeks from A to the plan's end (2026-12-31): 209 days. */
export const WEEKS_LEFT_A = 209 / 7;

type Side = "A" | "B" | "AB";

const insert = (table: string, columns: string, side: Side, rows: string): string[] =>
  [...(side === "B" ? [] : [A]), ...(side === "A" ? [] : [B])].map(
    (s) => `INSERT INTO ${table} BY NAME SELECT DATE '${s}' AS snapshot, * FROM (VALUES ${rows}) v(${columns})`,
  );

const ENT = "uscc, name, district, industry, is_sme, listed_on";
const ASM = "assessment_id, uscc, kind, assessed_on, level";
const PRJ = "project_id, uscc, project_name, leading_unit_id, signed_on, planned_end, verified_wan, status, applied_on, accepted_on";
const FND = "payment_id, direction, source, payee_id, project_id, amount_wan, paid_on";

/*
 * E1 黄埔 auto: accepted (P1) and assessed 二级 inside the week → new acceptance and new 改造达二级.
 * E2 白云 cosmetics: counted on A (P2 accepted 2025-11-20, 二级 2025-12-01); B withdraws P2's acceptance.
 * E3 番禺 home: B only, listed and diagnosed inside the week (new events).
 * E4 花都 bags: its name is corrected A→B (a changed text: a revision).
 * E5 增城 apparel: B only, listed 2026-05-01 ≤ A (late entry), signs P4 inside the week.
 */
const enterprises = [
  ...insert("enterprises", ENT, "AB", `('E1', '甲一汽配', '440112', 'auto', true, DATE '2025-01-10'),
    ('E2', '乙二美妆', '440111', 'cosmetics', true, DATE '2025-02-10')`),
  ...insert("enterprises", ENT, "A", `('E4', '丁四箱包', '440114', 'bags', true, DATE '2025-03-01')`),
  ...insert("enterprises", ENT, "B", `('E4', '丁四箱包有限公司', '440114', 'bags', true, DATE '2025-03-01'),
    ('E3', '丙三家居', '440113', 'home', true, DATE '2026-06-08'),
    ('E5', '戊五服装', '440118', 'apparel', true, DATE '2026-05-01')`),
];

const assessments = [
  ...insert("assessments", ASM, "AB", `('A1', 'E1', '改造前', DATE '2025-02-01', 1),
    ('A3', 'E2', '改造前', DATE '2025-03-01', 1), ('A4', 'E2', '改造后', DATE '2025-12-01', 2)`),
  ...insert("assessments", ASM, "B", `('A2', 'E1', '改造后', DATE '2026-06-10', 2), ('A5', 'E3', '改造前', DATE '2026-06-10', 1)`),
  // A4's 产品设计 scenario re-graded 二级 → 三级 (a table keyed by two columns).
  ...insert("assessment_scenarios", "assessment_id, scenario, scenario_level", "A", `('A4', '产品设计', 2)`),
  ...insert("assessment_scenarios", "assessment_id, scenario, scenario_level", "B", `('A4', '产品设计', 3)`),
];

/*
 * P1 E1 验收申请 → 验收通过 on 2026-06-09, verified_wan filled in: progress. Overdue on A (planned 05-31).
 * P2 E2 验收通过 → 验收申请, accepted_on cleared: the acceptance withdrawn (two revisions); overdue on B.
 * P3 E4 signed_on moved 2025-09-01 → 2025-09-15 (revision); planned_end 2026-12-31 → 2027-01-31 (a plan after A: not one).
 * P4 E5 B only, 已签约 2026-06-10, planned end 2026-06-11: a new project, overdue on B.
 * P5 E4 A only: the row vanished (revision; status change "removed").
 * P6 E1 验收未通过 (reviewed 2026-04-01) → 验收通过 on 2026-06-11: a re-review, progress although accepted_on changed.
 * P7 E2 实施中 since 2026-04-10: 56 days on A, 63 on B: stuck from B.
 */
const projects = [
  ...insert("projects", PRJ, "A", `
    ('P1', 'E1', '甲一改造', 'U1', DATE '2025-03-01', DATE '2026-05-31', NULL, '验收申请', DATE '2026-05-20', NULL),
    ('P2', 'E2', '乙二改造', 'U1', DATE '2025-04-01', DATE '2025-10-31', 80, '验收通过', DATE '2025-11-01', DATE '2025-11-20'),
    ('P3', 'E4', '丁四改造', 'U1', DATE '2025-09-01', DATE '2026-12-31', NULL, '实施中', NULL, NULL),
    ('P5', 'E4', '丁四二期', 'U1', DATE '2025-10-01', DATE '2026-09-30', NULL, '实施中', NULL, NULL),
    ('P6', 'E1', '甲一二期', 'U1', DATE '2025-06-01', DATE '2026-03-31', 50, '验收未通过', DATE '2026-03-01', DATE '2026-04-01'),
    ('P7', 'E2', '乙二二期', 'U1', DATE '2026-04-10', DATE '2026-12-31', NULL, '实施中', NULL, NULL)`),
  ...insert("projects", PRJ, "B", `
    ('P1', 'E1', '甲一改造', 'U1', DATE '2025-03-01', DATE '2026-05-31', 100, '验收通过', DATE '2026-05-20', DATE '2026-06-09'),
    ('P2', 'E2', '乙二改造', 'U1', DATE '2025-04-01', DATE '2025-10-31', 80, '验收申请', DATE '2025-11-01', NULL),
    ('P3', 'E4', '丁四改造', 'U1', DATE '2025-09-15', DATE '2027-01-31', NULL, '实施中', NULL, NULL),
    ('P4', 'E5', '戊五改造', 'U1', DATE '2026-06-10', DATE '2026-06-11', NULL, '已签约', NULL, NULL),
    ('P6', 'E1', '甲一二期', 'U1', DATE '2025-06-01', DATE '2026-03-31', 50, '验收通过', DATE '2026-03-01', DATE '2026-06-11'),
    ('P7', 'E2', '乙二二期', 'U1', DATE '2026-04-10', DATE '2026-12-31', NULL, '实施中', NULL, NULL)`),
];

/*
 * F1 E2's subsidy corrected 20 → 25 (revision); with P2 no longer accepted it becomes a breach on B.
 * F2 E1 30 paid inside the week (new payment, 黄埔 auto). F3 training money dated ≤ A, first in B (late).
 * L1 interest paid 10 → 12 (a running total growing: progress); L2 8 → 6 (falling: revision).
 */
const funds = [
  ...insert("funds", FND, "A", `('F1', '改造补助', '市级', 'E2', 'P2', 20, DATE '2025-12-10')`),
  ...insert("funds", FND, "B", `('F1', '改造补助', '市级', 'E2', 'P2', 25, DATE '2025-12-10'),
    ('F2', '改造补助', '中央', 'E1', 'P1', 30, DATE '2026-06-10'),
    ('F3', '人才培训', '中央', 'TR', NULL, 10, DATE '2026-06-01')`),
  ...insert("loans", "loan_id, uscc, bank, principal_wan, issued_on, interest_paid_wan", "A",
    `('L1', 'E1', '工商银行', 1000, DATE '2025-07-01', 10), ('L2', 'E2', '建设银行', 500, DATE '2025-08-01', 8)`),
  ...insert("loans", "loan_id, uscc, bank, principal_wan, issued_on, interest_paid_wan", "B",
    `('L1', 'E1', '工商银行', 1000, DATE '2025-07-01', 12), ('L2', 'E2', '建设银行', 500, DATE '2025-08-01', 6)`),
];

/*
 * Supply and demonstration: V2 selected, D2 listed, R3 (典型场景, 番禺 home) recognised and T1 (天河, 40 人次)
 * held inside the week; R2 (数字化车间) vanishes from B, which rejects its row (reason given).
 * District target of 白云 for the 710 revised 4 → 3.
 */
const supply = [
  ...insert("leading_units", "unit_id, name, selected_on, tier", "AB", `('U1', '汽配牵引一号', DATE '2024-05-01', '一档')`),
  ...insert("providers", "provider_id, name, selected_on, unit_id", "AB", `('V1', '服务商一', DATE '2024-06-01', 'U1')`),
  ...insert("providers", "provider_id, name, selected_on, unit_id", "B", `('V2', '服务商二', DATE '2026-06-11', 'U1')`),
  ...insert("products", "product_id, name, provider_id, stage, industry, listed_on", "AB", `('D1', '汽配MES', 'V1', '制造', 'auto', DATE '2025-01-01')`),
  ...insert("products", "product_id, name, provider_id, stage, industry, listed_on", "B", `('D2', '汽配质检', 'V1', '制造', 'auto', DATE '2026-06-09')`),
  ...insert("recognitions", "recognition_id, kind, name, district, industry, uscc, recognized_on", "AB",
    `('R1', '数字化车间', '甲一车间', '440112', 'auto', 'E1', DATE '2025-10-01')`),
  ...insert("recognitions", "recognition_id, kind, name, district, industry, uscc, recognized_on", "A",
    `('R2', '数字化车间', '乙二车间', '440111', 'cosmetics', 'E2', DATE '2025-11-01')`),
  ...insert("recognitions", "recognition_id, kind, name, district, industry, uscc, recognized_on", "B",
    `('R3', '典型场景', '丙三场景', '440113', 'home', 'E3', DATE '2026-06-11')`),
  ...insert("trainings", "training_id, name, held_on, district, person_times", "AB", `('T2', '黄埔专题班', DATE '2025-05-01', '440112', 100)`),
  ...insert("trainings", "training_id, name, held_on, district, person_times", "B", `('T1', '天河专题班', DATE '2026-06-10', '440106', 40)`),
  ...insert("district_targets", "district, indicator, target", "AB", `('440112', 'enterprises_transformed', 5)`),
  ...insert("district_targets", "district, indicator, target", "A", `('440111', 'enterprises_transformed', 4)`),
  ...insert("district_targets", "district, indicator, target", "B", `('440111', 'enterprises_transformed', 3)`),
  // The same tier criteria in both (an optional table: every table holds a row, none changes).
  ...insert("tier_criteria", "tier, min_projects_accepted, min_products, min_demonstrations, source", "AB", `('一档', 1, 1, NULL, '示例管理办法')`),
  // One unit report and one closed 整改 item, the same in both (optional tables: every table holds a row).
  ...insert("unit_reports", "unit_id, period, submitted_on, enterprises_served, projects_signed, projects_in_progress, projects_accepted, problems", "AB",
    `('U1', DATE '2026-04-01', DATE '2026-05-08', 3, 3, 2, 1, '无')`),
  ...insert("unit_reviews", "unit_id, reviewed_on, result, item_no, item, deadline, closed_on", "AB",
    `('U1', DATE '2026-03-31', '合格', '1', '完善报送', DATE '2026-04-30', DATE '2026-04-20')`),
];

/*
 * Data quality. Both: E1's month-only date (warning) and a malformed credit code (no record id; row 10 on
 * A, row 11 on B: matched by its message). A only: E9's missing name (fixed on B). B only: F9's negative
 * amount and R2's bad kind (new).
 */
const ISS = `snapshot, file, table_key, "row", "column", code, severity, message_zh, message_en, record_id`;
const badUscc = "统一社会信用代码格式错误「91440101XYZ」:长度应为18位";
const issues = [
  `INSERT INTO ingest_issues (${ISS}) VALUES
    (DATE '${A}', '企业名录.csv', 'enterprises', 2, '入库日期', 'DATE_MONTH_ONLY', 'warning', '日期「2025年1月」没有日,按当月1日处理', '', 'E1'),
    (DATE '${A}', '企业名录.csv', 'enterprises', 10, '统一社会信用代码', 'INVALID_USCC_FORMAT', 'error', '${badUscc}', '', NULL),
    (DATE '${A}', '企业名录.csv', 'enterprises', 5, '企业名称', 'REQUIRED_MISSING', 'error', '必填项为空', '', 'E9'),
    (DATE '${B}', '企业名录.csv', 'enterprises', 2, '入库日期', 'DATE_MONTH_ONLY', 'warning', '日期「2025年1月」没有日,按当月1日处理', '', 'E1'),
    (DATE '${B}', '企业名录.csv', 'enterprises', 11, '统一社会信用代码', 'INVALID_USCC_FORMAT', 'error', '${badUscc}', '', NULL),
    (DATE '${B}', '资金拨付.csv', 'funds', 7, '金额(万元)', 'NEGATIVE_AMOUNT', 'error', '金额不能为负「-5」', '', 'F9'),
    (DATE '${B}', '示范认定.csv', 'recognitions', 3, '类型', 'INVALID_ENUM', 'error', '取值「车间」不在允许范围内', '', 'R2')`,
  // An info note is never a data-quality problem of the review.
  `INSERT INTO ingest_issues (${ISS}) VALUES (DATE '${B}', '资金拨付.csv', 'funds', 9, NULL, 'SKIPPED_TOTAL_ROW', 'info', '合计行已跳过', '', NULL)`,
];

/** The fixture's statements: both snapshots' rows, issues and the snapshot list. */
export function weeklyFixtureSQL(): string[] {
  return [
    ...enterprises, ...assessments, ...projects, ...funds, ...supply, ...issues,
    `INSERT INTO snapshots VALUES (DATE '${A}', '${A}'), (DATE '${B}', '${B}')`,
  ];
}

/** A fresh in-memory warehouse holding the two snapshots. */
export async function openWeeklyFixture(plan: PilotPlan): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  for (const sql of [...schemaDDL(plan), ...planDML(plan), ...weeklyFixtureSQL()]) await conn.run(sql);
  return conn;
}
