// Row types are declared once, under loaders/ (the KPI report, the weekly review, the
// self-assessment, milestones, the data-quality rows, the plan). Components import them type only
// (Framework's transpile erases `import type`, so pages never load loaders/ code), as a Pick<…>
// when they take only some fields. This lists every object type declared under src/components and
// fails on one that redeclares a row: named …Row, or whose fields are all fields of one loaders type.
import { lstatSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";

/** Where the rows are declared. */
const homes = [
  "loaders/kpi/reportTypes.ts",
  "loaders/kpi/milestones.ts",
  "loaders/weekly/types.ts",
  "loaders/selfassessment/types.ts",
  "loaders/quality/types.ts",
  "loaders/plan/types.ts",
];

/** Declarations allowed anyway, each with the reason. */
const exceptions: Record<string, string> = {
  "units/unitScorecard.ts ScorecardRow":
    "derived, not copied: extends Omit<LeadingUnitRow, …> and turns tier_awarded / tier_earned into sort ranks (numbers), which no loaders type holds",
  "shared/tableExport.ts ExportColumn":
    "a download column { key, label }, not a row: its two field names only happen to be KpiRow's too",
};

interface Declared {
  file: string;
  name: string;
  fields: string[];
}

/** Top-level `interface X {…}` and `type X = {…}` declarations of a file, with their own (first-level) field names. */
function declarations(file: string, text: string): Declared[] {
  const found: Declared[] = [];
  const start = /^(?:export )?(?:interface (\w+)(?:<[^>]*>)?(?: extends [^{]+)?|type (\w+)(?:<[^>]*>)? =) \{\s*$/gm;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const end = text.indexOf("\n}", m.index);
    const body = text.slice(m.index + m[0].length, end);
    const fields = [...body.matchAll(/^ {2}(?:readonly )?(\w+)\??:/gm)].map((f) => f[1]!);
    found.push({ file, name: (m[1] ?? m[2])!, fields });
  }
  return found;
}

/** The component files (.ts, not links: shared/format.ts is loaders/format/format.ts). */
function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return componentFiles(p);
    return e.name.endsWith(".ts") && !lstatSync(p).isSymbolicLink() ? [p] : [];
  });
}

const componentsDir = join(projectRoot, "src/components");
const declared = componentFiles(componentsDir).flatMap((f) => declarations(relative(componentsDir, f), readFileSync(f, "utf8")));
const rows = homes.flatMap((h) => declarations(h, readFileSync(join(projectRoot, h), "utf8")));

/** Why `d` looks like a redeclared row, or null. */
function redeclares(d: Declared): string | null {
  if (/Row$/.test(d.name)) return "named …Row";
  if (d.fields.length < 2) return null;
  const home = rows.find((r) => d.fields.every((f) => r.fields.includes(f)));
  return home ? `fields ${d.fields.join(", ")} are all ${home.name}'s (${home.file}): import it, or Pick<${home.name}, …>` : null;
}

describe("row types come from loaders/", () => {
  test("should find the declarations it checks (the parser still reads both sides)", () => {
    expect(rows.find((r) => r.name === "KpiRow")?.fields).toContain("required_weekly");
    expect(rows.find((r) => r.name === "District")?.fields).toEqual(["code", "name", "short", "pinyin", "aliases", "tile"]);
    expect(declared.map((d) => d.name)).toContain("ExportTable");
  });

  test("should have no component redeclare a row type, save the listed exceptions", () => {
    const found = declared.flatMap((d) => {
      const why = redeclares(d);
      return why ? [`${d.file} ${d.name}: ${why}`] : [];
    });
    const unexpected = found.filter((f) => !(f.slice(0, f.indexOf(":")) in exceptions));
    expect(unexpected).toEqual([]);
    // An exception whose declaration is gone (or no longer flagged) must leave the list too.
    expect(Object.keys(exceptions).filter((k) => !found.some((f) => f.startsWith(`${k}:`)))).toEqual([]);
  });
});
