// One button saving several tables as one .xlsx workbook, a sheet per table (the weekly review's sections).
import { html } from "htl";
import { saveXlsx } from "../shared/downloadButtons.js";
import { xlsxBytes, type Sheet } from "../shared/tableExport.js";

/** A button saving `sheets` as `filename`.xlsx. */
export function downloadWorkbook(sheets: readonly Sheet[], { filename, label = "下载完整工作簿(Excel)" }: { filename: string; label?: string }): HTMLElement {
  const button = html`<button type="button">${label}</button>`;
  button.addEventListener("click", async () => {
    button.setAttribute("disabled", "");
    try {
      saveXlsx(await xlsxBytes(sheets), `${filename}.xlsx`);
    } finally {
      button.removeAttribute("disabled");
    }
  });
  return html`<span class="download-buttons no-print">${button}</span>`;
}
