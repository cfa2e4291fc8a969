/** Fictitious but plausible names, built from syllable lists. No name here belongs to a real firm or person. */
import { industryByKey } from "./lookup.ts";
import { place } from "./place.ts";
import type { Rng } from "./rng.ts";

const FIRST = [..."穗华粤羊珠越南兴德恒鸿锦瑞嘉盛宏信达丰泰安通联新创汇金宝昌隆凯腾翔骏鹏志永康益源广弘迅捷立亿佳和星辰海蓝峰云"];
const SECOND = [..."华达丰泰盛兴源通科创隆业辉宇铭晟瑞祥诚邦迪越美雅佳峰拓展力航程远博远森林海威驰卓睿晶灿"];

/** Words that say what a firm of each industry makes (keyed by industry key; other industries: see makes). */
const MAKES: Record<string, string[]> = {
  auto: ["精密", "汽配", "汽车零部件", "新能源科技", "汽车电子", "动力科技", "车用材料", "智能座舱"],
  machine_robot: ["数控机床", "机器人", "智能装备", "自动化设备", "精密机械", "机电", "激光设备", "工业控制"],
  cosmetics: ["化妆品", "生物科技", "美容用品", "日用化工", "精细化工", "香料", "个人护理用品"],
  home: ["家居", "定制家具", "木业", "橱柜", "家居用品", "门窗"],
  apparel: ["服饰", "制衣", "服装", "纺织", "时装", "针织"],
  bags: ["皮具", "箱包", "皮革制品", "旅行用品"],
};
const GENERIC = ["科技", "实业", "制造"];
/** What a firm of an industry without its own word list makes: the industry's short name, else GENERIC. */
const makes = (industryKey: string): string[] => MAKES[industryKey] ?? [industryByKey(industryKey).short, ...GENERIC];
const COMPANY = [["有限公司", 0.85], ["股份有限公司", 0.08], ["有限责任公司", 0.07]] as const;

/** An enterprise: full name and the short form used inside other names ("穗华精密"). */
export function enterpriseName(rng: Rng, industryKey: string, used: Set<string>): { name: string; short: string } {
  for (let tries = 0; ; tries++) {
    const brand = rng.pick(FIRST) + rng.pick(SECOND);
    const short = brand + rng.pick(makes(industryKey));
    const prefix = rng.weighted([[place.city, 0.65], [place.cityShort, 0.3], [place.province, 0.05]] as const);
    const extra = tries > 20 ? rng.pick(["实业", "科技", "工贸", "发展"]) : "";
    const name = prefix + short + extra + rng.weighted(COMPANY);
    if (!used.has(name)) {
      used.add(name);
      return { name, short };
    }
  }
}

const UNIT_KIND = ["智能科技股份有限公司", "工业互联网有限公司", "数字科技有限公司", "实业集团有限公司", "智能制造有限公司", "供应链科技有限公司"];
const PROVIDER_KIND = ["信息技术有限公司", "软件科技有限公司", "数字科技有限公司", "云计算有限公司", "网络科技有限公司", "数据科技有限公司", "智能科技有限公司"];

export function unitName(rng: Rng, used: Set<string>): { name: string; short: string } {
  for (;;) {
    const short = rng.pick(FIRST) + rng.pick(SECOND);
    const name = place.cityShort + short + rng.pick(UNIT_KIND);
    if (!used.has(name)) {
      used.add(name);
      return { name, short };
    }
  }
}

export function providerName(rng: Rng, used: Set<string>): { name: string; short: string } {
  for (;;) {
    const short = rng.pick(FIRST) + rng.pick(SECOND);
    const name = rng.weighted([[place.cityShort, 0.7], [place.city, 0.2], [place.province, 0.1]] as const) + short + rng.pick(PROVIDER_KIND);
    if (!used.has(name)) {
      used.add(name);
      return { name, short };
    }
  }
}

/** What a product does, by the stage's position in plan.productStages (设计, 制造, 销售, 服务, 管理, 安全). */
const PRODUCT_BY_STAGE = [
  ["协同设计平台", "三维设计软件", "配方管理系统", "版型设计系统", "工艺设计助手"],
  ["MES", "生产管控系统", "设备物联平台", "APS排产", "质量追溯系统"],
  ["订单管理系统", "电商中台", "CRM", "经销商管理平台", "直播带货助手"],
  ["售后服务平台", "远程运维系统", "客户服务SaaS", "备件管理系统"],
  ["ERP", "财务云", "人力资源SaaS", "协同办公平台", "WMS仓储管理"],
  ["工控安全网关", "数据备份一体机", "终端安全管理", "云防火墙服务"],
];
const EDITION = ["", "云", "轻量版", "SaaS版", "标准版", "V2.0", "小快轻准版"];

export function productName(rng: Rng, providerShort: string, stageIndex: number): string {
  const what = PRODUCT_BY_STAGE[stageIndex % PRODUCT_BY_STAGE.length]!;
  return providerShort + rng.pick(what) + rng.pick(EDITION);
}

const WORKSHOPS = ["冲压", "注塑", "装配", "灌装", "裁剪", "缝制", "涂装", "机加工", "包装", "压铸"];
export const workshopWord = (rng: Rng): string => rng.pick(WORKSHOPS);

const TOPICS = ["政策宣贯", "\"一把手\"数字化研修", "技术骨干实训", "数据要素应用", "智能制造", "工业互联网", "网络安全", "产线数字化"];
export const trainingTopic = (rng: Rng): string => rng.pick(TOPICS);

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢钟谭陆汪范廖"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲文辉建国志红梅丹慧佳俊鹏宇晨欣怡嘉琪"];

/** A fake contact person. */
export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : "");
}

/** A fake phone number: 1380000xxxx or a landline 8xxx… after the city's area code (020-8xxxxxxx), ranges reserved for this sample. */
export function fakePhone(rng: Rng): string {
  const digits = (n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join("");
  if (rng.chance(0.7) || place.landline === null) return "1380000" + digits(4);
  const [area, length] = place.landline;
  return `${area}-8` + digits(length - 1);
}

const city = place.cityShort;
const province = `${place.province}省`;
export const BANKS = [`中国工商银行${city}分行`, `中国建设银行${province}分行`, `中国农业银行${city}分行`, `中国银行${city}分行`, `招商银行${city}分行`, `${city}农村商业银行`, `${city}银行`, `交通银行${province}分行`];
