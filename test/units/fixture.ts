/**
 * A hand-made warehouse for the leading units' management loop (五(五)–(七)): three units, six
 * enterprises, seven projects, their progress reports and review items. One snapshot, S
 * (2026-06-30); the tests move as_of to see each rule's edge. Expected numbers are worked out in
 * the comments here and in unitManagement.test.ts.
 *
 * Units (reporting monthly, due by the 10th of the next month):
 *  U1 selected 2026-02-15 → first period 2026-03. Owed by S: 03 (due 04-10), 04 (due 05-10),
 *     05 (due 06-10). Files 03 on 04-08 (on time), 04 on 05-15 (5 days late), 05 never (missing,
 *     20 days at S). Its 02 report is for a period it does not owe: ignored.
 *  U2 selected 2026-04-01 (a 1st) → first period 2026-04. Owes 04 (due 05-10, filed 05-10: on
 *     time, the due day itself) and 05 (due 06-10, not filed: missing at S, not_due on 06-05).
 *  U3 selected 2026-01-10 → first period 2026-02; removed 2026-05-20 (未按期报送), so it owes 02,
 *     03 and 04 (the 05 period ends after its removal). Files nothing: missing 112, 81 and 51 days.
 *
 * Projects (U1 unless said): P1 E1 signed 01-05, 验收通过 03-20; P2 E2 signed 02-10, 实施中;
 * P3 E3 signed 04-02, 验收未通过, applied 05-01; P4 E4 signed 03-01, 验收申请, applied 06-01;
 * P5 E5 signed 02-01, 验收通过 04-15 — E5 taken off the list 2026-04-30 (企业注销);
 * P6 E1 signed 03-10, applied 05-20, 验收通过 06-20; P7 E6 signed 04-05, 实施中, U2.
 *
 * U1's 2026-03 report (period end 03-31, E5 still listed): exports show served 4 (E1 E2 E4 E5),
 * signed 5 (P1 P2 P4 P5 P6), in progress 4 (P2 P4 P5 P6), accepted 1 (P1): it reports 4/5/4/1, all equal.
 * U1's 2026-04 report (period end 04-30, E5 removed that day): served 4 (E1-E4), signed 5 (P1-P4 P6),
 * in progress 3 (P2 P4 P6; P3 failed), accepted 1 (P1): it reports 4/6/3/2: signed +1, accepted +1.
 * U2's 2026-04 report: 1/1/1 and 验收通过 blank (not compared): exports 1/1/1.
 *
 * Reviews: U1 2026-03-15 基本合格 — item 1 deadline 04-15 closed 04-10; item 2 deadline 05-15
 * closed 05-25 (late). U1 2026-06-01 合格 with no item. U2 2026-05-01 不合格 — item 1 deadline
 * 06-15, open (overdue 15 days at S); item 2 without a deadline, open.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { PilotPlan } from "../../loaders/plan/types.ts";
import { planDML, schemaDDL } from "../../loaders/warehouse/schema.ts";

export const S = "2026-06-30";

const insert = (table: string, columns: string, rows: string): string =>
  `INSERT INTO ${table} BY NAME SELECT DATE '${S}' AS snapshot, * FROM (VALUES ${rows}) v(${columns})`;

const base = [
  insert(
    "leading_units",
    "unit_id, name, selected_on, removed_on, removed_reason",
    `('U1', '甲牵引', DATE '2026-02-15', NULL, NULL),
     ('U2', '乙牵引', DATE '2026-04-01', NULL, NULL),
     ('U3', '丙牵引', DATE '2026-01-10', DATE '2026-05-20', '未按期报送')`,
  ),
  insert(
    "enterprises",
    "uscc, name, district, industry, is_sme, removed_on, removed_reason",
    `('E1', '企一', '440112', 'auto', true, NULL, NULL),
     ('E2', '企二', '440112', 'auto', true, NULL, NULL),
     ('E3', '企三', '440112', 'auto', true, NULL, NULL),
     ('E4', '企四', '440112', 'auto', true, NULL, NULL),
     ('E5', '企五', '440112', 'auto', true, DATE '2026-04-30', '企业注销'),
     ('E6', '企六', '440112', 'auto', true, NULL, NULL)`,
  ),
  insert(
    "projects",
    "project_id, uscc, leading_unit_id, status, signed_on, applied_on, accepted_on",
    `('P1', 'E1', 'U1', '验收通过', DATE '2026-01-05', DATE '2026-03-01', DATE '2026-03-20'),
     ('P2', 'E2', 'U1', '实施中', DATE '2026-02-10', NULL, NULL),
     ('P3', 'E3', 'U1', '验收未通过', DATE '2026-04-02', DATE '2026-05-01', NULL),
     ('P4', 'E4', 'U1', '验收申请', DATE '2026-03-01', DATE '2026-06-01', NULL),
     ('P5', 'E5', 'U1', '验收通过', DATE '2026-02-01', DATE '2026-04-01', DATE '2026-04-15'),
     ('P6', 'E1', 'U1', '验收通过', DATE '2026-03-10', DATE '2026-05-20', DATE '2026-06-20'),
     ('P7', 'E6', 'U2', '实施中', DATE '2026-04-05', NULL, NULL)`,
  ),
];

const reports = [
  insert(
    "unit_reports",
    "unit_id, period, submitted_on, enterprises_served, projects_signed, projects_in_progress, projects_accepted, problems",
    `('U1', DATE '2026-02-01', DATE '2026-03-05', 1, 1, 1, 0, NULL),
     ('U1', DATE '2026-03-01', DATE '2026-04-08', 4, 5, 4, 1, '无'),
     ('U1', DATE '2026-04-01', DATE '2026-05-15', 4, 6, 3, 2, '验收排期紧'),
     ('U2', DATE '2026-04-01', DATE '2026-05-10', 1, 1, 1, NULL, NULL)`,
  ),
  insert(
    "unit_reviews",
    "unit_id, reviewed_on, result, item_no, item, deadline, closed_on",
    `('U1', DATE '2026-03-15', '基本合格', '1', '报送不及时', DATE '2026-04-15', DATE '2026-04-10'),
     ('U1', DATE '2026-03-15', '基本合格', '2', '产品清单未更新', DATE '2026-05-15', DATE '2026-05-25'),
     ('U1', DATE '2026-06-01', '合格', NULL, NULL, NULL, NULL),
     ('U2', DATE '2026-05-01', '不合格', '1', '项目进度滞后', DATE '2026-06-15', NULL),
     ('U2', DATE '2026-05-01', '不合格', '2', '服务内容不清', NULL, NULL)`,
  ),
];

const files = (tables: string[]): string =>
  `INSERT INTO ingest_files (snapshot, file, table_key) VALUES ${tables.map((t) => `(DATE '${S}', '${t}.csv', '${t}')`).join(", ")}`;

/** The fixture; `optional: false` leaves out unit_reports and unit_reviews (no file, no rows). */
export async function openUnitFixture(plan: PilotPlan, optional = true): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  const supplied = ["leading_units", "enterprises", "projects", ...(optional ? ["unit_reports", "unit_reviews"] : [])];
  const snapshot = `INSERT INTO snapshots VALUES (DATE '${S}', '${S}')`;
  for (const sql of [...schemaDDL(plan), ...planDML(plan), snapshot, ...base, ...(optional ? reports : []), files(supplied)]) await conn.run(sql);
  return conn;
}

/**
 * The fixture with an earlier snapshot A (2026-06-08) in front of S, for the weekly review. A is S's
 * rows as exported a few weeks earlier:
 *  - U3's removal is not yet recorded (B records it, dated 05-20): a removal this week;
 *  - U1's April report (filed 05-15) is not in A's export: at A that period is missing, in B late, and
 *    its two differing figures are new;
 *  - U2's review of 05-01 (items 1 and 2) is first exported in B: two items opened;
 *  - U1's item 2 has no 整改完成日期 in A (B fills in 05-25): overdue on A, closed this week.
 * Dates alone make U1's and U2's May reports (due 06-10) go missing this week, and U2's item 1
 * (deadline 06-15) overdue.
 */
export const A = "2026-06-08";

export async function openUnitWeeklyFixture(plan: PilotPlan): Promise<DuckDBConnection> {
  const conn = await openUnitFixture(plan);
  const copy = (table: string, replace: string, where = "true") =>
    `INSERT INTO ${table} SELECT * REPLACE (DATE '${A}' AS snapshot${replace}) FROM ${table} WHERE snapshot = DATE '${S}' AND ${where}`;
  for (const sql of [
    copy("leading_units", ", CASE WHEN unit_id = 'U3' THEN NULL ELSE removed_on END AS removed_on, CASE WHEN unit_id = 'U3' THEN NULL ELSE removed_reason END AS removed_reason"),
    copy("enterprises", ""),
    copy("projects", ""),
    copy("unit_reports", "", "NOT (unit_id = 'U1' AND period = DATE '2026-04-01')"),
    copy("unit_reviews", ", CASE WHEN unit_id = 'U1' AND item_no = '2' THEN NULL ELSE closed_on END AS closed_on", "unit_id <> 'U2'"),
    `INSERT INTO ingest_files SELECT * REPLACE (DATE '${A}' AS snapshot) FROM ingest_files WHERE snapshot = DATE '${S}'`,
    `INSERT INTO snapshots VALUES (DATE '${A}', '${A}')`,
  ]) await conn.run(sql);
  return conn;
}
