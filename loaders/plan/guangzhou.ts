/**
 * The Guangzhou plan as data: 《广州市中小企业数字化转型城市试点工作方案(2024—2026年)》(穗工信函〔2024〕358号).
 * Every target, cap, date, district and industry the monitor uses is here and nowhere else.
 * Section references ("二", "四(一)1" …) point into ../shared/seed/guangzhou-sme-dx-pilot-plan-2024-2026.txt.
 */
import type { PilotPlan } from "./types.ts";

export const guangzhou: PilotPlan = {
  id: "guangzhou-2024",
  title: "广州市中小企业数字化转型城市试点工作方案(2024—2026年)",
  docNo: "穗工信函〔2024〕358号",
  city: "广州市",
  // 七、附则: the plan is in force until 2026-12-31; work starts with 五(四)(五) "2024年9月起".
  start: "2024-01-01",
  end: "2026-12-31",
  expectationStart: "2024-09-01",
  // 五(八): 完成试点工作全过程跟踪和验收(2024年9月至2027年3月).
  finalAcceptanceBy: "2027-03-31",

  // 二、工作目标 (all by 2026年底, city-wide).
  targets: [
    { key: "enterprises_transformed", label: "完成数字化改造并达到数字化水平二级及以上的中小企业", short: "改造达二级", target: 710, unit: "家", kind: "count", cite: "二、工作目标" },
    { key: "diagnosed", label: "开展数字化水平评估诊断的中小企业", short: "诊断评测", target: 710, unit: "家", kind: "count", cite: "三(九)、四(三)5" },
    { key: "digital_workshops", label: "市级数字化车间", short: "数字化车间", target: 40, unit: "个", kind: "count", cite: "二、工作目标" },
    { key: "smart_factories", label: "智能制造示范工厂", short: "智能工厂", target: 40, unit: "个", kind: "count", cite: "二、工作目标" },
    { key: "service_providers", label: "优质数字化服务商", short: "服务商", target: 50, unit: "家", kind: "count", cite: "二、工作目标" },
    { key: "products", label: "\"小快轻准\"数字化产品和服务", short: "小快轻准产品", target: 360, unit: "个", kind: "count", cite: "二、工作目标" },
    { key: "scenarios", label: "数字化应用典型示范场景", short: "典型场景", target: 50, unit: "个", kind: "count", cite: "二、工作目标" },
    { key: "chain_cases", label: "\"链式\"转型典型案例", short: "链式案例", target: 20, unit: "个", kind: "count", cite: "二、工作目标" },
    { key: "clusters", label: "中小企业特色产业集群", short: "特色集群", target: 5, unit: "个", kind: "count", cite: "二、工作目标" },
    { key: "platform", label: "中小企业数字化转型公共服务平台", short: "公共服务平台", target: 1, unit: "个", kind: "status", cite: "二、工作目标; 三(九)", recordKind: "公共服务平台" },
    { key: "training_person_times", label: "数字化人才培训", short: "人才培训", target: 2000, unit: "人次", kind: "count", cite: "二、工作目标" },
  ],

  // 三(二): the industries and the districts named for each (重点实施).
  industries: [
    { key: "auto", name: "智能网联与新能源汽车(零部件)", short: "汽车零部件", aliases: ["智能网联与新能源汽车", "新能源汽车", "汽车", "汽车零部件", "智能网联汽车"], focusDistricts: ["440112", "440115", "440113", "440114", "440118", "440111"] },
    { key: "machine_robot", name: "工业母机和机器人", short: "母机机器人", aliases: ["工业母机", "机器人", "工业母机与机器人"], focusDistricts: ["440112", "440113", "440114", "440118"] },
    { key: "cosmetics", name: "时尚美妆", short: "时尚美妆", aliases: ["美妆", "化妆品"], focusDistricts: ["440111", "440114", "440112", "440117"] },
    { key: "home", name: "定制家居", short: "定制家居", aliases: ["家居"], focusDistricts: ["440111", "440118", "440113"] },
    { key: "apparel", name: "服装", short: "服装", aliases: ["纺织服装", "服饰"], focusDistricts: ["440111", "440118", "440113"] },
    { key: "bags", name: "箱包", short: "箱包", aliases: ["皮具箱包", "皮具"], focusDistricts: ["440114", "440111"] },
  ],

  // GB/T 2260 codes of the 11 districts (domain.md §3). Tiles: a 4×5 grid, north up.
  districts: [
    { code: "440103", name: "荔湾区", short: "荔湾", pinyin: "liwan", aliases: ["Liwan"], tile: { x: 0, y: 2 } },
    { code: "440104", name: "越秀区", short: "越秀", pinyin: "yuexiu", aliases: ["Yuexiu"], tile: { x: 1, y: 2 } },
    { code: "440105", name: "海珠区", short: "海珠", pinyin: "haizhu", aliases: ["Haizhu"], tile: { x: 1, y: 3 } },
    { code: "440106", name: "天河区", short: "天河", pinyin: "tianhe", aliases: ["Tianhe"], tile: { x: 2, y: 2 } },
    { code: "440111", name: "白云区", short: "白云", pinyin: "baiyun", aliases: ["Baiyun"], tile: { x: 1, y: 1 } },
    { code: "440112", name: "黄埔区", short: "黄埔", pinyin: "huangpu", aliases: ["Huangpu", "萝岗区", "萝岗", "Luogang"], tile: { x: 2, y: 1 } },
    { code: "440113", name: "番禺区", short: "番禺", pinyin: "panyu", aliases: ["Panyu", "番禺市"], tile: { x: 1, y: 4 } },
    { code: "440114", name: "花都区", short: "花都", pinyin: "huadu", aliases: ["Huadu", "花都市"], tile: { x: 1, y: 0 } },
    { code: "440115", name: "南沙区", short: "南沙", pinyin: "nansha", aliases: ["Nansha"], tile: { x: 2, y: 4 } },
    { code: "440117", name: "从化区", short: "从化", pinyin: "conghua", aliases: ["Conghua", "从化市"], tile: { x: 2, y: 0 } },
    { code: "440118", name: "增城区", short: "增城", pinyin: "zengcheng", aliases: ["Zengcheng", "增城市"], tile: { x: 3, y: 1 } },
  ],
  // 萝岗区 was merged into 黄埔 in 2014; the county-level cities kept their pre-district codes on old lists.
  retiredDistrictCodes: { "440116": "440112", "440181": "440113", "440182": "440114", "440183": "440118", "440184": "440117" },

  // 四、资金使用方向. Amounts in 万元.
  funding: {
    // Every level an export may name. 区级 is in no direction's list: the plan funds none of them
    // from 区级; district money is 六(二) 配套 ("鼓励有条件的区因地制宜配套") and counts against no cap.
    sources: ["中央", "省级", "市级", "区级"],
    // Per direction, the levels its caps count, as the plan names them (sourcesWords quotes it).
    directions: [
      { key: "transformation_subsidy", name: "改造补助", sources: ["中央", "省级", "市级"], sourcesWords: "中央、省、市三级资金累计", capWords: "不超过企业数字化改造项目核定投入的50%;二级累计不超过60万元,三级不超过100万元,四级不超过150万元", cite: "四(一)1" },
      { key: "loan_interest", name: "数字贷贴息", sources: ["省级", "市级"], sourcesWords: "省、市级专项资金", capWords: "最高不超过贷款合同金额的3%给予一年期贴息,单个企业年贴息金额最高不超过50万元且不超过企业实际发生利息", cite: "四(一)1" },
      { key: "leading_unit_award", name: "牵引单位奖励", sources: ["中央", "市级"], sourcesWords: "中央、市级专项资金", capWords: "按不超过50万、80万、100万标准进行一次性分档奖励", cite: "四(二)2" },
      { key: "platform_project", name: "平台项目", sources: ["中央", "省级"], sourcesWords: "中央、省级专项资金", capWords: "不超过项目核定投入金额的30%,最高不超过250万元", cite: "四(二)2" },
      { key: "procurement", name: "集中采购", perDistrictCapWan: 1500, sources: ["中央", "市级"], sourcesWords: "中央、市级专项资金", capWords: "支持单个区最高不超过1500万元", cite: "四(二)3" },
      { key: "training", name: "人才培训", totalCapWan: 300, sources: ["中央", "省级"], sourcesWords: "中央和省级专项资金", capWords: "支持最高不超过300万元", cite: "四(三)4" },
      { key: "third_party", name: "第三方服务", totalCapWan: 1200, sources: ["省级", "市级"], sourcesWords: "省级、市级专项资金", capWords: "支持最高不超过1200万元", cite: "四(三)5" },
      { key: "platform_operation", name: "平台运营", totalCapWan: 500, sources: ["市级"], sourcesWords: "市级专项资金", capWords: "支持不超过500万元", cite: "四(三)6" },
    ],
    // 四(一)1: 中央、省、市三级资金累计 ≤ 核定投入的50%; 二级 ≤ 60万, 三级 ≤ 100万, 四级 ≤ 150万.
    subsidy: { maxShareOfVerified: 0.5, capByLevelWan: { 2: 60, 3: 100, 4: 150 } },
    // 四(一)1: 一年期贴息 ≤ 贷款合同金额的3%, 单个企业年贴息 ≤ 50万元且 ≤ 实际发生利息.
    loanInterest: { maxShareOfPrincipal: 0.03, maxPerEnterprisePerYearWan: 50 },
    // 四(二)2: 按不超过50万、80万、100万标准分档奖励 (一档 is the highest).
    leadingUnitAwardByTierWan: { 一档: 100, 二档: 80, 三档: 50 },
    // 四(二)2 names the indicators (验收通过项目数、"小快轻准"产品数、入选示范项目数) but no thresholds:
    // criteria, when the city sets them, are an input (tier_criteria), not part of the plan.
    // 四(二)2: 平台项目 ≤ 核定投入的30%, 最高 ≤ 250万.
    platformProject: { maxShareOfVerified: 0.3, maxWan: 250 },
    // Guangdong provincial rule (domain.md §4): a counted project starts and ends in this window.
    eligibleProjectWindow: { from: "2023-10-11", to: "2026-12-31" },
  },

  // 五、实施步骤, as the pipeline of one enterprise (domain.md §5).
  stages: [
    { key: "surveyed", name: "意愿摸查" },
    { key: "listed", name: "入库" },
    { key: "diagnosed", name: "诊断评测" },
    { key: "signed", name: "签约" },
    { key: "implementing", name: "实施" },
    { key: "applied", name: "验收申请" },
    { key: "accepted", name: "验收通过" },
    { key: "paid", name: "补助拨付" },
  ],
  projectStatuses: ["诊断中", "已签约", "实施中", "验收申请", "验收通过", "验收未通过", "终止"],
  // 五(一)–(九), each period quoted as the plan writes it. Month-only starts are the month's first day,
  // month-only ends the month's last day, 年底 is 12-31 (the monitor's convention; the plan gives months).
  // 五(三)–(六) run on (持续) with no end date in the plan: they have no deadline.
  milestones: [
    { key: "survey", name: "摸查中小企业数字化转型现状及意愿", words: "持续开展至2026年底", to: "2026-12-31", cite: "五(一)" },
    { key: "leading_units", name: "遴选数字化牵引单位,加强牵引单位管理", words: "2024年4月—12月", from: "2024-04-01", to: "2024-12-31", cite: "五(二)" },
    { key: "products", name: "征集\"小快轻准\"数字化产品", words: "2024年9月起持续征集", from: "2024-09-01", cite: "五(三)" },
    { key: "diagnosis", name: "聚焦企业需求,坚持\"诊转联动\"", words: "2024年9月起持续开展", from: "2024-09-01", cite: "五(四)" },
    { key: "transformation", name: "推动拟改造中小企业开展数字化改造", words: "2024年9月起持续开展", from: "2024-09-01", cite: "五(五)" },
    { key: "evaluation", name: "开展数字化转型改造成效评价", words: "2024年11月起持续开展", from: "2024-11-01", cite: "五(六)" },
    { key: "acceptance", name: "开展数字化改造项目验收和补助", words: "2024年6月至2026年底", from: "2024-06-01", to: "2026-12-31", cite: "五(七)" },
    { key: "pilot_acceptance", name: "完成试点工作全过程跟踪和验收", words: "2024年9月至2027年3月", from: "2024-09-01", to: "2027-03-31", cite: "五(八)", final: true },
    { key: "replication", name: "做好标杆案例复制推广和试点经验总结", words: "2025年1月至2027年3月持续开展", from: "2025-01-01", to: "2027-03-31", cite: "五(九)" },
  ],

  // 《中小企业数字化水平评测指标(2024年版)》 (domain.md §6). The band rule is from public
  // assessment tools, not verified against the official text: change it here if it differs.
  levels: {
    names: { 1: "一级", 2: "二级", 3: "三级", 4: "四级" },
    bands: [
      { level: 1, minScore: 20, minScenarios: 6, minConstraintScenarios: 3 },
      { level: 2, minScore: 40, minScenarios: 6, minConstraintScenarios: 3 },
      { level: 3, minScore: 60, minScenarios: 8, minConstraintScenarios: 5 },
      { level: 4, minScore: 80, minScenarios: 10, minConstraintScenarios: 6 },
    ],
    scoreMax: { basis: 50, management: 30, outcome: 20 },
    // Which of the 16 scenarios are constraint (约束性) is our reading of the 2024 edition: check it.
    scenarios: [
      { name: "产品设计", constraint: true },
      { name: "工艺设计", constraint: true },
      { name: "营销管理", constraint: true },
      { name: "售后服务", constraint: true },
      { name: "计划排程", constraint: true },
      { name: "生产管控", constraint: true },
      { name: "质量管理", constraint: true },
      { name: "设备管理", constraint: true },
      { name: "采购管理", constraint: true },
      { name: "仓储物流", constraint: true },
      { name: "安全生产", constraint: false },
      { name: "能耗管理", constraint: false },
      { name: "财务管理", constraint: false },
      { name: "人力资源", constraint: false },
      { name: "协同办公", constraint: false },
      { name: "决策支持", constraint: false },
    ],
    // 二、工作目标: "达到数字化水平二级及以上".
    transformedMinLevel: 2,
  },

  // 《中小企业划型标准规定》(工信部联企业〔2011〕300号), 工业.
  sme: {
    maxEmployees: 1000,
    maxRevenueWan: 40000,
    medium: { minEmployees: 300, minRevenueWan: 2000 },
    small: { minEmployees: 20, minRevenueWan: 300 },
  },

  monitoring: {
    onTrack: 1.0,
    warning: 0.85,
    trailingWeeks: 8,
    stuckAfterDays: 60,
    publicMinCount: 3,
    // Monitor's convention (issue 15's number, not the plan's): deadlines within 30 days of the data date are flagged.
    milestoneAlertDays: 30,
  },

  unitManagement: {
    // 五(五) 建立牵引单位定期报送改造进展工作机制 sets up periodic reports but names no frequency:
    // monthly until the city's 牵引单位管理办法 (五(二)) says otherwise. The first period expected
    // is the first calendar month that starts on or after the unit's 遴选日期 (monitor's convention).
    reportPeriodMonths: 1,
    // Monitor's convention, NOT in the plan: a period's report is due by the 10th of the next month.
    reportDueDay: 10,
    // The plan gives no tolerance: a reported figure that differs from the exports at all is a review item.
    reportTolerance: 0,
  },

  qualityTiers: ["无", "创新型", "专精特新", "小巨人"],
  // 三(八): 管理人员、技术骨干、基层员工.
  trainingAudiences: ["管理人员", "技术骨干", "基层员工"],
  // 三(三): 设计、制造、销售、服务、管理、安全.
  productStages: ["设计", "制造", "销售", "服务", "管理", "安全"],
  recognitionKinds: [
    { kind: "数字化车间", target: "digital_workshops" },
    { kind: "智能制造示范工厂", target: "smart_factories" },
    { kind: "典型场景", target: "scenarios" },
    { kind: "链式转型案例", target: "chain_cases" },
    { kind: "特色产业集群", target: "clusters" },
  ],
};

/** The plan the monitor runs on. Another city's plan is another file beside this one. */
export const plan = guangzhou;
