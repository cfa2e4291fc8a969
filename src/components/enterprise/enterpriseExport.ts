// The 一企一档 page's tables as files: the search matches and one enterprise's assessments, projects
// and payments, in the tables' columns; levels in words, scores to one decimal, amounts in 万元.
import { oneDecimal } from "../shared/exportCells.js";
import { enterpriseTableOptions } from "./enterpriseTableOptions.js";
import { inputsTableExport, type ExportValue } from "../shared/inputsTableExport.js";
import { levelName, type LevelNames } from "../shared/format.js";
import type { ExportTable } from "../shared/tableDownloads.js";

type Kind = "matches" | "assessments" | "projects" | "payments";

const score: ExportValue<object> = (v) => oneDecimal(v as number | null);
const wan = { contract_wan: "万元", verified_wan: "万元", amount_wan: "万元" };

/** The rows of one of the page's tables as the table lists them. */
export function enterpriseExport(kind: Kind, rows: readonly object[], levelNames: LevelNames): ExportTable {
  const { columns, header } = enterpriseTableOptions(kind, levelNames);
  return inputsTableExport(rows, { columns, header }, {
    units: wan,
    values: { score, score_basis: score, score_management: score, score_outcome: score, level: (v) => (v == null ? null : levelName(v as number, levelNames)), counted: (v) => (v == null ? null : v ? "是" : "否") },
  });
}
