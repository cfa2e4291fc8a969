// Every KPI SQL file checked against the warehouse schema: the folder is walked, so a new file is covered.
import { readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, test } from "vitest";
import { plan } from "../helpers/plan.ts";
import { kpiParams } from "../../loaders/kpi/params.ts";

import { installMacros, prepareBound } from "../../loaders/warehouse/query.ts";
import { macrosInOrder, readSql, sqlNames, sqlPath } from "../../loaders/sql/files.ts";
import { S2, openEmpty } from "./fixture.ts";
import { runQueryFile } from "../../loaders/warehouse/query.ts";

let conn: DuckDBConnection;
const params = kpiParams(plan, S2, S2);

beforeAll(async () => {
  conn = await openEmpty(plan);
  await installMacros(conn);
});

describe("query files", () => {
  test("should include the output tables the report is built from", () => {
    expect(sqlNames("report")).toEqual(expect.arrayContaining([
      "compliance_breaches", "funds_by_direction_source", "funds_by_district", "funds_by_industry", "funds_monthly",
      "kpi_by_district", "kpi_by_industry", "kpi_district_industry", "kpi_series", "kpi_targets",
      "leading_unit_scorecard", "level_audit", "level_uplift", "pipeline_overdue", "pipeline_stages",
      "pipeline_stuck", "products_by_stage_industry", "providers_by_unit", "report_timing",
    ]));
  });

  for (const name of sqlNames("report")) {
    test(`${name}.sql should EXPLAIN against the schema with its parameters bound`, async () => {
      const prepared = await prepareBound(conn, `EXPLAIN ${readSql("report", name)}`, params);
      try {
        const plan = (await prepared.runAndReadAll()).getRowObjectsJson();
        expect(plan.length).toBeGreaterThan(0);
      } finally {
        prepared.destroySync();
      }
    });

    // runQuery refuses BIGINT/DECIMAL columns (they would reach the JSON as strings).
    test(`${name}.sql should run on an empty warehouse with JSON-safe column types`, async () => {
      await expect(runQueryFile(conn, "report", name, params)).resolves.toBeInstanceOf(Array);
    });

    test(`${name}.sql should bind parameters, never splice dates`, () => {
      // Text check (the only one here): a quoted date literal in a query would be a spliced as-of.
      expect(readSql("report", name)).not.toMatch(/'\d{4}-\d{2}-\d{2}'/);
    });
  }
});

describe("macro files", () => {
  test("should each create the macro the file is named after", () => {
    for (const { name, sql } of macrosInOrder()) {
      expect(sql).toMatch(new RegExp(`CREATE OR REPLACE TEMP MACRO ${name}\\(`));
      expect(readFileSync(sqlPath("macros", name), "utf8")).toBe(sql);
    }
  });

  test("should be ordered so each comes after the macros it calls", () => {
    const names = macrosInOrder().map((m) => m.name);
    expect(names.indexOf("valid_at")).toBeLessThan(names.indexOf("kpi_facts_at"));
    expect(names.indexOf("counted_enterprises")).toBeLessThan(names.indexOf("accepted_level_spells"));
    expect(names.indexOf("accepted_level_spells")).toBeLessThan(names.indexOf("transformed_spells"));
    expect(names.indexOf("accepted_level_spells")).toBeLessThan(names.indexOf("target_facts"));
    expect(names.indexOf("target_facts")).toBeLessThan(names.indexOf("kpi_facts"));
    expect(names.indexOf("kpi_facts")).toBeLessThan(names.indexOf("kpi_facts_at"));
  });
});

describe("parameters", () => {
  test("should reject a query naming a parameter the bag lacks", async () => {
    await expect(prepareBound(conn, "SELECT $no_such_thing AS x", params)).rejects.toThrow("$no_such_thing");
  });

  test("should reject a malformed date", () => {
    expect(() => kpiParams(plan, "2026/06/30", S2)).toThrow("YYYY-MM-DD");
  });
});
