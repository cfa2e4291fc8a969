/**
 * Every counting rule the monitor applies, in Chinese, each with where it comes from: a section of
 * the plan, another official rule (national or Guangdong provincial), or the monitor's own
 * convention. Numbers, dates and the plan's section numbers are read from the plan (its targets',
 * fund directions' and milestones' `cite`, and `sections` for the rest), never retyped: this file
 * holds the monitor's method, the plan file where the plan says it. The internal 统计口径 page, the
 * level audit and the public 统计说明 page all print from this one list.
 */
import { headlineTargets, recognitionKindsOf } from "./measures.ts";
import { targetRule } from "./targetRules.ts";
import type { PilotPlan, PlanSections } from "./types.ts";

/**
 * plan: the city plan's own words; national: a national rule the plan cites; province: a Guangdong
 * provincial rule, not the city plan; monitor: the monitor's own convention (the plan says nothing).
 */
export type RuleBasis = "plan" | "national" | "province" | "monitor";

export interface CountingRule {
  key: string;
  /** count: what a number counts; pace: how progress is judged; check: internal review lists. */
  group: "count" | "pace" | "check";
  topic: string;
  rule: string;
  basis: RuleBasis;
  /** The basis in words (basisLabel). */
  basisText: string;
  /** Where the rule stands, in Chinese, e.g. "方案 二、工作目标" or "本监测自定口径:…". */
  source: string;
  /** Set when the rule has not been checked against its official text: what is unverified. */
  unverified?: string;
  /** Rules of internal lists (level audit, stuck projects, tiers, fund checks) the public site does not publish. */
  internal?: boolean;
}

/** The basis in words, for a table column. */
export const basisLabel: Record<RuleBasis, string> = {
  plan: "方案条文",
  national: "国家规定",
  province: "广东省规定(非本市方案)",
  monitor: "本监测自定口径",
};

const zh = (iso: string): string => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};
const pct = (x: number): string => `${Math.round(x * 100)}%`;
/** A cite inside a rule's source: parts separated by ";" without a space, as the rule texts write them. */
const inRule = (cite: string): string => cite.replaceAll("; ", ";");

/** The rules for one plan, in the order the pages list them. */
export function countingRules(plan: PilotPlan): CountingRule[] {
  return ruleList(plan).map((r) => ({ ...r, basisText: basisLabel[r.basis] }));
}

function ruleList(plan: PilotPlan): Omit<CountingRule, "basisText">[] {
  const m = plan.monitoring;
  const u = plan.unitManagement;
  const w = plan.funding.eligibleProjectWindow;
  const level = (n: number): string => plan.levels.names[n as 1 | 2 | 3 | 4] ?? `${n}级`;
  const bands = plan.levels.bands
    .map((b) => `${level(b.level)}总分≥${b.minScore}分且≥${b.minScenarios}个经营场景达到该级及以上(其中约束性场景≥${b.minConstraintScenarios}个)`)
    .join(";");
  const tiers = Object.entries(plan.funding.leadingUnitAwardByTierWan).map(([t, a]) => `${t}不超过${a}万元`).join("、");
  const platform = plan.targets.find((t) => t.measure.kind === "status_record");
  // A section the plan's text does not have reads as such, never as "null".
  const s = Object.fromEntries(Object.entries(plan.sections).map(([k, v]) => [k, v ?? "(文本未载明)"])) as Record<keyof PlanSections, string>;
  const headline = headlineTargets(plan).primary;
  // The recognitions kinds of the targets whose recognitions are the units' 示范项目 (unitManagement.showcaseTargets).
  const showcase = (u.showcaseTargets ?? []).flatMap((k) => recognitionKindsOf(plan.targets.find((t) => t.key === k)?.measure ?? { kind: "providers" }));
  const unitAward = plan.funding.directions.find((d) => d.key === "leading_unit_award")?.cite ?? null;
  const final = plan.milestones.find((x) => x.final)?.cite ?? null;
  /** A rule on the plan's section `section` (with the plan's words `words`), or, when the plan's text has no such section, the monitor's. */
  const per = (section: string | null, words: string, rest = ""): Pick<CountingRule, "basis" | "source"> =>
    section == null
      ? { basis: "monitor", source: `本监测自定口径:方案文本未载明${words}${rest}` }
      : { basis: "plan", source: `方案 ${section}(${words})${rest}` };
  return [
    ...plan.targets.map((t) => targetRule(plan, t)),
    {
      key: "list_removal", group: "count", topic: "名单动态调整",
      rule: "台账中注明移出日期的被改造企业和牵引单位,自移出日期起不再计入任何目标、分项和牵引单位成绩单;移出日期之前的统计不变。",
      ...per(plan.sections.listAdjustment, "对牵引单位名单和被改造企业实行动态调整管理"),
    },
    {
      key: "sme", group: "count", topic: "中小企业的认定",
      rule: `按《中小企业划型标准规定》工业标准:从业人员不足${plan.sme.maxEmployees}人或营业收入不足${plan.sme.maxRevenueWan}万元为中小企业;数据显示为大型企业的不计入。`,
      basis: "national", source: `工信部联企业〔2011〕300号${headline ? `(方案 ${inRule(headline.cite)} 引用)` : ""}`,
    },
    {
      key: "sme_unknown", group: "count", topic: "规模未填报的企业",
      rule: "从业人员或营业收入未填报、无法划型的企业照常计入。",
      basis: "monitor", source: "本监测自定口径:企业入库时已按中小企业审核",
    },
    w
      ? {
        key: "window", group: "count", topic: "计入的项目时间范围",
        rule: `签约日期不早于${zh(w.from)}的改造项目才计入改造完成数(省级规定的时间范围为${zh(w.from)}至${zh(w.to)})。`,
        basis: "province", source: `${w.rule},不是本市方案的条文`,
      }
      : {
        key: "window", group: "count", topic: "计入的项目时间范围",
        rule: "不限签约日期:有签约日期、验收通过的改造项目都计入。",
        basis: "monitor", source: "本监测自定口径:方案文本未规定项目时间范围",
      },
    ...(platform
      ? [{
        key: "platform_no_data", group: "count", topic: `${platform.short}没有记录时`,
        rule: "台账中没有上线记录时显示“无数据”,既不算达标,也不算落后。",
        basis: "monitor", source: `本监测自定口径:没有记录不等于没有建成;方案只要求${zh(plan.end)}前建成`,
      } as const]
      : []),
    {
      key: "attribution", group: "count", topic: "分区、分行业",
      rule: "企业按企业名录登记的所属区和细分行业;示范认定按认定记录的所属区,未填的按相关企业的所属区;不按统一社会信用代码推断所属区。“未注明区”“其他行业”为无法归入的部分。",
      basis: "monitor", source: "本监测自定口径",
    },
    {
      key: "funds", group: "count", topic: "资金",
      rule: `拨付日期不晚于统计日的拨付金额,按资金方向和资金来源(${plan.funding.sources.join("、")})合计。`,
      ...per(plan.sections.funding, "方向和资金来源"),
    },
    {
      key: "expected", group: "pace", topic: "按进度应达",
      rule: plan.expectationStart === null
        ? "方案文本未给出进度起算日:不按时间进度判断,只显示完成数。"
        : `目标 × 自${zh(plan.expectationStart)}起到统计日已过的时间占全程(至${zh(plan.end)})的比例,即一条直线${plan.targets.some((t) => t.milestones?.length) ? ";目标有分年度数值的,直线经过各年度数值" : ""}。`,
      basis: "monitor", source: plan.expectationStart === null
        ? "本监测自定口径:方案文本未给出起算日,不自行假定"
        : `本监测自定口径:方案只规定${zh(plan.end)}前的总目标,没有分年度进度;起点取方案 ${s.expectationStart}`,
    },
    {
      key: "status", group: "pace", topic: "达标、预警、落后",
      rule: `达标:实际数不少于按进度应达数的${pct(m.onTrack)};预警:不少于其${pct(m.warning)};落后:低于其${pct(m.warning)}。`,
      basis: "monitor", source: `本监测自定口径:${pct(m.warning)}预警线不是方案的规定`,
    },
    {
      key: "forecast", group: "pace", topic: "年底预计",
      rule: `当前数加上近${m.trailingWeeks}周平均每周新增数乘以剩余周数。`,
      basis: "monitor", source: "本监测自定口径",
    },
    {
      key: "overdue", group: "check", topic: "逾期项目",
      rule: "计划完成日期早于统计日、尚未验收通过且未终止的项目。",
      basis: "monitor", source: "本监测自定口径:计划完成日期取自项目台账", internal: true,
    },
    {
      key: "stuck", group: "check", topic: "停滞项目",
      rule: `未验收通过、未终止,且最近一次进展距统计日超过${m.stuckAfterDays}天的项目。`,
      basis: "monitor", source: `本监测自定口径:${m.stuckAfterDays}天不是方案的规定`, internal: true,
    },
    {
      key: "level_band", group: "check", topic: "等级复核的评分规则",
      rule: `按评分(有经营场景评测的,再加场景条件)重新推算等级,与上报等级不一致的列入复核:${bands}。只有评分、没有场景评测的,只看总分。`,
      basis: "monitor", source: "本监测采用的规则,取自公开的测评工具",
      unverified: "尚未与《中小企业数字化水平评测指标(2024年版)》(工信厅企业〔2024〕56号)正式文本核对,约束性场景的划分也是本监测的理解;复核结果只供核对,不改变计数(计数用上报等级)。",
      internal: true,
    },
    {
      key: "unit_indicators", group: "check", topic: "牵引单位的三项指标和排名",
      rule: `验收通过项目数(所牵引的试点企业项目中验收通过的)、供给“小快轻准”产品数(所属服务商入库的产品)、入选示范项目数(${showcase.length ? `所服务企业获评的${showcase.join("和")}` : "方案未指定计入的认定类型,均记为0"});排名以数值大者在前,并列同名次。`,
      ...per(unitAward, "三项指标", ";排名为本监测自定口径"), internal: true,
    },
    {
      key: "unit_tiers", group: "check", topic: "牵引单位档次",
      rule: `${tiers ? `各档奖励:${tiers}。` : "方案文本未载明各档奖励。"}方案没有给出各档标准:台账提供“牵引单位评档标准”(注明依据)时,才比较评定档次与按标准应得的档次;否则不作比较。`,
      ...per(unitAward, "指标和奖励上限", ";评档标准须来自台账所注依据"), internal: true,
    },
    {
      key: "unit_reports", group: "check", topic: "牵引单位进展报送",
      rule: `每${u.reportPeriodMonths === 1 ? "月" : `${u.reportPeriodMonths}个月`}一期,自遴选日期后第一个完整月起、至移出名单为止;每期应于次月${u.reportDueDay}日前报送,逾期报送、未报送分别列出。各期报送的累计数与改造项目台账在该期末的数字逐项比对,${u.reportTolerance === 0 ? "不一致即列为待核实" : `相差超过${u.reportTolerance}即列为待核实`}。`,
      ...per(plan.sections.unitReports, "建立牵引单位定期报送改造进展工作机制", `;方案未规定报送周期和期限:按月报送、次月${u.reportDueDay}日前报送、从第一个完整月起算和比对不设误差均为本监测自定口径`),
      internal: true,
    },
    {
      key: "unit_rectification", group: "check", topic: "考核整改事项",
      rule: "整改完成日期不晚于统计日的为已整改(晚于整改期限的注明超期);未完成且整改期限早于统计日的为逾期未整改(期限当日仍在期内);其余为整改中。",
      ...per(plan.sections.unitAssessment, "周期性考核并提出整改意见", ";逾期的判定为本监测自定口径"), internal: true,
    },
    {
      key: "unit_acceptance", group: "check", topic: "牵引单位的验收结果记录",
      rule: "所牵引项目中:验收通过(验收日期不晚于统计日)、验收未通过、待验收(已申请验收、统计日尚无结论)的项目数;验收未通过率 = 验收未通过 ÷(验收通过 + 验收未通过),无已作结论的验收时不计算。",
      ...per(plan.sections.unitAcceptance, "项目验收结果作为牵引单位工作成效的重要考核内容", ";验收未通过率的算法为本监测自定口径"), internal: true,
    },
    // Only a plan with dated work steps has rules on them.
    ...(plan.milestones.length === 0 ? [] : [
      {
        key: "milestone_days", group: "pace", topic: "工作节点的起止日期",
        rule: `方案 ${s.stepItems}只写到月份的起止,按当月首日、末日计;“年底”按12月31日计;“持续开展”的事项没有截止日期。距截止天数从数据日期(数据快照截止日期)算起,不取当天日期。`,
        basis: "monitor", source: `本监测自定口径:方案 ${s.steps}只写到月份`, internal: true,
      } as const,
      {
        key: "milestone_alert", group: "pace", topic: "临近截止的工作节点",
        rule: `截止日期在数据日期后${m.milestoneAlertDays}天内(含)的工作节点在总览和周报中提示。`,
        basis: "monitor", source: `本监测自定口径:${m.milestoneAlertDays}天不是方案的规定`, internal: true,
      } as const,
    ]),
    {
      key: "self_assessment_investment", group: "check", topic: "绩效自评估:带动改造资金投入",
      rule: "取截至数据日期验收通过、签约在省级口径期内的中小企业改造项目的核定投入,对照拨付至这些项目的改造补助(中央、省级、市级与区级及其他级别分列);企业自筹按核定投入减财政补助推算;导出数据不含服务商让利,不作计算。平台数量按平台项目拨付所关联的项目计。",
      basis: "monitor", source: final == null ? "本监测自定口径:方案文本未载明绩效自评估指标" : `本监测自定口径:方案 ${final}列出指标,未规定计算方法`, internal: true,
    },
    {
      key: "fund_caps", group: "check", topic: "资金上限",
      rule: "各资金方向的上限及其计入的资金级别按方案原文核对,出处见资金页。",
      ...(plan.sections.fundCaps == null ? { basis: "monitor", source: "本监测自定口径:方案文本未载明资金上限,不作上限核对" } : { basis: "plan", source: `方案 ${s.fundCaps}` }), internal: true,
    },
  ];
}
