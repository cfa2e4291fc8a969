/**
 * World-model knobs: how big the sample pilot is and how it unfolds. These are choices about the
 * *simulation*, not plan facts: targets, caps, districts, industries and headers come from
 * the plan (loaders/plan/load.ts) and loaders/contract/tables.ts. Districts are named by pinyin and
 * industries by key, and resolved against the plan (see lookup.ts).
 */
export const knobs = {
  defaultSeed: "gz-sme-dx-sample-2026",
  /** Nine weekly snapshots, Fridays. */
  snapshots: { first: "2026-09-25", count: 9, stepDays: 7 },
  surveyFrom: "2024-06-01",
  /** 规上工业: 主营业务收入 ≥ 2000万元 (statistics rule, not the plan's). */
  aboveScaleRevenueWan: 2000,
  /**
   * The generator's own dates for steps a plan may not date (no milestone of that key): units selected
   * over the leading_units window, products listed from products.from, diagnoses from diagnosis.from.
   * A plan's milestone of the same key wins (lookup.ts milestoneOr).
   */
  defaultMilestones: {
    leading_units: { from: "2024-04-01", to: "2024-12-31" },
    products: { from: "2024-09-01", to: null },
    diagnosis: { from: "2024-09-01", to: null },
  } as Record<string, { from: string; to: string | null }>,

  /**
   * Counts at scale 1 for a pilot whose main enterprise target is `forTarget` firms; a plan's own
   * targets resize them (volumes.ts), then scale N multiplies each (city-wide fixed-cap items excepted, see funds).
   */
  base: {
    forTarget: 710,
    enterprises: 1100,
    leadingUnits: 25,
    providers: 55,
    products: 380,
    trainings: 40,
    trainingPersonTimes: 2100,
    loans: 80,
    unitAwards: 15,
    platformProjects: 8,
  },

  /**
   * Counts as shares of the plan's target of that measure kind, where the plan has one (volumes.ts);
   * without one, the base count resized by the pool. cloud_adoption: firms on the cloud by the last snapshot.
   */
  ofTarget: { providers: 55 / 50, products: 380 / 360, training_person_times: 2100 / 2000, trainings: 1.1, cloud_adoption: 0.93 } as Record<string, number>,
  /** Quality tiers' shares of the pool, in plan.qualityTiers order (无, 创新型, 专精特新, 小巨人), unless a tier target says otherwise. */
  tierShares: [0.7, 0.18, 0.1, 0.02],

  /** Where enterprises end up by the last snapshot, as shares of all enterprises (the rest: surveyed only). */
  fates: {
    accepted: 0.615,
    applyPending: 0.036,
    implementing: 0.041,
    signedOnly: 0.014,
    rejected: 0.009,
    terminated: 0.011,
    diagProject: 0.032,
    diagnosedOnly: 0.052,
    listedOnly: 0.02,
  },
  /** Accepted enterprises that start a second (phase-2) project; terminated ones that restart. */
  phase2Share: 0.015,
  restartShare: 0.5,

  /** Share of enterprises in the plan's district–industry focus pairs. */
  focusShare: 0.8,
  /** Relative size of each district's pool (default 0.7). */
  districtSize: { huangpu: 1.5, baiyun: 1.5, panyu: 1.3, huadu: 1.1, zengcheng: 1.0, nansha: 0.8, conghua: 0.5, tianhe: 0.9, haizhu: 0.8, yuexiu: 0.6, liwan: 0.7 } as Record<string, number>,
  /** Relative pace: ahead above 1, behind below (default 1). */
  districtPace: { huangpu: 1.3, panyu: 1.25, baiyun: 1.3, conghua: 0.75, liwan: 0.7 } as Record<string, number>,
  industrySize: { auto: 0.26, machine_robot: 0.16, cosmetics: 0.18, home: 0.14, apparel: 0.14, bags: 0.12 } as Record<string, number>,
  /** The lagging industry. */
  industryPace: { bags: 0.65, auto: 1.1 } as Record<string, number>,

  /** Acceptance dates follow a logistic S-curve, cut to [from, last snapshot]. */
  acceptanceCurve: { from: "2025-06-01", mid: "2026-06-01", widthDays: 110 },
  /** Level after transformation (改造后) and before (改造前). */
  postLevels: [[1, 0.04], [2, 0.76], [3, 0.17], [4, 0.03]] as [number, number][],
  preLevels: [[1, 0.75], [2, 0.25]] as [number, number][],
  /** Assessments whose reported level disagrees with their scores. */
  mismatchShare: 0.01,

  /**
   * Recognitions, one profile per recognitions target of the plan in plan order (the last profile
   * repeats): how many by the last snapshot as a share of the target, published in batches (date, share).
   * A target counting several kinds splits its count over them.
   */
  recognitions: [
    { ofTarget: 35 / 40, batches: [["2025-04-18", 0.3], ["2025-11-14", 0.35], ["2026-06-19", 0.25], ["2026-10-16", 0.1]] },
    { ofTarget: 30 / 40, batches: [["2025-05-23", 0.35], ["2025-12-19", 0.35], ["2026-07-17", 0.3]] },
    { ofTarget: 52 / 50, batches: [["2025-03-28", 0.25], ["2025-09-26", 0.25], ["2026-04-24", 0.3], ["2026-10-28", 0.2]] },
    { ofTarget: 18 / 20, batches: [["2025-08-29", 0.4], ["2026-03-27", 0.35], ["2026-11-13", 0.25]] },
    { ofTarget: 6 / 5, batches: [["2025-06-27", 0.34], ["2026-03-20", 0.5], ["2026-10-09", 0.16]] },
  ] as { ofTarget: number; batches: [string, number][] }[],

  /** Later snapshot (index) of the week in which each revision lands. */
  revisionsAt: { amountFixed: 2, acceptanceWithdrawn: 5, signedMoved: 6, recognitionRemoved: 8 },
  /** Snapshot index from which the enterprise missing from the list (REF_UNKNOWN) is added. */
  ghostAddedAt: 6,
  /**
   * Snapshot index (0-based) whose export first holds the 公共服务平台's go-live record, dated two days
   * before it: the platform target reads 无数据 in the six snapshots before and 达标 in the last three.
   */
  platformLiveAt: 6,
  /** 集中采购: the district that overspends its cap, and how many districts buy. */
  procurement: { breachDistrict: "huadu", districts: 6 },
  /** Shares of the city-wide caps actually paid out (人才培训, 第三方服务, 平台运营). */
  cityFundsShareOfCap: 0.75,
} as const;

export type Fate = keyof typeof knobs.fates | "surveyedOnly";
