// The weekly SQL files against the warehouse schema, the generated weekly_cells view against the
// contract, and the progress rules against the plan.
import type { DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, test } from "vitest";
import { contractTables } from "../../loaders/contract/tables.ts";
import { installMacros, prepareBound } from "../../loaders/warehouse/query.ts";
import { plan } from "../helpers/plan.ts";
import { storedColumns } from "../../loaders/warehouse/schema.ts";
import { cellsViewSQL, installCellsView, recordKey } from "../../loaders/weekly/cellsView.ts";
import { weeklyParams } from "../../loaders/weekly/params.ts";
import { statusFlow } from "../../loaders/weekly/rules.ts";
import { readSql, sqlNames } from "../../loaders/sql/files.ts";
import { runQueryFile } from "../../loaders/warehouse/query.ts";
import { openEmpty } from "../kpi/fixture.ts";
import { A, B, openWeeklyFixture } from "./fixture.ts";

const tables = contractTables(plan);

let empty: DuckDBConnection;
const params = weeklyParams(plan, A, B);

beforeAll(async () => {
  empty = await openEmpty(plan);
  await installMacros(empty);
  await installCellsView(empty, plan);
});

describe("weekly query files", () => {
  test("should be one per output table of the review", () => {
    expect(sqlNames("weekly")).toEqual(["new_events", "quality_changes", "quality_totals", "revisions", "status_changes"]);
  });

  for (const name of sqlNames("weekly")) {
    test(`${name}.sql should EXPLAIN against the schema with its parameters bound`, async () => {
      const prepared = await prepareBound(empty, `EXPLAIN ${readSql("weekly", name)}`, params);
      try {
        expect((await prepared.runAndReadAll()).getRowObjectsJson().length).toBeGreaterThan(0);
      } finally {
        prepared.destroySync();
      }
    });

    test(`${name}.sql should run on an empty warehouse with JSON-safe column types`, async () => {
      await expect(runQueryFile(empty, "weekly", name, params)).resolves.toBeInstanceOf(Array);
    });

    // Text check (the only one here): a quoted date literal would be a spliced snapshot.
    test(`${name}.sql should bind its dates, never splice them`, () => {
      expect(readSql("weekly", name)).not.toMatch(/'\d{4}-\d{2}-\d{2}'/);
    });
  }

  test("new_events should give every kind a total row even on an empty warehouse", async () => {
    const rows = await runQueryFile<{ key: string; dim: string; events: number }>(empty, "weekly", "new_events", params);
    expect(rows.map((r) => [r.dim, r.events])).toEqual(rows.map(() => ["total", 0]));
    expect(rows).toHaveLength(14);
  });
});

describe("weekly_cells", () => {
  test("should hold one cell per stored non-key column of every contract table", async () => {
    const conn = await openWeeklyFixture(plan);
    await installCellsView(conn, plan);
    const reader = await conn.runAndReadAll(`SELECT DISTINCT table_key, column_key FROM weekly_cells`);
    const got = new Set(reader.getRowObjectsJson().map((r) => `${r.table_key}.${r.column_key}`));
    // The fixture leaves no table empty on A or B, so every column of every table shows up.
    const expected = tables.flatMap((t) => storedColumns(t).filter((c) => !recordKey(t).includes(c.key)).map((c) => `${t.key}.${c.key}`));
    expect([...got].sort()).toEqual(expected.sort());
  });

  test("should be generated from the contract, so a new table or column needs no SQL edit", () => {
    const sql = cellsViewSQL(contractTables(plan));
    for (const t of tables) expect(sql).toContain(`FROM ${t.key}`);
    expect(sql).not.toMatch(/\bcontact\b|\bphone\b/); // personal columns are never stored
  });

  test("should match rows of tables without an id by their unique-by columns", () => {
    expect(recordKey(tables.find((t) => t.key === "assessment_scenarios")!)).toEqual(["assessment_id", "scenario"]);
    expect(recordKey(tables.find((t) => t.key === "projects")!)).toEqual(["project_id"]);
  });
});

describe("status flow", () => {
  test("should treat moves to a later stage, a failed review and a re-application as progress", () => {
    const flow = new Set(statusFlow(plan).map(([a, b]) => `${a}→${b}`));
    for (const move of ["诊断中→已签约", "实施中→验收申请", "实施中→验收通过", "验收申请→验收未通过", "验收未通过→验收通过", "验收未通过→验收申请", "实施中→终止"]) {
      expect(flow.has(move), move).toBe(true);
    }
  });

  test("should treat any move out of 验收通过 or 终止, and any backward move, as a revision", () => {
    const flow = new Set(statusFlow(plan).map(([a, b]) => `${a}→${b}`));
    for (const move of ["验收通过→验收申请", "验收通过→终止", "终止→实施中", "验收申请→实施中", "已签约→诊断中"]) {
      expect(flow.has(move), move).toBe(false);
    }
  });
});
