/**
 * The deliberate faults, as specs over the world: which row, which column, what it holds instead, in
 * which snapshots (indexes, inclusive). Most persist; a few are fixed in a later week and a few appear
 * late, so the weekly review sees data quality change. Each fault sits on an entity no other role
 * uses, and none makes rows elsewhere fail (no REF_REJECTED cascades).
 */
import { addDays, type ISO } from "./days.ts";
import { knobs } from "./knobs.ts";
import { direction, hasDirection, SOURCE, STATUS } from "./lookup.ts";
import type { Rng } from "./rng.ts";
import type { Roles } from "./roles.ts";
import { withLetterO, withWrongCheck } from "./uscc.ts";
import type { CellFault, ExtraRowFault, FaultSpec, Project, World } from "./types.ts";

const INVALID_DAY = "2025-02-30";
/** Same month and day, a year after every snapshot. */
const nextYear = (iso: ISO) => "2027" + iso.slice(4);

export interface FaultInput {
  rng: Rng;
  k: number;
  world: Omit<World, "faults">;
  roles: Roles;
  ghosts: Project[];
}

export function makeFaults(x: FaultInput): FaultSpec[] {
  const { k, world: w, roles } = x;
  const end = w.snapshots.length - 1;
  const out: FaultSpec[] = [];
  const cell: Cell = (f) => out.push({ kind: "cell", rejects: true, ...f });
  const extra: Extra = (f) => out.push({ kind: "extra", ...f });
  const halves = <T>(xs: T[]) => [xs.slice(0, k), xs.slice(k)] as const;

  // 企业名录
  const [checkKept, checkFixed] = halves(roles.ent.usccCheck);
  checkKept.forEach((e) => cell({ code: "INVALID_USCC_CHECK", table: "enterprises", id: e.uscc, column: "uscc", from: 0, to: end, value: withWrongCheck(e.uscc) }));
  checkFixed.forEach((e) => cell({ code: "INVALID_USCC_CHECK", table: "enterprises", id: e.uscc, column: "uscc", from: 0, to: 4, value: withWrongCheck(e.uscc) }));
  const [letterO, short17] = halves(roles.ent.usccFormat);
  letterO.forEach((e) => cell({ code: "INVALID_USCC_FORMAT", table: "enterprises", id: e.uscc, column: "uscc", from: 0, to: end, value: withLetterO(e.uscc) }));
  short17.forEach((e) => cell({ code: "INVALID_USCC_FORMAT", table: "enterprises", id: e.uscc, column: "uscc", from: 3, to: end, value: e.uscc.slice(0, 17) }));
  const [dongshan, shenzhen] = halves(roles.ent.district);
  dongshan.forEach((e) => cell({ code: "INVALID_DISTRICT", table: "enterprises", id: e.uscc, column: "district", from: 0, to: end, value: "东山区" }));
  shenzhen.forEach((e) => cell({ code: "INVALID_DISTRICT", table: "enterprises", id: e.uscc, column: "district", from: 0, to: 6, value: "深圳南山" }));
  const [food, foodLater] = halves(roles.ent.industry);
  food.forEach((e) => cell({ code: "INVALID_INDUSTRY", table: "enterprises", id: e.uscc, column: "industry", from: 0, to: end, value: "食品饮料" }));
  foodLater.forEach((e) => cell({ code: "INVALID_INDUSTRY", table: "enterprises", id: e.uscc, column: "industry", from: 6, to: end, value: "食品饮料" }));
  roles.ent.listedFuture.forEach((e) => cell({ code: "DATE_AFTER_SNAPSHOT", table: "enterprises", id: e.uscc, column: "listed_on", from: 0, to: end, canon: nextYear(e.listedOn!) }));
  roles.ent.surveyedInvalid.forEach((e) => cell({ code: "INVALID_DATE", table: "enterprises", id: e.uscc, column: "surveyed_on", from: 0, to: end, value: INVALID_DAY }));
  roles.ent.nameMissing.forEach((e) => cell({ code: "REQUIRED_MISSING", table: "enterprises", id: e.uscc, column: "name", from: 2, to: end, value: null }));
  for (const e of roles.ent.notSme) {
    const from = w.snapshots.findIndex((d) => e.surveyedOn <= d);
    cell({ code: "NOT_SME", table: "enterprises", id: e.uscc, column: "employees", from, to: end, rejects: false });
  }

  // 数字化水平评测
  roles.preInvalid.forEach((a) => cell({ code: "INVALID_DATE", table: "assessments", id: a.id, column: "assessed_on", from: 0, to: end, value: INVALID_DAY }));

  // 改造项目
  const p = roles.proj;
  p.dateOrderA.forEach((q) => cell({ code: "DATE_ORDER", table: "projects", id: q.id, column: "accepted_on", from: 0, to: end, canon: addDays(q.signedOn!, -20) }));
  p.dateOrderB.forEach((q) => cell({ code: "DATE_ORDER", table: "projects", id: q.id, column: "accepted_on", from: 0, to: 3, canon: addDays(q.appliedOn!, -12) }));
  p.enumDone.forEach((q) => cell({ code: "INVALID_ENUM", table: "projects", id: q.id, column: "status", from: 0, to: end, value: "已完成" }));
  p.statusDateMissing.forEach((q) => cell({ code: "STATUS_DATE_MISSING", table: "projects", id: q.id, column: "accepted_on", from: 0, to: end, value: null }));
  p.appliedFuture.forEach((q) => cell({ code: "DATE_AFTER_SNAPSHOT", table: "projects", id: q.id, column: "applied_on", from: 0, to: end, canon: nextYear(q.appliedOn!) }));
  p.statusMissing.forEach((q) => cell({ code: "REQUIRED_MISSING", table: "projects", id: q.id, column: "status", from: 0, to: 2, value: null }));
  p.signedInvalid.forEach((q) => cell({ code: "INVALID_DATE", table: "projects", id: q.id, column: "signed_on", from: 0, to: end, value: INVALID_DAY }));
  x.ghosts.forEach((q) => cell({ code: "REF_UNKNOWN", table: "projects", id: q.id, column: "uscc", from: 0, to: knobs.ghostAddedAt - 1 }));
  p.dupExact.forEach((q) => extra({ code: "DUPLICATE_ID", table: "projects", column: "project_id", from: 0, to: end, key: `dup/${q.id}`, copyOf: q.id, after: q.id }));
  p.dupStale.forEach((q) => extra({ code: "DUPLICATE_ID", table: "projects", column: "project_id", from: 5, to: end, key: `stale/${q.id}`, copyOf: q.id, override: { status: STATUS.signed } }));

  // 资金拨付: rows that are not payments of the world, written in the terms of three directions; a plan
  // without all three gets none (with no directions at all the ledger is its header only).
  if (["transformation_subsidy", "third_party", "training"].every((d) => hasDirection(d as Parameters<typeof hasDirection>[0]))) fundFaults(x, extra);
  otherFaults(x, cell, extra);
  return out;
}

type Cell = (f: Omit<CellFault, "kind" | "rejects"> & { rejects?: boolean }) => void;
type Extra = (f: Omit<ExtraRowFault, "kind">) => void;

function fundFaults(x: FaultInput, extra: Extra): void {
  const { rng, k, world: w, roles } = x;
  const end = w.snapshots.length - 1;
  const D0 = w.snapshots[0]!;
  const accepted = rng.shuffle(w.projects.filter((q) => q.acceptedOn !== null && q.acceptedOn <= addDays(D0, -30) && q.ordinal === 1 && !roles.reserved.has(q.uscc) && !roles.noPay.has(q.id)));
  const visible = w.payments.filter((q) => q.paidOn <= D0);
  const providers = w.providers.filter((v) => v.selectedOn <= D0);
  let n = 900_000;
  const nextId = () => `BF${++n}`;
  const subsidy = (q: Project, amount: number, paidOn: ISO) => ({ payment_id: nextId(), direction: direction("transformation_subsidy").name, source: SOURCE.central, payee_id: q.uscc, project_id: q.id, loan_id: null, district: null, amount_wan: amount, paid_on: paidOn });
  for (let i = 0; i < k; i++) {
    const [a, b, c] = [accepted[3 * i], accepted[3 * i + 1], accepted[3 * i + 2]];
    if (!a || !b || !c) throw new Error("scale too small: not enough accepted projects for fund faults");
    const prov = rng.pick(providers);
    extra({ code: "NEGATIVE_AMOUNT", table: "funds", column: "amount_wan", from: 0, to: end, key: `neg/${i}`, values: { payment_id: nextId(), direction: direction("third_party").name, source: direction("third_party").sources[0]!, payee_id: prov.id, project_id: null, loan_id: null, district: null, amount_wan: -rng.int(5, 30), paid_on: addDays(D0, -rng.int(20, 200)) } });
    extra({ code: "REF_UNKNOWN", table: "funds", column: "project_id", from: 0, to: end, key: `ref/${i}`, values: { ...subsidy(a, rng.int(8, 20), addDays(D0, -rng.int(5, 25))), project_id: "XM9" + a.id.slice(3) } });
    extra({ code: "INVALID_ENUM", table: "funds", column: "source", from: 0, to: end, key: `enum/${i}`, values: { ...subsidy(b, rng.int(8, 20), addDays(D0, -rng.int(5, 25))), source: "省财政" } });
    extra({ code: "DATE_AFTER_SNAPSHOT", table: "funds", column: "paid_on", from: 0, to: end, key: `future/${i}`, values: subsidy(c, rng.int(8, 20), addDays(w.snapshots[end]!, rng.int(20, 40))) });
    extra({ code: "INVALID_NUMBER", table: "funds", column: "amount_wan", from: 0, to: 4, key: `num/${i}`, values: { payment_id: nextId(), direction: direction("training").name, source: direction("training").sources[0]!, payee_id: prov.id, project_id: null, loan_id: null, district: null, amount_wan: 50, paid_on: addDays(D0, -rng.int(20, 200)) }, override: { amount_wan: "约50" } });
    extra({ code: "DUPLICATE_ID", table: "funds", column: "payment_id", from: 2, to: end, key: `dup/${i}`, copyOf: rng.pick(visible).id });
  }

}

/** 小快轻准产品, 示范认定, 人才培训. */
function otherFaults(x: FaultInput, cell: Cell, extra: Extra): void {
  const { rng, k, world: w } = x;
  const end = w.snapshots.length - 1;
  const D0 = w.snapshots[0]!;
  const products = rng.shuffle(w.products.filter((q) => q.listedOn <= D0));
  products.slice(0, k).forEach((q) => extra({ code: "DUPLICATE_ID", table: "products", column: "product_id", from: 0, to: end, key: `dup/${q.id}`, copyOf: q.id }));
  // A recognition published in the sixth week, else (no batch that week) one published by the fifth
  // snapshot; none when the plan counts no recognitions.
  const published = w.recognitions.filter((r) => r.on <= w.snapshots[5]! && r.removedFrom === undefined);
  const inWeek = published.filter((r) => r.on > w.snapshots[4]!);
  const lateScenes = inWeek.length >= k ? inWeek : published;
  rng.shuffle([...lateScenes]).slice(0, k).forEach((r) => cell({ code: "DATE_AFTER_SNAPSHOT", table: "recognitions", id: r.id, column: "recognized_on", from: 5, to: 6, canon: nextYear(r.on) }));
  rng.shuffle(w.trainings.filter((t) => t.on <= D0)).slice(0, k).forEach((t) => cell({ code: "REQUIRED_MISSING", table: "trainings", id: t.id, column: "person_times", from: 0, to: 3, value: null }));
}

/** Whether the validator rejects this entity's row in snapshot `index` (because of a cell fault). */
export function rejectedIn(faults: FaultSpec[]): (table: string, id: string, index: number) => boolean {
  const set = new Map<string, [number, number][]>();
  for (const f of faults) if (f.kind === "cell" && f.rejects) set.set(`${f.table}|${f.id}`, [...(set.get(`${f.table}|${f.id}`) ?? []), [f.from, f.to]]);
  return (table, id, index) => (set.get(`${table}|${id}`) ?? []).some(([a, b]) => a <= index && index <= b);
}
