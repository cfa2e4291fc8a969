/**
 * A snapshot as the world shows it on its date: for each contract table, the rows that exist by then
 * with the values they have then, in canonical form (ISO dates, district codes, industry keys,
 * numbers in 万元). Formatting quirks and faults are added later, when the rows are written.
 */
import type { TableKey } from "../../loaders/contract/tables.ts";
import { knobs } from "./knobs.ts";
import { interestAt } from "./loans.ts";
import { direction, plan, STATUS } from "./lookup.ts";
import { projectDatesAt } from "./timeline.ts";
import type { Payment, World } from "./types.ts";

export type Canon = string | number | boolean | null;

/** One row: a stable id (for quirks and faults) and its values by contract column key. */
export interface Rec {
  id: string;
  values: Record<string, Canon>;
}

/** The amount a payment shows in snapshot `index`. */
export function amountAt(p: Payment, index: number): number {
  return p.amountRevised && index < p.amountRevised.from ? p.amountRevised.before : p.amountWan;
}

export function viewTable(w: World, table: TableKey, index: number): Rec[] {
  const d = w.snapshots[index]!;
  switch (table) {
    case "enterprises":
      return w.enterprises
        .filter((e) => e.inExportFrom <= index && e.surveyedOn <= d)
        .map((e) => ({
          id: e.uscc,
          values: {
            uscc: e.uscc,
            name: e.name,
            district: e.district,
            industry: e.industry,
            employees: e.employees,
            revenue_wan: e.revenueWan,
            above_scale: e.revenueWan >= knobs.aboveScaleRevenueWan,
            quality_tier: e.tier,
            surveyed_on: e.surveyedOn,
            listed_on: e.listedOn !== null && e.listedOn <= d ? e.listedOn : null,
            // A removal is recorded from the first snapshot on or after its day.
            removed_on: e.removedOn !== undefined && e.removedOn <= d ? e.removedOn : null,
            removed_reason: e.removedOn !== undefined && e.removedOn <= d ? e.removedReason! : null,
            cloud_on: e.cloudOn !== undefined && e.cloudOn <= d ? e.cloudOn : null,
            contact: e.contact,
            phone: e.phone,
          },
        }));
    case "assessments":
      return w.assessments
        .filter((a) => a.on <= d)
        .map((a) => ({
          id: a.id,
          values: { assessment_id: a.id, uscc: a.uscc, kind: a.kind, assessed_on: a.on, score_basis: a.basis, score_management: a.management, score_outcome: a.outcome, level: a.level },
        }));
    case "assessment_scenarios":
      return w.assessments
        .filter((a) => a.on <= d && a.scenarioLevels !== null)
        .flatMap((a) => a.scenarioLevels!.map((lv, i) => ({ id: `${a.id}/${i}`, values: { assessment_id: a.id, scenario: plan.levels.scenarios[i]!.name, scenario_level: lv } })));
    case "projects":
      return w.projects
        .filter((p) => p.createdOn <= d)
        .map((p) => {
          const at = projectDatesAt(p, d, index);
          const signed = at.signedOn !== null;
          return {
            id: p.id,
            values: {
              project_id: p.id,
              uscc: p.uscc,
              project_name: p.name,
              leading_unit_id: p.unitId,
              provider_id: signed ? p.providerId : null,
              signed_on: at.signedOn,
              planned_end: signed ? p.plannedEnd : null,
              contract_wan: signed ? p.contractWan : null,
              verified_wan: at.status === STATUS.accepted ? p.verifiedWan : null,
              status: at.status,
              applied_on: at.appliedOn,
              accepted_on: at.acceptedOn,
            },
          };
        });
    case "funds":
      return w.payments
        .filter((p) => p.paidOn <= d)
        .map((p) => ({
          id: p.id,
          values: { payment_id: p.id, direction: direction(p.direction).name, source: p.source, payee_id: p.payee, project_id: p.projectId, loan_id: p.loanId, district: p.district, amount_wan: amountAt(p, index), paid_on: p.paidOn },
        }));
    case "loans":
      return w.loans
        .filter((l) => l.issuedOn <= d)
        .map((l) => ({ id: l.id, values: { loan_id: l.id, uscc: l.uscc, bank: l.bank, principal_wan: l.principalWan, issued_on: l.issuedOn, interest_paid_wan: interestAt(l, d) } }));
    case "leading_units":
      return w.units
        .filter((u) => u.selectedOn <= d)
        .map((u) => {
          const removed = u.removedOn !== undefined && u.removedOn <= d;
          return { id: u.id, values: { unit_id: u.id, name: u.name, uscc: u.uscc, industry: u.industry, selected_on: u.selectedOn, tier: u.tier, removed_on: removed ? u.removedOn! : null, removed_reason: removed ? u.removedReason! : null } };
        });
    case "providers":
      return w.providers
        .filter((p) => p.selectedOn <= d)
        .map((p) => ({ id: p.id, values: { provider_id: p.id, name: p.name, uscc: p.uscc, selected_on: p.selectedOn, unit_id: p.unitId } }));
    case "products":
      return w.products
        .filter((p) => p.listedOn <= d)
        .map((p) => ({ id: p.id, values: { product_id: p.id, name: p.name, provider_id: p.providerId, stage: p.stage, industry: p.industry, listed_on: p.listedOn, price_wan: p.priceWan } }));
    case "recognitions":
      return w.recognitions
        .filter((r) => r.on <= d && (r.removedFrom === undefined || index < r.removedFrom))
        .map((r) => ({ id: r.id, values: { recognition_id: r.id, kind: r.kind, name: r.name, district: r.district, industry: r.industry, uscc: r.uscc, recognized_on: r.on } }));
    case "trainings":
      return w.trainings
        .filter((t) => t.on <= d)
        .map((t) => ({ id: t.id, values: { training_id: t.id, name: t.name, organizer: t.organizer, held_on: t.on, district: t.district, audience: t.audience, person_times: t.personTimes } }));
    case "district_targets":
      return w.districtTargets.map((t) => ({ id: `${t.district}/${t.indicator}`, values: { district: t.district, indicator: t.indicator, target: t.target } }));
    case "tier_criteria":
      // The plan sets no tier thresholds (四(二)2), so the sample supplies none: the units page shows no verdict.
      return [];
    case "unit_reports":
      return w.unitReports
        .filter((r) => r.submittedOn <= d)
        .map((r) => ({
          id: `${r.unitId}/${r.period}`,
          values: { unit_id: r.unitId, period: r.period, submitted_on: r.submittedOn, enterprises_served: r.enterprisesServed, projects_signed: r.projectsSigned, projects_in_progress: r.projectsInProgress, projects_accepted: r.projectsAccepted, problems: r.problems },
        }));
    case "unit_reviews":
      return w.reviews
        .filter((r) => r.reviewedOn <= d)
        .map((r) => ({
          id: `${r.unitId}/${r.reviewedOn}/${r.itemNo ?? "-"}`,
          values: { unit_id: r.unitId, reviewed_on: r.reviewedOn, result: r.result, item_no: r.itemNo, item: r.item, deadline: r.deadline, closed_on: r.closedOn !== null && r.closedOn <= d ? r.closedOn : null },
        }));
  }
}
