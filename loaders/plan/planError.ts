// The plan file error, apart from the validator so that loaders/config/paths.ts (which chooses the plan file) can throw it.
/** The plan file cannot be used; `problems` holds one located, bilingual line per problem (the message joins them). */
export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "PlanError";
  }
}
