import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { codesTable, contractTable } from "../../scripts/docs-tables.ts";
import { plan } from "../helpers/plan.ts";

describe("docs", () => {
  test("should list every issue code in docs/validation.md as the code defines it", () => {
    const doc = readFileSync(resolve(projectRoot, "docs/validation.md"), "utf8");
    // Regenerate with: npx tsx scripts/docs-tables.ts codes, pasted under "## Every code".
    expect(doc).toContain(codesTable());
  });

  test("should describe every contract table and column in docs/input-contract.md", () => {
    const doc = readFileSync(resolve(projectRoot, "docs/input-contract.md"), "utf8");
    // Regenerate with: npx tsx scripts/docs-tables.ts contract, pasted under "## Tables".
    expect(doc).toContain(contractTable(plan));
  });
});
