/**
 * npx tsx scripts/plan-schema.ts [--check]
 * Write plans/plan.schema.json, the JSON Schema of a plan file, generated from the PilotPlan type
 * (loaders/plan/types.ts) by ts-json-schema-generator: the types' doc comments are the schema's
 * descriptions, their `@pattern` / `@minimum` / `@maximum` tags its constraints. `--check` writes
 * nothing and exits 1 when the committed schema differs from the generated one (as
 * test/config/planSchema.test.ts does): after editing types.ts, run this without --check.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import { projectRoot } from "../loaders/config/paths.ts";
import { print, printError, runCli } from "./lib/cli.ts";

/** Where the committed schema is. */
export const planSchemaPath = resolve(projectRoot, "plans/plan.schema.json");

/** The schema of a plan file, generated from loaders/plan/types.ts, as the text committed in plans/plan.schema.json. */
export function generatePlanSchema(): string {
  const generated = createGenerator({
    path: resolve(projectRoot, "loaders/plan/types.ts"),
    type: "PilotPlan",
    expose: "export",
    topRef: true,
    jsDoc: "extended",
    additionalProperties: false,
    sortProps: true,
    skipTypeCheck: true,
    // Without a tsconfig the generator uses TypeScript's defaults; types.ts imports nothing.
    tsconfig: undefined,
  }).createSchema("PilotPlan");
  const schema = {
    $schema: generated.$schema,
    title: "City pilot plan (中小企业数字化转型城市试点工作方案)",
    description:
      "A city pilot plan as the monitor reads it: targets, caps, dates, districts, industries, level rule and SME thresholds, each value citing the plan's section. Generated from loaders/plan/types.ts by scripts/plan-schema.ts; do not edit by hand. See docs/plan-file.md.",
    $ref: generated.$ref,
    definitions: generated.definitions,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

async function main(): Promise<number> {
  const text = generatePlanSchema();
  if (process.argv.includes("--check")) {
    const committed = readFileSync(planSchemaPath, "utf8");
    if (committed === text) return 0;
    await printError(
      "plans/plan.schema.json 与 loaders/plan/types.ts 不一致,请运行 npx tsx scripts/plan-schema.ts / " +
        "plans/plan.schema.json differs from loaders/plan/types.ts: run npx tsx scripts/plan-schema.ts",
    );
    return 1;
  }
  writeFileSync(planSchemaPath, text);
  await print(`wrote ${planSchemaPath}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
