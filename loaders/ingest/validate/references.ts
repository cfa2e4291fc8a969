/** Rules across rows and tables of one snapshot: unique ids and references that must resolve. */
import type { TableKey } from "../../contract/tables.ts";

/** A column whose value must be the id of a loaded row in another table (when not empty). */
export interface Reference {
  table: TableKey;
  column: string;
  target: TableKey;
}

export const references: Reference[] = [
  { table: "providers", column: "unit_id", target: "leading_units" },
  { table: "loans", column: "uscc", target: "enterprises" },
  { table: "assessments", column: "uscc", target: "enterprises" },
  { table: "assessment_scenarios", column: "assessment_id", target: "assessments" },
  { table: "projects", column: "uscc", target: "enterprises" },
  { table: "projects", column: "leading_unit_id", target: "leading_units" },
  { table: "projects", column: "provider_id", target: "providers" },
  { table: "products", column: "provider_id", target: "providers" },
  { table: "funds", column: "project_id", target: "projects" },
  { table: "funds", column: "loan_id", target: "loans" },
  { table: "unit_reports", column: "unit_id", target: "leading_units" },
  { table: "unit_reviews", column: "unit_id", target: "leading_units" },
];

/** Tables in an order where every reference points to a table validated earlier. */
export const validationOrder: TableKey[] = [
  "leading_units",
  "enterprises",
  "providers",
  "loans",
  "assessments",
  "assessment_scenarios",
  "projects",
  "products",
  "funds",
  "recognitions",
  "trainings",
  "district_targets",
  "tier_criteria",
  "unit_reports",
  "unit_reviews",
];
