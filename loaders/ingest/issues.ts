/**
 * Every problem the ingest can report, with a stable code and a message in Chinese and English.
 * Codes are part of the interface (validate --json, the data-quality page, tests): never rename one.
 */

export type Severity = "fatal" | "error" | "warning" | "info";

interface CodeDef {
  severity: Severity;
  zh: string;
  en: string;
}

/** `{x}` in a template is replaced by the issue's params.x. */
export const codes = {
  // Files and folders: fatal ones stop the build.
  FILE_UNREADABLE: { severity: "fatal", zh: "文件无法读取:{detail}", en: "file cannot be read: {detail}" },
  FILE_EMPTY: { severity: "fatal", zh: "文件为空", en: "file is empty" },
  XLSX_INVALID: { severity: "fatal", zh: "不是有效的 Excel(.xlsx)文件:{detail}", en: "not a valid Excel (.xlsx) file: {detail}" },
  XLSX_ENCRYPTED: { severity: "fatal", zh: "Excel 文件有密码保护,请去除密码后重新导出", en: "the Excel file is password-protected; export it again without a password" },
  XLS_UNSUPPORTED: { severity: "fatal", zh: "这是旧版 Excel(.xls)文件,请在 Excel 中另存为 .xlsx 后重新放入", en: "this is an old Excel (.xls) file; save it as .xlsx in Excel and put it back" },
  HEADER_NOT_FOUND: { severity: "fatal", zh: "前 {rows} 行中找不到表头(应含 {expected})", en: "no header row found in the first {rows} rows (expected {expected})" },
  MISSING_REQUIRED_COLUMN: { severity: "fatal", zh: "缺少必填列「{column}」", en: "required column \"{column}\" is missing" },
  MISSING_REQUIRED_TABLE: { severity: "fatal", zh: "快照缺少必需的表「{table}」({key})", en: "the snapshot lacks the required table \"{table}\" ({key})" },
  NO_SNAPSHOT: { severity: "fatal", zh: "数据目录中没有快照文件夹(YYYY-MM-DD)", en: "no snapshot folder (YYYY-MM-DD) in the data root" },
  DUPLICATE_TABLE: { severity: "fatal", zh: "同一快照中有两个文件都对应表「{table}」:{other} 和 {name},请只保留一个", en: "two files in one snapshot match table \"{table}\": {other} and {name}; keep only one" },
  // Files: not fatal.
  BAD_SNAPSHOT_NAME: { severity: "warning", zh: "文件夹名不是有效日期(YYYY-MM-DD),已跳过", en: "folder name is not a valid date (YYYY-MM-DD); skipped" },
  UNKNOWN_FILE: { severity: "warning", zh: "文件名无法对应任何表,已跳过", en: "file name matches no table; skipped" },
  EXTRA_COLUMNS: { severity: "info", zh: "未识别的列已忽略:{columns}", en: "unrecognised columns ignored: {columns}" },
  DUPLICATE_COLUMN: { severity: "warning", zh: "列「{column}」出现多次,只读取第一列", en: "column \"{column}\" appears more than once; only the first is read" },
  HIDDEN_SHEET_SKIPPED: { severity: "info", zh: "隐藏的工作表「{sheet}」已跳过", en: "hidden sheet \"{sheet}\" skipped" },
  ENCODING_REPLACED: { severity: "warning", zh: "文件含无法解码的字节,已按 {encoding} 读取并替换", en: "file holds undecodable bytes; read as {encoding} with replacements" },
  CSV_UNCLOSED_QUOTE: { severity: "warning", zh: "此行的引号不成对(文件可能被截断,或单元格以多余的引号开头),该引号已按普通字符处理,其后各行照常读取", en: "a quote on this row is never properly closed (the file may be cut short, or a cell starts with a stray quote); it was not taken as quoting, and the rows after it were read as usual" },
  NO_DATA_ROWS: { severity: "warning", zh: "文件只有表头,没有数据行", en: "the file has a header but no data rows" },
  // Rows that are not data: counted apart, never loaded.
  SKIPPED_TOTAL_ROW: { severity: "info", zh: "合计行已跳过", en: "total row skipped" },
  SKIPPED_REPEATED_HEADER: { severity: "info", zh: "重复的表头行已跳过", en: "repeated header row skipped" },
  // Cells: an error rejects the row.
  REQUIRED_MISSING: { severity: "error", zh: "必填项为空", en: "required value is empty" },
  EXCEL_ERROR: { severity: "error", zh: "单元格是 Excel 错误值「{value}」(公式出错或引用失效)", en: "cell holds the Excel error value \"{value}\" (a failed formula or a broken reference)" },
  CELL_TOO_LONG: { severity: "error", zh: "内容过长({length} 个字符,上限 {max})", en: "value too long ({length} characters, limit {max})" },
  INVALID_USCC_FORMAT: { severity: "error", zh: "统一社会信用代码格式错误「{value}」:{detail}", en: "malformed unified social credit code \"{value}\": {detail}" },
  INVALID_USCC_CHECK: { severity: "error", zh: "统一社会信用代码校验位错误「{value}」(应为 {expected})", en: "unified social credit code \"{value}\" fails its check digit (expected {expected})" },
  INVALID_DISTRICT: { severity: "error", zh: "无法识别的行政区「{value}」", en: "unknown district \"{value}\"" },
  INVALID_INDUSTRY: { severity: "error", zh: "不是试点细分行业「{value}」", en: "not a pilot industry \"{value}\"" },
  INVALID_NUMBER: { severity: "error", zh: "不是有效数字「{value}」", en: "not a valid number \"{value}\"" },
  INVALID_INTEGER: { severity: "error", zh: "应为非负整数「{value}」", en: "expected a whole number ≥ 0 \"{value}\"" },
  NEGATIVE_AMOUNT: { severity: "error", zh: "金额不能为负「{value}」", en: "amount must not be negative \"{value}\"" },
  VALUE_OUT_OF_RANGE: { severity: "error", zh: "数值超出范围「{value}」(应在 {min}–{max})", en: "value out of range \"{value}\" (expected {min}–{max})" },
  INVALID_DATE: { severity: "error", zh: "不是有效日期「{value}」", en: "not a valid date \"{value}\"" },
  DATE_OUT_OF_RANGE: { severity: "error", zh: "日期超出合理范围「{value}」(应在 {min} 至 {max})", en: "date out of range \"{value}\" (expected {min} to {max})" },
  DATE_AFTER_SNAPSHOT: { severity: "error", zh: "日期 {value} 晚于快照截止日期 {snapshot}", en: "date {value} is after the snapshot date {snapshot}" },
  DATE_ORDER: { severity: "error", zh: "{column} {value} 早于 {other} {otherValue}", en: "{column} {value} is before {other} {otherValue}" },
  INVALID_ENUM: { severity: "error", zh: "取值「{value}」不在允许范围内({allowed})", en: "value \"{value}\" is not allowed ({allowed})" },
  INVALID_BOOL: { severity: "error", zh: "应为 是/否「{value}」", en: "expected yes/no \"{value}\"" },
  INVALID_LEVEL: { severity: "error", zh: "数字化水平等级应为 一级–四级「{value}」", en: "digital level must be 1–4 \"{value}\"" },
  INVALID_PHONE: { severity: "error", zh: "联系电话格式错误", en: "malformed phone number" },
  DUPLICATE_ID: { severity: "error", zh: "编号「{value}」重复,与第 {firstRow} 行相同", en: "duplicate id \"{value}\", same as row {firstRow}" },
  STATUS_DATE_MISSING: { severity: "error", zh: "状态为「{status}」但 {column} 为空", en: "status is \"{status}\" but {column} is empty" },
  REF_UNKNOWN: { severity: "error", zh: "引用的{target}「{value}」不存在", en: "referenced {targetEn} \"{value}\" does not exist" },
  REF_REJECTED: { severity: "error", zh: "引用的{target}「{value}」所在行已被拒绝", en: "referenced {targetEn} \"{value}\" was itself rejected" },
  // Cells: a warning keeps the row and flags it.
  DATE_MONTH_ONLY: { severity: "warning", zh: "日期「{value}」没有日,按当月1日处理", en: "date \"{value}\" has no day; taken as the 1st of the month" },
  NOT_SME: { severity: "warning", zh: "按工信部联企业〔2011〕300号不属于中小企业(从业人员 {employees},营业收入 {revenue} 万元),不计入710家目标", en: "not an SME under MIIT 〔2011〕300 ({employees} employees, revenue {revenue} 10k yuan); not counted toward the 710 target" },
  USCC_LOWERCASE: { severity: "warning", zh: "统一社会信用代码含小写字母,已转为大写", en: "credit code had lowercase letters; upper-cased" },
  DISTRICT_RETIRED: { severity: "warning", zh: "旧行政区「{value}」已并入{district}", en: "former district \"{value}\" counted as {districtEn}" },
  SCORE_LEVEL_MISMATCH: { severity: "warning", zh: "报告等级 {reported} 与按得分重算的等级 {computed} 不一致", en: "reported level {reported} differs from level {computed} recomputed from scores" },
} as const satisfies Record<string, CodeDef>;

export type IssueCode = keyof typeof codes;

/** One reported problem, located as a person sees it when opening the file. */
export interface Issue {
  snapshot: string | null;
  file: string;
  /** 1-based row as Excel shows it; null for file-level problems. */
  row: number | null;
  /** Column header as the file writes it (or the contract's Chinese name when missing). */
  column: string | null;
  code: IssueCode;
  severity: Severity;
  message_zh: string;
  message_en: string;
}

// A cell's value is quoted in messages; a 10 MB cell must not make a 10 MB message. Values are cut
// short, every other parameter (lists of columns, details) only when absurdly long.
const MAX_VALUE = 80;
const MAX_PARAM = 500;
const VALUE_PARAMS = new Set(["value", "otherValue"]);

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max);
  // Never leave half of a surrogate pair at the end.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) =>
    k in params ? clip(String(params[k]), VALUE_PARAMS.has(k) ? MAX_VALUE : MAX_PARAM) : `{${k}}`,
  );
}

/** Build an issue with its messages filled from the code's templates. */
export function makeIssue(
  code: IssueCode,
  where: { snapshot?: string | null; file: string; row?: number | null; column?: string | null },
  params: Record<string, unknown> = {},
): Issue {
  const def = codes[code];
  return {
    snapshot: where.snapshot ?? null,
    file: where.file,
    row: where.row ?? null,
    column: where.column ?? null,
    code,
    severity: def.severity,
    message_zh: fill(def.zh, params),
    message_en: fill(def.en, params),
  };
}

/** "文件 企业名录.csv 第 12 行「所属区」: … | enterprises.csv row 12, column 所属区: …" */
export function formatIssue(i: Issue): string {
  const whereZh = [`文件 ${i.file}`, i.row != null ? `第 ${i.row} 行` : "", i.column ? `「${i.column}」列` : ""].filter(Boolean).join(" ");
  const whereEn = [i.file, i.row != null ? `row ${i.row}` : "", i.column ? `column ${i.column}` : ""].filter(Boolean).join(", ");
  return `${whereZh}:${i.message_zh} [${i.code}]\n  ${whereEn}: ${i.message_en}`;
}

/** Thrown when a file or snapshot cannot be ingested at all; carries the located issue. */
export class FatalIngestError extends Error {
  /** `related`: lesser issues found on the way that explain the fatal one (folders skipped before NO_SNAPSHOT). */
  constructor(
    readonly issue: Issue,
    readonly related: Issue[] = [],
  ) {
    super(formatIssue(issue));
    this.name = "FatalIngestError";
  }
}
