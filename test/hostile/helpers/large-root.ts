/** A valid export set with many enterprises: big enough that building its warehouse takes a while. */
import { baseTables, uscc, writeRoot } from "../../helpers/exports.ts";

/** The minimal valid snapshot plus `n` extra enterprises (each a distinct, valid credit code). */
export function largeRoot(n: number): string {
  const t = baseTables();
  const rows = t["企业名录.csv"]!;
  for (let i = 0; i < n; i++) {
    rows.push([uscc(`91440101MA${String(i).padStart(7, "0")}`), `示例企业${i}有限公司`, "黄埔区", "时尚美妆", "50", "1200.5", "", ""]);
  }
  return writeRoot({ "2026-11-20": t });
}
