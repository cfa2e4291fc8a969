// The facts at the top of one enterprise's file. Names are interpolated by htl, so they stay text.
import { html } from "htl";
import type { EnterpriseFile } from "./enterpriseArchive.js";

const sme = (v: boolean | null) => (v == null ? "未知(规模数据缺失)" : v ? "是" : "否(大型企业,不计入710家目标)");

/** Name, credit code and the enterprise's standing facts as a definition list. */
export function enterpriseHeader(file: EnterpriseFile): HTMLElement {
  const facts: [string, string][] = [
    ["统一社会信用代码", file.uscc],
    ["所属区", file.district ?? "—"],
    ["细分行业", file.industry ?? "—"],
    ["企业规模", file.size_class ?? "—"],
    ["中小企业", sme(file.is_sme)],
    ["优质中小企业", file.quality_tier ?? "—"],
    ["当前阶段", file.stage],
  ];
  return html`<div>
    <h2 style="margin-top:0;font-size:20px;color:var(--theme-foreground)">${file.name}</h2>
    <dl style="display:grid;grid-template-columns:max-content 1fr;gap:0.25rem 1rem;margin:0">
      ${facts.flatMap(([k, v]) => [html`<dt style="color:#555">${k}</dt>`, html`<dd style="margin:0">${v}</dd>`])}
    </dl>
  </div>`;
}
