// Buttons that save a table as CSV (UTF-8 with BOM) or XLSX, built in the browser: no request leaves the page.
import { html } from "htl";
import { csvText, exportColumns, xlsxBytes, type Cell, type ExportColumn } from "./tableExport.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Offer `blob` to the user as a file called `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save the bytes of an .xlsx file. */
export function saveXlsx(bytes: Uint8Array, name: string): void {
  saveBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), name);
}

/** Two buttons, 下载CSV and 下载Excel, saving `rows` (the given columns, in order) as `filename`.csv / .xlsx. */
export function downloadButtons(
  rows: readonly Record<string, Cell>[],
  { filename, columns, sheet }: { filename: string; columns?: readonly (string | ExportColumn)[]; sheet?: string },
): HTMLElement {
  const cols = exportColumns(rows, columns);
  const csv = html`<button type="button">下载CSV</button>`;
  const xlsx = html`<button type="button">下载Excel</button>`;
  csv.addEventListener("click", () => saveBlob(new Blob([csvText(rows, cols)], { type: "text/csv;charset=utf-8" }), `${filename}.csv`));
  xlsx.addEventListener("click", async () => {
    xlsx.setAttribute("disabled", "");
    try {
      saveXlsx(await xlsxBytes([{ name: sheet ?? filename, columns: cols, rows: [...rows] }]), `${filename}.xlsx`);
    } finally {
      xlsx.removeAttribute("disabled");
    }
  });
  return html`<span class="download-buttons no-print">${csv} ${xlsx}</span>`;
}
