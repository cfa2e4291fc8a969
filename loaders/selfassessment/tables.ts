/**
 * The self-assessment as named tables of raw values: the markdown, the workbook and the page all
 * render these, so a figure reads the same in each. Cells are numbers (counts, 万元, shares) or
 * Chinese text; a figure the exports cannot give is a sentence saying so, never a zero.
 */
import { type Cell, type CellKind, docCellText, type DocColumn, kindOf, zhDate } from "../format/format.ts";
import { sourceText } from "./sources.ts";
import type { SelfAssessment } from "./types.ts";


export { docCellText, kindOf, type Cell, type CellKind, type DocColumn };

export interface SaTable {
  /** Sheet name (≤ 31 characters) and the table's title in the document. */
  name: string;
  columns: DocColumn[];
  rows: Record<string, Cell>[];
  /** "页面(/path)·表格", one per source. */
  sources: string[];
}

const col = (key: string, title: string, kind: CellKind = "text"): DocColumn => ({ key, title, kind });
export const NO_DATA = "无数据";
export const NOT_SUPPLIED = "未提供数据";

/** 二、目标完成情况. */
export function targetTable(sa: SelfAssessment): SaTable {
  return {
    name: "目标完成情况",
    columns: [col("label", "指标"), col("cite", "方案依据"), col("unit", "单位"), col("target", "目标值", "count"), col("actual", "完成值", "count"), col("pct", "完成率", "pct"), col("completion", "完成情况"), col("pace", "按时间进度判断")],
    rows: sa.targets.rows.map((t) => ({
      label: t.label, cite: t.cite, unit: t.unit, target: t.target,
      actual: t.actual ?? NO_DATA, pct: t.pct ?? NO_DATA, completion: t.completion, pace: t.pace,
    })),
    sources: [sourceText(sa.targets.source)],
  };
}

/** 三(一): the counted enterprises by post-transformation level. */
export function levelTable(sa: SelfAssessment): SaTable {
  return {
    name: "被改造企业数量(按改造后等级)",
    columns: [col("level", "改造后数字化水平"), col("enterprises", "企业数(家)", "count")],
    rows: [...sa.transformed.by_level.map((l) => ({ level: l.name, enterprises: l.enterprises })), { level: "合计", enterprises: sa.transformed.total }],
    sources: sa.transformed.sources.map(sourceText),
  };
}

/** 三: the indicators of 五(八), one row each, grouped (一)–(四). */
export function indicatorTable(sa: SelfAssessment): SaTable {
  const { investment: i, products: p, platforms: f, transformed: t } = sa;
  const inv = sourceText(i.sources[0]!);
  const funds = sourceText(i.sources[1]!);
  const row = (group: string, label: string, value: Cell, unit: string, kind: CellKind, note: string, source: string) => ({ group, label, value, unit, kind, note, source });
  const rows = [
    row("被改造企业数量", "完成数字化改造并达到二级及以上的中小企业", t.total, "家", "count", `目标${t.target}家`, sourceText(t.sources[0]!)),
    row("被改造企业数量", "开展数字化水平评估诊断的中小企业", t.diagnosed, "家", "count", "三(九)、四(三)5 目标710家", sourceText(t.sources[0]!)),
    row("带动改造资金投入", "验收通过的改造项目", i.projects, "个", "count", "验收通过、签约在省级口径期内的中小企业改造项目", inv),
    row("带动改造资金投入", "涉及企业", i.enterprises, "家", "count", "", inv),
    row("带动改造资金投入", "核定投入", i.verified_wan, "万元", "wan", "上述项目的核定投入合计", inv),
    row("带动改造资金投入", "财政补助(中央、省级、市级)", i.subsidy_counted_wan, "万元", "wan", "四(一)1 所列三级资金,拨付至上述项目的改造补助", funds),
    row("带动改造资金投入", "区级及其他级别补助", i.subsidy_other_wan, "万元", "wan", "六(二)区级配套等,不计入方案上限", funds),
    row("带动改造资金投入", "财政补助合计", i.public_wan, "万元", "wan", "政府补一点(六(三))", funds),
    row("带动改造资金投入", "企业自筹(推算)", i.own_wan, "万元", "wan", "核定投入−财政补助合计;企业出一点(六(三))", inv),
    row("带动改造资金投入", "企业自筹占核定投入比例", i.own_share ?? NO_DATA, "", "pct", "", inv),
    row("带动改造资金投入", "带动比(核定投入÷财政补助合计)", i.leverage ?? NO_DATA, "倍", "ratio", "每1元财政补助带动的改造投入", inv),
    row("带动改造资金投入", "服务商让利", "导出数据未包含服务商让利,无法计算", "", "text", "平台让一点(六(三))", inv),
    row("带动改造资金投入", "未计入的改造补助:未关联项目", i.subsidy_unlinked_wan, "万元", "wan", "无法对应核定投入", funds),
    row("带动改造资金投入", "未计入的改造补助:项目尚未验收通过或不在上述范围", i.subsidy_other_projects_wan, "万元", "wan", "", funds),
    row("产品及解决方案", "入库“小快轻准”数字化产品和服务", p.products, "个", "count", `二、工作目标 目标${p.target}个`, sourceText(p.sources[0]!)),
    row("产品及解决方案", "数字化转型解决方案", "导出数据未包含解决方案清单,无法统计", "", "text", "", sourceText(p.sources[0]!)),
    row("行业平台", "牵引单位平台项目", f.projects, "个", "count", "四(二)2 工业互联网平台或产业链供应链协同平台,按平台项目拨付记录识别", sourceText(f.sources[0]!)),
    row("行业平台", "其中验收通过", f.accepted, "个", "count", "", sourceText(f.sources[1]!)),
    row("行业平台", "平台项目核定投入", f.verified_wan, "万元", "wan", "", sourceText(f.sources[0]!)),
    row("行业平台", "平台项目拨付(中央、省级)", f.paid_counted_wan, "万元", "wan", "四(二)2 所列资金级别", sourceText(f.sources[0]!)),
    row("行业平台", "平台项目拨付(其他级别)", f.paid_other_wan, "万元", "wan", "不计入方案上限", sourceText(f.sources[0]!)),
    row("行业平台", "未关联项目的平台项目拨付", f.paid_unlinked_wan, "万元", "wan", "无法确定对应平台", sourceText(f.sources[0]!)),
  ];
  return {
    name: "绩效考核指标",
    columns: [col("group", "类别"), col("label", "指标"), col("value", "数值", "auto"), col("unit", "单位"), col("note", "说明"), col("source", "来源")],
    rows,
    sources: [...new Set(rows.map((r) => r.source))],
  };
}

/** 四、资金使用情况. */
export function fundTable(sa: SelfAssessment): SaTable {
  const rows: Record<string, Cell>[] = sa.funds.rows.map((d) => {
    const perDistrict = d.per_district_cap_wan != null;
    return {
      direction: d.direction, cite: d.cite, sources_words: d.sources_words,
      counted_wan: d.counted_wan,
      cap_wan: perDistrict ? d.per_district_cap_wan : (d.cap_wan ?? "按项目、企业或单位限额"),
      pct_of_cap: perDistrict ? (d.max_district_wan != null ? d.max_district_wan / d.per_district_cap_wan! : "—") : (d.pct_of_cap ?? "—"),
      note: perDistrict ? `每区上限;拨付最多的区:${d.max_district ?? "无"}${d.max_district_wan != null ? `,${d.max_district_wan}万元` : ""}` : d.cap_wan != null ? "全市合计上限" : "逐项执行情况见五、合规与整改情况",
      other_levels_wan: d.other_levels_wan,
    };
  });
  rows.push({ direction: "合计", cite: "", sources_words: "", counted_wan: sa.funds.total_counted_wan, cap_wan: "", pct_of_cap: "", note: "", other_levels_wan: sa.funds.total_other_wan });
  return {
    name: "资金使用情况",
    columns: [col("direction", "资金方向"), col("cite", "方案依据"), col("sources_words", "计入上限的资金级别"), col("counted_wan", "计入上限金额(万元)", "wan"), col("cap_wan", "上限(万元)", "wan"), col("pct_of_cap", "使用比例", "pct"), col("note", "说明"), col("other_levels_wan", "区级及其他级别(不计入上限,万元)", "wan")],
    rows,
    sources: sa.funds.sources.map(sourceText),
  };
}

/** 五(一) 超限 and 五(二) 待核实, by rule. */
export function breachTable(sa: SelfAssessment): SaTable {
  return {
    name: "超限(按规则)",
    columns: [col("rule_label", "规则"), col("rule_cite", "方案依据"), col("count", "项数", "count"), col("excess_wan", "超出金额(万元)", "wan")],
    rows: sa.compliance.breaches.map((b) => ({ ...b })),
    sources: [sourceText(sa.compliance.sources[0]!)],
  };
}

export function reviewTable(sa: SelfAssessment): SaTable {
  return {
    name: "待核实(按规则)",
    columns: [col("rule_label", "事项"), col("rule_cite", "依据"), col("count", "项数", "count"), col("amount_wan", "涉及金额(万元)", "wan")],
    rows: sa.compliance.review_items.map((r) => ({ ...r })),
    sources: [sourceText(sa.compliance.sources[1]!)],
  };
}

/** 五(三) 考核整改: one row of figures, or one row saying the data is not supplied. */
export function rectificationTable(sa: SelfAssessment): SaTable {
  const r = sa.rectification;
  return {
    name: "考核整改",
    columns: [col("units_reviewed", "已考核牵引单位(家)", "count"), col("items", "整改事项(项)", "count"), col("open", "未完成(项)", "count"), col("overdue", "逾期未完成(项)", "count"), col("closed", "已完成(项)", "count")],
    rows: [r == null
      ? { units_reviewed: NOT_SUPPLIED, items: NOT_SUPPLIED, open: NOT_SUPPLIED, overdue: NOT_SUPPLIED, closed: NOT_SUPPLIED }
      : { units_reviewed: r.units_reviewed, items: r.items, open: r.open, overdue: r.overdue, closed: r.closed }],
    sources: r == null ? [] : [sourceText(r.source)],
  };
}

/** 六、工作节点. */
export function milestoneTable(sa: SelfAssessment): SaTable {
  return {
    name: "工作节点",
    columns: [col("cite", "方案条目"), col("name", "工作事项"), col("words", "方案原文时间"), col("to", "截止日期"), col("state", "状态"), col("days_left", "距截止天数", "count")],
    rows: sa.milestones.rows.map((m) => ({
      cite: m.cite, name: m.name, words: m.words, to: m.to ? zhDate(m.to) : "方案未定", state: m.state,
      days_left: m.days_left == null ? "—" : m.days_left < 0 ? "已截止" : m.days_left,
    })),
    sources: [sourceText(sa.milestones.source)],
  };
}

/** Every table in the document's order. */
export function selfAssessmentTables(sa: SelfAssessment): SaTable[] {
  return [targetTable(sa), levelTable(sa), indicatorTable(sa), fundTable(sa), breachTable(sa), reviewTable(sa), rectificationTable(sa), milestoneTable(sa)];
}
