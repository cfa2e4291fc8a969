/**
 * Names the generator needs from the plan and the contract, looked up once (never retyped here).
 * The plan comes from loadPlan(), once, here: every generator module takes it from this module.
 * `--plan FILE` / $PILOT_PLAN choose it as for every command (loaders/plan/load.ts); worker threads
 * see no argv, so the generator hands them `planPath` as $PILOT_PLAN.
 */
import { tableByKey } from "../../loaders/contract/tables.ts";
import { planFile, readPlanFile } from "../../loaders/plan/load.ts";
import type { District, FundDirectionKey, Milestone, TargetKey } from "../../loaders/plan/types.ts";
import { knobs } from "./knobs.ts";

/** The plan file the sample is generated for, as an absolute path. */
export const planPath = planFile();
export const plan = readPlanFile(planPath);

export function districtByPinyin(pinyin: string): District {
  const d = plan.districts.find((x) => x.pinyin === pinyin);
  if (!d) throw new Error(`knobs name a district the plan lacks: ${pinyin}`);
  return d;
}

export function districtByCode(code: string): District {
  const d = plan.districts.find((x) => x.code === code);
  if (!d) throw new Error(`unknown district code ${code}`);
  return d;
}

export function industryByKey(key: string) {
  const i = plan.industries.find((x) => x.key === key);
  if (!i) throw new Error(`unknown industry ${key}`);
  return i;
}

/** Project statuses in the plan's order: 诊断中, 已签约, 实施中, 验收申请, 验收通过, 验收未通过, 终止. */
const st = plan.projectStatuses;
if (st.length !== 7) throw new Error("the generator expects the plan's seven project statuses");
export const STATUS = {
  diagnosing: st[0]!,
  signed: st[1]!,
  implementing: st[2]!,
  applied: st[3]!,
  accepted: st[4]!,
  failed: st[5]!,
  terminated: st[6]!,
} as const;

/** Assessment kinds from the contract: 改造前, 改造后. */
const kinds = tableByKey(plan, "assessments").columns.find((c) => c.key === "kind")!.values!;
export const KIND = { pre: kinds[0]!, post: kinds[1]! } as const;

/** Fund sources: 中央, 省级, 市级, 区级. */
const src = plan.funding.sources;
export const SOURCE = { central: src[0]!, province: src[1]!, city: src[2]!, district: src[3]! } as const;

/** The plan's milestone `key`, else the generator's own dates for that step (knobs.defaultMilestones). */
export function milestoneOr(key: string): { from: string; to: string | null } {
  const m: Milestone | undefined = plan.milestones.find((x) => x.key === key);
  const own = knobs.defaultMilestones[key];
  if (m && m.from) return { from: m.from, to: m.to ?? own?.to ?? null };
  if (!own) throw new Error(`the generator has no default dates for milestone ${key}`);
  return own;
}

/** Whether the plan has a fund direction `key`. */
export const hasDirection = (key: FundDirectionKey): boolean => plan.funding.directions.some((x) => x.key === key);

export function direction(key: FundDirectionKey) {
  const d = plan.funding.directions.find((x) => x.key === key);
  if (!d) throw new Error(`the plan has no fund direction ${key}`);
  return d;
}

export function targetOf(key: TargetKey): number {
  const t = plan.targets.find((x) => x.key === key);
  if (!t) throw new Error(`the plan has no target ${key}`);
  if (t.target === null) throw new Error(`the plan gives no number for target ${key}`);
  return t.target;
}

/** Leading-unit tiers, highest award first as the plan lists them (一档, 二档, 三档). */
export const TIERS = Object.keys(plan.funding.leadingUnitAwardByTierWan);

export function levelBand(level: number) {
  const b = plan.levels.bands.find((x) => x.level === level);
  if (!b) throw new Error(`no band for level ${level}`);
  return b;
}

/** Subsidy cap for a level, or 0 when the plan grants none (一级, or no 改造补助 rule at all). */
export function subsidyCap(level: number): number {
  const caps = (plan.funding.subsidy?.capByLevelWan ?? {}) as Record<number, number>;
  return caps[level] ?? 0;
}
