// How Inputs.table shows the tables of the 一企一档 page: the search results and one enterprise's
// assessments, projects and payments. The page calls Inputs.table (which virtualises rows and sets
// every cell as text, so names from the data can never become HTML).
import { fmtWan, levelName, zhDate, type LevelNames } from "../shared/format.js";

type Kind = "matches" | "assessments" | "projects" | "payments";

const score = (v: number) => String(Math.round(v * 10) / 10);

// Each table leads with what a phone can show before it scrolls sideways: what, when, how much.
const options = {
  // A single-select table: its value is the picked enterprise, or null.
  matches: {
    // Name, district and stage first: what a phone shows before the table scrolls sideways.
    columns: ["name", "district", "stage", "uscc", "industry"],
    header: { name: "企业名称", uscc: "统一社会信用代码", district: "所属区", industry: "细分行业", stage: "当前阶段" },
    width: { name: 200, district: 64, stage: 72, uscc: 170, industry: 150 },
    multiple: false,
    required: false,
    rows: 8,
  },
  assessments: {
    columns: ["kind", "assessed_on", "level", "score", "score_basis", "score_management", "score_outcome"],
    header: { kind: "评测类型", assessed_on: "评测日期", score_basis: "基础", score_management: "管理", score_outcome: "成效", score: "总分", level: "等级" },
    format: { assessed_on: zhDate, score_basis: score, score_management: score, score_outcome: score, score },
    width: { kind: 70, assessed_on: 120, score_basis: 50, score_management: 50, score_outcome: 50, score: 50, level: 60 },
    select: false,
  },
  projects: {
    columns: ["project_name", "status", "signed_on", "planned_end", "applied_on", "accepted_on", "contract_wan", "verified_wan", "leading_unit", "provider", "project_id"],
    header: {
      project_id: "项目编号", project_name: "项目名称", status: "项目状态", leading_unit: "牵引单位", provider: "服务商",
      signed_on: "签约日期", planned_end: "计划完成", contract_wan: "合同金额", verified_wan: "核定投入", applied_on: "验收申请", accepted_on: "验收日期",
    },
    format: { signed_on: zhDate, planned_end: zhDate, applied_on: zhDate, accepted_on: zhDate, contract_wan: fmtWan, verified_wan: fmtWan },
    width: { project_id: 90, project_name: 170, status: 76, leading_unit: 150, provider: 150, signed_on: 120, planned_end: 120, contract_wan: 90, verified_wan: 90, applied_on: 120, accepted_on: 120 },
    select: false,
  },
  payments: {
    columns: ["paid_on", "amount_wan", "direction", "source", "counted", "project_id", "loan_id", "payment_id"],
    header: { payment_id: "拨付编号", paid_on: "拨付日期", direction: "资金方向", source: "资金来源", counted: "计入方案上限", amount_wan: "金额", project_id: "关联项目", loan_id: "关联贷款" },
    // counted: the level is one the plan names for the direction (区级配套 and unnamed levels are not).
    format: { paid_on: zhDate, amount_wan: fmtWan, counted: (v: boolean) => (v ? "是" : "否") },
    width: { payment_id: 90, paid_on: 120, direction: 100, source: 70, counted: 100, amount_wan: 90, project_id: 90, loan_id: 80 },
    select: false,
  },
};

/**
 * Inputs.table options for one table of the page (fixed column widths: the table scrolls inside
 * itself on phones); levels are written in the plan's names (data/plan.json level_names).
 */
export function enterpriseTableOptions(kind: Kind, levelNames: LevelNames) {
  if (kind === "assessments") {
    const o = options.assessments;
    return { layout: "fixed", rows: 10, ...o, format: { ...o.format, level: (l: number) => levelName(l, levelNames) } };
  }
  return { layout: "fixed", rows: 10, ...options[kind] };
}

/**
 * Inputs.table selects only through its radio button: let a click anywhere on a row pick it too,
 * and name each radio after its row (Inputs.table leaves them unlabelled, which screen readers and
 * axe reject). Rows are rendered as the table scrolls, so new rows are labelled as they appear.
 */
export function clickableRows<T extends HTMLElement>(table: T): T {
  table.style.cursor = "pointer";
  table.addEventListener("click", (event) => {
    const target = event.target as HTMLElement;
    if (target.tagName === "INPUT") return;
    target.closest("tbody tr")?.querySelector<HTMLInputElement>("input")?.click();
  });
  const label = () => {
    table.querySelector("thead input")?.setAttribute("aria-label", "全选(本表只能选一行)");
    for (const input of table.querySelectorAll<HTMLInputElement>("tbody input:not([aria-label])")) {
      // textContent of the first data cell: set as an attribute string, never parsed as HTML.
      input.setAttribute("aria-label", `选择 ${input.closest("tr")?.children[1]?.textContent ?? ""}`);
    }
  };
  label();
  new MutationObserver(label).observe(table, { childList: true, subtree: true });
  return table;
}
