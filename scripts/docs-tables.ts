/**
 * Print the tables of docs/validation.md (issue codes) and docs/input-contract.md (tables and
 * columns) from the code that defines them, so the documentation cannot drift (a test compares).
 * Usage: tsx scripts/docs-tables.ts codes|contract
 */
import { contractTables, type ColumnType } from "../loaders/contract/tables.ts";
import { codes } from "../loaders/ingest/issues.ts";
import { loadPlan } from "../loaders/plan/load.ts";
import type { PilotPlan } from "../loaders/plan/types.ts";
import { print, runCli } from "./lib/cli.ts";

const typeText: Record<ColumnType, string> = {
  id: "编号 id", uscc: "统一社会信用代码 (GB 32100)", text: "文本 text", district: "行政区 district", industry: "细分行业 industry",
  int: "整数 whole number", wan: "金额(万元) amount", number: "数值 number", date: "日期 date", month: "月份 month (2026-10, 2026年10月)", bool: "是/否 yes/no",
  enum: "取值 one of", level: "等级 一级–四级",
};

/** The markdown sections of every contract table of `plan` and its columns. */
export function contractTable(plan: PilotPlan): string {
  return contractTables(plan)
    .map((t) => {
      const head = `### ${t.zh} · \`${t.key}\` (${t.required ? "必需 required" : "可选 optional"})\n\nFile names: \`${t.key}\`, \`${t.zh}\`${t.aliases.map((a) => `, \`${a}\``).join("")} (.csv or .xlsx; a note after the name such as \`(截至11月20日)\`, and an attachment label or numbering before it such as \`附件3 \`, \`（附件2）\` or \`03_\`, are fine).\n`;
      const rows = t.columns.map((c) => {
        const values = c.values ? `: ${c.values.join(" / ")}` : "";
        const note = c.personal ? " — personal data: validated, never stored" : "";
        const aliases = c.aliases?.length ? c.aliases.join(", ") : "";
        return `| \`${c.key}\` | ${c.zh} | ${c.required ? "✔" : ""} | ${typeText[c.type]}${values}${note} | ${aliases} |`;
      });
      return [head, "| key | 中文表头 | required | type | also accepted |", "|---|---|---|---|---|", ...rows].join("\n");
    })
    .join("\n\n");
}

/** The markdown table of every code with its severity and messages. */
export function codesTable(): string {
  const effect = { fatal: "stops the build", error: "row rejected", warning: "row loaded, flagged", info: "noted" } as const;
  const lines = ["| code | severity | effect | 中文 | English |", "|---|---|---|---|---|"];
  for (const [code, def] of Object.entries(codes)) {
    lines.push(`| \`${code}\` | ${def.severity} | ${effect[def.severity]} | ${def.zh} | ${def.en.replace(/\|/g, "\\|")} |`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(async () => {
    await print(process.argv[2] === "contract" ? contractTable(loadPlan()) : codesTable());
    return 0;
  });
}
