// Under one enterprise's payments: what counts against the plan's caps and what (区级配套, unnamed
// levels) sits beside them. Amounts in 万元 / 亿元.
import { html } from "htl";
import { fmtWan } from "../shared/format.js";
import type { EnterpriseFile } from "./enterpriseArchive.js";

type PaymentRow = Pick<EnterpriseFile["payments"][number], "source" | "amount_wan" | "counted">;

/** "计入方案上限 X;区级配套 Y(不计入上限);其他未列明级别 Z(不计入上限)". */
export function enterprisePaymentNote(payments: readonly PaymentRow[]): HTMLElement {
  // A sum over a firm's few payments needs no library: importing d3 for d3.sum put all of d3
  // (~100 KB gzip) on the page. Missing amounts count as 0, as d3.sum skips them.
  const sum = (f: (p: PaymentRow) => boolean) => payments.filter(f).reduce((s, p) => s + (Number(p.amount_wan) || 0), 0);
  const counted = sum((p) => p.counted === true);
  const district = sum((p) => p.counted !== true && p.source === "区级");
  const other = sum((p) => p.counted !== true && p.source !== "区级");
  return html`<p style="font-size:13px">计入方案上限(方案为该方向列明级别的资金)${fmtWan(counted)};区级配套${fmtWan(district)}(方案六(二),不计入上限)${other > 0 ? `;其他未列明级别${fmtWan(other)}(不计入上限,待核实)` : ""}。</p>`;
}
