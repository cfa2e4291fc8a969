/** 数字贷: loans to transforming enterprises; interest accrues monthly until the term ends (or early repayment). */
import { addDays, monthsBetween, round2, toDay, fromDay, type ISO } from "./days.ts";
import { volumes } from "./volumes.ts";
import { BANKS } from "./names.ts";
import type { Rng } from "./rng.ts";
import { idMaker, scaled } from "./scaled.ts";
import type { Enterprise, Loan, Project } from "./types.ts";

/** Interest actually paid by day d, in 万元. */
export function interestAt(l: Loan, d: ISO): number {
  const months = Math.min(monthsBetween(l.issuedOn, d), l.termMonths, l.repaidAfterMonths ?? Infinity);
  return round2((l.principalWan * l.rate * months) / 12);
}

export interface Loans {
  loans: Loan[];
  /** Loans built to break the interest rules: subsidy above 3% of principal; subsidy above interest paid. */
  overShare: Loan[];
  overPaid: Loan[];
}

export function makeLoans(rng: Rng, scale: number, k: number, enterprises: Enterprise[], projects: Project[], reserved: Set<string>, first: ISO, last: ISO): Loans {
  const firstSigned = new Map<string, ISO>();
  for (const p of projects) if (p.ordinal === 1 && p.signedOn) firstSigned.set(p.uscc, p.signedOn);
  const pool = rng.shuffle(
    enterprises.filter((e) => ["accepted", "implementing", "applyPending"].includes(e.fate) && e.sme && e.inExportFrom === 0 && !reserved.has(e.uscc) && firstSigned.has(e.uscc) && firstSigned.get(e.uscc)! <= addDays(last, -30)),
  );
  const early = pool.filter((e) => firstSigned.get(e.uscc)! <= addDays(first, -450));
  if (early.length < 2 * k) throw new Error("scale too small: not enough early loans for the interest breaches");
  const special = early.slice(0, 2 * k);
  const regular = pool.filter((e) => !special.includes(e)).slice(0, Math.max(0, scaled(volumes.loans, scale) - 2 * k));
  const make = (e: Enterprise, latest: ISO): Loan => {
    const signed = firstSigned.get(e.uscc)!;
    const issued = Math.min(toDay(signed) + rng.int(10, 180), toDay(latest));
    return {
      id: "",
      uscc: e.uscc,
      bank: rng.pick(BANKS),
      principalWan: Math.round(Math.min(2000, Math.max(100, rng.logNormal(400, 0.7))) / 10) * 10,
      issuedOn: fromDay(issued),
      rate: Math.round(rng.float(3.5, 4.5) * 20) / 2000,
      termMonths: rng.pick([12, 24, 36]),
    };
  };
  const loans = regular.map((e) => make(e, addDays(last, -3)));
  const overShare = special.slice(0, k).map((e) => ({ ...make(e, addDays(first, -420)), principalWan: rng.int(20, 100) * 10, rate: 0.04 + rng.int(0, 10) / 2000, termMonths: 24 }));
  const overPaid = special.slice(k).map((e) => ({ ...make(e, addDays(first, -420)), principalWan: rng.int(20, 100) * 10, repaidAfterMonths: 3 }));
  const all = [...loans, ...overShare, ...overPaid].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.uscc.localeCompare(b.uscc));
  const id = idMaker("DK", all.length, 4);
  all.forEach((l, i) => (l.id = id(i + 1)));
  return { loans: all, overShare, overPaid };
}
