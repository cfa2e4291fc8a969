/** What every part of the fund simulation shares: the inputs, the payment sink and the intended breaches. */
import type { FundDirectionKey } from "../../loaders/plan/types.ts";
import type { ISO } from "./days.ts";
import type { Loans } from "./loans.ts";
import type { Rng } from "./rng.ts";
import type { Roles } from "./roles.ts";
import type { Assessment, Enterprise, LeadingUnit, Payment, Project, Provider } from "./types.ts";

export interface FundsInput {
  rng: Rng;
  scale: number;
  k: number;
  snapshots: ISO[];
  enterprises: Enterprise[];
  projects: Project[];
  assessments: Assessment[];
  units: LeadingUnit[];
  providers: Provider[];
  loans: Loans;
  roles: Roles;
  /** Snapshot index from which corrected amounts show. */
  amountFixAt: number;
}

/** Record a payment (dropped when after the last snapshot: the world ends there). */
export type Pay = (dir: FundDirectionKey, source: string, payee: string, amountWan: number, paidOn: ISO, ref?: Partial<Pick<Payment, "projectId" | "loanId" | "district">>) => void;

export interface PayContext extends FundsInput {
  pay: Pay;
  /** Breaches built on purpose, "rule|entity". */
  intended: Set<string>;
  first: ISO;
  last: ISO;
}

/** Split an amount over sources by shares, exactly (in cents), the last source taking the remainder. */
export function split(total: number, shares: [string, number][]): [string, number][] {
  const cents = Math.round(total * 100);
  const sum = shares.reduce((s, [, w]) => s + w, 0);
  let left = cents;
  return shares.map(([source, w], i) => {
    const c = i === shares.length - 1 ? left : Math.floor((cents * w) / sum);
    left -= c;
    return [source, c / 100];
  });
}
