/**
 * The performance self-assessment (绩效自评估, plan 五(八)): what computeSelfAssessment returns and
 * the page, the markdown and the workbook render. Every figure carries where it comes from.
 */
import type { MilestoneRow } from "../kpi/milestones.ts";
import type { Status } from "../kpi/reportTypes.ts";

/** Where a figure can be checked on the site: a page path and the title of the table on it. */
export interface SaSource {
  /** Site path, e.g. "/funds". */
  path: string;
  /** The page's name in the sidebar, e.g. "资金". */
  page: string;
  /** The table's (or card's) title on that page. */
  table: string;
}

/** One target of 二、工作目标 (and the diagnosis target of 三(九)). */
export interface SaTarget {
  key: string;
  label: string;
  cite: string;
  unit: string;
  target: number | null;
  /** null: not measured in the exports (无数据). */
  actual: number | null;
  pct: number | null;
  /** 已完成 at or above the target; 未完成 below it; 无数据 when not measured. */
  completion: "已完成" | "未完成" | "无数据" | "无法判定";
  /** The monitor's pace status on the data date (达标/预警/落后/无数据, see 统计口径). */
  pace: Status;
}

/** 考核整改 (五(六)): reviews of the leading units and their rectification items. null in the document = 未提供数据. */
export interface RectificationSummary {
  /** Units reviewed (周期性考核) by the data date. */
  units_reviewed: number;
  /** Rectification items raised, still open, open past their deadline, closed. */
  items: number;
  open: number;
  overdue: number;
  closed: number;
  source: SaSource;
}

export interface SelfAssessment {
  plan: { title: string; doc_no: string; city: string; end: string };
  /** The data date: the report's as-of (the snapshot's 截止日期 unless asked otherwise). */
  as_of: string;
  snapshot: string;
  targets: { rows: SaTarget[]; source: SaSource };
  /** 五(八) 被改造企业数量: the 二级+ SMEs counted, by the level their latest 改造后 assessment gives. */
  transformed: { total: number; target: number | null; by_level: { level: number; name: string; enterprises: number }[]; diagnosed: number; sources: SaSource[] };
  /** 五(八) 带动改造资金投入, with 六(三) 政府补一点、平台让一点、企业出一点. */
  investment: {
    projects: number;
    enterprises: number;
    verified_wan: number;
    /** 改造补助 linked to those projects from the levels the plan names (中央、省级、市级). */
    subsidy_counted_wan: number;
    /** 改造补助 linked to those projects from other levels (区级配套, unnamed levels). */
    subsidy_other_wan: number;
    public_wan: number;
    /** verified − public: what the enterprises put in themselves (the provider's discount is not exported). */
    own_wan: number;
    /** verified / public; null when no public money was paid. */
    leverage: number | null;
    own_share: number | null;
    /** 改造补助 that cannot be set against an accepted project's investment: no project linked, or a project not accepted. */
    subsidy_unlinked_wan: number;
    subsidy_other_projects_wan: number;
    /** The provider's discount (平台让一点): null, the exports do not carry it. */
    provider_discount_wan: null;
    sources: SaSource[];
  };
  /** 五(八) 数字化转型产品及解决方案数量. */
  products: { products: number; target: number | null; /** null: the exports carry no solution list. */ solutions: null; sources: SaSource[] };
  /** 五(八) 培育数字化转型行业平台数量: leading units' platform projects (四(二)2). */
  platforms: { projects: number; accepted: number; verified_wan: number; paid_counted_wan: number; paid_other_wan: number; paid_unlinked_wan: number; sources: SaSource[] };
  /** 四、资金使用方向: each direction's money against its caps (counted levels), other levels beside. */
  funds: {
    rows: {
      key: string; direction: string; cite: string; sources_words: string; cap_words: string;
      counted_wan: number; other_levels_wan: number;
      /** City-wide cap and use of it; null where the plan caps per project / enterprise / unit / district instead. */
      cap_wan: number | null; pct_of_cap: number | null;
      /** 集中采购: the largest district's counted money and the per-district cap. */
      per_district_cap_wan: number | null; max_district_wan: number | null; max_district: string | null;
    }[];
    total_counted_wan: number;
    total_other_wan: number;
    sources: SaSource[];
  };
  /** Findings still open on the data date, by rule: breaches (超限) and review items (待核实) apart. */
  compliance: {
    breaches: { rule_label: string; rule_cite: string; count: number; excess_wan: number }[];
    review_items: { rule_label: string; rule_cite: string; count: number; amount_wan: number }[];
    breach_count: number;
    review_count: number;
    sources: SaSource[];
  };
  /** 考核整改 open items; null = 未提供数据 (the exports hold no reviews). */
  rectification: RectificationSummary | null;
  milestones: { alert_days: number; rows: MilestoneRow[]; source: SaSource };
  /** What the document cannot know from the exports, one sentence each. */
  unknowns: string[];
}
