/**
 * The national programme's rules (the same for every city of the pilot), as data: plans/programme.json,
 * chosen by the entry point (`--programme FILE`, default plans/programme.json) and passed to the
 * roll-up's code as a value, never imported. readProgramme checks the file and throws one located,
 * bilingual message per problem.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { projectRoot } from "../config/paths.ts";
import type { ProgrammeFacts } from "../plan/types.ts";

export type CityClass = ProgrammeFacts["cityClass"];
export const cityClasses: readonly CityClass[] = ["provincial_capital", "separately_listed", "other"];

interface RuleBase {
  /** Stable key, each once. */
  key: string;
  /** The rule in Chinese, as pages print it. */
  label: string;
  labelEn: string;
  /** The document the rule comes from, in Chinese (pages print it). */
  source: string;
  /** What is still to be confirmed, or how the monitor reads the rule, in Chinese (pages print it). */
  note?: string;
}

/** Each industry's above-scale enterprises at `minLevel`+ by at least `minShare`, judged at the pilot's end. */
export interface IndustryLevelShareRule extends RuleBase {
  kind: "industry_level_share";
  minShare: number;
  minLevel: number;
  judgedAt: "pilot_end";
}

/** The share of central money on one side of the split (`use`): at least `min` or at most `max`. */
export interface CentralShareRule extends RuleBase {
  kind: "central_share";
  use: "sme_transformation" | "public_service";
  min?: number;
  max?: number;
}

/** Central money at most the ceiling of the city's class, in 万元. */
export interface CentralCeilingRule extends RuleBase {
  kind: "central_ceiling";
  capWanByClass: Record<CityClass, number>;
}

export type ProgrammeRule = IndustryLevelShareRule | CentralShareRule | CentralCeilingRule;

export interface Programme {
  id: string;
  title: string;
  /** A bundle older than this many days before the roll-up's as-of date is flagged. */
  freshness: { maxAgeDays: number; source: string };
  rules: ProgrammeRule[];
}

export class ProgrammeError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ProgrammeError";
  }
}

export const defaultProgrammeFile = "plans/programme.json";

/** The programme file: `--programme FILE` in argv, else $PILOT_PROGRAMME, else plans/programme.json. */
export function programmeFile(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf("--programme");
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]!);
  if (env.PILOT_PROGRAMME) return resolve(projectRoot, env.PILOT_PROGRAMME);
  return resolve(projectRoot, defaultProgrammeFile);
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isShare = (v: unknown): v is number => typeof v === "number" && v >= 0 && v <= 1;

/** Check a parsed programme document; `file` names it in messages. */
export function parseProgramme(doc: unknown, file: string): Programme {
  const problems: string[] = [];
  const bad = (pointer: string, zh: string, en: string): void => {
    problems.push(`规则文件 ${file} 第 ${pointer} 项:${zh} / programme file ${file} at ${pointer}: ${en}`);
  };
  if (!isObj(doc)) throw new ProgrammeError([`规则文件 ${file}:应为 JSON 对象 / programme file ${file}: expected a JSON object`]);
  if (!isStr(doc.id)) bad("/id", "应为非空字符串", "expected a non-empty string");
  if (!isStr(doc.title)) bad("/title", "应为非空字符串", "expected a non-empty string");
  const fr = doc.freshness;
  if (!isObj(fr) || typeof fr.maxAgeDays !== "number" || fr.maxAgeDays < 0 || !isStr(fr.source)) {
    bad("/freshness", "应为 {maxAgeDays: 非负数, source: 出处}", "expected {maxAgeDays: a number ≥ 0, source: its source}");
  }
  const rules = Array.isArray(doc.rules) ? doc.rules : [];
  if (!Array.isArray(doc.rules)) bad("/rules", "应为数组", "expected an array");
  const seen = new Set<string>();
  rules.forEach((r: unknown, i) => {
    const at = `/rules/${i}`;
    if (!isObj(r)) return bad(at, "应为对象", "expected an object");
    for (const f of ["key", "label", "labelEn", "source"]) if (!isStr(r[f])) bad(`${at}/${f}`, "应为非空字符串(每条规则须注明出处)", "expected a non-empty string (every rule cites its source)");
    if (isStr(r.key)) {
      if (seen.has(r.key)) bad(`${at}/key`, `规则键 ${r.key} 重复`, `rule key ${r.key} used twice`);
      seen.add(r.key);
    }
    if (r.kind === "industry_level_share") {
      if (!isShare(r.minShare)) bad(`${at}/minShare`, "应为 0–1 之间的比例", "expected a share between 0 and 1");
      if (![1, 2, 3, 4].includes(r.minLevel as number)) bad(`${at}/minLevel`, "应为 1–4 的等级", "expected a level 1–4");
      if (r.judgedAt !== "pilot_end") bad(`${at}/judgedAt`, "应为 \"pilot_end\"", "expected \"pilot_end\"");
    } else if (r.kind === "central_share") {
      if (r.use !== "sme_transformation" && r.use !== "public_service") bad(`${at}/use`, "应为 sme_transformation 或 public_service", "expected sme_transformation or public_service");
      if ((r.min === undefined) === (r.max === undefined) || ![r.min, r.max].filter((x) => x !== undefined).every(isShare)) {
        bad(`${at}`, "应恰有 min 或 max 之一,为 0–1 之间的比例", "expected exactly one of min or max, a share between 0 and 1");
      }
    } else if (r.kind === "central_ceiling") {
      const caps = r.capWanByClass;
      if (!isObj(caps) || !cityClasses.every((c) => typeof caps[c] === "number" && (caps[c] as number) >= 0)) {
        bad(`${at}/capWanByClass`, `应为每类城市(${cityClasses.join("、")})的上限(万元)`, `expected a ceiling in 万元 for each class (${cityClasses.join(", ")})`);
      }
    } else {
      bad(`${at}/kind`, "应为 industry_level_share、central_share 或 central_ceiling", "expected industry_level_share, central_share or central_ceiling");
    }
  });
  if (problems.length > 0) throw new ProgrammeError(problems);
  return doc as unknown as Programme;
}

/** Read and check a programme file. */
export function readProgramme(file: string = programmeFile()): Programme {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new ProgrammeError([`规则文件 ${file} 无法读取(${code}) / programme file ${file} cannot be read (${code})`]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ProgrammeError([`规则文件 ${file} 不是合法的 JSON(${(e as Error).message}) / programme file ${file} is not valid JSON (${(e as Error).message})`]);
  }
  return parseProgramme(doc, file);
}
