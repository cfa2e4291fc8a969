/** plans/programme.json and the plan's programme facts are checked, with located messages. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { parsePlan, PlanError } from "../../loaders/plan/validate.ts";
import { parseProgramme, ProgrammeError, readProgramme } from "../../loaders/rollup/programme.ts";
import { plan } from "../helpers/plan.ts";

describe("programme rules", () => {
  test("should read the committed rules, each citing its source", () => {
    const p = readProgramme();
    expect(p.rules.map((r) => r.key)).toEqual(["industry_level_share", "central_sme_share", "central_public_share", "central_ceiling"]);
    expect(p.rules.every((r) => r.source.length > 0)).toBe(true);
    expect(p.rules.filter((r) => r.source.includes("财建〔2023〕117号")).length).toBe(4);
    expect(p.rules[0]!.note).toContain("具体条款待核实");
    expect(p.freshness.maxAgeDays).toBe(14);
  });

  test("should refuse a rule without a source or with two thresholds, naming where", () => {
    const doc = JSON.parse(readFileSync(resolve(projectRoot, "plans/programme.json"), "utf8"));
    doc.rules[1].source = "";
    doc.rules[2].min = 0.1;
    try {
      parseProgramme(doc, "x.json");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProgrammeError);
      expect((e as ProgrammeError).problems).toEqual([
        "规则文件 x.json 第 /rules/1/source 项:应为非空字符串(每条规则须注明出处) / programme file x.json at /rules/1/source: expected a non-empty string (every rule cites its source)",
        "规则文件 x.json 第 /rules/2 项:应恰有 min 或 max 之一,为 0–1 之间的比例 / programme file x.json at /rules/2: expected exactly one of min or max, a share between 0 and 1",
      ]);
    }
  });
});

describe("the plan's programme facts", () => {
  test("should place every Guangzhou fund direction on one side of the 80/20 split", () => {
    expect(plan.programme).toEqual({ cityClass: "provincial_capital", centralSource: "中央" });
    expect(plan.funding.directions.filter((d) => d.programmeUse === "sme_transformation").map((d) => d.key)).toEqual(["transformation_subsidy", "loan_interest", "procurement"]);
    expect(plan.funding.directions.every((d) => d.programmeUse)).toBe(true);
  });

  test("should refuse a central level the plan does not list", () => {
    const text = readFileSync(resolve(projectRoot, "plans/guangzhou.json"), "utf8").replace('"centralSource": "中央"', '"centralSource": "国家"');
    expect(() => parsePlan(text, "plans/x.json")).toThrow(PlanError);
    expect(() => parsePlan(text, "plans/x.json")).toThrow(/\/programme\/centralSource.*国家/);
  });
});
