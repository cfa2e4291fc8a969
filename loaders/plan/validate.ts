/**
 * Reading a plan file: JSON syntax, then the schema (plans/plan.schema.json, checked with ajv),
 * then what a schema cannot say (keys used twice, district codes that do not exist, dates out of
 * order or outside the pilot, fund directions without levels of money). Every problem is located
 * and worded in Chinese and English the same way:
 *
 *   计划文件 plans/x.json 第 /targets/3/target 项(第 40 行第 17 列):应为数字,实际为 "710家" / plan file plans/x.json at /targets/3/target (line 40, column 17): expected a number, found "710家"
 *
 * (a JSON syntax error has a line and column but no JSON Pointer). All problems are reported at
 * once, one per line, in a PlanError: a plan with an error is never used.
 */
import { PlanError } from "./planError.ts";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import jsonc from "jsonc-parser";
import { projectRoot } from "../config/paths.ts";
import type { PilotPlan } from "./types.ts";

export { PlanError };

/** The committed schema every plan file is checked against. */
export const planSchemaFile = resolve(projectRoot, "plans/plan.schema.json");

let compiled: ValidateFunction | null = null;
function schemaValidator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(planSchemaFile, "utf8")) as object);
  return compiled;
}

/** A position in the text: 1-based line and column. */
interface Pos {
  line: number;
  column: number;
}

function posAt(text: string, offset: number): Pos {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const escapeSeg = (s: string): string => s.replaceAll("~", "~0").replaceAll("/", "~1");
const unescapeSeg = (s: string): string => s.replaceAll("~1", "/").replaceAll("~0", "~");
const segments = (pointer: string): string[] => (pointer === "" ? [] : pointer.slice(1).split("/").map(unescapeSeg));

/** The value at `pointer` in `doc`, or undefined when there is none. */
function valueAt(doc: unknown, pointer: string): unknown {
  let v: unknown = doc;
  for (const s of segments(pointer)) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, s)) return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

/** Where `pointer` is in the file: its value, or (when missing) the nearest object or array that holds it. */
function offsetOf(root: jsonc.Node, pointer: string): number {
  let node = root;
  for (const s of segments(pointer)) {
    let next: jsonc.Node | undefined;
    if (node.type === "object") next = node.children?.find((p) => p.children?.[0]?.value === s)?.children?.[1];
    else if (node.type === "array" && /^\d+$/.test(s)) next = node.children?.[Number(s)];
    if (!next) break;
    node = next;
  }
  return node.offset;
}

/** The found value as the message shows it: JSON, shortened. */
function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? "undefined";
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** A space between 应为 and what follows when that starts with a Latin character ("应为 YYYY-MM-DD …"). */
const spaced = (zh: string): string => (/^[\x21-\x7e]/.test(zh) ? ` ${zh}` : zh);

/** Composes located messages for one file. */
class Reporter {
  readonly problems: string[] = [];
  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly root: jsonc.Node,
  ) {}

  /** A problem at `pointer` (its value's position in the file, or `offset` when given). */
  at(pointer: string, zh: string, en: string, offset?: number): void {
    const p = posAt(this.text, offset ?? offsetOf(this.root, pointer));
    const where = pointer === "" ? "/" : pointer;
    this.problems.push(
      `计划文件 ${this.file} 第 ${where} 项(第 ${p.line} 行第 ${p.column} 列):${zh} / ` +
        `plan file ${this.file} at ${where} (line ${p.line}, column ${p.column}): ${en}`,
    );
  }

  /** "expected … found <value>" at `pointer`. */
  expected(pointer: string, zh: string, en: string, found: unknown): void {
    this.at(pointer, `应为${spaced(zh)},实际为 ${shown(found)}`, `expected ${en}, found ${shown(found)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax

const syntaxWords: Record<string, [string, string]> = {
  InvalidSymbol: ["JSON 值", "a JSON value"],
  InvalidNumberFormat: ["合法的数字", "a valid number"],
  PropertyNameExpected: ["带双引号的字段名", "a field name in double quotes"],
  ValueExpected: ["一个值", "a value"],
  ColonExpected: ["冒号 \":\"", "a colon \":\""],
  CommaExpected: ["逗号 \",\"", "a comma \",\""],
  CloseBraceExpected: ["\",\" 或 \"}\"", "\",\" or \"}\""],
  CloseBracketExpected: ["\",\" 或 \"]\"", "\",\" or \"]\""],
  EndOfFileExpected: ["文件结束", "the end of the file"],
  InvalidCommentToken: ["JSON 内容(JSON 不允许注释)", "JSON content (JSON has no comments)"],
  UnexpectedEndOfComment: ["注释结束 */", "the end of the comment */"],
  UnexpectedEndOfString: ["字符串的结束引号", "the closing quote of the string"],
  UnexpectedEndOfNumber: ["数字的其余部分", "the rest of the number"],
  InvalidUnicode: ["合法的 \\u 转义", "a valid \\u escape"],
  InvalidEscapeCharacter: ["合法的转义字符", "a valid escape character"],
  InvalidCharacter: ["合法的字符(字符串中不能有控制字符)", "a valid character (no control characters in strings)"],
};

/** The first JSON syntax error, located by line and column; null when the text is JSON. */
function syntaxError(file: string, text: string): string | null {
  let first: { code: number; offset: number; length: number; line: number; column: number } | null = null;
  jsonc.visit(
    text,
    {
      onError: (code, offset, length, line, column) => {
        first ??= { code, offset, length, line: line + 1, column: column + 1 };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (!first) return null;
  const e = first as { code: number; offset: number; length: number; line: number; column: number };
  let [zh, en] = syntaxWords[jsonc.printParseErrorCode(e.code)] ?? ["合法的 JSON", "valid JSON"];
  // A "]" or "}" where a value or a field name should be, after a comma: the comma is one too many.
  if (/^[\]}]/.test(text.slice(e.offset)) && /,\s*$/.test(text.slice(0, e.offset))) {
    [zh, en] = [`${zh}(JSON 不允许末尾多余的逗号)`, `${en} (JSON allows no trailing comma)`];
  }
  // The text found there as written (a token, or the rest of an unfinished string), on one line.
  const raw = text.slice(e.offset, e.offset + Math.max(e.length, 1)).split(/\r?\n/)[0]!;
  const token = raw.length > 20 ? `${raw.slice(0, 20)}…` : raw;
  const foundZh = token === "" ? "文件结尾" : token;
  const foundEn = token === "" ? "the end of the file" : token;
  return (
    `计划文件 ${file} 第 ${e.line} 行第 ${e.column} 列:JSON 语法错误,应为${spaced(zh)},实际为 ${foundZh} / ` +
    `plan file ${file} at line ${e.line}, column ${e.column}: JSON syntax error, expected ${en}, found ${foundEn}`
  );
}

/** Field names written twice in one object: JSON.parse would silently keep the last. */
function duplicateFields(node: jsonc.Node, pointer: string, r: Reporter): void {
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key) continue;
      const name = String(key.value);
      const p = `${pointer}/${escapeSeg(name)}`;
      if (seen.has(name)) r.at(p, `应为不重复的字段名,实际 "${name}" 重复出现`, `expected each field once, found "${name}" again`, key.offset);
      seen.add(name);
      if (value) duplicateFields(value, p, r);
    }
  } else if (node.type === "array") {
    for (const [i, item] of (node.children ?? []).entries()) duplicateFields(item, `${pointer}/${i}`, r);
  }
}

// ---------------------------------------------------------------------------------------------
// Schema

const typeWords: Record<string, [string, string]> = {
  number: ["数字", "a number"],
  integer: ["整数", "an integer"],
  string: ["字符串", "a string"],
  boolean: ["布尔值 true 或 false", "a boolean (true or false)"],
  object: ["对象 {…}", "an object {…}"],
  array: ["数组 […]", "an array […]"],
  null: ["null", "null"],
};

const patternWords: Record<string, [string, string]> = {
  "^\\d{4}-\\d{2}-\\d{2}$": ["YYYY-MM-DD 格式的日期", "a date as YYYY-MM-DD"],
  "^\\d{6}$": ["六位数字的区划代码", "a six-digit district code"],
};

/** The branch of a union (anyOf) an error comes from: its definition, or its inline anyOf item. */
function branchOf(schemaPath: string): string {
  const inline = /^(.*\/anyOf\/\d+)\//.exec(schemaPath);
  return inline ? inline[1]! : schemaPath.split("/").slice(0, 3).join("/");
}

/**
 * Ajv reports a value that matches no branch of a union with every branch's complaint. A plan
 * author needs the one that applies: for an object with a `kind` (a measure), the complaints of
 * the branch of that kind, or, when no branch has that kind, one message listing the kinds; for a
 * value that may be null, not "expected null" beside the real complaint.
 */
function unionErrors(errors: readonly ErrorObject[], doc: unknown): ErrorObject[] {
  let out = [...errors];
  for (const any of errors.filter((e) => e.keyword === "anyOf")) {
    const at = any.instancePath;
    const under = (e: ErrorObject): boolean => e !== any && (e.instancePath === at || e.instancePath.startsWith(`${at}/`));
    const sub = out.filter(under);
    const v = valueAt(doc, at);
    let keep = sub;
    const kindErrors = sub.filter((e) => e.instancePath === `${at}/kind` && (e.keyword === "const" || e.keyword === "enum"));
    if (v !== null && typeof v === "object" && kindErrors.length > 0) {
      const wrongKind = new Set(kindErrors.map((e) => branchOf(e.schemaPath)));
      const right = new Set(sub.map((e) => branchOf(e.schemaPath)).filter((b) => !wrongKind.has(b)));
      if (right.size > 0) keep = sub.filter((e) => right.has(branchOf(e.schemaPath)));
      else {
        const kinds = kindErrors.flatMap((e) => {
          const p = e.params as { allowedValue?: unknown; allowedValues?: unknown[] };
          return e.keyword === "const" ? [p.allowedValue] : (p.allowedValues ?? []);
        });
        keep = [{ ...kindErrors[0]!, keyword: "enum", params: { allowedValues: [...new Set(kinds)] } }];
      }
    } else if (v !== null) {
      keep = sub.filter((e) => !(e.keyword === "type" && e.instancePath === at && (e.params as { type?: unknown }).type === "null"));
    }
    if (keep.length === 0) continue;
    out = out.filter((e) => e !== any && !(under(e) && !keep.includes(e)));
    for (const k of keep) if (!out.includes(k)) out.push(k);
  }
  return out;
}

function schemaProblem(e: ErrorObject, doc: unknown, r: Reporter): void {
  const found = valueAt(doc, e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type": {
      const types = String(p.type).split(",");
      const zh = types.map((t) => typeWords[t]?.[0] ?? t).join("或");
      const en = types.map((t) => typeWords[t]?.[1] ?? t).join(" or ");
      return r.expected(e.instancePath, zh, en, found);
    }
    case "required":
      return r.at(`${e.instancePath}/${escapeSeg(String(p.missingProperty))}`, "应为必填字段,实际缺失", "expected a value (a required field), found none");
    case "additionalProperties": {
      const name = String(p.additionalProperty);
      return r.at(
        `${e.instancePath}/${escapeSeg(name)}`,
        `应为 plans/plan.schema.json 定义的字段,实际为未定义的字段 "${name}"`,
        `expected a field plans/plan.schema.json defines, found an unknown field "${name}"`,
      );
    }
    case "enum": {
      const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return r.expected(e.instancePath, `${allowed.join("、")}之一`, `one of ${allowed.join(", ")}`, found);
    }
    case "pattern": {
      const pattern = String(p.pattern);
      const [zh, en] = patternWords[pattern] ?? [`符合 ${pattern} 的字符串`, `a string matching ${pattern}`];
      return r.expected(e.instancePath, zh, en, found);
    }
    case "minimum":
    case "maximum": {
      const limit = String(p.limit);
      const [zh, en] = e.keyword === "minimum" ? [`不小于 ${limit} 的数`, `a number ≥ ${limit}`] : [`不大于 ${limit} 的数`, `a number ≤ ${limit}`];
      return r.expected(e.instancePath, zh, en, found);
    }
    default:
      return r.expected(e.instancePath, `符合计划文件格式的值(${e.keyword}:${e.message ?? ""})`, `a value the schema allows (${e.keyword}: ${e.message ?? ""})`, found);
  }
}

// ---------------------------------------------------------------------------------------------
// What the schema cannot say

const realDay = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

function semanticProblems(plan: PilotPlan, r: Reporter): void {
  // Dates: real days first; order checks only between real days.
  // A date the plan does not give (null) is checked against nothing.
  const given = (d: string | null | undefined): string | undefined => d ?? undefined;
  const w = plan.funding.eligibleProjectWindow;
  const dates: [string, string | undefined][] = [
    ["/start", given(plan.start)],
    ["/end", plan.end],
    ["/expectationStart", given(plan.expectationStart)],
    ["/finalAcceptanceBy", given(plan.finalAcceptanceBy)],
    ["/funding/eligibleProjectWindow/from", w?.from],
    ["/funding/eligibleProjectWindow/to", w?.to],
    ...plan.milestones.flatMap((m, i): [string, string | undefined][] => [
      [`/milestones/${i}/from`, m.from],
      [`/milestones/${i}/to`, m.to],
    ]),
  ];
  const bad = new Set<string>();
  for (const [p, d] of dates) {
    if (d !== undefined && !realDay(d)) {
      bad.add(p);
      r.expected(p, "存在的日期", "a real calendar day", d);
    }
  }
  const ok = (...ps: string[]): boolean => ps.every((p) => !bad.has(p));
  /** `later` (at pLater) must not be before `earlier` (at pEarlier). */
  const notBefore = (pLater: string, later: string | undefined, pEarlier: string, earlier: string | undefined): void => {
    if (later === undefined || earlier === undefined || !ok(pLater, pEarlier) || later >= earlier) return;
    r.expected(pLater, `不早于 ${pEarlier}(${earlier})的日期`, `a day not before ${pEarlier} (${earlier})`, later);
  };
  notBefore("/end", plan.end, "/start", given(plan.start));
  notBefore("/expectationStart", given(plan.expectationStart), "/start", given(plan.start));
  notBefore("/end", plan.end, "/expectationStart", given(plan.expectationStart));
  notBefore("/finalAcceptanceBy", given(plan.finalAcceptanceBy), "/end", plan.end);
  notBefore("/funding/eligibleProjectWindow/to", w?.to, "/funding/eligibleProjectWindow/from", w?.from);
  // Milestones lie within the pilot: from its start to its final acceptance (五(八) runs past `end`).
  for (const [i, m] of plan.milestones.entries()) {
    for (const k of ["from", "to"] as const) {
      const d = m[k];
      const p = `/milestones/${i}/${k}`;
      // Checked only when the plan gives both ends of the pilot.
      if (d === undefined || plan.start === null || plan.finalAcceptanceBy === null || !ok(p, "/start", "/finalAcceptanceBy")) continue;
      if (d < plan.start || d > plan.finalAcceptanceBy) {
        r.expected(
          p,
          `试点期内的日期(/start ${plan.start} 至 /finalAcceptanceBy ${plan.finalAcceptanceBy})`,
          `a day within the pilot (/start ${plan.start} to /finalAcceptanceBy ${plan.finalAcceptanceBy})`,
          d,
        );
      }
    }
    notBefore(`/milestones/${i}/to`, m.to, `/milestones/${i}/from`, m.from);
  }

  // Keys used twice.
  const unique = <T>(list: T[], listPointer: string, field: string, key: (x: T) => string): void => {
    const first = new Map<string, number>();
    for (const [i, x] of list.entries()) {
      const k = key(x);
      const at = first.get(k);
      if (at === undefined) first.set(k, i);
      else
        r.at(
          `${listPointer}/${i}/${field}`,
          `应为未用过的 ${field},实际 ${shown(k)} 重复(已见于 ${listPointer}/${at}/${field})`,
          `expected a ${field} not used before, found ${shown(k)} again (first at ${listPointer}/${at}/${field})`,
        );
    }
  };
  unique(plan.targets, "/targets", "key", (t) => t.key);
  unique(plan.industries, "/industries", "key", (x) => x.key);
  unique(plan.districts, "/districts", "code", (d) => d.code);
  unique(plan.funding.directions, "/funding/directions", "key", (d) => d.key);
  unique(plan.milestones, "/milestones", "key", (m) => m.key);
  unique(plan.stages, "/stages", "key", (s) => s.key);
  unique(plan.recognitionKinds, "/recognitionKinds", "kind", (k) => k);

  // References: district codes, targets, levels of money.
  const codes = new Set(plan.districts.map((d) => d.code));
  for (const [i, ind] of plan.industries.entries()) {
    for (const [j, code] of ind.focusDistricts.entries()) {
      if (!codes.has(code)) r.expected(`/industries/${i}/focusDistricts/${j}`, "/districts 中的区划代码", "a district code listed in /districts", code);
    }
  }
  for (const [old, code] of Object.entries(plan.retiredDistrictCodes)) {
    if (!codes.has(code)) r.expected(`/retiredDistrictCodes/${escapeSeg(old)}`, "/districts 中的区划代码", "a district code listed in /districts", code);
  }
  checkTargets(plan, r);
  const recognitionKeys = new Set(plan.targets.filter((t) => t.measure.kind === "recognitions").map((t) => t.key));
  for (const [i, key] of (plan.unitManagement.showcaseTargets ?? []).entries()) {
    if (!recognitionKeys.has(key)) r.expected(`/unitManagement/showcaseTargets/${i}`, "/targets 中 recognitions 目标的 key", "the key of a recognitions target in /targets", key);
  }
  const levels = new Set(plan.funding.sources);
  for (const [i, d] of plan.funding.directions.entries()) {
    if (d.sources.length === 0) {
      r.expected(`/funding/directions/${i}/sources`, "至少一个计入上限的资金级别", "at least one level of money the caps count", d.sources);
    }
    for (const [j, s] of d.sources.entries()) {
      if (!levels.has(s)) r.expected(`/funding/directions/${i}/sources/${j}`, "/funding/sources 中的资金级别", "a level listed in /funding/sources", s);
    }
  }

  // The programme's central money is one of the plan's levels.
  if (plan.programme && !levels.has(plan.programme.centralSource)) {
    r.expected("/programme/centralSource", "/funding/sources 中的资金级别", "a level listed in /funding/sources", plan.programme.centralSource);
  }

  // Citations point at values of the file.
  for (const key of Object.keys(plan.citations ?? {})) {
    if ((key !== "" && !key.startsWith("/")) || valueAt(plan, key) === undefined) {
      r.expected(`/citations/${escapeSeg(key)}`, "指向本文件中某个值的 JSON Pointer", "a JSON Pointer to a value of this file", key);
    }
  }
}

/**
 * The plan in `text` (the file `file`, as messages name it), checked: throws PlanError listing
 * every problem when the text is not JSON, does not match the schema, or contradicts itself.
 */
export function parsePlan(text: string, file: string): PilotPlan {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const syntax = syntaxError(file, text);
  if (syntax) throw new PlanError([syntax]);
  const root = jsonc.parseTree(text, [], { disallowComments: true, allowTrailingComma: false })!;
  const r = new Reporter(file, text, root);
  duplicateFields(root, "", r);
  const doc: unknown = JSON.parse(text);
  const validate = schemaValidator();
  if (!validate(doc)) {
    for (const e of unionErrors(validate.errors ?? [], doc)) schemaProblem(e, doc, r);
  } else {
    semanticProblems(doc as PilotPlan, r);
  }
  const problems = [...new Set(r.problems)];
  if (problems.length > 0) throw new PlanError(problems);
  return doc as PilotPlan;
}

/** A target's references into the plan (measure parameters, partOf) and its dated steps. */
function checkTargets(plan: PilotPlan, r: Reporter): void {
  const keys = new Set(plan.targets.map((t) => t.key));
  const vocab: Record<string, [Set<string>, string, string]> = {
    kinds: [new Set(plan.recognitionKinds), "/recognitionKinds 中的认定类型", "a kind listed in /recognitionKinds"],
    recordKind: [new Set(plan.recognitionKinds), "/recognitionKinds 中的认定类型", "a kind listed in /recognitionKinds"],
    tiers: [new Set(plan.qualityTiers), "/qualityTiers 中的梯度", "a tier listed in /qualityTiers"],
    industries: [new Set(plan.industries.map((i) => i.key)), "/industries 中的行业 key", "an industry key listed in /industries"],
    stages: [new Set(plan.productStages), "/productStages 中的环节", "a stage listed in /productStages"],
    audiences: [new Set(plan.trainingAudiences), "/trainingAudiences 中的培训对象", "an audience listed in /trainingAudiences"],
  };
  for (const [i, t] of plan.targets.entries()) {
    const at = `/targets/${i}`;
    const m = t.measure as unknown as Record<string, unknown>;
    for (const [field, [known, zh, en]] of Object.entries(vocab)) {
      const v = m[field];
      const list = typeof v === "string" ? [v] : Array.isArray(v) ? (v as string[]) : [];
      for (const [j, x] of list.entries()) {
        if (!known.has(x)) r.expected(typeof v === "string" ? `${at}/measure/${field}` : `${at}/measure/${field}/${j}`, zh, en, x);
      }
    }
    if (t.measure.kind === "recognitions" && t.measure.kinds.length === 0) {
      r.expected(`${at}/measure/kinds`, "至少一个认定类型", "at least one recognitions kind", t.measure.kinds);
    }
    if (t.measure.kind === "share_at_level" && t.target !== null && t.target > 1) {
      r.expected(`${at}/target`, "0 到 1 之间的比例(0.9 即 90%)", "a share between 0 and 1 (0.9 is 90%)", t.target);
    }
    if (t.partOf !== undefined && (!keys.has(t.partOf) || t.partOf === t.key)) {
      r.expected(`${at}/partOf`, "/targets 中另一个目标的 key", "the key of another target in /targets", t.partOf);
    }
    let last = plan.expectationStart ?? plan.start ?? "0000-00-00";
    for (const [j, step] of (t.milestones ?? []).entries()) {
      if (!(step.by > last && step.by < plan.end)) {
        r.expected(`${at}/milestones/${j}/by`, `晚于 ${last} 且早于 /end (${plan.end}) 的日期`, `a date after ${last} and before /end (${plan.end})`, step.by);
      }
      last = step.by;
    }
  }
}
