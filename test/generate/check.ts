/**
 * An independent reading of a generated snapshot: find every table's file, apply the contract's rules
 * (data-contract.md, the fault rules in the generator brief) and report each problem the way
 * faults.json records it; then count the KPIs from the rows that load. The generator's tests use it to
 * show that faults.json lists exactly the faults in the files and truth.json matches what the files say.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { contractTables, type Column, type Table, type TableKey } from "../../loaders/contract/tables.ts";
import { plan } from "../helpers/plan.ts";
import { cellText, readSheet, type Cell } from "./read.ts";
import { recognitionKindTargets } from "../../loaders/plan/measures.ts";

const tables = contractTables(plan);

export interface Problem {
  file: string;
  row: number;
  column: string;
  code: string;
}

type Value = string | number | boolean | null;

export interface Loaded {
  file: string;
  rows: Record<string, Value>[];
  /** Ids of rows that were rejected (for REF_REJECTED). */
  rejectedIds: Set<string>;
}

const fold = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ").trim();
const headerKey = (s: string) => fold(s).replace(/\s+/g, "").toLowerCase();
/** A header without its unit ("金额(元)" and "金额(万元)" both → "金额"): the unit decides the scale, not the column. */
const headerBase = (s: string) => headerKey(s).replace(/\((万元|元)(\/年)?\)$/, "");
const names = (c: Column) => [c.zh, c.key, ...(c.aliases ?? [])];

/** Which table a file holds: key or alias exactly, or a name starting with the Chinese name or an alias (longest wins). */
export function tableOfFile(name: string): Table | null {
  const base = name.replace(/\.(csv|xlsx)$/i, "");
  let best: Table | null = null;
  let len = 0;
  for (const t of tables) {
    for (const n of [t.key, t.zh, ...t.aliases]) {
      const hit = base === n || (n !== t.key && base.startsWith(n));
      if (hit && n.length > len) {
        best = t;
        len = n.length;
      }
    }
  }
  return best;
}

const districtOf = new Map<string, string>();
for (const d of plan.districts) for (const n of [d.code, d.name, d.short, d.pinyin, ...d.aliases]) districtOf.set(n.toLowerCase(), d.code);
for (const [old, now] of Object.entries(plan.retiredDistrictCodes)) districtOf.set(old, now);
const industryOf = new Map<string, string>();
for (const i of plan.industries) for (const n of [i.key, i.name, i.short, ...i.aliases]) industryOf.set(n.toLowerCase(), i.key);

function isoFrom(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/** A date cell → ISO, or undefined when not a date. */
export function parseDate(c: Cell): string | undefined {
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === "number") return new Date(Date.UTC(1899, 11, 30) + c * 86_400_000).toISOString().slice(0, 10);
  const s = fold(String(c));
  const patterns = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/, /^(\d{4})(\d{2})(\d{2})$/];
  for (const p of patterns) {
    const m = p.exec(s);
    if (m) return isoFrom(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  }
  const month = /^(\d{4})年(\d{1,2})月$/.exec(s);
  if (month) return isoFrom(Number(month[1]), Number(month[2]), 1) ?? undefined;
  return undefined;
}

/** A number cell (万/万元 suffix, separators, full width) → number, or undefined. */
export function parseNumber(c: Cell): number | undefined {
  if (typeof c === "number") return c;
  const s = fold(String(c)).replaceAll(",", "").replace(/万元?$/, "");
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

const LEVELS: Record<string, number> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4, "1": 1, "2": 2, "3": 3, "4": 4, l1: 1, l2: 2, l3: 3, l4: 4 };
const BOOLS: Record<string, boolean> = { 是: true, 否: false, y: true, n: false, true: true, false: false, "1": true, "0": false, "√": true };

/** Parse one cell by its column; an error code, or the value. */
function parseCell(col: Column, header: string, c: Cell): { value: Value } | { code: string } {
  const empty = c === null || (typeof c === "string" && fold(c) === "");
  if (empty) return col.required ? { code: "REQUIRED_MISSING" } : { value: null };
  const s = typeof c === "string" ? fold(c) : c;
  switch (col.type) {
    case "uscc": {
      const v = String(s).toUpperCase();
      if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return { code: "INVALID_USCC_FORMAT" };
      const A = "0123456789ABCDEFGHJKLMNPQRTUWXY";
      let sum = 0;
      for (let i = 0, w = 1; i < 17; i++, w = (w * 3) % 31) sum += A.indexOf(v[i]!) * w;
      return A[(31 - (sum % 31)) % 31] === v[17] ? { value: v } : { code: "INVALID_USCC_CHECK" };
    }
    case "district": {
      const code = districtOf.get(String(s).toLowerCase());
      return code ? { value: code } : { code: "INVALID_DISTRICT" };
    }
    case "industry": {
      const key = industryOf.get(String(s).toLowerCase());
      return key ? { value: key } : { code: "INVALID_INDUSTRY" };
    }
    case "date": {
      const d = parseDate(c);
      return d ? { value: d } : { code: "INVALID_DATE" };
    }
    case "int":
    case "number":
    case "wan": {
      const n = parseNumber(c);
      if (n === undefined) return { code: "INVALID_NUMBER" };
      if (col.type === "wan" && n < 0) return { code: "NEGATIVE_AMOUNT" };
      if (col.type === "int" && (!Number.isInteger(n) || n < 0)) return { code: "INVALID_INTEGER" };
      // A header in 元 (not 万元) holds yuan.
      return { value: col.type === "wan" && /元/.test(header) && !/万元/.test(header) ? Math.round(n * 100) / 1_000_000 : n };
    }
    case "bool": {
      const b = BOOLS[String(s).toLowerCase()];
      return b === undefined ? { code: "INVALID_BOOL" } : { value: b };
    }
    case "enum":
      return col.values!.includes(String(s)) ? { value: String(s) } : { code: "INVALID_ENUM" };
    case "level": {
      const l = LEVELS[String(s).toLowerCase()];
      return l ? { value: l } : { code: "INVALID_LEVEL" };
    }
    default:
      return { value: String(s) };
  }
}

/** References checked after every table is read, in dependency order. */
const REFS: { table: TableKey; column: string; to: TableKey[] }[] = [
  { table: "assessments", column: "uscc", to: ["enterprises"] },
  { table: "assessment_scenarios", column: "assessment_id", to: ["assessments"] },
  { table: "providers", column: "unit_id", to: ["leading_units"] },
  { table: "projects", column: "uscc", to: ["enterprises"] },
  { table: "projects", column: "leading_unit_id", to: ["leading_units"] },
  { table: "projects", column: "provider_id", to: ["providers"] },
  { table: "loans", column: "uscc", to: ["enterprises"] },
  { table: "funds", column: "project_id", to: ["projects"] },
  { table: "funds", column: "loan_id", to: ["loans"] },
  { table: "funds", column: "payee_id", to: ["enterprises", "leading_units", "providers"] },
  { table: "products", column: "provider_id", to: ["providers"] },
  { table: "recognitions", column: "uscc", to: ["enterprises"] },
];

interface Parsed extends Loaded {
  table: Table;
  headers: Map<string, string>;
  rowNumbers: number[];
}

export async function checkSnapshot(root: string, snapshot: string): Promise<{ problems: Problem[]; loaded: Map<TableKey, Loaded> }> {
  const problems: Problem[] = [];
  const parsed = new Map<TableKey, Parsed>();
  for (const name of (await readdir(join(root, snapshot))).sort()) {
    const table = tableOfFile(name);
    if (!table) throw new Error(`${snapshot}/${name} matches no table`);
    const file = `${snapshot}/${name}`;
    const sheet = await readSheet(join(root, file));
    const known = (h: Cell) => table.columns.some((c) => names(c).some((n) => headerKey(n) === headerKey(cellText(h))));
    const headerRow = sheet.rows.findIndex((r) => r.filter(known).length >= 2);
    if (headerRow < 0) throw new Error(`${file}: no header`);
    const head = sheet.rows[headerRow]!.map(cellText);
    const index = new Map<string, number>();
    const headers = new Map<string, string>();
    for (const c of table.columns) {
      let i = head.findIndex((h) => names(c).some((n) => headerKey(n) === headerKey(h)));
      if (i < 0) i = head.findIndex((h) => names(c).some((n) => headerBase(n) === headerBase(h)));
      if (i >= 0) {
        index.set(c.key, i);
        headers.set(c.key, head[i]!);
      }
    }
    const p: Parsed = { file, table, headers, rows: [], rowNumbers: [], rejectedIds: new Set() };
    const seen = new Set<string>();
    const idCol = table.idColumn;
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r]!;
      const texts = cells.map((c) => fold(cellText(c)));
      if (texts.every((t) => t === "")) continue;
      if (texts.every((t, i) => headerKey(t) === headerKey(head[i] ?? ""))) continue;
      if (texts.find((t) => t !== "") === "合计") continue;
      const row = r + 1;
      const values: Record<string, Value> = {};
      const errors: Problem[] = [];
      for (const c of table.columns) {
        const i = index.get(c.key);
        if (i === undefined) continue;
        const res = parseCell(c, headers.get(c.key)!, cells[i] ?? null);
        if ("code" in res) errors.push({ file, row, column: headers.get(c.key)!, code: res.code });
        else values[c.key] = res.value;
      }
      for (const c of table.columns) {
        const v = values[c.key];
        if (c.type === "date" && typeof v === "string" && v > snapshot && c.key !== "planned_end" && c.key !== "deadline") errors.push({ file, row, column: headers.get(c.key)!, code: "DATE_AFTER_SNAPSHOT" });
      }
      if (table.key === "projects") {
        const [s, a, c] = [values.signed_on, values.applied_on, values.accepted_on] as (string | null | undefined)[];
        if ((c && s && c < s) || (a && s && a < s) || (c && a && c < a)) errors.push({ file, row, column: headers.get("accepted_on")!, code: "DATE_ORDER" });
        if (values.status === plan.projectStatuses[4] && !values.accepted_on && !errors.some((e) => e.column === headers.get("accepted_on"))) errors.push({ file, row, column: headers.get("accepted_on")!, code: "STATUS_DATE_MISSING" });
      }
      const id = idCol ? fold(cellText(cells[index.get(idCol)!] ?? null)) : "";
      if (idCol && id !== "") {
        if (seen.has(id)) errors.push({ file, row, column: headers.get(idCol)!, code: "DUPLICATE_ID" });
        seen.add(id);
      }
      if (table.key === "enterprises" && typeof values.employees === "number" && typeof values.revenue_wan === "number" && values.employees >= plan.sme.maxEmployees && values.revenue_wan >= plan.sme.maxRevenueWan) {
        problems.push({ file, row, column: headers.get("employees")!, code: "NOT_SME" });
      }
      if (errors.length > 0) {
        problems.push(...errors);
        if (id !== "") p.rejectedIds.add(id);
        continue;
      }
      p.rows.push(values);
      p.rowNumbers.push(row);
    }
    parsed.set(table.key, p);
  }

  for (const ref of REFS) {
    const p = parsed.get(ref.table)!;
    const targets = ref.to.map((t) => parsed.get(t)!);
    const idOf = (t: Parsed, r: Record<string, Value>) => String(r[t.table.idColumn!]);
    const valid = new Set(targets.flatMap((t) => t.rows.map((r) => idOf(t, r))));
    const rejected = new Set(targets.flatMap((t) => [...t.rejectedIds]));
    const keep: Record<string, Value>[] = [];
    const keepRows: number[] = [];
    p.rows.forEach((r, i) => {
      const v = r[ref.column];
      if (v === null || v === undefined || valid.has(String(v))) {
        keep.push(r);
        keepRows.push(p.rowNumbers[i]!);
        return;
      }
      problems.push({ file: p.file, row: p.rowNumbers[i]!, column: p.headers.get(ref.column)!, code: rejected.has(String(v)) ? "REF_REJECTED" : "REF_UNKNOWN" });
      if (p.table.idColumn) p.rejectedIds.add(String(r[p.table.idColumn]));
    });
    p.rows = keep;
    p.rowNumbers = keepRows;
  }
  return { problems, loaded: new Map([...parsed].map(([k, v]) => [k, { file: v.file, rows: v.rows, rejectedIds: v.rejectedIds }])) };
}

/** The KPIs the truth states, counted from the rows that loaded. */
export function kpisFromFiles(loaded: Map<TableKey, Loaded>, snapshot: string) {
  const rows = (t: TableKey) => loaded.get(t)!.rows;
  // An enterprise taken off the list (移出日期 on or before the snapshot) counts no more.
  const ents = new Map(rows("enterprises").filter((e) => !(typeof e.removed_on === "string" && e.removed_on <= snapshot)).map((e) => [e.uscc as string, e]));
  const isSme = (e: Record<string, Value>) => !((e.employees as number) >= plan.sme.maxEmployees && (e.revenue_wan as number) >= plan.sme.maxRevenueWan);
  const latestPost = new Map<string, { on: string; level: number }>();
  const pre = new Set<string>();
  const [, post] = tables.find((t) => t.key === "assessments")!.columns.find((c) => c.key === "kind")!.values!;
  for (const a of rows("assessments")) {
    if ((a.assessed_on as string) > snapshot) continue;
    if (a.kind === post) {
      const cur = latestPost.get(a.uscc as string);
      if (!cur || cur.on < (a.assessed_on as string)) latestPost.set(a.uscc as string, { on: a.assessed_on as string, level: a.level as number });
    } else pre.add(a.uscc as string);
  }
  const accepted = plan.projectStatuses[4];
  const firms = new Set(
    rows("projects")
      .filter((p) => p.status === accepted && (p.accepted_on as string) <= snapshot && (p.signed_on as string) >= plan.funding.eligibleProjectWindow!.from)
      .map((p) => p.uscc as string),
  );
  const transformed = [...firms].filter((u) => ents.has(u) && isSme(ents.get(u)!) && (latestPost.get(u)?.level ?? 0) >= plan.levels.transformedMinLevel);
  const counts: Record<string, number> = {};
  for (const { kind, target } of recognitionKindTargets(plan)) counts[target] = rows("recognitions").filter((r) => r.kind === kind && (r.recognized_on as string) <= snapshot).length;
  counts.service_providers = rows("providers").length;
  counts.products = rows("products").length;
  counts.training_person_times = rows("trainings").reduce((s, t) => s + (t.person_times as number), 0);
  return {
    enterprises_transformed: transformed.length,
    diagnosed: [...pre].filter((u) => ents.has(u) && isSme(ents.get(u)!)).length,
    counts,
    breaches: breachesFromFiles(loaded, latestPost),
  };
}

/** The funding rules, on the loaded fund rows (amounts already in 万元); a cap counts only the levels the plan names for its direction. */
function breachesFromFiles(loaded: Map<TableKey, Loaded>, latestPost: Map<string, { level: number }>): string[] {
  const dir = (key: string) => plan.funding.directions.find((d) => d.key === key)!;
  const funds = loaded.get("funds")!.rows.filter((r) => plan.funding.directions.find((d) => d.name === r.direction)?.sources.includes(r.source as string));
  const group = (name: string, key: (r: Record<string, Value>) => string | null) => {
    const m = new Map<string, number>();
    for (const r of funds) if (r.direction === name && key(r) !== null) m.set(key(r)!, (m.get(key(r)!) ?? 0) + (r.amount_wan as number));
    return m;
  };
  const out: string[] = [];
  const over = (rule: string, id: string, amount: number, limit: number) => amount > limit + 1e-6 && out.push(`${rule}|${id}`);
  const accepted = plan.projectStatuses[4];
  const projects = new Map(loaded.get("projects")!.rows.map((p) => [p.project_id as string, p]));
  const caps = plan.funding.subsidy!.capByLevelWan as Record<number, number>;
  for (const [uscc, sum] of group(dir("transformation_subsidy").name, (r) => r.payee_id as string)) {
    const level = latestPost.get(uscc)?.level ?? 0;
    if (caps[level] !== undefined) over("subsidy_level_cap", uscc, sum, caps[level]!);
  }
  for (const [id, sum] of group(dir("transformation_subsidy").name, (r) => r.project_id as string | null)) {
    const p = projects.get(id);
    if (p?.status !== accepted) over("subsidy_project_not_accepted", id, sum, 0);
    else if (typeof p.verified_wan === "number") over("subsidy_share_of_verified", id, sum, p.verified_wan * plan.funding.subsidy!.maxShareOfVerified);
  }
  const loans = new Map(loaded.get("loans")!.rows.map((l) => [l.loan_id as string, l]));
  for (const [id, sum] of group(dir("loan_interest").name, (r) => r.loan_id as string | null)) {
    over("loan_interest_share_of_principal", id, sum, (loans.get(id)!.principal_wan as number) * plan.funding.loanInterest!.maxShareOfPrincipal);
    over("loan_interest_over_paid", id, sum, loans.get(id)!.interest_paid_wan as number);
  }
  const tiers = new Map(loaded.get("leading_units")!.rows.map((u) => [u.unit_id as string, u.tier as string]));
  for (const [id, sum] of group(dir("leading_unit_award").name, (r) => r.payee_id as string)) if (tiers.get(id)) over("leading_unit_award_tier", id, sum, plan.funding.leadingUnitAwardByTierWan[tiers.get(id)!]!);
  for (const [id, sum] of group(dir("platform_project").name, (r) => r.payee_id as string)) over("platform_project_cap", id, sum, plan.funding.platformProject!.maxWan);
  for (const [code, sum] of group(dir("procurement").name, (r) => r.district as string | null)) over("procurement_district_cap", code, sum, dir("procurement").perDistrictCapWan!);
  return out.sort();
}
