/**
 * A data root for the public site tests: the base snapshot of test/helpers/exports.ts with its
 * ids made unmistakable, plus enterprises placed so that some district × industry cells hold 3 or
 * more and others 1 or 2, and fund cells from 1, 2 and many payees. `secrets` lists every
 * identifier and personal value in the inputs: none may appear anywhere in the public output.
 */
import { baseTables, E2, E3, uscc, writeRoot, type Csv } from "../helpers/exports.ts";

interface Firm {
  code: string;
  name: string;
  district: string;
  industry: string;
  contact: string;
  phone: string;
  transformed: boolean;
}

const AUTO = "智能网联与新能源汽车(零部件)";
const ROBOT = "工业母机和机器人";

/** district, industry, how many transformed, how many only under way. */
const cells: [string, string, number, number][] = [
  ["黄埔区", ROBOT, 4, 0], // + E1: 5
  ["番禺区", AUTO, 3, 0], // + E2: 4
  ["黄埔区", AUTO, 2, 0], // 2: "<3"
  ["花都区", "箱包", 3, 0], // 3
  ["天河区", "服装", 0, 2], // diagnosed and signed, not accepted
];

/** The fixture root and the values that must never be published. */
export function publicFixture(): { root: string; secrets: string[]; transformed: number } {
  const t = baseTables();
  const secrets: string[] = [];
  const keep = (...xs: string[]) => secrets.push(...xs.filter((x) => x !== ""));

  // Base rows: the same firms, with ids no bundle could contain by chance.
  const ids: Record<string, string> = { P1: "XMQZ-8K2-0001", F1: "BKQZ-7M3-0001", A1: "PCQZ-5H9-0001", A2: "PCQZ-5H9-0002", U1: "QYQZ-3D6-01", S1: "FWQZ-2B4-01", G1: "CPQZ-6N1-01", R1: "RDQZ-9J5-01", T1: "PXQZ-4C8-01" };
  const rename = (rows: Csv) => rows.forEach((r, i) => i > 0 && r.forEach((c, j) => (r[j] = ids[c] ?? c)));
  Object.values(t).forEach(rename);
  t["改造项目.csv"]![1]![2] = "鹏程甲线体改造工程";
  t["牵引单位.csv"]![1]![1] = "测试牵引联合体鸿鹄甲";
  t["数字化服务商.csv"]![1]![1] = "测试服务商鹈鹕乙";
  t["小快轻准产品.csv"]![1]![1] = "鹈鹕轻量排产云";
  t["示范认定.csv"]![1]![2] = "鸿鹄甲智能车间";
  t["人才培训.csv"]![1]![1] = "鹈鹕数字化研修营";
  t["人才培训.csv"]![1]![2] = "测试协会鸬鹚丙";
  // A landline beside the mobiles, written the way desks write it; the scan also looks for its digits alone.
  t["企业名录.csv"]![2]![7] = "020-83123457";
  t["企业名录.csv"]!.slice(1).forEach((r) => keep(r[0]!, r[1]!, r[6]!, r[7]!));
  secrets.push("02083123457");

  // E2 and E3 finish too: E3 alone in 白云 × 时尚美妆 (1), E2 joins 番禺 × 汽车.
  const firms: Firm[] = [];
  for (const [k, [district, industry, done, open]] of cells.entries()) {
    for (let n = 0; n < done + open; n++) {
      const seq = `${k + 1}${n}`;
      firms.push({
        code: uscc(`914401013275${seq.padStart(5, "7")}`),
        name: `测试${district.slice(0, 2)}${"甲乙丙丁戊己"[n]}鹭鸶${seq}号有限公司`,
        district,
        industry,
        contact: `欧阳测${"甲乙丙丁戊己"[n]}${seq}`,
        phone: `1391234${seq.padStart(4, "5")}`,
        transformed: n < done,
      });
    }
  }
  const all = [
    { code: E2, transformed: true },
    { code: E3, transformed: true },
    ...firms,
  ];
  for (const f of firms) {
    t["企业名录.csv"]!.push([f.code, f.name, f.district, f.industry, "60", "2000", f.contact, f.phone]);
    keep(f.code, f.name, f.contact, f.phone);
  }
  all.forEach((f, k) => {
    const seq = String(k + 2).padStart(4, "0");
    const project = `XMQZ-8K2-${seq}`;
    const before = `PCQZ-5H9-${seq}1`;
    const after = `PCQZ-5H9-${seq}2`;
    t["数字化水平评测.csv"]!.push([before, f.code, "改造前", "2025-01-10", "20", "10", "5", "一级"]);
    if (f.transformed) {
      t["数字化水平评测.csv"]!.push([after, f.code, "改造后", "2025-09-10", "30", "15", "8", "二级"]);
      t["改造项目.csv"]!.push([project, f.code, `鹭鸶改造工程${seq}`, ids.U1!, ids.S1!, "2025-02-01", "2025-08-31", "120", "100", "验收通过", "2025-08-20", "2025-09-15"]);
    } else {
      t["改造项目.csv"]!.push([project, f.code, `鹭鸶改造工程${seq}`, ids.U1!, ids.S1!, "2025-02-01", "2026-12-31", "120", "100", "实施中", "", ""]);
    }
    keep(project, `鹭鸶改造工程${seq}`, before, ...(f.transformed ? [after] : []));
  });

  // Funds: 市级 subsidy to every transformed firm (many payees), 省级 to two (withheld), 中央 to four;
  // one leading-unit award and one training payment (a single payee each: withheld).
  const pay = (direction: string, source: string, payee: string, project: string, amount: string) => {
    const id = `BKQZ-7M3-${String(t["资金拨付.csv"]!.length + 1).padStart(4, "0")}`;
    t["资金拨付.csv"]!.push([id, direction, source, payee, project, "", "", amount, "2025-10-01"]);
    keep(id);
  };
  const done = all.filter((f) => f.transformed);
  done.forEach((f, k) => pay("改造补助", "市级", f.code, `XMQZ-8K2-${String(all.indexOf(f) + 2).padStart(4, "0")}`, String(10 + k)));
  done.slice(0, 2).forEach((f) => pay("改造补助", "省级", f.code, `XMQZ-8K2-${String(all.indexOf(f) + 2).padStart(4, "0")}`, "7.25"));
  done.slice(2, 6).forEach((f) => pay("改造补助", "中央", f.code, `XMQZ-8K2-${String(all.indexOf(f) + 2).padStart(4, "0")}`, "5"));
  pay("牵引单位奖励", "中央", ids.U1!, "", "41.5");
  pay("人才培训", "省级", "测试协会鸬鹚丙", "", "12.75");

  // Demonstration and supply, with names that must stay out of the public site.
  t["示范认定.csv"]!.push(
    ["RDQZ-9J5-02", "数字化车间", "鸿鹄乙智能车间", "黄埔", ROBOT, firms[0]!.code, "2025-11-02"],
    ["RDQZ-9J5-03", "数字化车间", "鸿鹄丙智能车间", "黄埔", ROBOT, firms[1]!.code, "2025-11-03"],
    ["RDQZ-9J5-04", "数字化车间", "鸿鹄丁智能车间", "番禺", AUTO, firms[4]!.code, "2025-11-04"],
  );
  t["牵引单位.csv"]!.push(["QYQZ-3D6-02", "测试牵引联合体鸿鹄乙", "", AUTO, "2024-06-02", "三档"]);
  t["数字化服务商.csv"]!.push(["FWQZ-2B4-02", "测试服务商鹈鹕丙", "", "2024-07-02", "QYQZ-3D6-02"]);
  t["小快轻准产品.csv"]!.push(["CPQZ-6N1-02", "鹈鹕质检视觉套件", "FWQZ-2B4-02", "制造", AUTO, "2024-10-02", "4.5"]);
  keep(...Object.values(ids), "QYQZ-3D6-02", "FWQZ-2B4-02", "CPQZ-6N1-02", "RDQZ-9J5-02", "RDQZ-9J5-03", "RDQZ-9J5-04",
    "鹏程甲线体改造工程", "测试牵引联合体鸿鹄甲", "测试牵引联合体鸿鹄乙", "测试服务商鹈鹕乙", "测试服务商鹈鹕丙",
    "鹈鹕轻量排产云", "鹈鹕质检视觉套件", "鸿鹄甲智能车间", "鸿鹄乙智能车间", "鸿鹄丙智能车间", "鸿鹄丁智能车间",
    "鹈鹕数字化研修营", "测试协会鸬鹚丙");

  return { root: writeRoot({ "2026-11-20": t }), secrets: [...new Set(secrets)], transformed: 1 + done.length };
}
