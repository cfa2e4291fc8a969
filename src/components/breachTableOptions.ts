// How Inputs.table shows the compliance breaches: one row per payment, entity or district that breaks a rule.
import { fmtWan } from "./format.js";

/** Inputs.table options for the breach list, largest excess first; amounts in 万元 / 亿元. */
export function breachTableOptions() {
  const wan = (v: number) => fmtWan(v);
  return {
    // The excess (short, and the sort key) then the entity: on a phone both show before scrolling sideways.
    columns: ["excess_wan", "entity_name", "amount_wan", "limit_wan", "rule_label", "entity_id", "period"],
    header: { rule_label: "规则", entity_name: "对象", entity_id: "编号", period: "年度", amount_wan: "金额", limit_wan: "上限", excess_wan: "超出" },
    // Inputs.table leaves null cells (a rule with no period) empty without calling these.
    format: {
      amount_wan: wan,
      limit_wan: wan,
      excess_wan: wan,
    },
    sort: "excess_wan",
    reverse: true,
    rows: 15,
    layout: "auto",
    select: false,
  };
}
