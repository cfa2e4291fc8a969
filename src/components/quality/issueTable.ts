// The located issues of a snapshot: the filter the page's inputs drive, and how Inputs.table shows
// them (Inputs.table sets every cell as text and virtualises thousands of rows).
import type { QualityIssueRow } from "../../../loaders/quality/types.ts";

/** Severity in the words the page uses: an error rejects its row. */
export const severityLabel: Record<string, string> = { fatal: "致命", error: "拒绝", warning: "警告", info: "提示" };

export interface IssueFilter {
  severity: string | null;
  table: string | null;
  code: string | null;
  query: string;
}

/** Issues matching every chosen filter; the text must occur in the file, row, column, code or either message. */
export function filterIssues(issues: QualityIssueRow[], { severity, table, code, query }: IssueFilter): QualityIssueRow[] {
  const terms = query.toLowerCase().split(/[\s\u3000]+/).filter(Boolean);
  return issues.filter(
    (i) =>
      (!severity || i.severity === severity) &&
      (!table || i.table_key === table) &&
      (!code || i.code === code) &&
      terms.every((t) => [i.file, i.row, i.column, i.code, i.message_zh, i.message_en].some((v) => v != null && String(v).toLowerCase().includes(t))),
  );
}

/** The distinct values of one field, most frequent first, as [value, "label(count)"] pairs for a select. */
export function issueChoices(issues: QualityIssueRow[], field: "severity" | "table_key" | "code", label: (v: string) => string = (v) => v): [string, string][] {
  const counts = new Map<string, number>();
  for (const i of issues) if (i[field] != null) counts.set(i[field]!, (counts.get(i[field]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v, n]) => [v, `${label(v)}(${n})`]);
}

/** Inputs.table options: one row per issue, located as a person opening the file sees it. */
export function issueTableOptions(tables: { key: string; zh: string }[]) {
  const zh = new Map(tables.map((t) => [t.key, t.zh]));
  return {
    // What went wrong first, then where: a phone shows the first two columns before scrolling.
    columns: ["severity", "message_zh", "file", "row", "column", "code", "table_key", "message_en"],
    header: { severity: "级别", table_key: "表", file: "文件", row: "行", column: "列", code: "代码", message_zh: "说明", message_en: "Message" },
    format: {
      severity: (v: string) => severityLabel[v] ?? v,
      table_key: (v: string) => zh.get(v) ?? v,
      file: (v: string) => v.replace(/^[^/]*\//, ""),
      row: (v: number) => String(v),
    },
    width: { severity: 44, message_zh: 280, file: 190, row: 50, column: 100, code: 170, table_key: 100, message_en: 300 },
    layout: "fixed",
    select: false,
    rows: 15,
  };
}
