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

/**
 * A target's key: chosen by the plan, ASCII, used in URLs, tables and the weekly review. A target
 * whose key is also a pipeline stage's key (`stages`, e.g. "diagnosed") stands for that stage.
 * @pattern ^[a-z][a-z0-9_]*$
 */
export type TargetKey = string;

/**
 * Filters on the enterprises a measure counts. Every measure over enterprises counts the pool's
 * SMEs only (the enterprises export; a firm the data shows to be large is left out) and only while
 * they are on the list (移出日期 ends them). Absent filters do not filter.
 */
export interface EnterpriseFilter {
  /**
   * How `aboveScale` and `tiers` combine: "all" (default) keeps a firm that passes both; "any" one
   * that passes either (e.g. "规上工业中小企业和省级专精特新中小企业": 规上 or 专精特新). `industries`
   * always applies.
   */
  match?: "all" | "any";
  /** true: only 规上 enterprises (the enterprises export's 规上企业 column); false: only 规下. */
  aboveScale?: boolean;
  /** Only enterprises of these quality tiers (values of `qualityTiers`, e.g. 专精特新, 小巨人). */
  tiers?: string[];
  /** Only enterprises of these industries (keys of `industries`). */
  industries?: string[];
}

/**
 * Distinct enterprises whose digital level is `minLevel` or higher. With `accepted: true` (the
 * usual "完成数字化改造并达到二级" target) an enterprise counts from the day both hold: a project of it
 * accepted (验收通过) within `funding.eligibleProjectWindow`, and its latest 改造后 assessment at
 * `minLevel` or higher; without it, from the day its latest assessment of any kind is. A later, lower
 * assessment ends the count.
 */
export interface EnterprisesAtLevelMeasure extends EnterpriseFilter {
  /** Which measure of the catalogue this is. */
  kind: "enterprises_at_level";
  /**
   * Least digital level.
   * @minimum 1
   * @maximum 4
   */
  minLevel: number;
  /** Count only enterprises with an accepted transformation project (see above). Default false. */
  accepted?: boolean;
}

/** A share (0–1): the enterprises of the population (the filters) at `minLevel` or higher, over all of that population in the pool. Pages show it as a percentage. */
export interface ShareAtLevelMeasure extends EnterpriseFilter {
  /** Which measure of the catalogue this is. */
  kind: "share_at_level";
  /**
   * Least digital level.
   * @minimum 1
   * @maximum 4
   */
  minLevel: number;
  /** As for enterprises_at_level: the numerator counts only enterprises with an accepted project. Default false. */
  accepted?: boolean;
}

/** Distinct enterprises with an assessment of this kind (诊断评测), counted from their first one. */
export interface EnterprisesAssessedMeasure extends EnterpriseFilter {
  /** Which measure of the catalogue this is. */
  kind: "enterprises_assessed";
  /** Which assessments count: 改造前 (the diagnosis, default) or 改造后. */
  assessment?: "改造前" | "改造后";
}

/**
 * Distinct enterprises carrying out a transformation (开展数字化改造): a transformation project of
 * theirs signed (签约日期), counted from the first signing, whatever became of the project since.
 */
export interface EnterprisesSignedMeasure extends EnterpriseFilter {
  /** Which measure of the catalogue this is. */
  kind: "enterprises_signed";
}

/** Distinct enterprises with a 上云用云 date (the enterprises export's optional 上云用云日期 column), from that date. */
export interface CloudAdoptionMeasure extends EnterpriseFilter {
  /** Which measure of the catalogue this is. */
  kind: "cloud_adoption";
}

/** Rows of the recognitions export of any of these kinds, counted together (e.g. 数字化车间 and 智能车间). */
export interface RecognitionsMeasure {
  /** Which measure of the catalogue this is. */
  kind: "recognitions";
  /** Kinds as the recognitions export writes them; each a value of `recognitionKinds`. Not empty. */
  kinds: string[];
}

/** A yes/no target met by one record in the recognitions export (e.g. the 公共服务平台 going live). */
export interface StatusRecordMeasure {
  /** Which measure of the catalogue this is. */
  kind: "status_record";
  /** The recognitions kind whose row shows it; a value of `recognitionKinds`. */
  recordKind: string;
}

/** Service providers in the providers export (counted from their selection date). */
export interface ProvidersMeasure {
  /** Which measure of the catalogue this is. */
  kind: "providers";
}

/** 小快轻准 products in the products export (from their listing date). */
export interface ProductsMeasure {
  /** Which measure of the catalogue this is. */
  kind: "products";
  /** Only products serving these stages (values of `productStages`). */
  stages?: string[];
  /** Only products of these industries (keys of `industries`). */
  industries?: string[];
}

/** Person-times trained (sum of the trainings export's 人次), or with `kind` trainings, sessions held. */
export interface TrainingMeasure {
  /** Which measure of the catalogue this is. */
  kind: "training_person_times" | "trainings";
  /** Only trainings for these audiences (values of `trainingAudiences`). */
  audiences?: string[];
}

/**
 * What a target counts: one entry of the measure catalogue (docs/plan-file.md, "Measures"). The
 * catalogue is closed: each kind is computed by loaders/sql/macros/target_facts.sql.
 */
export type Measure =
  | EnterprisesAtLevelMeasure
  | ShareAtLevelMeasure
  | EnterprisesAssessedMeasure
  | EnterprisesSignedMeasure
  | CloudAdoptionMeasure
  | RecognitionsMeasure
  | StatusRecordMeasure
  | ProvidersMeasure
  | ProductsMeasure
  | TrainingMeasure;

/** A dated step of a target: the number (or share) the plan asks for by that day (e.g. 到2025年底). */
export interface TargetMilestone {
  /** The day, under the monitor's convention for worded periods (年底 is 12-31). */
  by: IsoDate;
  /**
   * The number the plan asks for by then.
   * @minimum 0
   */
  target: number;
  /** Where in the plan the step stands. */
  cite: string;
}

/** One target of the plan: a number to reach by the end of the pilot, city-wide. */
export interface Target {
  /** Stable key; each key at most once. */
  key: TargetKey;
  /** Chinese label as the plan words it. */
  label: string;
  /** Short label for cards and charts. */
  short: string;
  /**
   * The number the plan asks for by its end (a share 0–1 for share_at_level). null when the plan's
   * text gives no number: the monitor then shows the count and gives no verdict (say why in `note`).
   * @minimum 0
   */
  target: number | null;
  /** Unit of the number, e.g. 家, 个, 人次 (for a share: %). */
  unit: string;
  /** What the target counts (the measure catalogue). */
  measure: Measure;
  /** Where in the plan the number stands. */
  cite: string;
  /** The key of the target this one is a part of (其中…), e.g. 规上 enterprises within all enterprises transformed. */
  partOf?: TargetKey;
  /**
   * Dated steps before the end (年度目标), earliest first, each before `end`. With steps the
   * expected-by-now line runs through them (from 0 at `expectationStart`, to `target` at `end`)
   * instead of straight.
   */
  milestones?: TargetMilestone[];
  /** A note for readers, e.g. why `target` is null. Pages show it beside the target. */
  note?: string;
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
 * on (null: the text found has no such section; the rule then cites none), beyond the sections targets, fund directions and milestones cite themselves. Each value is
 * printed after "方案 " on the 统计口径 pages, so it is written as the plan numbers its sections.
 */
export interface PlanSections {
  /** The section on fund directions and their levels of money, e.g. "四、资金使用方向". */
  funding: string | null;
  /** The sections that set the fund directions' caps, as one list, e.g. "四(一)1、四(二)2、四(二)3、四(三)4—6". */
  fundCaps: string | null;
  /** The section on the dynamic adjustment of the lists of leading units and enterprises (动态调整管理). */
  listAdjustment: string | null;
  /** The section that sets up the leading units' periodic progress reports (定期报送). */
  unitReports: string | null;
  /** The section on the periodic assessment of leading units and its rectification requests (整改意见). */
  unitAssessment: string | null;
  /** The section that makes project acceptance results part of the leading units' assessment. */
  unitAcceptance: string | null;
  /** The chapter of dated work steps, e.g. "五、实施步骤". */
  steps: string | null;
  /** Its dated items as one range, e.g. "五(一)—(九)". */
  stepItems: string | null;
  /** The plan's words the pro-rating line starts from (`expectationStart`), with their section. */
  expectationStart: string | null;
}

/** A city pilot plan: targets, caps, dates, districts, industries, level rule, SME thresholds. */
export interface PilotPlan {
  /** The JSON Schema this file follows (plans/plan.schema.json), for editors; not used by the monitor. */
  $schema?: string;
  /** Stable identifier of the plan, e.g. "guangzhou-2024". */
  id: string;
  /** Title of the plan document. */
  title: string;
  /** Document number (文号); null when the published text shows none. */
  docNo: string | null;
  /** The city, as pages name it (e.g. 广州市). */
  city: string;
  /** What the plan calls the areas it works through, as pages name them: 区, 县(市、区), 县区, 镇街 … */
  areaNoun: string;
  /** First day of the pilot period; null when the plan's text gives none (say so in `citations`). */
  start: IsoDate | null;
  /** Last day of the pilot period: the plan is in force until `end` (七、附则). Not before `start`. */
  end: IsoDate;
  /**
   * Start of the linear pro-rating line for "expected by now"; within the pilot period. null when
   * the plan gives no start: then no target is judged on pace (status 无法判定), only counted.
   */
  expectationStart: IsoDate | null;
  /** Overall acceptance of the pilot (五(八)); null when the plan's text gives no date. */
  finalAcceptanceBy: IsoDate | null;
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
    /** The transformation subsidy's caps; null when the plan sets none (no rule is checked). */
    subsidy: null | {
      /**
       * Most the subsidy may be, as a share of the project's verified investment (0.5 = 50%).
       * @minimum 0
       * @maximum 1
       */
      maxShareOfVerified: number;
      /** Cap per enterprise in 万元, by the digital level reached (2, 3, 4). */
      capByLevelWan: Record<2 | 3 | 4, number>;
    };
    /** The loan interest subsidy's caps; null when the plan sets none. */
    loanInterest: null | {
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
     * tier_criteria input table (docs/input-contract.md), never from this file. Empty: no tiers.
     */
    leadingUnitAwardByTierWan: Record<string, number>;
    /** The platform project subsidy's caps; null when the plan sets none. */
    platformProject: null | {
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
    /** Provincial rule: a counted project runs between these dates; null: no such rule, every accepted project counts. */
    eligibleProjectWindow: null | {
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
    /**
     * Keys of the recognitions targets whose recognitions are the leading units' 示范项目 (their third
     * indicator, e.g. 典型场景 and 链式转型案例). Absent or empty: the indicator reads 0 for every unit.
     */
    showcaseTargets?: string[];
  };
  /** The quality tiers an enterprise may hold (无, 创新型, 专精特新, 小巨人), lowest first. */
  qualityTiers: string[];
  /** Who trainings are for (三(八)). */
  trainingAudiences: string[];
  /** The stages a 小快轻准 product serves (三(三)). */
  productStages: string[];
  /**
   * Every kind the recognitions export may carry (数字化车间, 典型场景, 公共服务平台 …). Targets name the
   * kinds they count (recognitions and status_record measures); a kind no target names is still read.
   */
  recognitionKinds: string[];
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
