/**
 * The input contract (../shared/data-contract.md) as data: every table the monitor reads, its
 * Chinese name, its columns with their Chinese headers, types and whether they are required.
 * Readers, validators, the warehouse schema and the sample generator all read this one list.
 */
import type { PilotPlan } from "../plan/types.ts";

/** How a column's cells are normalised. */
export type ColumnType =
  | "id" // identifier: trimmed, full-width folded, invisible spaces removed
  | "uscc" // 统一社会信用代码, check digit verified
  | "text" // free text (names)
  | "district" // one of the plan's districts, stored as its GB/T 2260 code
  | "industry" // one of the plan's industries, stored as its key
  | "int" // whole number ≥ 0
  | "wan" // amount in 万元 (a header in 元 is converted)
  | "number" // decimal
  | "date" // calendar date
  | "month" // a calendar month (reporting period), stored as the DATE of its 1st
  | "bool" // 是/否 …
  | "enum" // one of `values`
  | "level"; // digital level 1–4

export interface Column {
  key: string;
  zh: string;
  type: ColumnType;
  required?: boolean;
  /** Personal data: read and validated, never written anywhere. */
  personal?: boolean;
  /** Allowed values for enums (the canonical spelling first). */
  values?: readonly string[];
  /** Other headers seen in real exports. */
  aliases?: string[];
  /** Other spellings of enum values, mapped to the canonical value. */
  valueAliases?: Record<string, string>;
}

export interface Table {
  key: TableKey;
  zh: string;
  /** Other names a file of this table may carry. */
  aliases: string[];
  required: boolean;
  /** Primary key column, unique within one snapshot. */
  idColumn?: string;
  /** For tables without an id: the columns that together must be unique within one snapshot. */
  uniqueBy?: string[];
  columns: Column[];
}

export type TableKey =
  | "enterprises"
  | "assessments"
  | "assessment_scenarios"
  | "projects"
  | "funds"
  | "loans"
  | "leading_units"
  | "providers"
  | "products"
  | "recognitions"
  | "trainings"
  | "district_targets"
  | "tier_criteria"
  | "unit_reports"
  | "unit_reviews";

/**
 * A table's names and whether a snapshot must hold it: the same under every plan, so that files
 * and sheets can be told apart (and a missing table named) without a plan at hand.
 */
export type TableIdentity = Pick<Table, "key" | "zh" | "aliases" | "required">;

/** Every contract table's identity, in the contract's order. */
export const tableIdentities: readonly TableIdentity[] = [
  { key: "enterprises", zh: "企业名录", aliases: ["企业库", "试点企业名录", "企业名单"], required: true },
  { key: "assessments", zh: "数字化水平评测", aliases: ["评测", "水平评测", "评测记录"], required: true },
  { key: "assessment_scenarios", zh: "经营场景评测", aliases: ["场景评测"], required: false },
  { key: "projects", zh: "改造项目", aliases: ["改造项目台账", "项目台账", "数字化改造项目"], required: true },
  { key: "funds", zh: "资金拨付", aliases: ["资金拨付台账", "拨付记录"], required: true },
  { key: "loans", zh: "数字贷", aliases: ["数字贷台账", "贷款"], required: false },
  { key: "leading_units", zh: "牵引单位", aliases: ["数字化牵引单位"], required: true },
  { key: "providers", zh: "数字化服务商", aliases: ["服务商"], required: true },
  { key: "products", zh: "小快轻准产品", aliases: ["产品", "数字化产品", "小快轻准产品清单"], required: true },
  { key: "recognitions", zh: "示范认定", aliases: ["认定", "示范项目"], required: true },
  { key: "trainings", zh: "人才培训", aliases: ["培训", "培训记录"], required: true },
  { key: "district_targets", zh: "分区目标", aliases: ["各区目标"], required: false },
  { key: "tier_criteria", zh: "牵引单位评档标准", aliases: ["评档标准", "牵引单位档次标准"], required: false },
  { key: "unit_reports", zh: "牵引单位进展报送", aliases: ["进展报送", "牵引单位报送", "改造进展报送", "牵引单位月报"], required: false },
  { key: "unit_reviews", zh: "牵引单位考核整改", aliases: ["考核整改", "牵引单位考核", "整改台账", "牵引单位整改"], required: false },
];

/** The identity of the table `key`. */
export function tableIdentity(key: TableKey): TableIdentity {
  const t = tableIdentities.find((x) => x.key === key);
  if (!t) throw new Error(`unknown table ${key}`);
  return { ...t, aliases: [...t.aliases] };
}

/** The contract's tables for `plan`: their enum columns take their values from the plan. */
function buildTables(plan: PilotPlan): Table[] {
  const directions = plan.funding.directions.map((d) => d.name);
  const targetKeys = plan.targets.map((t) => t.key as string);
  // Recognition kinds, counted ones and the records that meet a status target (公共服务平台, dated the day it went live).
  const recognitionKinds = plan.recognitionKinds;

  return [
    {
      ...tableIdentity("enterprises"),
      idColumn: "uscc",
      columns: [
        { key: "uscc", zh: "统一社会信用代码", type: "uscc", required: true, aliases: ["信用代码", "社会信用代码"] },
        { key: "name", zh: "企业名称", type: "text", required: true, aliases: ["企业全称"] },
        { key: "district", zh: "所属区", type: "district", required: true, aliases: ["所属行政区", "行政区", "区"] },
        { key: "industry", zh: "细分行业", type: "industry", required: true, aliases: ["所属行业", "行业"] },
        { key: "employees", zh: "从业人员", type: "int", aliases: ["从业人员数", "员工人数"] },
        { key: "revenue_wan", zh: "营业收入(万元)", type: "wan", aliases: ["营业收入"] },
        { key: "above_scale", zh: "规上企业", type: "bool", aliases: ["是否规上", "规上"] },
        { key: "quality_tier", zh: "优质中小企业", type: "enum", values: plan.qualityTiers, aliases: ["优质中小企业梯度"] },
        { key: "surveyed_on", zh: "摸查日期", type: "date" },
        { key: "listed_on", zh: "入库日期", type: "date" },
        // 五(五) 动态调整: an enterprise taken off the list stays in the export with the day and why;
        // from that day on it is counted in no target or breakdown (counts before it do not change).
        { key: "removed_on", zh: "移出日期", type: "date", aliases: ["调出日期", "移出名单日期"] },
        { key: "removed_reason", zh: "移出原因", type: "text", aliases: ["调出原因", "调整原因"] },
        // Optional: the day the firm went on the cloud (上云用云), for plans with a cloud_adoption target.
        { key: "cloud_on", zh: "上云用云日期", type: "date", aliases: ["上云日期"] },
        { key: "contact", zh: "联系人", type: "text", personal: true },
        { key: "phone", zh: "联系电话", type: "text", personal: true, aliases: ["电话", "手机"] },
      ],
    },
    {
      ...tableIdentity("assessments"),
      idColumn: "assessment_id",
      columns: [
        { key: "assessment_id", zh: "评测编号", type: "id", required: true },
        { key: "uscc", zh: "统一社会信用代码", type: "uscc", required: true, aliases: ["信用代码"] },
        { key: "kind", zh: "评测类型", type: "enum", required: true, values: ["改造前", "改造后"] },
        { key: "assessed_on", zh: "评测日期", type: "date", required: true },
        { key: "score_basis", zh: "基础得分", type: "number" },
        { key: "score_management", zh: "管理得分", type: "number" },
        { key: "score_outcome", zh: "成效得分", type: "number" },
        { key: "level", zh: "评测等级", type: "level", required: true, aliases: ["数字化水平等级", "等级"] },
      ],
    },
    {
      ...tableIdentity("assessment_scenarios"),
      uniqueBy: ["assessment_id", "scenario"],
      columns: [
        { key: "assessment_id", zh: "评测编号", type: "id", required: true },
        { key: "scenario", zh: "场景", type: "enum", required: true, values: plan.levels.scenarios.map((s) => s.name), aliases: ["经营场景"] },
        { key: "scenario_level", zh: "场景等级", type: "level", required: true },
      ],
    },
    {
      ...tableIdentity("projects"),
      idColumn: "project_id",
      columns: [
        { key: "project_id", zh: "项目编号", type: "id", required: true },
        { key: "uscc", zh: "统一社会信用代码", type: "uscc", required: true, aliases: ["信用代码"] },
        { key: "project_name", zh: "项目名称", type: "text" },
        { key: "leading_unit_id", zh: "牵引单位编号", type: "id", required: true },
        { key: "provider_id", zh: "服务商编号", type: "id" },
        { key: "signed_on", zh: "签约日期", type: "date" },
        { key: "planned_end", zh: "计划完成日期", type: "date" },
        { key: "contract_wan", zh: "合同金额(万元)", type: "wan", aliases: ["合同金额"] },
        { key: "verified_wan", zh: "核定投入(万元)", type: "wan", aliases: ["核定投入"] },
        { key: "status", zh: "项目状态", type: "enum", required: true, values: plan.projectStatuses, aliases: ["流程状态"] },
        { key: "applied_on", zh: "验收申请日期", type: "date" },
        { key: "accepted_on", zh: "验收日期", type: "date", aliases: ["验收通过日期"] },
      ],
    },
    {
      ...tableIdentity("funds"),
      idColumn: "payment_id",
      columns: [
        { key: "payment_id", zh: "拨付编号", type: "id", required: true },
        { key: "direction", zh: "资金方向", type: "enum", required: true, values: directions },
        { key: "source", zh: "资金来源", type: "enum", required: true, values: plan.funding.sources, aliases: ["来源"] },
        { key: "payee_id", zh: "收款单位", type: "id", required: true, aliases: ["收款单位编号"] },
        { key: "project_id", zh: "关联项目编号", type: "id" },
        { key: "loan_id", zh: "关联贷款编号", type: "id" },
        { key: "district", zh: "所属区", type: "district" },
        { key: "amount_wan", zh: "金额(万元)", type: "wan", required: true, aliases: ["拨付金额", "金额"] },
        { key: "paid_on", zh: "拨付日期", type: "date", required: true },
      ],
    },
    {
      ...tableIdentity("loans"),
      idColumn: "loan_id",
      columns: [
        { key: "loan_id", zh: "贷款编号", type: "id", required: true },
        { key: "uscc", zh: "统一社会信用代码", type: "uscc", required: true, aliases: ["信用代码"] },
        { key: "bank", zh: "贷款银行", type: "text" },
        { key: "principal_wan", zh: "合同金额(万元)", type: "wan", required: true, aliases: ["贷款合同金额"] },
        { key: "issued_on", zh: "放款日期", type: "date" },
        { key: "interest_paid_wan", zh: "实付利息(万元)", type: "wan" },
      ],
    },
    {
      ...tableIdentity("leading_units"),
      idColumn: "unit_id",
      columns: [
        { key: "unit_id", zh: "单位编号", type: "id", required: true },
        { key: "name", zh: "名称", type: "text", required: true, aliases: ["单位名称"] },
        { key: "uscc", zh: "统一社会信用代码", type: "uscc" },
        { key: "industry", zh: "行业", type: "industry" },
        { key: "selected_on", zh: "遴选日期", type: "date", required: true },
        { key: "tier", zh: "评定档次", type: "enum", values: Object.keys(plan.funding.leadingUnitAwardByTierWan), aliases: ["档次"] },
        // 五(五) 动态调整: a unit taken off the list, kept with the day and why (see enterprises).
        { key: "removed_on", zh: "移出日期", type: "date", aliases: ["调出日期", "移出名单日期"] },
        { key: "removed_reason", zh: "移出原因", type: "text", aliases: ["调出原因", "调整原因"] },
      ],
    },
    {
      ...tableIdentity("providers"),
      idColumn: "provider_id",
      columns: [
        { key: "provider_id", zh: "服务商编号", type: "id", required: true },
        { key: "name", zh: "名称", type: "text", required: true, aliases: ["服务商名称"] },
        { key: "uscc", zh: "统一社会信用代码", type: "uscc" },
        { key: "selected_on", zh: "遴选日期", type: "date", required: true },
        { key: "unit_id", zh: "所属牵引单位", type: "id", aliases: ["牵引单位编号"] },
      ],
    },
    {
      ...tableIdentity("products"),
      idColumn: "product_id",
      columns: [
        { key: "product_id", zh: "产品编号", type: "id", required: true },
        { key: "name", zh: "产品名称", type: "text", required: true, aliases: ["名称"] },
        { key: "provider_id", zh: "服务商编号", type: "id", required: true },
        { key: "stage", zh: "环节", type: "enum", required: true, values: plan.productStages },
        { key: "industry", zh: "适用行业", type: "industry" },
        { key: "listed_on", zh: "入库日期", type: "date", required: true },
        { key: "price_wan", zh: "参考价格(万元/年)", type: "wan", aliases: ["参考价格"] },
      ],
    },
    {
      ...tableIdentity("recognitions"),
      idColumn: "recognition_id",
      columns: [
        { key: "recognition_id", zh: "认定编号", type: "id", required: true },
        { key: "kind", zh: "类型", type: "enum", required: true, values: recognitionKinds, aliases: ["认定类型"] },
        { key: "name", zh: "名称", type: "text", required: true },
        { key: "district", zh: "所属区", type: "district" },
        { key: "industry", zh: "行业", type: "industry" },
        { key: "uscc", zh: "相关企业", type: "uscc", aliases: ["统一社会信用代码"] },
        // For a 公共服务平台 row: the day the platform went live (上线运行).
        { key: "recognized_on", zh: "认定日期", type: "date", required: true, aliases: ["上线日期"] },
      ],
    },
    {
      ...tableIdentity("trainings"),
      idColumn: "training_id",
      columns: [
        { key: "training_id", zh: "培训编号", type: "id", required: true },
        { key: "name", zh: "培训名称", type: "text", required: true, aliases: ["名称"] },
        { key: "organizer", zh: "主办单位", type: "text" },
        { key: "held_on", zh: "日期", type: "date", required: true, aliases: ["培训日期", "举办日期"] },
        { key: "district", zh: "所属区", type: "district" },
        { key: "audience", zh: "对象", type: "enum", values: plan.trainingAudiences, aliases: ["培训对象"] },
        { key: "person_times", zh: "培训人次", type: "int", required: true },
      ],
    },
    {
      ...tableIdentity("district_targets"),
      uniqueBy: ["district", "indicator"],
      columns: [
        { key: "district", zh: "所属区", type: "district", required: true, aliases: ["区"] },
        {
          key: "indicator",
          zh: "指标",
          type: "enum",
          required: true,
          values: targetKeys,
          // Desks write the indicator's Chinese name as often as its key.
          valueAliases: Object.fromEntries(plan.targets.flatMap((t) => [[t.short, t.key], [t.label, t.key]])),
        },
        { key: "target", zh: "目标值", type: "number", required: true, aliases: ["目标"] },
      ],
    },
    {
      // 四(二)2 rates leading units on three indicators but sets no thresholds. When the city's rules
      // (e.g. the 牵引单位管理办法 of 五(二)) set them, one row per tier; without this table no tier is
      // judged against results. A blank threshold is no condition; a unit earns the highest tier whose
      // every given threshold it reaches.
      ...tableIdentity("tier_criteria"),
      idColumn: "tier",
      columns: [
        { key: "tier", zh: "档次", type: "enum", required: true, values: Object.keys(plan.funding.leadingUnitAwardByTierWan), aliases: ["评定档次"] },
        { key: "min_projects_accepted", zh: "验收通过项目数不少于", type: "int", aliases: ["验收通过项目数"] },
        { key: "min_products", zh: "供给产品数不少于", type: "int", aliases: ["供给产品数", "小快轻准产品数"] },
        { key: "min_demonstrations", zh: "入选示范项目数不少于", type: "int", aliases: ["入选示范项目数"] },
        { key: "source", zh: "依据", type: "text", required: true, aliases: ["依据文件", "出处"] },
      ],
    },
    {
      // 五(五) 建立牵引单位定期报送改造进展工作机制: one row per unit and reporting period, the figures
      // as the unit reported them. Optional: without it the pages say 未报送此表, never 0.
      ...tableIdentity("unit_reports"),
      uniqueBy: ["unit_id", "period"],
      columns: [
        { key: "unit_id", zh: "单位编号", type: "id", required: true, aliases: ["牵引单位编号"] },
        { key: "period", zh: "报送期", type: "month", required: true, aliases: ["报送期间", "报告期", "所属月份", "月份"] },
        { key: "submitted_on", zh: "报送日期", type: "date", required: true, aliases: ["提交日期"] },
        { key: "enterprises_served", zh: "服务企业数", type: "int", aliases: ["服务企业数量"] },
        { key: "projects_signed", zh: "已签约项目数", type: "int", aliases: ["签约项目数"] },
        { key: "projects_in_progress", zh: "实施中项目数", type: "int", aliases: ["在建项目数"] },
        { key: "projects_accepted", zh: "验收通过项目数", type: "int", aliases: ["已验收项目数"] },
        { key: "problems", zh: "存在问题", type: "text", aliases: ["问题及建议", "困难问题"] },
      ],
    },
    {
      // 五(六) 对牵引单位实行周期性考核,并…提出整改意见: one row per 整改 item (a review with no item is
      // one row with the item columns blank). The review's result repeats on each of its rows.
      ...tableIdentity("unit_reviews"),
      uniqueBy: ["unit_id", "reviewed_on", "item_no"],
      columns: [
        { key: "unit_id", zh: "单位编号", type: "id", required: true, aliases: ["牵引单位编号"] },
        { key: "reviewed_on", zh: "考核日期", type: "date", required: true },
        { key: "result", zh: "考核结果", type: "text", required: true, aliases: ["考核结论"] },
        { key: "item_no", zh: "整改序号", type: "id", aliases: ["序号", "整改项编号"] },
        { key: "item", zh: "整改事项", type: "text", aliases: ["整改意见", "整改内容"] },
        { key: "deadline", zh: "整改期限", type: "date", aliases: ["整改截止日期", "限期"] },
        { key: "closed_on", zh: "整改完成日期", type: "date", aliases: ["销号日期", "完成日期"] },
      ],
    },
  ];
}

const built = new WeakMap<PilotPlan, readonly Table[]>();

/** The contract's tables for `plan` (built once per plan object). */
export function contractTables(plan: PilotPlan): readonly Table[] {
  let t = built.get(plan);
  if (t === undefined) built.set(plan, (t = buildTables(plan)));
  return t;
}

/** Look a table up by key. */
export function tableByKey(plan: PilotPlan, key: TableKey): Table {
  const t = contractTables(plan).find((x) => x.key === key);
  if (!t) throw new Error(`unknown table ${key}`);
  return t;
}
