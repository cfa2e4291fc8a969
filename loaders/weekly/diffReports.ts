/**
 * The parts of the weekly review that compare the KPI report of A with that of B: targets,
 * overdue and stuck projects, funding-rule breaches and review items, districts. Pure functions of two reports,
 * so the numbers are those the other pages show for each snapshot.
 */
import type { Breach, Report, ReviewItem } from "../kpi/reportTypes.ts";
import type { DistrictMove, ListChange, ProjectLeft, StatusChange, TargetChange } from "./types.ts";

// A required amount of 11.8 met by 11.8000000001 is met: compare counts at 1e-9.
const EPS = 1e-9;

/** Each target on A and B, and whether the period added what A's required weekly rate asked for. */
export function targetChanges(a: Report, b: Report, weeks: number): TargetChange[] {
  return b.kpis.map((kb) => {
    const ka = a.kpis.find((k) => k.key === kb.key);
    if (!ka) throw new Error(`target ${kb.key} is missing from the report of ${a.snapshot}`);
    const delta = kb.actual == null || ka.actual == null ? null : kb.actual - ka.actual;
    const required = kb.kind === "count" ? ka.required_weekly : null;
    // Comparing a snapshot with itself (a root with one snapshot) requires nothing and judges nothing.
    const requiredForPeriod = required == null || weeks <= 0 ? null : required * weeks;
    return {
      key: kb.key, label: kb.label, short: kb.short, unit: kb.unit, kind: kb.kind, target: kb.target,
      before: ka.actual, after: kb.actual, delta,
      status_before: ka.status, status_after: kb.status,
      pct_after: kb.pct, expected_after: kb.expected, pct_of_expected_after: kb.pct_of_expected,
      remaining_after: kb.remaining,
      required_weekly: required,
      required_for_period: requiredForPeriod,
      met: requiredForPeriod == null || delta == null ? null : delta >= requiredForPeriod - EPS,
    };
  });
}

interface ProjectRow {
  project_id: string;
  project_name: string | null;
  enterprise: string | null;
  district: string | null;
  leading_unit: string | null;
  status: string;
}

/** Projects that joined or left a list (overdue, stuck) between A and B, matched by project_id. */
export function projectListChange<T extends ProjectRow>(a: T[], b: T[], statusChanges: StatusChange[]): ListChange<T, ProjectLeft> {
  const inA = new Set(a.map((p) => p.project_id));
  const inB = new Set(b.map((p) => p.project_id));
  const statusAfter = new Map(statusChanges.map((c) => [c.project_id, c.to_status]));
  return {
    added: b.filter((p) => !inA.has(p.project_id)),
    removed: a
      .filter((p) => !inB.has(p.project_id))
      .map((p) => ({
        project_id: p.project_id,
        project_name: p.project_name,
        enterprise: p.enterprise,
        district: p.district,
        leading_unit: p.leading_unit,
        status_after: statusAfter.has(p.project_id) ? statusAfter.get(p.project_id)! : p.status,
      })),
    total_before: a.length,
    total_after: b.length,
  };
}

const breachKey = (x: Breach): string => `${x.rule}|${x.entity_id ?? ""}|${x.period ?? ""}`;

/** Breaches B finds that A did not (new), and those A found that B no longer does (resolved or revised away). */
export function breachChange(a: Breach[], b: Breach[]): ListChange<Breach> {
  const inA = new Set(a.map(breachKey));
  const inB = new Set(b.map(breachKey));
  return {
    added: b.filter((x) => !inA.has(breachKey(x))),
    removed: a.filter((x) => !inB.has(breachKey(x))),
    total_before: a.length,
    total_after: b.length,
  };
}

const reviewKey = (x: ReviewItem): string => `${x.rule}|${x.payment_id}`;

/** Review items B lists that A did not (new this week), and those A listed that B no longer does. */
export function reviewChange(a: ReviewItem[], b: ReviewItem[]): ListChange<ReviewItem> {
  const inA = new Set(a.map(reviewKey));
  const inB = new Set(b.map(reviewKey));
  return {
    added: b.filter((x) => !inA.has(reviewKey(x))),
    removed: a.filter((x) => !inB.has(reviewKey(x))),
    total_before: a.length,
    total_after: b.length,
  };
}

/**
 * Each district's change in the headline enterprise count and the diagnosis count (report.plan.headline:
 * 改造达二级 and 诊断评测 in Guangzhou), against its district target's line; none without a headline.
 */
export function districtMoves(a: Report, b: Report, weeks: number): DistrictMove[] {
  const { primary, diagnosis } = b.plan.headline;
  const pick = (r: Report, key: string, code: string) => r.by_district.find((d) => d.key === key && d.district_code === code);
  const weeksLeft = a.timing.weeks_left;
  return b.by_district
    .filter((d) => d.key === primary)
    .map((tb) => {
      const ta = pick(a, tb.key, tb.district_code);
      const da = diagnosis == null ? undefined : pick(a, diagnosis, tb.district_code);
      const db = diagnosis == null ? undefined : pick(b, diagnosis, tb.district_code);
      const before = ta?.actual ?? 0;
      const delta = tb.actual - before;
      // The district's own line: what is left of its target on A, spread over the weeks left on A.
      const required = tb.target != null && weeksLeft > 0 && weeks > 0 ? (Math.max(tb.target - before, 0) / weeksLeft) * weeks : null;
      return {
        district_code: tb.district_code,
        district: tb.district,
        transformed_before: before,
        transformed_after: tb.actual,
        transformed_delta: delta,
        diagnosed_before: da?.actual ?? 0,
        diagnosed_after: db?.actual ?? 0,
        diagnosed_delta: (db?.actual ?? 0) - (da?.actual ?? 0),
        target: tb.target,
        required_for_period: required,
        shortfall: required == null ? null : required - delta,
      };
    });
}

/**
 * The worst-moving districts: those that lost enterprises transformed (most lost first), then those
 * that fell furthest behind their district target's line this period; at most `n`.
 */
export function worstMovingDistricts(moves: DistrictMove[], n = 3): DistrictMove[] {
  const lost = moves.filter((m) => m.transformed_delta < 0).sort((x, y) => x.transformed_delta - y.transformed_delta);
  const behind = moves
    .filter((m) => m.transformed_delta >= 0 && (m.shortfall ?? 0) > EPS)
    .sort((x, y) => y.shortfall! - x.shortfall! || x.district_code.localeCompare(y.district_code));
  return [...lost, ...behind].slice(0, n);
}
