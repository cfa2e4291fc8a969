/** A project's state on a given day, from its status timeline (shared by the snapshot view and the truth). */
import type { ISO } from "./days.ts";
import { STATUS } from "./lookup.ts";
import type { Project } from "./types.ts";

/** Status on day d, or null when the project record does not exist yet. */
export function statusAt(p: Project, d: ISO): string | null {
  let s: string | null = null;
  for (const e of p.events) {
    if (e.on > d) break;
    s = e.status;
  }
  return s;
}

/** The signed date as the export of snapshot `index` writes it (a corrected date shows its old value before `from`). */
function signedOnAt(p: Project, index: number): ISO | null {
  if (p.signedOnRevised && index < p.signedOnRevised.from) return p.signedOnRevised.before;
  return p.signedOn;
}

const afterApplying = new Set<string>([STATUS.applied, STATUS.accepted, STATUS.failed]);

/** The dates a snapshot shows for a project on day d (empty until the step has happened). */
export function projectDatesAt(p: Project, d: ISO, index: number) {
  const status = statusAt(p, d);
  const signed = status !== null && status !== STATUS.diagnosing && p.signedOn !== null && p.signedOn <= d;
  return {
    status,
    signedOn: signed ? signedOnAt(p, index) : null,
    appliedOn: status !== null && afterApplying.has(status) ? p.appliedOn : null,
    acceptedOn: status === STATUS.accepted ? p.acceptedOn : null,
  };
}
