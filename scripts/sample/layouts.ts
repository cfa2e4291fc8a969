/**
 * One layout per table: how the desk that produces it writes the file (name, format, encoding, title
 * row, headers, date and district spellings, structural quirks). A table keeps its layout in every
 * snapshot; only a few cells per table deviate, chosen by a stable hash of row and column.
 */
import type { Column, TableKey } from "../../loaders/contract/tables.ts";
import { date, district, fullWidth, industry, levelName, thousands, yuan, type RawCell } from "./cells.ts";
import type { ISO } from "./days.ts";
import { hashUnit } from "./rng.ts";
import { STATUS } from "./lookup.ts";
import type { Canon, Rec } from "./view.ts";

export interface CellContext {
  snapshot: ISO;
  rec: Rec;
}

export interface Layout {
  table: TableKey;
  format: "csv" | "xlsx";
  /** CSV only. */
  encoding?: "utf8" | "utf8bom" | "gb18030";
  eol?: "\r\n" | "\n";
  file(snapshot: ISO): string;
  /** Subject of the title row above the header ("企业名录"), if the file has one. */
  title?: string;
  header(c: Column): string;
  /** The cell for a non-empty canonical value; u is stable per (row, column). */
  cell(c: Column, v: NonNullable<Canon>, u: number, ctx: CellContext): RawCell;
  /** Columns outside the contract, written after the contract's. */
  extra?: { header: string; cell(ctx: CellContext, u: number): RawCell }[];
  blankEvery?: number;
  repeatHeaderEvery?: number;
  /** A 合计 row summing this column, after a blank row. */
  totalOf?: string;
  /** Number format of date cells (xlsx). */
  dateFormat?: string;
}

/** The plain way to write a value: ISO dates, full district and industry names, 是/否, 一级…四级. */
export function plainCell(c: Column, v: NonNullable<Canon>): RawCell {
  switch (c.type) {
    case "district":
      return district.name(v as string);
    case "industry":
      return industry.name(v as string);
    case "bool":
      return v ? "是" : "否";
    case "level":
      return levelName(v as number);
    default:
      return typeof v === "boolean" ? String(v) : v;
  }
}

const zhHeader = (c: Column) => c.zh;
/** "营业收入(万元)" → "营业收入（万元）". */
const wideBrackets = (s: string) => s.replace("(", "（").replace(")", "）");

const enterprises: Layout = {
  table: "enterprises",
  format: "xlsx",
  file: () => "企业名录.xlsx",
  title: "企业名录",
  header: (c) => (c.key === "revenue_wan" ? wideBrackets(c.zh) : c.zh),
  cell(c, v, u, { rec }) {
    switch (c.key) {
      case "uscc":
        return u < 0.03 ? fullWidth(v as string) : v as string;
      case "name":
        return u < 0.04 ? `${v}  ` : (v as string);
      case "district": {
        const code = v as string;
        if (u < 0.55) return district.name(code);
        if (u < 0.72) return district.short(code);
        if (u < 0.85) return district.code(code);
        if (u < 0.95) return district.english(code);
        return district.former(code) ?? district.name(code);
      }
      case "industry":
        return u < 0.7 ? industry.name(v as string) : u < 0.9 ? industry.short(v as string) : industry.alias(v as string);
      case "employees":
        return u < 0.02 ? fullWidth(String(v)) : (v as number);
      case "revenue_wan":
        return u < 0.08 ? thousands(v as number, 1) : u < 0.11 ? fullWidth(String(v)) : (v as number);
      case "above_scale": {
        // Rows merged from district submissions keep their district's convention.
        const style = hashUnit("bool", rec.id);
        if (style < 0.7) return v ? "是" : "否";
        if (style < 0.85) return v ? "Y" : "N";
        return v ? "√" : null;
      }
      case "surveyed_on":
        return u < 0.02 ? date.monthOnly(v as string) : u < 0.12 ? date.zh(v as string) : date.slash(v as string);
      case "listed_on":
      case "cloud_on":
        return u < 0.1 ? date.zh(v as string) : date.slash(v as string);
      default:
        return plainCell(c, v);
    }
  },
  blankEvery: 317,
  repeatHeaderEvery: 500,
};

const assessments: Layout = {
  table: "assessments",
  format: "xlsx",
  file: () => "assessments.xlsx",
  header: (c) => c.key,
  cell(c, v, u) {
    if (c.key === "assessed_on") return date.serial(v as string);
    if (c.key === "level") return u < 0.9 ? levelName(v as number) : u < 0.97 ? `L${v}` : (v as number);
    return plainCell(c, v);
  },
};

const scenarios: Layout = {
  table: "assessment_scenarios",
  format: "xlsx",
  file: () => "经营场景评测.xlsx",
  header: zhHeader,
  cell: (c, v) => (c.key === "scenario_level" ? (v as number) : plainCell(c, v)),
};

const remarks: Record<string, string> = {
  [STATUS.applied]: "已提交验收材料",
  [STATUS.failed]: "整改后重新申请",
  [STATUS.terminated]: "企业终止实施",
};

const projects: Layout = {
  table: "projects",
  format: "xlsx",
  file: (s) => `改造项目台账(截至${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日).xlsx`,
  title: "改造项目台账",
  header: (c) => (c.type === "wan" ? wideBrackets(c.zh) : c.zh),
  cell(c, v, u) {
    if (c.type === "date") return date.cell(v as string);
    if (c.key === "contract_wan") return u < 0.08 ? `${v}万` : u < 0.15 ? `${v}万元` : (v as number);
    if (c.key === "verified_wan") return u < 0.08 ? fullWidth(String(v)) : (v as number);
    if (c.key === "leading_unit_id") return u < 0.05 ? `${v} ` : u < 0.08 ? fullWidth(v as string) : (v as string);
    return plainCell(c, v);
  },
  extra: [
    {
      header: "备注",
      cell({ rec, snapshot }, u) {
        const status = rec.values.status as string;
        const end = rec.values.planned_end as string | null;
        if (status === STATUS.implementing && end !== null && end < snapshot) return "进度滞后";
        return u < 0.6 ? (remarks[status] ?? null) : null;
      },
    },
  ],
  dateFormat: "yyyy-mm-dd",
};

const funds: Layout = {
  table: "funds",
  format: "xlsx",
  file: () => "资金拨付台账.xlsx",
  title: "资金拨付台账",
  header: (c) => (c.key === "amount_wan" ? "金额(元)" : c.zh),
  cell(c, v, u) {
    if (c.key === "amount_wan") return u < 0.12 ? thousands(yuan(v as number)) : yuan(v as number);
    if (c.key === "paid_on") return u < 0.85 ? date.dot(v as string) : date.zh(v as string);
    if (c.key === "district") return district.code(v as string);
    return plainCell(c, v);
  },
  totalOf: "amount_wan",
};

const csv = (table: TableKey, name: string, cell: Layout["cell"], more: Partial<Layout> = {}): Layout => ({
  table,
  format: "csv",
  encoding: "utf8",
  eol: "\n",
  file: () => name,
  header: zhHeader,
  cell,
  ...more,
});

export const layouts: Layout[] = [
  enterprises,
  assessments,
  scenarios,
  projects,
  funds,
  csv("loans", "loans.csv", (c, v, u) => (c.type === "date" ? (u < 0.85 ? date.iso(v as string) : date.slash(v as string)) : plainCell(c, v))),
  csv("leading_units", "牵引单位.csv", (c, v) => (c.type === "date" ? date.slash(v as string) : c.type === "industry" ? industry.short(v as string) : plainCell(c, v))),
  csv("providers", "数字化服务商.csv", (c, v) => plainCell(c, v)),
  csv(
    "products",
    "小快轻准产品清单.csv",
    (c, v, u) => (c.type === "date" ? date.compact(v as string) : c.type === "industry" ? industry.short(v as string) : c.key === "name" && u < 0.03 ? `${v} ` : plainCell(c, v)),
    { encoding: "utf8bom", eol: "\r\n", title: "小快轻准产品清单" },
  ),
  csv(
    "recognitions",
    "示范认定.csv",
    (c, v) => (c.type === "date" ? date.zh(v as string) : c.type === "district" ? district.short(v as string) : c.type === "industry" ? industry.short(v as string) : plainCell(c, v)),
    { encoding: "gb18030", eol: "\r\n", title: "示范认定" },
  ),
  csv("trainings", "trainings.csv", (c, v) => plainCell(c, v), { title: "人才培训" }),
  csv("district_targets", "分区目标.csv", (c, v) => plainCell(c, v)),
  // Periods as desks write them: "2026年10月" mostly, "2026-10" in some rows.
  csv("unit_reports", "牵引单位进展报送.csv", (c, v, u) => (c.type === "month" ? (u < 0.7 ? `${(v as string).slice(0, 4)}年${Number((v as string).slice(5, 7))}月` : (v as string).slice(0, 7)) : plainCell(c, v)), { title: "牵引单位改造进展报送汇总" }),
  csv("unit_reviews", "牵引单位考核整改台账.csv", (c, v) => (c.type === "date" ? date.zh(v as string) : plainCell(c, v))),
];
