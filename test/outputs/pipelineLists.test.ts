/**
 * The /pipeline page's packed lists (loaders/outputs/pipelineLists.ts): each project once, words
 * as indexes, each list's rows in the report's order; unpacked (src/components/pipeline/pipelineRows.ts)
 * they equal the report's rows.
 */
import { describe, expect, test } from "vitest";
import type { OverdueProject, StuckProject } from "../../loaders/kpi/reportTypes.ts";
import { packPipelineLists } from "../../loaders/outputs/pipelineLists.ts";
import { pipelineRows } from "../../src/components/pipeline/pipelineRows.ts";

const ref = (id: string, over: Partial<OverdueProject> = {}) => ({
  project_id: id,
  project_name: `${id}改造项目`,
  uscc: `9144010100000000${id.slice(-2)}`,
  enterprise: `企业${id}`,
  district_code: "440111",
  district: "白云区",
  industry_key: "cosmetics",
  industry: "时尚美妆",
  leading_unit_id: "QY001",
  leading_unit: "牵引一号",
  status: "实施中",
  ...over,
});
// P01 is both overdue and stuck; P03 has no name, no district and an unknown unit.
const overdue: OverdueProject[] = [
  { ...ref("P01"), planned_end: "2025-06-30", days_overdue: 300 },
  { ...ref("P02", { district_code: "440112", district: "黄埔区", status: "验收申请" }), planned_end: "2025-08-01", days_overdue: 268 },
];
const stuck: StuckProject[] = [
  { ...ref("P03", { project_name: null, district_code: null, district: null, leading_unit: null, leading_unit_id: "QY404" }), last_change_on: "2025-01-02", days_since_change: 480 },
  { ...ref("P01"), last_change_on: "2025-03-01", days_since_change: 422 },
];

describe("pipeline lists (项目进度)", () => {
  test("should store each project once, words as indexes, and each list as [project, date, days] in order", () => {
    const packed = packPipelineLists(overdue, stuck);
    expect(packed.projects.project_id).toEqual(["P01", "P02", "P03"]);
    expect(packed.projects.project_name).toEqual(["P01改造项目", "P02改造项目", null]);
    expect(packed.projects.district).toEqual([0, 1, 2]);
    expect(packed.dict.district).toEqual(["白云区", "黄埔区", null]);
    expect(packed.projects.leading_unit).toEqual([0, 0, 1]);
    expect(packed.dict.leading_unit).toEqual(["牵引一号", null]);
    expect(packed.dict.status).toEqual(["实施中", "验收申请"]);
    expect(packed.overdue).toEqual([[0, "2025-06-30", 300], [1, "2025-08-01", 268]]);
    expect(packed.stuck).toEqual([[2, "2025-01-02", 480], [0, "2025-03-01", 422]]);
  });

  test("should unpack, through JSON, into rows equal to the report's, in its order", () => {
    const back = pipelineRows(JSON.parse(JSON.stringify(packPipelineLists(overdue, stuck))));
    expect(back).toEqual({ overdue, stuck });
    expect(pipelineRows(packPipelineLists([], []))).toEqual({ overdue: [], stuck: [] });
  });
});
