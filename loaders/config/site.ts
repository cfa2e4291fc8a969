/** What every page's header says about the data: which snapshot, and whether it is sample data. */
import { zhDate } from "../format/format.ts";
import { latestSnapshotDate } from "../warehouse/snapshots.ts";
import { isSampleData } from "./paths.ts";

/**
 * The HTML banner shown above every page: the audience's classification (内部资料 / 本区资料 / 公开,
 * loaders/config/audience.ts) beside the snapshot date, and a 示例数据 warning for sample data.
 */
export function dataBanner(root: string, classification?: string): string {
  const date = latestSnapshotDate(root);
  const when = date ? `数据截至 ${zhDate(date)}` : "未找到数据快照";
  const label = classification ? `<span class="data-class" role="note">${classification}</span>` : "";
  const sample = isSampleData(root)
    ? `<span class="sample-flag" role="note">示例数据 · 虚构数据,仅供演示,不代表真实进展</span>`
    : "";
  return `<div class="data-banner">${label}<span class="data-date">${when}</span>${sample}</div>`;
}
