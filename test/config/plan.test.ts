// The plan is a data file: which file is read (--plan, $PILOT_PLAN, the default), and every
// located error a plan file can have, each with its exact bilingual message.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { defaultPlanFile, loadPlan, planFile, PlanError, readPlanFile } from "../../loaders/plan/load.ts";
import { parsePlan } from "../../loaders/plan/validate.ts";

const run = promisify(execFile);
const tsx = join(projectRoot, "node_modules/.bin/tsx");
const text = readFileSync(resolve(projectRoot, defaultPlanFile), "utf8");

/** The default plan's text with the `n`th (from 0) occurrence of `from` replaced; fails when there is none. */
function edited(from: string, to: string, n = 0): string {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(from, i + 1);
  if (i < 0) throw new Error(`not in plans/guangzhou.json: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The message parsePlan throws for `planText`, as plans/x.json. */
function problem(planText: string): string {
  try {
    parsePlan(planText, "plans/x.json");
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    return (e as Error).message;
  }
  throw new Error("the plan was accepted");
}

const tmpFile = (name: string, content: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), "pilot-plan-")), name);
  writeFileSync(file, content);
  return file;
};

describe("loadPlan: which file", () => {
  test("should read plans/guangzhou.json by default", () => {
    expect(planFile([], {})).toBe(resolve(projectRoot, "plans/guangzhou.json"));
    const plan = loadPlan([], {});
    expect(plan.id).toBe("guangzhou-2024");
    expect(plan.docNo).toBe("穗工信函〔2024〕358号");
    expect([plan.start, plan.end, plan.expectationStart, plan.finalAcceptanceBy]).toEqual(["2024-01-01", "2026-12-31", "2024-09-01", "2027-03-31"]);
    expect(plan.targets.map((t) => [t.key, t.target])).toEqual([
      ["enterprises_transformed", 710],
      ["diagnosed", 710],
      ["digital_workshops", 40],
      ["smart_factories", 40],
      ["service_providers", 50],
      ["products", 360],
      ["scenarios", 50],
      ["chain_cases", 20],
      ["clusters", 5],
      ["platform", 1],
      ["training_person_times", 2000],
    ]);
    expect(plan.districts).toHaveLength(11);
    expect(plan.funding.directions.find((d) => d.key === "procurement")).toMatchObject({ perDistrictCapWan: 1500, sources: ["中央", "市级"], cite: "四(二)3" });
    expect(plan.funding.subsidy).toEqual({ maxShareOfVerified: 0.5, capByLevelWan: { 2: 60, 3: 100, 4: 150 } });
    expect(plan.citations?.["/end"]).toBe("七、附则: the plan is in force until 2026-12-31.");
  });

  test("should read $PILOT_PLAN, a relative path from the project root, not the working folder", () => {
    expect(planFile([], { PILOT_PLAN: "plans/other.json" })).toBe(resolve(projectRoot, "plans/other.json"));
    const file = tmpFile("other.json", edited('"id": "guangzhou-2024"', '"id": "other-2025"'));
    expect(planFile([], { PILOT_PLAN: file })).toBe(file);
    expect(loadPlan([], { PILOT_PLAN: file }).id).toBe("other-2025");
  });

  test("should prefer --plan (relative to the working folder) over $PILOT_PLAN", () => {
    const file = tmpFile("cli.json", edited('"id": "guangzhou-2024"', '"id": "cli-2025"'));
    expect(planFile(["node", "x.ts", "--plan", "p.json"], { PILOT_PLAN: file })).toBe(resolve(process.cwd(), "p.json"));
    expect(planFile(["node", "x.ts", "--plan=q.json"], {})).toBe(resolve(process.cwd(), "q.json"));
    expect(loadPlan(["node", "x.ts", "--plan", file], { PILOT_PLAN: defaultPlanFile }).id).toBe("cli-2025");
  });

  test("should say --plan needs a file when it has none", () => {
    expect(() => planFile(["node", "x.ts", "--plan"], {})).toThrow("--plan 需要计划文件路径 / --plan needs the path of a plan file");
    expect(() => planFile(["node", "x.ts", "--plan", "--data", "d"], {})).toThrow("--plan needs the path of a plan file");
  });

  test("should name a file that cannot be read", () => {
    const file = join(tmpdir(), "pilot-plan-none", "missing.json");
    expect(() => readPlanFile(file)).toThrow(`计划文件 ${file} 无法读取(ENOENT) / plan file ${file} cannot be read (ENOENT)`);
  });

  test("should name a file inside the project relative to its root", () => {
    expect(() => loadPlan([], { PILOT_PLAN: "plans/none.json" })).toThrow("计划文件 plans/none.json 无法读取(ENOENT) / plan file plans/none.json cannot be read (ENOENT)");
  });
});

describe("plan file errors: JSON syntax, with line and column", () => {
  test("should locate a missing comma", () => {
    expect(problem(edited('"city": "广州市",', '"city": "广州市"'))).toBe(
      '计划文件 plans/x.json 第 7 行第 3 列:JSON 语法错误,应为逗号 ",",实际为 "areaNoun" / plan file plans/x.json at line 7, column 3: JSON syntax error, expected a comma ",", found "areaNoun"',
    );
  });

  test("should locate a trailing comma", () => {
    expect(problem(edited('"管理", "安全"]', '"管理", "安全",]'))).toBe(
      "计划文件 plans/x.json 第 482 行第 56 列:JSON 语法错误,应为一个值(JSON 不允许末尾多余的逗号),实际为 ] / plan file plans/x.json at line 482, column 56: JSON syntax error, expected a value (JSON allows no trailing comma), found ]",
    );
  });

  test("should locate a comment", () => {
    expect(problem(edited('"id": "guangzhou-2024",', '"id": "guangzhou-2024", // Guangzhou'))).toBe(
      "计划文件 plans/x.json 第 3 行第 27 列:JSON 语法错误,应为 JSON 内容(JSON 不允许注释),实际为 // Guangzhou / plan file plans/x.json at line 3, column 27: JSON syntax error, expected JSON content (JSON has no comments), found // Guangzhou",
    );
  });

  test("should locate an unterminated string", () => {
    expect(problem(edited('"city": "广州市",', '"city": "广州市,'))).toBe(
      '计划文件 plans/x.json 第 6 行第 11 列:JSON 语法错误,应为字符串的结束引号,实际为 "广州市, / plan file plans/x.json at line 6, column 11: JSON syntax error, expected the closing quote of the string, found "广州市,',
    );
  });

  test("should reject an empty file", () => {
    expect(problem("")).toBe(
      "计划文件 plans/x.json 第 1 行第 1 列:JSON 语法错误,应为一个值,实际为 文件结尾 / plan file plans/x.json at line 1, column 1: JSON syntax error, expected a value, found the end of the file",
    );
  });

  test("should locate a field written twice in one object (JSON.parse would keep the last silently)", () => {
    expect(problem(edited('"city": "广州市",', '"city": "广州市",\n  "city": "广州",'))).toBe(
      '计划文件 plans/x.json 第 /city 项(第 7 行第 3 列):应为不重复的字段名,实际 "city" 重复出现 / plan file plans/x.json at /city (line 7, column 3): expected each field once, found "city" again',
    );
  });
});

describe("plan file errors: the schema", () => {
  test("should locate a value of the wrong type", () => {
    expect(problem(edited('"target": 40,', '"target": "710家",', 1))).toBe(
      '计划文件 plans/x.json 第 /targets/3/target 项(第 44 行第 17 列):应为数字或null,实际为 "710家" / plan file plans/x.json at /targets/3/target (line 44, column 17): expected a number or null, found "710家"',
    );
  });

  test("should locate a missing required field at the object that lacks it", () => {
    expect(problem(edited('"target": 40,\n      "unit": "个",', '"target": 40,', 1))).toBe(
      "计划文件 plans/x.json 第 /targets/3/unit 项(第 40 行第 5 列):应为必填字段,实际缺失 / plan file plans/x.json at /targets/3/unit (line 40, column 5): expected a value (a required field), found none",
    );
  });

  test("should locate an unknown field (a typo is not silently ignored)", () => {
    expect(problem(edited('"cite": "二、工作目标; 三(九)"', '"cite": "二、工作目标; 三(九)",\n      "remark": "x"'))).toBe(
      '计划文件 plans/x.json 第 /targets/9/remark 项(第 102 行第 17 列):应为 plans/plan.schema.json 定义的字段,实际为未定义的字段 "remark" / plan file plans/x.json at /targets/9/remark (line 102, column 17): expected a field plans/plan.schema.json defines, found an unknown field "remark"',
    );
  });

  test("should locate a value outside its list", () => {
    expect(problem(edited('"kind": "status_record"', '"kind": "yes"'))).toBe(
      '计划文件 plans/x.json 第 /targets/9/measure/kind 项(第 100 行第 28 列):应为 "enterprises_at_level"、"share_at_level"、"enterprises_assessed"、"enterprises_signed"、"cloud_adoption"、"recognitions"、"status_record"、"providers"、"products"、"training_person_times"、"trainings"之一,实际为 "yes" / plan file plans/x.json at /targets/9/measure/kind (line 100, column 28): expected one of "enterprises_at_level", "share_at_level", "enterprises_assessed", "enterprises_signed", "cloud_adoption", "recognitions", "status_record", "providers", "products", "training_person_times", "trainings", found "yes"',
    );
  });

  test("should locate a date not written YYYY-MM-DD", () => {
    expect(problem(edited('"end": "2026-12-31"', '"end": "2026/12/31"'))).toBe(
      '计划文件 plans/x.json 第 /end 项(第 9 行第 10 列):应为 YYYY-MM-DD 格式的日期,实际为 "2026/12/31" / plan file plans/x.json at /end (line 9, column 10): expected a date as YYYY-MM-DD, found "2026/12/31"',
    );
  });

  test("should locate a number below its minimum", () => {
    expect(problem(edited('"publicMinCount": 3', '"publicMinCount": 0'))).toBe(
      "计划文件 plans/x.json 第 /monitoring/publicMinCount 项(第 476 行第 23 列):应为不小于 1 的数,实际为 0 / plan file plans/x.json at /monitoring/publicMinCount (line 476, column 23): expected a number ≥ 1, found 0",
    );
  });

  test("should list every problem, one per line", () => {
    const e = problem(edited('"publicMinCount": 3', '"publicMinCount": 0').replace('"end": "2026-12-31"', '"end": 2026'));
    expect(e.split("\n")).toEqual([
      "计划文件 plans/x.json 第 /end 项(第 9 行第 10 列):应为字符串,实际为 2026 / plan file plans/x.json at /end (line 9, column 10): expected a string, found 2026",
      "计划文件 plans/x.json 第 /monitoring/publicMinCount 项(第 476 行第 23 列):应为不小于 1 的数,实际为 0 / plan file plans/x.json at /monitoring/publicMinCount (line 476, column 23): expected a number ≥ 1, found 0",
    ]);
  });
});

describe("plan file errors: what the schema cannot say", () => {
  test("should locate a target key used twice", () => {
    expect(problem(edited('"key": "clusters"', '"key": "platform"'))).toBe(
      [
        '计划文件 plans/x.json 第 /targets/9/key 项(第 95 行第 14 列):应为未用过的 key,实际 "platform" 重复(已见于 /targets/8/key) / plan file plans/x.json at /targets/9/key (line 95, column 14): expected a key not used before, found "platform" again (first at /targets/8/key)',
      ].join("\n"),
    );
  });

  test("should locate an industry's focus district that is not a district", () => {
    expect(problem(edited('"focusDistricts": ["440114", "440111"]', '"focusDistricts": ["440114", "440199"]'))).toBe(
      '计划文件 plans/x.json 第 /industries/5/focusDistricts/1 项(第 154 行第 36 列):应为 /districts 中的区划代码,实际为 "440199" / plan file plans/x.json at /industries/5/focusDistricts/1 (line 154, column 36): expected a district code listed in /districts, found "440199"',
    );
  });

  test("should locate a retired code mapped to no district", () => {
    expect(problem(edited('"440116": "440112"', '"440116": "440116"'))).toBe(
      '计划文件 plans/x.json 第 /retiredDistrictCodes/440116 项(第 248 行第 15 列):应为 /districts 中的区划代码,实际为 "440116" / plan file plans/x.json at /retiredDistrictCodes/440116 (line 248, column 15): expected a district code listed in /districts, found "440116"',
    );
  });

  test("should locate an end before the start", () => {
    expect(problem(edited('"end": "2026-12-31"', '"end": "2023-12-31"'))).toBe(
      [
        '计划文件 plans/x.json 第 /end 项(第 9 行第 10 列):应为不早于 /start(2024-01-01)的日期,实际为 "2023-12-31" / plan file plans/x.json at /end (line 9, column 10): expected a day not before /start (2024-01-01), found "2023-12-31"',
        '计划文件 plans/x.json 第 /end 项(第 9 行第 10 列):应为不早于 /expectationStart(2024-09-01)的日期,实际为 "2023-12-31" / plan file plans/x.json at /end (line 9, column 10): expected a day not before /expectationStart (2024-09-01), found "2023-12-31"',
      ].join("\n"),
    );
  });

  test("should locate a day that does not exist", () => {
    expect(problem(edited('"start": "2024-01-01"', '"start": "2024-02-30"'))).toBe(
      '计划文件 plans/x.json 第 /start 项(第 8 行第 12 列):应为存在的日期,实际为 "2024-02-30" / plan file plans/x.json at /start (line 8, column 12): expected a real calendar day, found "2024-02-30"',
    );
  });

  test("should locate a milestone outside the pilot", () => {
    expect(problem(edited('"from": "2024-04-01"', '"from": "2023-04-01"'))).toBe(
      '计划文件 plans/x.json 第 /milestones/1/from 项(第 358 行第 15 列):应为试点期内的日期(/start 2024-01-01 至 /finalAcceptanceBy 2027-03-31),实际为 "2023-04-01" / plan file plans/x.json at /milestones/1/from (line 358, column 15): expected a day within the pilot (/start 2024-01-01 to /finalAcceptanceBy 2027-03-31), found "2023-04-01"',
    );
  });

  test("should locate a milestone that ends before it starts", () => {
    expect(problem(edited('"from": "2024-04-01",\n      "to": "2024-12-31"', '"from": "2024-12-01",\n      "to": "2024-04-30"'))).toBe(
      '计划文件 plans/x.json 第 /milestones/1/to 项(第 359 行第 13 列):应为不早于 /milestones/1/from(2024-12-01)的日期,实际为 "2024-04-30" / plan file plans/x.json at /milestones/1/to (line 359, column 13): expected a day not before /milestones/1/from (2024-12-01), found "2024-04-30"',
    );
  });

  test("should locate a project window that ends before it starts", () => {
    expect(problem(edited('"from": "2023-10-11"', '"from": "2027-10-11"'))).toBe(
      '计划文件 plans/x.json 第 /funding/eligibleProjectWindow/to 项(第 333 行第 60 列):应为不早于 /funding/eligibleProjectWindow/from(2027-10-11)的日期,实际为 "2026-12-31" / plan file plans/x.json at /funding/eligibleProjectWindow/to (line 333, column 60): expected a day not before /funding/eligibleProjectWindow/from (2027-10-11), found "2026-12-31"',
    );
  });

  test("should locate a fund direction with no levels of money", () => {
    expect(problem(edited('"sources": ["市级"]', '"sources": []'))).toBe(
      "计划文件 plans/x.json 第 /funding/directions/7/sources 项(第 320 行第 20 列):应为至少一个计入上限的资金级别,实际为 [] / plan file plans/x.json at /funding/directions/7/sources (line 320, column 20): expected at least one level of money the caps count, found []",
    );
  });

  test("should locate a fund direction's level that the plan does not list", () => {
    expect(problem(edited('"sources": ["市级"]', '"sources": ["市"]'))).toBe(
      '计划文件 plans/x.json 第 /funding/directions/7/sources/0 项(第 320 行第 21 列):应为 /funding/sources 中的资金级别,实际为 "市" / plan file plans/x.json at /funding/directions/7/sources/0 (line 320, column 21): expected a level listed in /funding/sources, found "市"',
    );
  });

  test("should locate a citation that points at nothing", () => {
    expect(problem(edited('"/productStages":', '"/productStage":'))).toBe(
      '计划文件 plans/x.json 第 /citations/~1productStage 项(第 524 行第 22 列):应为指向本文件中某个值的 JSON Pointer,实际为 "/productStage" / plan file plans/x.json at /citations/~1productStage (line 524, column 22): expected a JSON Pointer to a value of this file, found "/productStage"',
    );
  });
});

describe("plan file errors: measures (positions counted in plans/guangzhou.json)", () => {
  test("should name the kinds of the catalogue once for a measure of an unknown kind", () => {
    // Covered above for "yes"; a near miss gets the same single message, not one per catalogue entry.
    expect(problem(edited('"kind": "providers"', '"kind": "provider"')).split("\n")).toHaveLength(1);
  });

  test("should give a measure of a known kind only that kind's complaints", () => {
    expect(problem(edited('"recordKind": "公共服务平台" }', '"recordKinds": "公共服务平台" }')).split("\n").sort()).toEqual([
      '计划文件 plans/x.json 第 /targets/9/measure/recordKind 项(第 100 行第 18 列):应为必填字段,实际缺失 / plan file plans/x.json at /targets/9/measure/recordKind (line 100, column 18): expected a value (a required field), found none',
      '计划文件 plans/x.json 第 /targets/9/measure/recordKinds 项(第 100 行第 60 列):应为 plans/plan.schema.json 定义的字段,实际为未定义的字段 "recordKinds" / plan file plans/x.json at /targets/9/measure/recordKinds (line 100, column 60): expected a field plans/plan.schema.json defines, found an unknown field "recordKinds"',
    ]);
  });

  test("should not ask for null when a value the plan may leave null is wrong inside", () => {
    expect(problem(edited('"maxShareOfVerified": 0.5', '"maxShareOfVerified": "0.5"'))).toBe(
      '计划文件 plans/x.json 第 /funding/subsidy/maxShareOfVerified 项(第 327 行第 29 列):应为数字,实际为 "0.5" / plan file plans/x.json at /funding/subsidy/maxShareOfVerified (line 327, column 29): expected a number, found "0.5"',
    );
  });

  test("should locate a recognitions kind the plan does not list", () => {
    expect(problem(edited('"kinds": ["数字化车间"]', '"kinds": ["数字车间"]'))).toBe(
      '计划文件 plans/x.json 第 /targets/2/measure/kinds/0 项(第 37 行第 54 列):应为 /recognitionKinds 中的认定类型,实际为 "数字车间" / plan file plans/x.json at /targets/2/measure/kinds/0 (line 37, column 54): expected a kind listed in /recognitionKinds, found "数字车间"',
    );
  });

  test("should locate a share target written as a count", () => {
    expect(problem(edited('{ "kind": "enterprises_at_level", "minLevel": 2, "accepted": true }', '{ "kind": "share_at_level", "minLevel": 2 }'))).toBe(
      '计划文件 plans/x.json 第 /targets/0/target 项(第 17 行第 17 列):应为 0 到 1 之间的比例(0.9 即 90%),实际为 710 / plan file plans/x.json at /targets/0/target (line 17, column 17): expected a share between 0 and 1 (0.9 is 90%), found 710',
    );
  });

  test("should locate a partOf that names no other target", () => {
    expect(problem(edited('"cite": "二、工作目标"', '"cite": "二、工作目标",\n      "partOf": "nothing"'))).toBe(
      '计划文件 plans/x.json 第 /targets/0/partOf 项(第 21 行第 17 列):应为 /targets 中另一个目标的 key,实际为 "nothing" / plan file plans/x.json at /targets/0/partOf (line 21, column 17): expected the key of another target in /targets, found "nothing"',
    );
  });

  test("should locate a yearly step after the end", () => {
    const step = '"cite": "二、工作目标",\n      "milestones": [{ "by": "2027-06-30", "target": 500, "cite": "x" }]';
    expect(problem(edited('"cite": "二、工作目标"', step))).toBe(
      '计划文件 plans/x.json 第 /targets/0/milestones/0/by 项(第 21 行第 30 列):应为晚于 2024-09-01 且早于 /end (2026-12-31) 的日期,实际为 "2027-06-30" / plan file plans/x.json at /targets/0/milestones/0/by (line 21, column 30): expected a date after 2024-09-01 and before /end (2026-12-31), found "2027-06-30"',
    );
  });
});

describe("the shipped plans", () => {
  test("should read 九江's targets as its text gives them, with null where it gives none", () => {
    const plan = readPlanFile(resolve(projectRoot, "plans/jiujiang.json"));
    expect(plan.targets.map((t) => [t.key, t.target, t.partOf ?? null])).toEqual([
      ["enterprises_in_transformation", 430, null],
      ["above_scale_in_transformation", 400, "enterprises_in_transformation"],
      ["share_level2_above_scale_srdi", 0.9, null],
      ["share_level2_little_giants", 1, null],
      ["share_level2_below_scale", null, null],
      ["workshops", 20, null],
      ["cloud", 400, null],
    ]);
    expect([plan.start, plan.expectationStart, plan.finalAcceptanceBy, plan.docNo, plan.funding.subsidy]).toEqual([null, null, null, null, null]);
    expect(plan.districts).toHaveLength(13);
    expect(plan.areaNoun).toBe("县(市、区)");
  });

  test("should read 东营's targets and end", () => {
    const plan = readPlanFile(resolve(projectRoot, "plans/dongying.json"));
    expect(plan.targets.map((t) => [t.key, t.target, t.partOf ?? null])).toEqual([
      ["enterprises_transformed", 730, null],
      ["little_giants_transformed", 61, "enterprises_transformed"],
      ["srdi_transformed", 318, "enterprises_transformed"],
      ["share_above_scale_transformed", null, null],
      ["smart_factories", 32, null],
      ["cloud", 730, null],
    ]);
    expect(plan.districts).toHaveLength(5);
    expect(plan.areaNoun).toBe("县区");
    expect([plan.docNo, plan.end]).toEqual(["东工信字〔2026〕2号", "2027-12-31"]);
  });
});

describe("a plan error stops commands and loaders", () => {
  const bad = tmpFile("bad.json", edited('"target": 40,', '"target": "710家",', 1));
  const message = `计划文件 ${bad} 第 /targets/3/target 项(第 44 行第 17 列):应为数字或null,实际为 "710家" / plan file ${bad} at /targets/3/target (line 44, column 17): expected a number or null, found "710家"\n`;

  test("should make a command exit 1 with the located message only (--plan)", async () => {
    const err = await run(tsx, [join(projectRoot, "scripts/report.ts"), "--plan", bad], { cwd: projectRoot }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 1, stdout: "", stderr: message });
  });

  test("should make a page loader fail with the located message ($PILOT_PLAN), so the build stops", async () => {
    const err = await run(tsx, [join(projectRoot, "src/data.zip.ts")], { cwd: projectRoot, env: { ...process.env, PILOT_PLAN: bad } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 1, stdout: "" });
    expect((err as { stderr: string }).stderr).toContain(message.trim());
  });
});
