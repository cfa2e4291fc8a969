/**
 * The self-assessment's sentences, one paragraph per section, in formal Chinese. The markdown and
 * the page both print these, so the document reads the same wherever it is read.
 */
import { fmtCount, fmtPct, fmtWan, zhDate } from "../format/format.ts";
import { NOT_SUPPLIED } from "./tables.ts";
import type { SelfAssessment } from "./types.ts";

export interface SaProse {
  title: string;
  subtitle: string;
  basis: string;
  generated: string;
  targets: string;
  indicators: string;
  transformed: string;
  investment: string;
  products: string;
  platforms: string;
  funds: string;
  breaches: string;
  review: string;
  rectification: string;
  milestones: string;
  dataDate: string;
}

/** Every paragraph of the document. */
export function selfAssessmentProse(sa: SelfAssessment): SaProse {
  const date = zhDate(sa.as_of);
  const final = sa.milestones.rows.find((m) => m.final);
  const t = sa.transformed;
  const i = sa.investment;
  const f = sa.platforms;
  const done = sa.targets.rows.filter((r) => r.completion === "已完成").length;
  const none = sa.targets.rows.filter((r) => r.completion === "无数据").length;
  return {
    title: `${sa.plan.city}中小企业数字化转型城市试点工作绩效自评估报告`,
    subtitle: `(数据截至${date})`,
    basis: `根据《${sa.plan.title}》(${sa.plan.doc_no})五(八)关于开展城市试点工作绩效自评估的要求,现将截至${date}的试点工作完成情况报告如下。`,
    generated: `本报告由${sa.plan.city}中小企业数字化转型城市试点监测平台根据各责任单位导出的台账数据(数据快照${zhDate(sa.snapshot)})自动生成,所列数字均可在监测平台相应页面核对。方案有效期至${zhDate(sa.plan.end)}${final ? `,试点工作全过程跟踪和验收截至${zhDate(final.to)}(${final.words}),距数据日期${fmtCount(final.days_left)}天` : ""}。`,
    targets: `方案二、工作目标及三(九)共${sa.targets.rows.length}项指标,截至${date}已完成${done}项,未完成${sa.targets.rows.length - done - none}项${none ? `,无数据${none}项(导出数据中没有相应记录,不等于未完成)` : ""}。“按时间进度判断”为监测平台按2024年9月起至${zhDate(sa.plan.end)}线性推算的进度(本监测自定口径,见统计口径页)。`,
    indicators: "按方案五(八)所列绩效考核指标:被改造企业数量、带动改造资金投入、打造数字化转型产品及解决方案数量、培育数字化转型行业平台数量。",
    transformed: `完成数字化改造并达到数字化水平二级及以上的中小企业${fmtCount(t.total)}家,${t.target == null ? "方案未给出目标数值" : `为目标${fmtCount(t.target)}家的${fmtPct(t.total / t.target)}`};按最近一次改造后评测等级:${t.by_level.length ? t.by_level.map((l) => `${l.name}${fmtCount(l.enterprises)}家`).join("、") : "暂无"}。开展数字化水平评估诊断的中小企业${fmtCount(t.diagnosed)}家。`,
    investment: i.projects === 0
      ? "截至数据日期尚无验收通过的改造项目。服务商让利:导出数据未包含服务商让利,无法计算。"
      : `验收通过的改造项目${fmtCount(i.projects)}个(涉及企业${fmtCount(i.enterprises)}家),核定投入${fmtWan(i.verified_wan)};拨付至上述项目的财政补助${fmtWan(i.public_wan)}(其中中央、省级、市级${fmtWan(i.subsidy_counted_wan)},区级及其他级别${fmtWan(i.subsidy_other_wan)}),企业自筹(按核定投入减财政补助推算)${fmtWan(i.own_wan)}${i.own_share != null ? `,占${fmtPct(i.own_share)}` : ""}${i.leverage != null ? `;每1元财政补助带动改造投入${i.leverage.toFixed(2)}元` : ""}。服务商让利:导出数据未包含服务商让利,无法计算。`,
    products: `入库“小快轻准”数字化产品和服务${fmtCount(sa.products.products)}个,${sa.products.target == null ? "方案未给出目标数值" : `为目标${fmtCount(sa.products.target)}个的${fmtPct(sa.products.products / sa.products.target)}`}。数字化转型解决方案:导出数据未包含解决方案清单,无法统计。`,
    platforms: f.projects === 0
      ? (f.paid_unlinked_wan > 0 ? `平台项目拨付${fmtWan(f.paid_unlinked_wan)}均未关联具体项目,无法确定已建平台数量。` : "截至数据日期导出数据中没有平台项目拨付记录,无法确定已建平台数量。")
      : `牵引单位建设的平台项目${fmtCount(f.projects)}个,其中验收通过${fmtCount(f.accepted)}个,核定投入${fmtWan(f.verified_wan)},已拨付中央、省级资金${fmtWan(f.paid_counted_wan)}${f.paid_unlinked_wan > 0 ? `;另有未关联项目的平台项目拨付${fmtWan(f.paid_unlinked_wan)}` : ""}。`,
    funds: `各资金方向按方案四、资金使用方向所列资金级别计入上限,合计${fmtWan(sa.funds.total_counted_wan)};区级配套(六(二))及方案未列明级别的资金${fmtWan(sa.funds.total_other_wan)}单列,不计入上限。`,
    breaches: sa.compliance.breach_count === 0 ? "截至数据日期未发现超过方案限额的拨付。" : `截至数据日期尚存超过方案限额的拨付${fmtCount(sa.compliance.breach_count)}项(各项上限只计方案为该方向列明的资金级别):`,
    review: sa.compliance.review_count === 0 ? "截至数据日期无待核实事项。" : `需人工核实的拨付${fmtCount(sa.compliance.review_count)}项(方案未给出数字,不属超限):`,
    rectification: sa.rectification == null ? `牵引单位周期性考核及整改意见(五(六)):${NOT_SUPPLIED}。` : "牵引单位周期性考核及整改意见(五(六))落实情况:",
    milestones: `方案五、实施步骤各项工作的时间安排,按数据日期${date}计算距截止天数。仅写到月份的起止按当月首日、末日计,“年底”按12月31日计(本监测自定口径);“持续开展”的事项方案未定截止日期。`,
    dataDate: `数据日期:${date}(数据快照${zhDate(sa.snapshot)})。本报告由监测平台自动生成,数字取自监测平台各页面及表格(见各表“数据来源”),统计口径见监测平台 统计口径(/methodology)。`,
  };
}
