/**
 * Who a build is for. A static site cannot filter rows per reader at request time, so each
 * audience gets its own build whose data files hold only what that audience may see:
 *
 * - `city`: everything (the internal site), classified 内部资料;
 * - `district:<code>`: that district's own enterprise-, project- and payment-level rows; the city
 *   and the other districts only as the aggregates the comparison pages show, classified 本区资料;
 * - `public`: the public site (suppressed aggregates, observablehq.public.config.ts), 公开.
 *
 * The audience reaches Framework's config and every loader through $PILOT_AUDIENCE (scripts/build.ts
 * sets it); loaders filter their output by it (loaders/outputs/scope.ts), pages never do.
 */
import type { PilotPlan } from "../plan/types.ts";

export type Audience =
  | { kind: "city" }
  | { kind: "public" }
  | { kind: "district"; code: string; name: string; pinyin: string };

/** "city" | "public" | "district:<GB/T 2260 code of one of `plan`'s districts>" → Audience; throws on anything else. */
export function parseAudience(text: string, plan: PilotPlan): Audience {
  if (text === "city" || text === "public") return { kind: text };
  const m = /^district:(\d{6})$/.exec(text);
  const d = m ? plan.districts.find((x) => x.code === m[1]) : undefined;
  if (d) return { kind: "district", code: d.code, name: d.name, pinyin: d.pinyin };
  const codes = plan.districts.map((x) => x.code).join(", ");
  throw new Error(`unknown audience "${text}": use city, public or district:<code> (${codes})`);
}

/** The audience of this process: $PILOT_AUDIENCE, else city (today's internal site). */
export function audienceFromEnv(plan: PilotPlan, env: NodeJS.ProcessEnv = process.env): Audience {
  return parseAudience(env.PILOT_AUDIENCE?.trim() || "city", plan);
}

/** The audience as written on the command line and in the manifest. */
export function audienceId(a: Audience): string {
  return a.kind === "district" ? `district:${a.code}` : a.kind;
}

/** Every audience of the plan: the city, one per district, and the public. */
export function allAudiences(plan: PilotPlan): Audience[] {
  return [{ kind: "city" }, ...plan.districts.map((d) => parseAudience(`district:${d.code}`, plan)), { kind: "public" }];
}

/** The classification every page of the audience's site carries beside the data date. */
export function classification(a: Audience): string {
  return a.kind === "city" ? "内部资料" : a.kind === "district" ? "本区资料" : "公开";
}

/** The district whose rows a build may hold: its code, or null for the whole city. */
export function scopeDistrict(a: Audience): string | null {
  return a.kind === "district" ? a.code : null;
}

/**
 * Internal pages a district build leaves out: their rows have no district (leading units and their
 * reports and reviews, providers, products), span every district (the weekly review's lists, the
 * city's self-assessment document) or quote input rows of any district (the data-quality issues).
 * The district's own rows of them are on the pages it keeps.
 */
export const cityOnlyPages = ["/weekly", "/selfassessment", "/units", "/unit-reviews", "/supply", "/quality"] as const;
