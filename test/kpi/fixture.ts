/**
 * A hand-made warehouse for the KPI tests: 17 enterprises and the projects, assessments, loans and
 * payments around them, each built to sit on one side of one counting or compliance rule. The
 * tests work their expected numbers out from the comments here.
 *
 * Two snapshots. S2 (2026-06-30) is the export the rows below are written for. S1 (2026-03-31)
 * is a copy of S2 without the rows marked "S2 only", so at as-of S1 the dates alone decide what
 * counts, and a query that forgot its snapshot filter would double every number.
 * Ids are short ("E01") rather than real credit codes so the arithmetic in the tests stays readable.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { PilotPlan } from "../../loaders/plan/types.ts";
import { planDML, schemaDDL } from "../../loaders/warehouse/schema.ts";

export const S1 = "2026-03-31";
export const S2 = "2026-06-30";

const insert = (table: string, columns: string, rows: string): string =>
  `INSERT INTO ${table} BY NAME SELECT DATE '${S2}' AS snapshot, * FROM (VALUES ${rows}) v(${columns})`;

/*
 * Enterprises. Districts: 440105 海珠 440106 天河 440111 白云 440112 黄埔 440113 番禺 440114 花都
 * 440115 南沙 440117 从化 440118 增城.
 *  E01 transformed; subsidy 60 = exactly 50% of verified 120 and exactly the 二级 cap 60
 *  E02 two pre-assessments, two accepted projects (counted once); subsidy 50.01 > 50% of 100 (its third,
 *      terminated project's verified 10 does not raise the limit)
 *  E03 large firm (is_sme false): never counted
 *  E04 size unknown (is_sme NULL): counted; subsidy 60.5 > 二级 cap 60
 *  E05 post-assessment 一级: not transformed; subsidy 10 with no level cap (limit 0)
 *  E06 post 二级 2025-03-01 then 一级 2026-05-01: counted at S1, not at S2
 *  E07 post 一级 then 三级 2026-02-01: counted; subsidy 80 under the 三级 cap 100
 *  E08 accepted and assessed on 2026-03-31 = S1: counted at S1
 *  E09 accepted 2026-04-01 = S1 + 1: not at S1, counted at S2; planned end 2026-03-15 (overdue at S1)
 *  E10 accepted 2026-06-30 = S2: counted at S2
 *  E11 accepted 2026-07-01 = S2 + 1 (date typed ahead): not counted; subsidy paid 2026-07-01, after S2;
 *      applied 2026-05-01, exactly 60 days before S2: not stuck
 *  E12 signed 2023-10-10, the day before the provincial window: not counted
 *  E13 signed 2023-10-11, the window's first day: counted
 *  E14 status 验收未通过 (with a review date and a 二级 post-assessment): not counted; overdue; reviewed
 *      2026-01-29, 61 days before S1: just past the 60-day stuck line
 *  E15 only 诊断中, pre-assessment 2026-03-31 = S1: diagnosed at S1
 *  E16 pre-assessment 2026-04-01: diagnosed at S2 only; subsidy paid to a project 实施中
 *  E17 transformed; 20 of its subsidy paid the day before acceptance
 */
const enterprises = insert(
  "enterprises",
  "uscc, name, district, industry, employees, revenue_wan, size_class, is_sme, surveyed_on, listed_on",
  `('E01', '甲一汽配', '440112', 'auto', 120, 8000, '中型', true, DATE '2024-08-01', DATE '2024-08-20'),
   ('E02', '乙二美妆', '440111', 'cosmetics', 80, 5000, '小型', true, DATE '2024-08-05', DATE '2024-09-01'),
   ('E03', '丙三家居', '440113', 'home', 1500, 60000, '大型', false, DATE '2024-08-10', DATE '2024-09-05'),
   ('E04', '丁四箱包', '440114', 'bags', NULL, NULL, '未知', NULL, DATE '2024-08-15', DATE '2024-09-10'),
   ('E05', '戊五服装', '440118', 'apparel', 50, 1000, '小型', true, DATE '2024-09-01', DATE '2024-10-01'),
   ('E06', '己六机器人', '440112', 'machine_robot', 200, 9000, '中型', true, DATE '2024-09-05', DATE '2024-10-05'),
   ('E07', '庚七汽配', '440115', 'auto', 300, 12000, '中型', true, DATE '2024-09-10', DATE '2024-10-10'),
   ('E08', '辛八美妆', '440117', 'cosmetics', 30, 800, '小型', true, DATE '2024-10-01', DATE '2024-11-01'),
   ('E09', '壬九汽配', '440106', 'auto', 60, 3000, '小型', true, DATE '2024-10-05', DATE '2024-11-05'),
   ('E10', '癸十家居', '440118', 'home', 90, 4000, '小型', true, DATE '2024-10-10', DATE '2024-11-10'),
   ('E11', '子十一服装', '440113', 'apparel', 40, 900, '小型', true, NULL, DATE '2024-10-01'),
   ('E12', '丑十二箱包', '440105', 'bags', 25, 400, '小型', true, DATE '2023-08-01', DATE '2023-08-15'),
   ('E13', '寅十三服装', '440111', 'apparel', 70, 2500, '小型', true, DATE '2023-08-01', DATE '2023-08-15'),
   ('E14', '卯十四汽配', '440114', 'auto', 150, 6000, '中型', true, DATE '2024-11-01', DATE '2024-12-01'),
   ('E15', '辰十五家居', '440112', 'home', 35, 600, '小型', true, DATE '2025-06-01', DATE '2025-06-15'),
   ('E16', '巳十六家居', '440111', 'home', 45, 700, '小型', true, DATE '2025-06-10', DATE '2025-07-01'),
   ('E17', '午十七美妆', '440118', 'cosmetics', 55, 1500, '小型', true, DATE '2024-12-01', DATE '2025-01-01')`,
);

/*
 * Assessments. Scores "15,5,5" = 25 → 一级 and "25,10,5" = 40 → 二级 agree with the reported level.
 * Level-audit cases: A04 reports 二级 on 35 points (→ 一级); A10 reports 一级 on 18 (→ below 一级, 0);
 * A27 reports 三级 on 80 points with no scenarios (→ 四级); A07 reports 三级 on 65 points but only 7
 * scenarios at 三级 (→ 二级); A17 reports 三级 on 70 with 8 scenarios, 5 of them constraint (agrees);
 * A12 has no scores (cannot be recomputed). A00 shares A29's day: the higher id (A29, 二级) is the latest.
 */
const assessments = insert(
  "assessments",
  "assessment_id, uscc, kind, assessed_on, score_basis, score_management, score_outcome, level",
  `('A01', 'E01', '改造前', DATE '2024-09-15', 15, 10, 5, 1),
   ('A02', 'E01', '改造后', DATE '2025-06-10', 25, 12, 8, 2),
   ('A03', 'E02', '改造前', DATE '2024-09-20', 20, 5, 3, 1),
   ('A04', 'E02', '改造前', DATE '2024-10-20', 20, 10, 5, 2),
   ('A05', 'E02', '改造后', DATE '2025-09-05', 25, 10, 6, 2),
   ('A06', 'E03', '改造前', DATE '2024-10-01', 30, 10, 5, 2),
   ('A07', 'E03', '改造后', DATE '2025-08-10', 35, 20, 10, 3),
   ('A08', 'E04', '改造前', DATE '2024-11-01', 10, 5, 5, 1),
   ('A09', 'E04', '改造后', DATE '2025-09-20', 25, 10, 5, 2),
   ('A10', 'E05', '改造前', DATE '2024-11-10', 12, 4, 2, 1),
   ('A11', 'E05', '改造后', DATE '2025-10-20', 20, 10, 5, 1),
   ('A12', 'E06', '改造前', DATE '2024-12-01', NULL, NULL, NULL, 1),
   ('A13', 'E06', '改造后', DATE '2025-03-01', 25, 10, 5, 2),
   ('A14', 'E06', '改造后', DATE '2026-05-01', 20, 8, 4, 1),
   ('A15', 'E07', '改造前', DATE '2024-12-10', 15, 5, 5, 1),
   ('A16', 'E07', '改造后', DATE '2025-05-01', 20, 10, 5, 1),
   ('A17', 'E07', '改造后', DATE '2026-02-01', 40, 20, 10, 3),
   ('A18', 'E08', '改造前', DATE '2025-01-10', 15, 5, 5, 1),
   ('A19', 'E08', '改造后', DATE '2026-03-31', 25, 10, 5, 2),
   ('A20', 'E09', '改造前', DATE '2025-02-01', 15, 5, 5, 1),
   ('A21', 'E09', '改造后', DATE '2026-03-20', 25, 10, 5, 2),
   ('A22', 'E10', '改造前', DATE '2025-02-10', 15, 5, 5, 1),
   ('A23', 'E10', '改造后', DATE '2026-06-25', 25, 10, 5, 2),
   ('A24', 'E11', '改造前', DATE '2025-02-15', 15, 5, 5, 1),
   ('A25', 'E11', '改造后', DATE '2026-06-20', 25, 10, 5, 2),
   ('A26', 'E12', '改造前', DATE '2023-09-01', 15, 5, 5, 1),
   ('A27', 'E12', '改造后', DATE '2024-09-10', 45, 20, 15, 3),
   ('A28', 'E13', '改造前', DATE '2023-09-05', 15, 5, 5, 1),
   ('A29', 'E13', '改造后', DATE '2024-10-10', 25, 10, 5, 2),
   ('A00', 'E13', '改造后', DATE '2024-10-10', 15, 5, 5, 1),
   ('A30', 'E14', '改造前', DATE '2025-03-01', 15, 5, 5, 1),
   ('A31', 'E14', '改造后', DATE '2025-12-05', 25, 10, 5, 2),
   ('A32', 'E15', '改造前', DATE '2026-03-31', 15, 5, 5, 1),
   ('A33', 'E16', '改造前', DATE '2026-04-01', 15, 5, 5, 1),
   ('A34', 'E17', '改造前', DATE '2025-01-05', 15, 5, 5, 1),
   ('A35', 'E17', '改造后', DATE '2025-06-05', 25, 10, 5, 2)`,
);

// A17: 5 constraint + 3 other scenarios at 三级. A07: 5 constraint + 2 other at 三级.
const scenarios = insert(
  "assessment_scenarios",
  "assessment_id, scenario, scenario_level",
  `('A17', '产品设计', 3), ('A17', '工艺设计', 3), ('A17', '营销管理', 3), ('A17', '售后服务', 3), ('A17', '计划排程', 3),
   ('A17', '安全生产', 3), ('A17', '能耗管理', 3), ('A17', '财务管理', 3),
   ('A07', '产品设计', 3), ('A07', '工艺设计', 3), ('A07', '营销管理', 3), ('A07', '售后服务', 3), ('A07', '计划排程', 3),
   ('A07', '安全生产', 3), ('A07', '能耗管理', 3)`,
);

/*
 * Projects. U1 serves E01 E04 E05 E06 E07 E09 E14; U2 serves E02 E08 E12 E13 E17 and E01 (P19, accepted
 * only after S2: E01 does not count as transformed through U2); U3 serves E03 E10 E11 E15 E16. PP1–PP4 are leading units' platform projects (their credit codes are not in the
 * enterprise pool, so they never count as enterprises). P02c and P18 are terminated.
 */
const projects = insert(
  "projects",
  "project_id, uscc, project_name, leading_unit_id, provider_id, signed_on, planned_end, verified_wan, status, applied_on, accepted_on",
  `('P01', 'E01', '甲一改造', 'U1', 'V1', DATE '2024-10-01', DATE '2025-05-31', 120, '验收通过', DATE '2025-05-10', DATE '2025-06-01'),
   ('P02a', 'E02', '乙二改造一期', 'U2', NULL, DATE '2024-11-01', DATE '2025-08-31', 60, '验收通过', DATE '2025-08-01', DATE '2025-09-01'),
   ('P02b', 'E02', '乙二改造二期', 'U2', NULL, DATE '2025-01-05', DATE '2025-09-30', 40, '验收通过', DATE '2025-09-20', DATE '2025-10-01'),
   ('P19', 'E01', '甲一二期', 'U2', NULL, DATE '2026-03-01', NULL, 50, '验收通过', DATE '2026-06-15', DATE '2026-07-01'),
   ('P02c', 'E02', '乙二改造三期', 'U2', NULL, DATE '2025-11-01', DATE '2026-03-31', 10, '终止', NULL, NULL),
   ('P03', 'E03', '丙三改造', 'U3', NULL, DATE '2024-12-01', DATE '2025-07-31', 300, '验收通过', NULL, DATE '2025-08-01'),
   ('P04', 'E04', '丁四改造', 'U1', NULL, DATE '2024-12-15', DATE '2025-09-30', 200, '验收通过', NULL, DATE '2025-09-15'),
   ('P05', 'E05', '戊五改造', 'U1', NULL, DATE '2025-01-10', DATE '2025-10-31', 100, '验收通过', NULL, DATE '2025-10-10'),
   ('P18', 'E05', '戊五旧项目', 'U1', NULL, DATE '2024-12-20', DATE '2025-06-30', NULL, '终止', NULL, NULL),
   ('P06', 'E06', '己六改造', 'U1', NULL, DATE '2025-01-15', DATE '2025-03-31', 80, '验收通过', NULL, DATE '2025-02-20'),
   ('P07', 'E07', '庚七改造', 'U1', NULL, DATE '2025-02-01', DATE '2025-04-30', 200, '验收通过', NULL, DATE '2025-04-01'),
   ('P08', 'E08', '辛八改造', 'U2', NULL, DATE '2025-03-01', DATE '2026-03-31', 50, '验收通过', DATE '2026-03-01', DATE '2026-03-31'),
   ('P09', 'E09', '壬九改造', 'U1', NULL, DATE '2025-03-15', DATE '2026-03-15', 90, '验收通过', NULL, DATE '2026-04-01'),
   ('P10', 'E10', '癸十改造', 'U3', NULL, DATE '2025-04-01', DATE '2026-06-30', 100, '验收通过', NULL, DATE '2026-06-30'),
   ('P11', 'E11', '子十一改造', 'U3', NULL, DATE '2025-04-10', DATE '2026-05-31', 100, '验收通过', DATE '2026-05-01', DATE '2026-07-01'),
   ('P12', 'E12', '丑十二改造', 'U2', NULL, DATE '2023-10-10', DATE '2024-08-31', 100, '验收通过', NULL, DATE '2024-09-01'),
   ('P13', 'E13', '寅十三改造', 'U2', NULL, DATE '2023-10-11', DATE '2024-09-30', 100, '验收通过', NULL, DATE '2024-10-01'),
   ('P14', 'E14', '卯十四改造', 'U1', NULL, DATE '2025-05-01', DATE '2025-10-31', 100, '验收未通过', DATE '2025-11-01', DATE '2026-01-29'),
   ('P15', 'E15', '辰十五改造', 'U3', NULL, NULL, NULL, NULL, '诊断中', NULL, NULL),
   ('P16', 'E16', '巳十六改造', 'U3', NULL, DATE '2025-08-01', DATE '2026-06-30', 80, '实施中', NULL, NULL),
   ('P17', 'E17', '午十七改造', 'U2', NULL, DATE '2025-01-20', DATE '2025-06-30', 100, '验收通过', NULL, DATE '2025-06-01'),
   ('PP1', '91440101U1', '汽配工业互联网平台', 'U1', NULL, DATE '2024-10-01', NULL, 500, '验收通过', NULL, DATE '2025-12-01'),
   ('PP2', '91440101U2', '美妆供应链协同平台', 'U2', NULL, DATE '2024-10-01', NULL, 500, '验收通过', NULL, DATE '2025-12-01'),
   ('PP3', '91440101U1', '汽配数据平台', 'U1', NULL, DATE '2024-10-01', NULL, 1000, '验收通过', NULL, DATE '2025-12-01'),
   ('PP4', '91440101U2', '美妆工业互联网平台', 'U2', NULL, DATE '2024-10-01', NULL, 1000, '验收通过', NULL, DATE '2025-12-01')`,
);

// Tier awarded: U1 一档 (100), U2 三档 (50), U3 none.
const leadingUnits = insert(
  "leading_units",
  "unit_id, name, uscc, industry, selected_on, tier",
  `('U1', '汽配牵引一号', '91440101U1', 'auto', DATE '2024-05-01', '一档'),
   ('U2', '美妆牵引二号', '91440101U2', 'cosmetics', DATE '2024-06-01', '三档'),
   ('U3', '家居牵引三号', '91440101U3', 'home', DATE '2024-07-01', NULL)`,
);

// Selected: V1 2024, V2 on S1, V3 on S1 + 1, V4 (no unit) 2025.
const providers = insert(
  "providers",
  "provider_id, name, selected_on, unit_id",
  `('V1', '服务商一', DATE '2024-06-01', 'U1'),
   ('V2', '服务商二', DATE '2026-03-31', 'U1'),
   ('V3', '服务商三', DATE '2026-04-01', 'U2'),
   ('V4', '服务商四', DATE '2025-01-01', NULL)`,
);

// Listed: D1 2024, D2 (every industry) 2025, D3 on S1, D4 on S1 + 1.
const products = insert(
  "products",
  "product_id, name, provider_id, stage, industry, listed_on",
  `('D1', '汽配MES', 'V1', '制造', 'auto', DATE '2024-10-01'),
   ('D2', '云财务', 'V1', '管理', NULL, DATE '2025-01-01'),
   ('D3', '美妆配方设计', 'V2', '设计', 'cosmetics', DATE '2026-03-31'),
   ('D4', '汽配质检', 'V3', '制造', 'auto', DATE '2026-04-01')`,
);

// R3 is recognised on S1 + 1; R5 has no district or industry of its own (takes E02's: 白云, cosmetics).
const recognitions = insert(
  "recognitions",
  "recognition_id, kind, name, district, industry, uscc, recognized_on",
  `('R1', '数字化车间', '甲一车间', '440112', 'auto', 'E01', DATE '2025-05-01'),
   ('R2', '数字化车间', '白云美妆车间', '440111', 'cosmetics', NULL, DATE '2026-03-31'),
   ('R3', '智能制造示范工厂', '番禺家居工厂', '440113', 'home', NULL, DATE '2026-04-01'),
   ('R4', '典型场景', '甲一质量场景', '440112', 'auto', 'E01', DATE '2025-09-01'),
   ('R5', '链式转型案例', '乙二链式案例', NULL, NULL, 'E02', DATE '2026-01-10'),
   ('R6', '特色产业集群', '花都箱包集群', '440114', 'bags', NULL, DATE '2025-12-01')`,
);

// T4 (held before S1) reached the ledger only in S2's export: "S2 only". T5 falls 7–8 weeks before S2,
// inside the trailing window's first week.
const trainings = insert(
  "trainings",
  "training_id, name, held_on, district, person_times",
  `('T1', '黄埔专题班', DATE '2025-03-01', '440112', 100),
   ('T2', '白云专题班', DATE '2026-03-31', '440111', 50),
   ('T3', '番禺专题班', DATE '2026-04-01', '440113', 30),
   ('T4', '花都专题班', DATE '2026-03-15', '440114', 20),
   ('T5', '番禺提高班', DATE '2026-05-08', '440113', 10)`,
);

/*
 * Loans for 数字贷贴息 (limits: 3% of principal, interest actually paid, 50 per enterprise per year).
 *  L1 E01 30 = exactly 3% of 1000            L2 E02 30.01 > 30
 *  L3 E04 20 = exactly the 20 paid           L4 E07 20.5 > 20 paid
 *  L5+L6 E13 30+20 = exactly 50 in 2025; L9 E13 30 in 2026 (years apart, not summed)
 *  L7+L8 E17 30+20.5 = 50.5 in 2025          L10 E10 interest paid unknown: not judged
 */
const loans = insert(
  "loans",
  "loan_id, uscc, bank, principal_wan, issued_on, interest_paid_wan",
  `('L1', 'E01', '工商银行', 1000, DATE '2025-01-01', 40),
   ('L2', 'E02', '建设银行', 1000, DATE '2025-01-01', 40),
   ('L3', 'E04', '农业银行', 2000, DATE '2025-01-01', 20),
   ('L4', 'E07', '中国银行', 2000, DATE '2025-01-01', 20),
   ('L5', 'E13', '广州银行', 1000, DATE '2024-06-01', 35),
   ('L6', 'E13', '广州银行', 1000, DATE '2024-09-01', 35),
   ('L7', 'E17', '招商银行', 1000, DATE '2024-06-01', 40),
   ('L8', 'E17', '招商银行', 1000, DATE '2024-09-01', 40),
   ('L9', 'E13', '广州银行', 1000, DATE '2025-06-01', 40),
   ('L10', 'E10', '交通银行', 1000, DATE '2025-01-01', NULL)`,
);

/*
 * Payments (万元). Rules and limits: see compliance_breaches.sql and the plan's 四、资金使用方向.
 *  改造补助: E01 30+30; E02 20+15+15.01; E04 60.5; E05 10 (区级); E07 50+30; E16 10 (project 实施中);
 *           E17 20 on 2025-05-31 (project accepted 2025-06-01) + 20 on 2025-06-01; E11 100 on 2026-07-01 (after S2).
 *  牵引单位奖励: U1 60+40 (= 一档 100); U2 50.5 paid to its credit code (> 三档 50); U3 10 (no tier).
 *  平台项目: PP1 100+50 = 30% of 500; PP2 150.5 > 30% of 500; PP3 250 = cap; PP4 250.5 > cap (paid after S1);
 *           U3 260 with no project linked (> cap; 30% not judged).
 *  集中采购: 白云 1000+500 = 1500; 花都 1000 + 500.5 (after S1) = 1500.5.
 *  人才培训 200 + 100 (paid on S2) = 300 = cap; 第三方服务 1000 + 200.01 (after S1) = 1200.01; 平台运营 500.5.
 */
const funds = insert(
  "funds",
  "payment_id, direction, source, payee_id, project_id, loan_id, district, amount_wan, paid_on",
  `('F01', '改造补助', '中央', 'E01', 'P01', NULL, NULL, 30, DATE '2025-06-01'),
   ('F02', '改造补助', '市级', 'E01', 'P01', NULL, NULL, 30, DATE '2025-07-01'),
   ('F03', '改造补助', '中央', 'E02', 'P02a', NULL, NULL, 20, DATE '2025-10-15'),
   ('F04', '改造补助', '省级', 'E02', 'P02a', NULL, NULL, 15, DATE '2025-10-15'),
   ('F05', '改造补助', '市级', 'E02', 'P02b', NULL, NULL, 15.01, DATE '2025-10-15'),
   ('F06', '改造补助', '中央', 'E04', 'P04', NULL, NULL, 60.5, DATE '2025-10-01'),
   ('F07', '改造补助', '区级', 'E05', 'P05', NULL, NULL, 10, DATE '2025-11-01'),
   ('F08', '改造补助', '中央', 'E07', 'P07', NULL, NULL, 50, DATE '2026-02-15'),
   ('F09', '改造补助', '省级', 'E07', 'P07', NULL, NULL, 30, DATE '2026-02-15'),
   ('F10', '改造补助', '市级', 'E16', 'P16', NULL, NULL, 10, DATE '2025-09-01'),
   ('F11', '改造补助', '中央', 'E17', 'P17', NULL, NULL, 20, DATE '2025-05-31'),
   ('F12', '改造补助', '市级', 'E17', 'P17', NULL, NULL, 20, DATE '2025-06-01'),
   ('F13', '改造补助', '市级', 'E11', 'P11', NULL, NULL, 100, DATE '2026-07-01'),
   ('G01', '数字贷贴息', '市级', 'E01', NULL, 'L1', NULL, 30, DATE '2025-12-01'),
   ('G02', '数字贷贴息', '省级', 'E02', NULL, 'L2', NULL, 30.01, DATE '2025-12-05'),
   ('G03', '数字贷贴息', '市级', 'E04', NULL, 'L3', NULL, 20, DATE '2025-11-01'),
   ('G04', '数字贷贴息', '市级', 'E07', NULL, 'L4', NULL, 20.5, DATE '2025-11-05'),
   ('G05', '数字贷贴息', '市级', 'E13', NULL, 'L5', NULL, 30, DATE '2025-03-01'),
   ('G06', '数字贷贴息', '市级', 'E13', NULL, 'L6', NULL, 20, DATE '2025-08-01'),
   ('G07', '数字贷贴息', '省级', 'E17', NULL, 'L7', NULL, 30, DATE '2025-04-01'),
   ('G08', '数字贷贴息', '市级', 'E17', NULL, 'L8', NULL, 20.5, DATE '2025-09-01'),
   ('G09', '数字贷贴息', '市级', 'E13', NULL, 'L9', NULL, 30, DATE '2026-02-01'),
   ('G10', '数字贷贴息', '市级', 'E10', NULL, 'L10', NULL, 25, DATE '2025-10-01'),
   ('H01', '牵引单位奖励', '中央', 'U1', NULL, NULL, NULL, 60, DATE '2024-12-15'),
   ('H02', '牵引单位奖励', '市级', 'U1', NULL, NULL, NULL, 40, DATE '2024-12-15'),
   ('H03', '牵引单位奖励', '市级', '91440101U2', NULL, NULL, NULL, 50.5, DATE '2025-01-10'),
   ('H04', '牵引单位奖励', '区级', 'U3', NULL, NULL, NULL, 10, DATE '2025-02-01'),
   ('J01', '平台项目', '中央', 'U1', 'PP1', NULL, NULL, 100, DATE '2026-01-10'),
   ('J02', '平台项目', '省级', 'U1', 'PP1', NULL, NULL, 50, DATE '2026-01-10'),
   ('J03', '平台项目', '中央', 'U2', 'PP2', NULL, NULL, 150.5, DATE '2026-01-15'),
   ('J04', '平台项目', '中央', 'U1', 'PP3', NULL, NULL, 250, DATE '2026-01-20'),
   ('J05', '平台项目', '省级', 'U2', 'PP4', NULL, NULL, 250.5, DATE '2026-05-10'),
   ('J06', '平台项目', '中央', 'U3', NULL, NULL, NULL, 260, DATE '2025-12-20'),
   ('K01', '集中采购', '中央', 'C01', NULL, NULL, '440111', 1000, DATE '2025-07-01'),
   ('K02', '集中采购', '市级', 'C01', NULL, NULL, '440111', 500, DATE '2025-08-01'),
   ('K03', '集中采购', '中央', 'C02', NULL, NULL, '440114', 1000, DATE '2025-07-01'),
   ('K04', '集中采购', '市级', 'C02', NULL, NULL, '440114', 500.5, DATE '2026-04-20'),
   ('M01', '人才培训', '中央', 'TR', NULL, NULL, NULL, 200, DATE '2025-05-01'),
   ('M02', '人才培训', '省级', 'TR', NULL, NULL, NULL, 100, DATE '2026-06-30'),
   ('N01', '第三方服务', '省级', 'TP', NULL, NULL, NULL, 1000, DATE '2025-06-01'),
   ('N02', '第三方服务', '市级', 'TP', NULL, NULL, NULL, 200.01, DATE '2026-04-15'),
   ('Q01', '平台运营', '市级', 'PO', NULL, NULL, NULL, 500.5, DATE '2025-01-01')`,
);

// District targets for the 710: 白云 4, 增城 2.
const districtTargets = insert(
  "district_targets",
  "district, indicator, target",
  `('440111', 'enterprises_transformed', 4), ('440118', 'enterprises_transformed', 2)`,
);

const contractTables = [
  "enterprises", "assessments", "assessment_scenarios", "projects", "funds", "loans",
  "leading_units", "providers", "products", "recognitions", "trainings", "district_targets",
];

/** The fixture's INSERT statements: S2's rows, then S1 as a copy of S2 without the "S2 only" rows. */
export function fixtureSQL(): string[] {
  return [
    enterprises, assessments, scenarios, projects, leadingUnits, providers, products,
    recognitions, trainings, loans, funds, districtTargets,
    ...contractTables.map(
      (t) => `INSERT INTO ${t} SELECT * REPLACE (DATE '${S1}' AS snapshot) FROM ${t} WHERE snapshot = DATE '${S2}'`,
    ),
    `DELETE FROM trainings WHERE snapshot = DATE '${S1}' AND training_id = 'T4'`,
    `INSERT INTO snapshots VALUES (DATE '${S1}', '${S1}'), (DATE '${S2}', '${S2}')`,
  ];
}

/** A fresh in-memory warehouse: schema, the plan's dimensions, and the fixture. */
export async function openFixture(plan: PilotPlan): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  for (const sql of [...schemaDDL(plan), ...planDML(plan), ...fixtureSQL()]) await conn.run(sql);
  return conn;
}

/** An empty in-memory warehouse (schema and plan dimensions only). */
export async function openEmpty(plan: PilotPlan): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  for (const sql of [...schemaDDL(plan), ...planDML(plan)]) await conn.run(sql);
  return conn;
}
