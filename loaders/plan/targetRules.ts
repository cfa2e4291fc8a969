/**
 * One counting rule per target, in Chinese, from its measure (the catalogue of docs/plan-file.md,
 * "Measures"; computed by loaders/sql/macros/target_facts.sql): what the number counts, with the
 * target's own `cite`. loaders/plan/countingRules.ts lists them with the monitor's other rules.
 */
import type { EnterpriseFilter, Measure, PilotPlan, Target } from "./types.ts";

/** A counting rule before its basis is put in words (countingRules.ts adds basisText). */
export interface TargetRule {
  key: string;
  group: "count";
  topic: string;
  rule: string;
  basis: "plan";
  source: string;
}

/** The filters of an enterprise measure in words, e.g. "(仅规上企业或专精特新、小巨人企业)"; "" without filters. */
function filterWords(plan: PilotPlan, f: EnterpriseFilter): string {
  const parts: string[] = [];
  if (f.aboveScale !== undefined) parts.push(f.aboveScale ? "规上企业" : "规下企业");
  if (f.tiers?.length) parts.push(`${f.tiers.join("、")}企业`);
  const either = f.match === "any" && parts.length > 1 ? parts.join("或") : parts.join("中的");
  const industries = f.industries?.length
    ? `${f.industries.map((k) => plan.industries.find((i) => i.key === k)?.name ?? k).join("、")}行业`
    : "";
  const all = [either, industries].filter(Boolean).join(",");
  return all ? `(仅${all})` : "";
}

/** What a measure counts, as one sentence. */
function measureWords(plan: PilotPlan, m: Measure): string {
  const level = (n: number): string => plan.levels.names[n as 1 | 2 | 3 | 4] ?? `${n}级`;
  switch (m.kind) {
    case "enterprises_at_level":
      return m.accepted
        ? `按企业去重${filterWords(plan, m)}:改造项目“验收通过”且验收日期不晚于统计日,并且统计日前最近一次“改造后”评测为数字化水平${level(m.minLevel)}及以上。填报有误被退回的记录不计入。`
        : `按企业去重${filterWords(plan, m)}:统计日前最近一次评测为数字化水平${level(m.minLevel)}及以上;之后评测降到该级以下的不再计入。`;
    case "share_at_level":
      return `比例${filterWords(plan, m)}:${m.accepted ? "改造验收通过且最近一次“改造后”评测" : "最近一次评测"}为${level(m.minLevel)}及以上的企业数 ÷ 企业名录中同一范围的企业数(自入库日期起计入分母)。`;
    case "enterprises_assessed":
      return `统计日前有“${m.assessment}”评测的中小企业${filterWords(plan, m)},按企业去重。`;
    case "enterprises_signed":
      return `统计日前签约改造项目(有签约日期)的中小企业${filterWords(plan, m)},按企业去重,自首个项目的签约日期起计入。`;
    case "cloud_adoption":
      return `企业名录“上云用云日期”不晚于统计日的中小企业${filterWords(plan, m)},按企业去重。`;
    case "recognitions":
      return `示范认定中类型为${m.kinds.map((k) => `“${k}”`).join("或")}、认定日期不晚于统计日的认定个数。`;
    case "status_record":
      return `示范认定中有类型为“${m.recordKind}”、认定(上线运行)日期不晚于统计日的记录,即为已建成运行,目标达标;没有记录时显示“无数据”。`;
    case "providers":
      return "遴选日期不晚于统计日的服务商家数。";
    case "products":
      return `入库日期不晚于统计日的“小快轻准”产品个数${m.stages?.length ? `(仅${m.stages.join("、")}环节)` : ""}。`;
    case "training_person_times":
      return `培训日期不晚于统计日的培训人次之和${m.audiences?.length ? `(仅${m.audiences.join("、")})` : ""}。`;
    case "trainings":
      return `培训日期不晚于统计日的培训场次${m.audiences?.length ? `(仅${m.audiences.join("、")})` : ""}。`;
  }
}

/** The counting rule of one target: its label, what its measure counts, the plan's section. */
export function targetRule(plan: PilotPlan, t: Target): TargetRule {
  const of = t.partOf ? plan.targets.find((x) => x.key === t.partOf) : undefined;
  return {
    key: `target:${t.key}`,
    group: "count",
    topic: t.label,
    rule: measureWords(plan, t.measure) + (of ? `计入“${of.short}”的一部分。` : ""),
    basis: "plan",
    source: `方案 ${t.cite.replaceAll("; ", ";")}`,
  };
}
