// The legend every table with withheld cells carries, so "<3" and "—" never need guessing.
import { html } from "htl";

/** One line explaining the signs of a count table ("<3", "—") or an amount table ("—"). */
export function suppressionNote(min: number, kind: "count" | "amount" = "count"): HTMLElement {
  return kind === "count"
    ? html`<p class="fine-print">“&lt;${min}”表示不足 ${min}(0 至 ${min - 1});“—”表示为防止由合计推算出小数值而不公布。详见<a href="./methodology">统计说明</a>。</p>`
    : html`<p class="fine-print">“—”表示该金额来自不足 ${min} 个收款主体,或为防止由合计推算出此类金额而不公布。详见<a href="./methodology">统计说明</a>。</p>`;
}
