/** Shape of a city pilot plan: everything the monitor needs to know about one plan, as data. */

/** Keys of the plan's targets (domain.md §1), plus the diagnosis target of §1's last paragraph. */
export type TargetKey =
  | "enterprises_transformed"
  | "diagnosed"
  | "digital_workshops"
  | "smart_factories"
  | "service_providers"
  | "products"
  | "scenarios"
  | "chain_cases"
  | "clusters"
  | "platform"
  | "training_person_times";

export interface Target {
  key: TargetKey;
  /** Chinese label as the plan words it. */
  label: string;
  /** Short label for cards and charts. */
  short: string;
  target: number;
  unit: string;
  /** "count" targets accumulate events; "status" targets (the platform) are a yes/no. */
  kind: "count" | "status";
  /** Where in the plan the number stands. */
  cite: string;
  /**
   * A "status" target is met by a record in the exports, never by configuration: the recognitions
   * kind whose row (dated the day it went live) shows it. Without such a row the target reads 无数据.
   */
  recordKind?: string;
}

export interface District {
  code: string;
  name: string;
  short: string;
  /** Pinyin, used for URLs and English aliases. */
  pinyin: string;
  /** Other ways exports write this district (old names, old codes, English). */
  aliases: string[];
  /** Position on a tile map of the city (column, row), north up; hand-placed, not a boundary file. */
  tile: { x: number; y: number };
}

export interface Industry {
  key: string;
  name: string;
  short: string;
  aliases: string[];
  /** District codes the plan names as this industry's focus (重点实施). */
  focusDistricts: string[];
}

export type FundDirectionKey =
  | "transformation_subsidy"
  | "loan_interest"
  | "leading_unit_award"
  | "platform_project"
  | "procurement"
  | "training"
  | "third_party"
  | "platform_operation";

export interface FundDirection {
  key: FundDirectionKey;
  /** The name used in the funds export's 资金方向 column. */
  name: string;
  /** Total cap for the whole direction in 万元, when the plan sets one. */
  totalCapWan?: number;
  /** Cap per district in 万元 (集中采购). */
  perDistrictCapWan?: number;
  /**
   * The levels of money the plan names for this direction (四、资金使用方向), in its own words: the
   * direction's caps count these levels only. Money from any other level (区级配套, which 六(二)
   * encourages, or a level the plan does not name here) is shown beside a cap, never counted in it,
   * and each such payment is a review item (待核实).
   */
  sources: string[];
  /** The plan's words naming those levels, e.g. "中央、省、市三级资金累计". */
  sourcesWords: string;
  /** The plan's words for the cap(s) of the direction. */
  capWords: string;
  /** Section of the plan the direction, its levels and its caps stand in. */
  cite: string;
}

export interface LevelRuleBand {
  level: 1 | 2 | 3 | 4;
  minScore: number;
  /** Business scenarios at this level or higher, and how many of them constraint scenarios. */
  minScenarios: number;
  minConstraintScenarios: number;
}

/** One dated work stream of 五、实施步骤. */
export interface Milestone {
  key: string;
  /** The stream's heading in the plan. */
  name: string;
  /** The period exactly as the plan writes it, e.g. "2024年9月至2027年3月". */
  words: string;
  from?: string;
  to?: string;
  cite: string;
  /** The pilot's final acceptance (五(八) 根据国家级、省级城市试点工作验收通知和要求完成验收工作). */
  final?: boolean;
}

export interface PilotPlan {
  id: string;
  title: string;
  docNo: string;
  city: string;
  /** Pilot period: the plan is in force until `end` (七、附则). */
  start: string;
  end: string;
  /** Start of the linear pro-rating line for "expected by now". */
  expectationStart: string;
  /** Overall acceptance of the pilot (五(八)). */
  finalAcceptanceBy: string;
  targets: Target[];
  industries: Industry[];
  districts: District[];
  /** Codes that no longer exist, mapped to the district that absorbed them. */
  retiredDistrictCodes: Record<string, string>;
  funding: {
    sources: string[];
    directions: FundDirection[];
    subsidy: {
      maxShareOfVerified: number;
      capByLevelWan: Record<2 | 3 | 4, number>;
    };
    loanInterest: { maxShareOfPrincipal: number; maxPerEnterprisePerYearWan: number };
    /**
     * The amount of each tier, highest tier first (四(二)2). The plan names the indicators tiers are
     * rated on but no thresholds: those come, when the city sets them, from the optional
     * tier_criteria input table (docs/input-contract.md), never from this file.
     */
    leadingUnitAwardByTierWan: Record<string, number>;
    platformProject: { maxShareOfVerified: number; maxWan: number };
    /** Provincial rule: a counted project runs between these dates. */
    eligibleProjectWindow: { from: string; to: string };
  };
  stages: { key: string; name: string }[];
  projectStatuses: string[];
  /**
   * The dated work streams of 五、实施步骤. `words` quotes the plan's period exactly; `from` / `to` are
   * its days under the monitor's convention (a month-only start is the month's first day, a
   * month-only end the month's last day, 年底 is 12-31). No `from`: the plan gives no start; no `to`:
   * the stream runs on (持续) with no deadline in the plan.
   */
  milestones: Milestone[];
  levels: {
    names: Record<1 | 2 | 3 | 4, string>;
    bands: LevelRuleBand[];
    /** Maximum points per dimension (基础/管理/成效). */
    scoreMax: { basis: number; management: number; outcome: number };
    scenarios: { name: string; constraint: boolean }[];
    /** Level the 710 target asks for. */
    transformedMinLevel: number;
  };
  sme: {
    /** An industrial firm is an SME when employees < maxEmployees or revenue < maxRevenueWan. */
    maxEmployees: number;
    maxRevenueWan: number;
    medium: { minEmployees: number; minRevenueWan: number };
    small: { minEmployees: number; minRevenueWan: number };
  };
  monitoring: {
    /** Status thresholds as a share of the pro-rated expectation: 达标 at or above onTrack, 预警 at or above warning. */
    onTrack: number;
    warning: number;
    trailingWeeks: number;
    stuckAfterDays: number;
    /** Cells below this count are suppressed on public pages. */
    publicMinCount: number;
    /** A milestone deadline this many days or fewer after the data date is flagged (monitor's convention, issue 15). */
    milestoneAlertDays: number;
  };
  /** 五(五)–(七): how the monitor follows the leading units' reports, reviews and acceptance record. */
  unitManagement: {
    /** Length of one reporting period in months (五(五) 定期报送; the plan names no frequency). */
    reportPeriodMonths: number;
    /** Day of the month after a period ends by which its report is due. The monitor's convention, not the plan's. */
    reportDueDay: number;
    /** Reported figures may differ from the exports by this much before they are a review item (0 = exact). */
    reportTolerance: number;
  };
  qualityTiers: string[];
  trainingAudiences: string[];
  productStages: string[];
  recognitionKinds: { kind: string; target: TargetKey }[];
}
