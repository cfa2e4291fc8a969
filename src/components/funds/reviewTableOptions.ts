// How Inputs.table shows the review items (待核实): one row per payment and reason.
import { fmtWan, zhDate } from "../shared/format.js";

/** Inputs.table options for the review list, newest payment first; amounts in 万元 / 亿元. */
export function reviewTableOptions() {
  return {
    // What, who and how much first: what a phone shows before scrolling sideways.
    columns: ["rule_label", "entity_name", "amount_wan", "source", "direction", "paid_on", "payment_id", "project_id", "loan_id", "rule_cite"],
    header: {
      rule_label: "待核实事项", entity_name: "对象", amount_wan: "金额", source: "资金来源", direction: "资金方向", paid_on: "拨付日期",
      payment_id: "拨付编号", project_id: "关联项目", loan_id: "关联贷款", rule_cite: "方案条款",
    },
    format: { amount_wan: (v: number) => fmtWan(v), paid_on: (v: string) => zhDate(v) },
    sort: "paid_on",
    reverse: true,
    rows: 15,
    layout: "auto",
    select: false,
  };
}
