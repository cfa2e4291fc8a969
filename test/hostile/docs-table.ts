/**
 * The table of hostile inputs in docs/validation.md ("## Hostile inputs"), generated from the
 * corpus so the documentation lists exactly what is tested (test/hostile/corpus.test.ts compares).
 * Regenerate with: npx tsx test/hostile/docs-table.ts
 */
import { cases, type Group } from "./cases.ts";

const headings: Record<Group, string> = {
  encoding: "Encodings",
  file: "Files",
  header: "Headers",
  rows: "Rows and sheets",
  cells: "Cells",
  snapshots: "Snapshot folders",
};

// Markdown table cells: a pipe would end the cell, and markup in a fault must show as text.
const md = (s: string): string => s.replace(/\|/g, "\\|").replace(/</g, "&lt;");

/** One table per group of faults: the fault, what happens, and the test case's name. */
export function hostileTable(): string {
  return (Object.keys(headings) as Group[])
    .map((g) => {
      const rows = cases.filter((c) => c.group === g).map((c) => `| ${md(c.fault)} | ${md(c.outcome)} | \`${c.name}\` |`);
      return [`### ${headings[g]}`, "", "| fault | what happens | case |", "|---|---|---|", ...rows].join("\n");
    })
    .join("\n\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(hostileTable());
