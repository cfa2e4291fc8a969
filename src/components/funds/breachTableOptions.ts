// How Inputs.table shows the breaches (超限): one row per project, enterprise, loan, unit, district or direction over a limit.
import { fmtWan } from "../shared/format.js";

const ids = (v: readonly string[]) => v.join("、");

/** Inputs.table options for the breach list, largest excess first; amounts in 万元 / 亿元. */
export function breachTableOptions() {
  const wan = (v: number) => fmtWan(v);
  return {
    // The excess (short, and the sort key) then the entity: on a phone both show before scrolling sideways.
    columns: ["excess_wan", "entity_name", "amount_wan", "limit_wan", "other_levels_wan", "rule_label", "rule_cite", "entity_id", "project_id", "period", "payment_ids"],
    header: {
      rule_label: "规则", rule_cite: "方案条款", entity_name: "对象", entity_id: "编号", project_id: "项目", period: "年度",
      amount_wan: "计入上限金额", limit_wan: "上限", excess_wan: "超出", other_levels_wan: "不计入上限(区级配套等)", payment_ids: "计入的拨付",
    },
    // Inputs.table leaves null cells (a rule with no period) empty without calling these.
    format: {
      amount_wan: wan,
      limit_wan: wan,
      excess_wan: wan,
      other_levels_wan: wan,
      payment_ids: ids,
    },
    sort: "excess_wan",
    reverse: true,
    rows: 15,
    layout: "auto",
    select: false,
  };
}
