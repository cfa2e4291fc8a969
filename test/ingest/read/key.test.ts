import { describe, expect, test } from "vitest";
import { contractTables, tableIdentities } from "../../../loaders/contract/tables.ts";
import { stripLeadingLabels, tableOfFile } from "../../../loaders/ingest/read/discover.ts";
import { foldKey, headerKey, moneyUnit, splitNote, tableForName, tableNames } from "../../../loaders/ingest/read/key.ts";
import { plan } from "../../helpers/plan.ts";

describe("header keys", () => {
  test("should fold width, case, separators and invisible characters", () => {
    expect(foldKey("\uFEFFＣｏｎｔｒａｃｔ_Wan\u200B")).toBe("contractwan");
    expect(foldKey("合同金额\u3000（万元）")).toBe("合同金额(万元)");
    expect(foldKey("１２３ ＡＢＣ")).toBe("123abc");
  });

  test("should strip required marks and trailing notes in any bracket or after a slash", () => {
    expect(splitNote("*合同金额(万元)*")).toEqual({ base: "合同金额", notes: ["万元"] });
    expect(splitNote("所属区【必填】")).toEqual({ base: "所属区", notes: ["必填"] });
    expect(splitNote("参考价格[万元/年]")).toEqual({ base: "参考价格", notes: ["万元/年"] });
    expect(splitNote("金额/元")).toEqual({ base: "金额", notes: ["元"] });
    expect(headerKey("合同金额 (万元)")).toBe("合同金额");
  });

  test("should tell the money unit a header names", () => {
    expect(["合同金额(万元)", "合同金额（元）", "金额/元", "金额(单位:元)", "合同金额(千元)", "合同金额(亿元)", "合同金额", "参考价格(万元/年)"].map(moneyUnit)).toEqual([
      "wan", "yuan", "yuan", "yuan", "other", "other", null, "wan",
    ]);
  });
});

describe("the contract as the readers see it", () => {
  test("should give every header spelling in a table to exactly one of its columns", () => {
    const clashes: string[] = [];
    for (const t of contractTables(plan)) {
      const owner = new Map<string, string>();
      for (const c of t.columns) {
        for (const name of [c.zh, c.key, ...(c.aliases ?? [])]) {
          const k = headerKey(name);
          const prev = owner.get(k);
          if (prev && prev !== c.key) clashes.push(`${t.key}: ${name} → ${prev} and ${c.key}`);
          owner.set(k, c.key);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  test("should leave every table name whole when stripping attachment labels and numbering", () => {
    const cut = tableIdentities.flatMap((t) => tableNames(t).filter((n) => stripLeadingLabels(n) !== n).map((n) => `${t.key}: ${n}`));
    expect(cut).toEqual([]);
  });

  test("should strip attachment labels, numbering and dates in front, repeatedly", () => {
    expect(
      ["附件3资金拨付台账", "附件3:资金拨付台账", "(附件2)改造项目台账", "【附表1】(2)企业名录", "attachment2projects", "2改造项目", "附件42026年11月20日资金拨付", "11月20日改造项目", "附件三、数字贷"].map(
        stripLeadingLabels,
      ),
    ).toEqual(["资金拨付台账", "资金拨付台账", "改造项目台账", "企业名录", "projects", "改造项目", "资金拨付", "改造项目", "数字贷"]);
  });

  test("should match every table name to its table under every attachment prefix", () => {
    const prefixes = ["附件3 ", "附件3：", "（附件2）", "【附件1】", "2-", "03_", "1. ", "附表2 ", "Attachment 2 - "];
    const wrong = tableIdentities.flatMap((t) =>
      [t.key, t.zh, ...t.aliases].flatMap((n) => prefixes.map((p) => `${p}${n}.xlsx`).filter((f) => tableOfFile(f) !== t.key).map((f) => `${t.key}: ${f} → ${tableOfFile(f)}`)),
    );
    expect(wrong).toEqual([]);
  });

  test("should give every table name back to its own table", () => {
    const wrong = tableIdentities.flatMap((t) => tableNames(t).filter((n) => tableForName(n, "prefix")?.table !== t.key).map((n) => `${t.key}: ${n}`));
    expect(wrong).toEqual([]);
  });
});
