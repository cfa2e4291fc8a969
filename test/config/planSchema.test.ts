// plans/plan.schema.json and loaders/plan/types.ts cannot drift: the committed schema is the one
// generated from the PilotPlan type, and the committed plan follows it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { generatePlanSchema, planSchemaPath } from "../../scripts/plan-schema.ts";

describe("plans/plan.schema.json", () => {
  test("should be the schema generated from loaders/plan/types.ts (run npx tsx scripts/plan-schema.ts after editing the types)", () => {
    expect(readFileSync(planSchemaPath, "utf8")).toBe(generatePlanSchema());
  });

  test("should describe every field", () => {
    const schema = JSON.parse(readFileSync(planSchemaPath, "utf8")) as object;
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      for (const [name, prop] of Object.entries((n.properties as Record<string, unknown> | undefined) ?? {})) {
        const p = prop as Record<string, unknown>;
        // Record<1|2|3|4, …> keys (level numbers) are self-explanatory.
        if (!p.description && !/^\d$/.test(name)) undescribed.push(`${path}/${name}`);
        walk(p, `${path}/${name}`);
      }
      walk(n.items, `${path}/items`);
      for (const [name, def] of Object.entries((n.definitions as Record<string, unknown> | undefined) ?? {})) walk(def, `#/definitions/${name}`);
    };
    walk(schema, "");
    expect(undescribed).toEqual([]);
  });

  test("should accept plans/guangzhou.json, which names it as its $schema", () => {
    const plan = JSON.parse(readFileSync(resolve(projectRoot, "plans/guangzhou.json"), "utf8")) as Record<string, unknown>;
    expect(plan.$schema).toBe("./plan.schema.json");
    const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(planSchemaPath, "utf8")) as object);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
  });
});
