/**
 * Shape of a city pilot plan: everything the monitor needs to know about one plan, as data.
 *
 * A plan is a JSON file (plans/guangzhou.json) read by loadPlan() (./load.ts). Its JSON Schema,
 * plans/plan.schema.json, is generated from this file (`npx tsx scripts/plan-schema.ts`): every
 * doc comment below is a field's `description` there, `@pattern` / `@minimum` tags are constraints
 * there, and test/config/planSchema.test.ts fails when the committed schema and these types differ.
 */

/**
 * A day as YYYY-MM-DD.
 * @pattern ^\d{4}-\d{2}-\d{2}$
 */
export type IsoDate = string;

/** Keys of the plan's targets (二、工作目标), plus the diagnosis target (诊断评测, 三(九) and 四(三)5). */
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

/** One target of the plan: a number to reach by the end of the pilot, city-wide. */
export interface Target {
  /** Which target this is: the monitor computes each key its own way (loaders/sql/report). Each key at most once. */
  key: TargetKey;
  /** Chinese label as the plan words it. */
  label: string;
  /** Short label for cards and charts. */
  short: string;
  /**
   * The number the plan asks for by its end.
   * @minimum 0
   */
  target: number;
  /** Unit of the number, e.g. 家, 个, 人次. */
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

/** One district of the city. */
export interface District {
  /**
   * GB/T 2260 code, six digits.
   * @pattern ^\d{6}$
   */
  code: string;
  /** Full name, e.g. 黄埔区. */
  name: string;
  /** Short name, e.g. 黄埔. */
  short: string;
  /** Pinyin, used for URLs and English aliases. */
  pinyin: string;
  /** Other ways exports write this district (old names, old codes, English). */
  aliases: string[];
  /** Position on a tile map of the city (column, row), north up; hand-placed, not a boundary file. */
  tile: {
    /**
     * Column, from 0 at the west.
     * @minimum 0
     */
    x: number;
    /**
     * Row, from 0 at the north.
     * @minimum 0
     */
    y: number;
  };
}

/** One of the plan's focus industries. */
export interface Industry {
  /** Stable key (ASCII), used in URLs and tables. */
  key: string;
  /** Name as the plan words it. */
  name: string;
  /** Short name for cards and charts. */
  short: string;
  /** Other ways exports write this industry. */
  aliases: string[];
  /** District codes the plan names as this industry's focus (重点实施); each must be a code of `districts`. */
  focusDistricts: string[];
}

/** Keys of the plan's fund directions (四、资金使用方向): the monitor checks each direction's caps its own way. */
export type FundDirectionKey =
  | "transformation_subsidy"
  | "loan_interest"
  | "leading_unit_award"
  | "platform_project"
  | "procurement"
  | "training"
  | "third_party"
  | "platform_operation";

/** One direction of money (四、资金使用方向): who may be paid for what, from which levels, up to how much. */
export interface FundDirection {
  /** Which direction this is. */
  key: FundDirectionKey;
  /** The name used in the funds export's 资金方向 column. */
  name: string;
  /**
   * Total cap for the whole direction in 万元, when the plan sets one.
   * @minimum 0
   */
  totalCapWan?: number;
  /**
   * Cap per district in 万元 (集中采购).
   * @minimum 0
   */
  perDistrictCapWan?: number;
  /**
   * The levels of money the plan names for this direction (四、资金使用方向), in its own words: the
   * direction's caps count these levels only. Money from any other level (区级配套, which 六(二)
   * encourages, or a level the plan does not name here) is shown beside a cap, never counted in it,
   * and each such payment is a review item (待核实). Not empty; each one of `funding.sources`.
   */
  sources: string[];
  /** The plan's words naming those levels, e.g. "中央、省、市三级资金累计". */
  sourcesWords: string;
  /** The plan's words for the cap(s) of the direction. */
  capWords: string;
  /** Section of the plan the direction, its levels and its caps stand in. */
  cite: string;
  /**
   * Which side of the national programme's 80/20 split of central money (财建〔2023〕117号) this
   * direction is on: "sme_transformation" (paid for or to SMEs' own transformation) or
   * "public_service" (公共服务: platforms, awards to service units, training, third parties). Read by
   * the roll-up's programme rules (plans/programme.json) only; absent, a city's 80/20 split reads 无法判定.
   */
  programmeUse?: ProgrammeUse;
}

/** A side of the programme's 80/20 split of central money: direct SME transformation, or public services. */
export type ProgrammeUse = "sme_transformation" | "public_service";

/** What the national programme's rules (plans/programme.json, the roll-up) need to know about the city. */
export interface ProgrammeFacts {
  /**
   * The city's class for the central award ceiling (财建〔2023〕117号): "provincial_capital" (省会城市),
   * "separately_listed" (计划单列市) or "other".
   */
  cityClass: "provincial_capital" | "separately_listed" | "other";
  /** Which of `funding.sources` is central money (中央财政资金), e.g. "中央". */
  centralSource: string;
}

/** The rule of one digital level: the least total score and scenarios an assessment needs for it. */
export interface LevelRuleBand {
  /** The level. */
  level: 1 | 2 | 3 | 4;
  /**
   * Least total score (out of the sum of `scoreMax`).
   * @minimum 0
   */
  minScore: number;
  /**
   * Business scenarios at this level or higher.
   * @minimum 0
   */
  minScenarios: number;
  /**
   * How many of those scenarios must be constraint scenarios.
   * @minimum 0
   */
  minConstraintScenarios: number;
}

/** One dated work stream of 五、实施步骤. */
export interface Milestone {
  /** Stable key (ASCII). Each key at most once. */
  key: string;
  /** The stream's heading in the plan. */
  name: string;
  /** The period exactly as the plan writes it, e.g. "2024年9月至2027年3月". */
  words: string;
  /** First day of the period under the monitor's convention; absent when the plan gives no start. */
  from?: IsoDate;
  /** Last day of the period (the deadline) under the monitor's convention; absent when the stream runs on (持续). */
  to?: IsoDate;
  /** Section of the plan, e.g. "五(八)". */
  cite: string;
  /** The pilot's final acceptance (五(八) 根据国家级、省级城市试点工作验收通知和要求完成验收工作). */
  final?: boolean;
}

/**
 * Where in the plan the monitor finds what its counting rules (loaders/plan/countingRules.ts) rest
 * on, beyond the sections targets, fund directions and milestones cite themselves. Each value is
 * printed after "方案 " on the 统计口径 pages, so it is written as the plan numbers its sections.
 */
export interface PlanSections {
  /** The section on fund directions and their levels of money, e.g. "四、资金使用方向". */
  funding: string;
  /** The sections that set the fund directions' caps, as one list, e.g. "四(一)1、四(二)2、四(二)3、四(三)4—6". */
  fundCaps: string;
  /** The section on the dynamic adjustment of the lists of leading units and enterprises (动态调整管理). */
  listAdjustment: string;
  /** The section that sets up the leading units' periodic progress reports (定期报送). */
  unitReports: string;
  /** The section on the periodic assessment of leading units and its rectification requests (整改意见). */
  unitAssessment: string;
  /** The section that makes project acceptance results part of the leading units' assessment. */
  unitAcceptance: string;
  /** The chapter of dated work steps, e.g. "五、实施步骤". */
  steps: string;
  /** Its dated items as one range, e.g. "五(一)—(九)". */
  stepItems: string;
  /** The plan's words the pro-rating line starts from (`expectationStart`), with their section. */
  expectationStart: string;
}

/** A city pilot plan: targets, caps, dates, districts, industries, level rule, SME thresholds. */
export interface PilotPlan {
  /** The JSON Schema this file follows (plans/plan.schema.json), for editors; not used by the monitor. */
  $schema?: string;
  /** Stable identifier of the plan, e.g. "guangzhou-2024". */
  id: string;
  /** Title of the plan document. */
  title: string;
  /** Document number (文号). */
  docNo: string;
  /** The city, as pages name it (e.g. 广州市). */
  city: string;
  /** First day of the pilot period. */
  start: IsoDate;
  /** Last day of the pilot period: the plan is in force until `end` (七、附则). Not before `start`. */
  end: IsoDate;
  /** Start of the linear pro-rating line for "expected by now"; within the pilot period. */
  expectationStart: IsoDate;
  /** Overall acceptance of the pilot (五(八)). */
  finalAcceptanceBy: IsoDate;
  /** The plan's targets; each key at most once. */
  targets: Target[];
  /** The plan's focus industries; each key at most once. */
  industries: Industry[];
  /** The city's districts; each code at most once. */
  districts: District[];
  /** Codes that no longer exist, mapped to the district that absorbed them (a code of `districts`). */
  retiredDistrictCodes: Record<string, string>;
  /** 四、资金使用方向: the levels and directions of money and their caps, in 万元. */
  funding: {
    /** Every level of money an export may name, e.g. 中央, 省级, 市级, 区级. */
    sources: string[];
    /** The directions of money; each key at most once. */
    directions: FundDirection[];
    /** The transformation subsidy's caps. */
    subsidy: {
      /**
       * Most the subsidy may be, as a share of the project's verified investment (0.5 = 50%).
       * @minimum 0
       * @maximum 1
       */
      maxShareOfVerified: number;
      /** Cap per enterprise in 万元, by the digital level reached (2, 3, 4). */
      capByLevelWan: Record<2 | 3 | 4, number>;
    };
    /** The loan interest subsidy's caps. */
    loanInterest: {
      /**
       * Most the subsidy may be, as a share of the loan principal (0.03 = 3%).
       * @minimum 0
       * @maximum 1
       */
      maxShareOfPrincipal: number;
      /**
       * Most one enterprise may receive per year, in 万元.
       * @minimum 0
       */
      maxPerEnterprisePerYearWan: number;
    };
    /**
     * The amount of each tier, highest tier first (四(二)2). The plan names the indicators tiers are
     * rated on but no thresholds: those come, when the city sets them, from the optional
     * tier_criteria input table (docs/input-contract.md), never from this file.
     */
    leadingUnitAwardByTierWan: Record<string, number>;
    /** The platform project subsidy's caps. */
    platformProject: {
      /**
       * Most the subsidy may be, as a share of the project's verified investment (0.3 = 30%).
       * @minimum 0
       * @maximum 1
       */
      maxShareOfVerified: number;
      /**
       * Most one project may receive, in 万元.
       * @minimum 0
       */
      maxWan: number;
    };
    /** Provincial rule: a counted project runs between these dates. */
    eligibleProjectWindow: {
      /** First day a counted project may start. */
      from: IsoDate;
      /** Last day a counted project may end. Not before `from`. */
      to: IsoDate;
      /** The rule that sets the window, when it is not the city plan, e.g. "广东省省级试点规定". */
      rule: string;
    };
  };
  /** The pipeline of one enterprise, in order (五、实施步骤). */
  stages: {
    /** Stable key (ASCII). */
    key: string;
    /** Name as the exports write it. */
    name: string;
  }[];
  /** Every status a project may have in the projects export. */
  projectStatuses: string[];
  /**
   * The dated work streams of 五、实施步骤. `words` quotes the plan's period exactly; `from` / `to` are
   * its days under the monitor's convention (a month-only start is the month's first day, a
   * month-only end the month's last day, 年底 is 12-31). No `from`: the plan gives no start; no `to`:
   * the stream runs on (持续) with no deadline in the plan. Each key at most once; `from` not after
   * `to`, and both within `start` … `finalAcceptanceBy`.
   */
  milestones: Milestone[];
  /** The digital level rule (《中小企业数字化水平评测指标》). */
  levels: {
    /** The name of each level. */
    names: Record<1 | 2 | 3 | 4, string>;
    /** The rule of each level, lowest first. */
    bands: LevelRuleBand[];
    /** Maximum points per dimension (基础/管理/成效). */
    scoreMax: {
      /**
       * 基础 (basis).
       * @minimum 0
       */
      basis: number;
      /**
       * 管理 (management).
       * @minimum 0
       */
      management: number;
      /**
       * 成效 (outcome).
       * @minimum 0
       */
      outcome: number;
    };
    /** The business scenarios assessed, and which are constraint (约束性) scenarios. */
    scenarios: {
      /** Name as the assessments export writes it. */
      name: string;
      /** Whether it is a constraint (约束性) scenario. */
      constraint: boolean;
    }[];
    /**
     * Level the enterprises_transformed target asks for (二级 and above: 2).
     * @minimum 1
     * @maximum 4
     */
    transformedMinLevel: number;
  };
  /** SME size thresholds (national, industry). */
  sme: {
    /**
     * An industrial firm is an SME when employees < maxEmployees or revenue < maxRevenueWan.
     * @minimum 0
     */
    maxEmployees: number;
    /**
     * See maxEmployees; in 万元.
     * @minimum 0
     */
    maxRevenueWan: number;
    /** A medium firm has at least these. */
    medium: {
      /**
       * Least employees.
       * @minimum 0
       */
      minEmployees: number;
      /**
       * Least revenue in 万元.
       * @minimum 0
       */
      minRevenueWan: number;
    };
    /** A small firm has at least these. */
    small: {
      /**
       * Least employees.
       * @minimum 0
       */
      minEmployees: number;
      /**
       * Least revenue in 万元.
       * @minimum 0
       */
      minRevenueWan: number;
    };
  };
  /** How the monitor judges progress (the monitor's conventions, not the plan's). */
  monitoring: {
    /**
     * Status thresholds as a share of the pro-rated expectation: 达标 at or above onTrack, 预警 at or above warning.
     * @minimum 0
     */
    onTrack: number;
    /**
     * See onTrack.
     * @minimum 0
     */
    warning: number;
    /**
     * Weeks of recent progress the year-end forecast extrapolates.
     * @minimum 1
     */
    trailingWeeks: number;
    /**
     * A project with no progress for more days than this is stuck.
     * @minimum 0
     */
    stuckAfterDays: number;
    /**
     * Cells below this count are suppressed on public pages.
     * @minimum 1
     */
    publicMinCount: number;
    /**
     * A milestone deadline this many days or fewer after the data date is flagged (monitor's convention, issue 15).
     * @minimum 0
     */
    milestoneAlertDays: number;
  };
  /** 五(五)–(七): how the monitor follows the leading units' reports, reviews and acceptance record. */
  unitManagement: {
    /**
     * Length of one reporting period in months (五(五) 定期报送; the plan names no frequency).
     * @minimum 1
     */
    reportPeriodMonths: number;
    /**
     * Day of the month after a period ends by which its report is due. The monitor's convention, not the plan's.
     * @minimum 1
     * @maximum 28
     */
    reportDueDay: number;
    /**
     * Reported figures may differ from the exports by this much before they are a review item (0 = exact).
     * @minimum 0
     */
    reportTolerance: number;
  };
  /** The quality tiers an enterprise may hold (无, 创新型, 专精特新, 小巨人), lowest first. */
  qualityTiers: string[];
  /** Who trainings are for (三(八)). */
  trainingAudiences: string[];
  /** The stages a 小快轻准 product serves (三(三)). */
  productStages: string[];
  /** The recognitions export's kinds and the target each counts toward. */
  recognitionKinds: {
    /** The kind as the recognitions export writes it. */
    kind: string;
    /** The target it counts toward. */
    target: TargetKey;
  }[];
  /**
   * What the national programme's rules need from the city (its class, which level of money is
   * central); each fund direction's side of the 80/20 split is its `programmeUse`. Optional: a plan
   * without it publishes bundles whose programme rules read 无法判定.
   */
  programme?: ProgrammeFacts;
  /** Where the monitor's counting rules find their footing in this plan (see PlanSections). */
  sections: PlanSections;
  /**
   * Where each value stands in the plan, or which rule or convention it comes from, keyed by the
   * value's JSON Pointer in this file ("" is the whole file, "/end", "/funding/subsidy" …); targets,
   * fund directions and milestones carry their own `cite`. Notes for readers: the monitor prints
   * none of them, but every key must point at a value of the file.
   */
  citations?: Record<string, string>;
}
