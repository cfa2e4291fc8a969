/**
 * The performance self-assessment (绩效自评估, plan 五(八)) for one data date: the KPI report plus three
 * queries of its own (sql/self_assessment_*.sql), assembled into one SelfAssessment object that the
 * page, the markdown and the workbook all render.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { reportAsOf } from "../kpi/computeReport.ts";
import { kpiParams } from "../kpi/params.ts";
import type { Report } from "../kpi/reportTypes.ts";

import { mainTarget } from "../plan/measures.ts";
import type { Measure, PilotPlan } from "../plan/types.ts";
import { rectificationSummary } from "./rectification.ts";
import { sources } from "./sources.ts";
import type { RectificationSummary, SelfAssessment } from "./types.ts";
import { runQueryFile } from "../warehouse/query.ts";

export interface SelfAssessmentOptions {
  asOf?: string;
  /** The plan the warehouse was built with. */
  plan: PilotPlan;
  /** Override the 考核整改 figures (default: rectificationSummary(report)). */
  rectification?: RectificationSummary | null;
  /** A report already at hand, used when it is the one asOf asks for (reportAsOf). */
  known?: Report;
}

interface Investment { projects: number; enterprises: number; verified_wan: number; subsidy_counted_wan: number; subsidy_other_wan: number; subsidy_unlinked_wan: number; subsidy_other_projects_wan: number }
interface Platforms { projects: number; accepted: number; verified_wan: number; paid_counted_wan: number; paid_other_wan: number; paid_unlinked_wan: number }

// Sums of 万元 amounts, kept to 1/100 元 so float noise never shows in a document.
const wan = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Compute the self-assessment on the data date (the newest snapshot, or asOf). */
export async function computeSelfAssessment(conn: DuckDBConnection, opts: SelfAssessmentOptions): Promise<SelfAssessment> {
  const plan = opts.plan;
  const report = await reportAsOf(conn, plan, opts.asOf, opts.known);
  const params = kpiParams(plan, report.snapshot, report.as_of);
  const levels = await runQueryFile<{ level: number; enterprises: number }>(conn, "report", "self_assessment_levels", params);
  const [inv] = await runQueryFile<Investment>(conn, "report", "self_assessment_investment", params);
  const [plat] = await runQueryFile<Platforms>(conn, "report", "self_assessment_platforms", params);
  return assemble(report, plan, levels, inv!, plat!, opts.rectification === undefined ? rectificationSummary(report) : opts.rectification);
}

function assemble(report: Report, plan: PilotPlan, levels: { level: number; enterprises: number }[], inv: Investment, plat: Platforms, rectification: RectificationSummary | null): SelfAssessment {
  // The self-assessment's sections read the plan's main target of each measure (none: no figure).
  const kpi = (kind: Measure["kind"]): { actual: number | null; target: number | null } => {
    const key = mainTarget(plan, kind)?.key;
    return report.kpis.find((k) => k.key === key) ?? { actual: null, target: null };
  };
  const cite = new Map(plan.targets.map((t) => [t.key, t.cite]));
  const publicWan = wan(inv.subsidy_counted_wan + inv.subsidy_other_wan);
  const verified = wan(inv.verified_wan);
  const byDistrict = report.funding.by_district;
  const directions = new Map(plan.funding.directions.map((d) => [d.key, d]));
  const fundRows = report.funding.by_direction.map((d) => {
    const p = directions.get(d.key as (typeof plan.funding.directions)[number]["key"])!;
    const districts = byDistrict.filter((r) => r.direction_key === d.key && r.district_code != null).sort((a, b) => b.counted_wan - a.counted_wan);
    const top = d.per_district_cap_wan != null ? districts[0] : undefined;
    return {
      key: d.key, direction: d.direction, cite: p.cite, sources_words: p.sourcesWords, cap_words: p.capWords,
      counted_wan: wan(d.counted_wan), other_levels_wan: wan(d.other_levels_wan),
      cap_wan: d.cap_wan, pct_of_cap: d.pct_of_cap,
      per_district_cap_wan: d.per_district_cap_wan, max_district_wan: top ? wan(top.counted_wan) : null, max_district: top?.district ?? null,
    };
  });
  const group = <T extends { rule_label: string; rule_cite: string }>(rows: T[], amount: (r: T) => number) => {
    const m = new Map<string, { rule_label: string; rule_cite: string; count: number; amount: number }>();
    for (const r of rows) {
      const g = m.get(r.rule_label) ?? { rule_label: r.rule_label, rule_cite: r.rule_cite, count: 0, amount: 0 };
      g.count += 1;
      g.amount = wan(g.amount + amount(r));
      m.set(r.rule_label, g);
    }
    return [...m.values()];
  };
  const { breaches, review_items: review } = report.compliance;

  return {
    plan: { title: plan.title, doc_no: plan.docNo ?? "", city: plan.city, end: plan.end },
    as_of: report.as_of,
    snapshot: report.snapshot,
    targets: {
      rows: report.kpis.map((k) => ({
        key: k.key, label: k.label, cite: cite.get(k.key) ?? "", unit: k.unit, target: k.target, actual: k.actual, pct: k.pct,
        completion: k.actual == null ? "无数据" : k.target == null ? "无法判定" : k.actual >= k.target ? "已完成" : "未完成",
        pace: k.status,
      })),
      source: sources.targets,
    },
    transformed: {
      total: kpi("enterprises_at_level").actual ?? 0,
      target: kpi("enterprises_at_level").target,
      by_level: levels.map((l) => ({ ...l, name: plan.levels.names[l.level as 1 | 2 | 3 | 4] ?? `${l.level}级` })),
      diagnosed: kpi("enterprises_assessed").actual ?? 0,
      sources: [sources.targets, sources.byLevel],
    },
    investment: {
      projects: inv.projects,
      enterprises: inv.enterprises,
      verified_wan: verified,
      subsidy_counted_wan: wan(inv.subsidy_counted_wan),
      subsidy_other_wan: wan(inv.subsidy_other_wan),
      public_wan: publicWan,
      own_wan: wan(verified - publicWan),
      leverage: publicWan > 0 ? verified / publicWan : null,
      own_share: verified > 0 ? (verified - publicWan) / verified : null,
      subsidy_unlinked_wan: wan(inv.subsidy_unlinked_wan),
      subsidy_other_projects_wan: wan(inv.subsidy_other_projects_wan),
      provider_discount_wan: null,
      sources: [sources.investment, sources.fundsByDirection],
    },
    products: { products: kpi("products").actual ?? 0, target: kpi("products").target, solutions: null, sources: [sources.products] },
    platforms: {
      projects: plat.projects, accepted: plat.accepted, verified_wan: wan(plat.verified_wan),
      paid_counted_wan: wan(plat.paid_counted_wan), paid_other_wan: wan(plat.paid_other_wan), paid_unlinked_wan: wan(plat.paid_unlinked_wan),
      sources: [sources.fundsByDirection, sources.units],
    },
    funds: {
      rows: fundRows,
      total_counted_wan: wan(fundRows.reduce((s, r) => s + r.counted_wan, 0)),
      total_other_wan: wan(fundRows.reduce((s, r) => s + r.other_levels_wan, 0)),
      sources: [sources.fundsByDirection, sources.fundSources],
    },
    compliance: {
      breaches: group(breaches, (b) => b.excess_wan).map(({ amount, ...g }) => ({ ...g, excess_wan: amount })),
      review_items: group(review, (i) => i.amount_wan).map(({ amount, ...g }) => ({ ...g, amount_wan: amount })),
      breach_count: breaches.length,
      review_count: review.length,
      sources: [sources.breaches, sources.reviewItems],
    },
    rectification,
    milestones: { alert_days: report.milestones.alert_days, rows: report.milestones.rows, source: sources.milestones },
    unknowns: [
      "服务商让利(六(三)“平台让一点”):导出数据未包含服务商让利,无法计算。",
      "数字化转型解决方案数量(五(八)):导出数据未包含解决方案清单,无法统计;本文仅统计入库的“小快轻准”产品。",
      "企业实际自筹投入:导出数据只有核定投入和财政拨付,企业自筹按“核定投入−财政补助”推算,未核对企业实际支出。",
      "各级资金的下达额度:导出数据只有拨付记录,无法计算资金下达后的执行率。",
      "改造成效(降本提质增效、增收增利):导出数据未包含企业改造前后的经营指标。",
      "尚未拨付资金的平台项目:导出数据中平台项目只能从平台项目拨付记录识别。",
      "国家级、省级验收的具体考核要求和评分标准:以上级验收通知为准,本文未作评分。",
      "数据日期之后发生或补录的事项,以及未录入台账的事项。",
      ...(rectification == null ? ["牵引单位周期性考核和整改情况(五(六)):导出数据未提供。"] : []),
    ],
  };
}
