/**
 * City-wide money with fixed caps, which does not grow with --scale: 集中采购 per district (one district
 * overspends during the snapshot weeks) and 人才培训, 第三方服务, 平台运营 in a few payments each.
 */
import type { FundDirectionKey } from "../../loaders/plan/types.ts";
import { addDays, fromDay, round2, toDay } from "./days.ts";
import { RULE } from "./breachRules.ts";
import { knobs } from "./knobs.ts";
import { plan, SOURCE } from "./lookup.ts";
import { split, type PayContext } from "./payContext.ts";

/** 集中采购 in the districts with the most focus industries; one district goes over its cap during the snapshot weeks. */
export function payProcurement(x: PayContext): void {
  const { rng, snapshots, pay, intended } = x;
  const cap = plan.funding.directions.find((d) => d.key === "procurement")?.perDistrictCapWan;
  if (cap === undefined) return;
  const focusCount = (code: string) => plan.industries.filter((i) => i.focusDistricts.includes(code)).length;
  const ranked = [...plan.districts].sort((a, b) => focusCount(b.code) - focusCount(a.code)).map((d) => d.code);
  // The knobs' overspending district, else the one with the most focus industries.
  const breach = plan.districts.find((d) => d.pinyin === knobs.procurement.breachDistrict)?.code ?? ranked[0]!;
  const chosen = [breach, ...ranked.filter((c) => c !== breach)].slice(0, knobs.procurement.districts);
  for (const code of chosen) {
    const industries = plan.industries.filter((i) => i.focusDistricts.includes(code)).map((i) => i.key);
    const local = x.units.filter((u) => industries.includes(u.industry));
    const payee = rng.pick(local.length > 0 ? local : x.units).id;
    const sources = [SOURCE.central, SOURCE.city];
    if (code === breach) {
      const days = [fromDay(rng.int(toDay("2025-05-01"), toDay("2025-10-31"))), fromDay(rng.int(toDay("2025-12-01"), toDay(snapshots[0]!) - 60)), addDays(snapshots[1]!, rng.int(1, 6))];
      [0.45, 0.37, 0.26].forEach((s, i) => pay("procurement", sources[i % 2]!, payee, round2(cap * s), days[i]!, { district: code }));
      intended.add(`${RULE.procurement}|${code}`);
      continue;
    }
    const n = rng.int(2, 3);
    const parts = split(round2(cap * rng.float(0.4, 0.93)), Array.from({ length: n }, (_, i) => [sources[i % 2]!, rng.float(0.5, 1.5)] as [string, number]));
    const days = parts.map(() => rng.int(toDay("2025-04-01"), toDay(snapshots[snapshots.length - 1]!) - 5)).sort((a, b) => a - b);
    parts.forEach(([source, amount], i) => pay("procurement", source, payee, amount, fromDay(days[i]!), { district: code }));
  }
}

/** Payments per city-wide direction (default 3). */
const PAYMENTS: Partial<Record<FundDirectionKey, number>> = { third_party: 4 };

/** The city-wide directions (人才培训, 第三方服务, 平台运营 …: a total cap, no per-district one): a share of each cap, in a few payments to providers. */
export function payCityWide(x: PayContext): void {
  const { rng, snapshots, pay } = x;
  for (const d of plan.funding.directions.filter((y) => y.totalCapWan !== undefined && y.perDistrictCapWan === undefined)) {
    const key = d.key;
    const n = PAYMENTS[key] ?? 3;
    const total = Math.floor(d.totalCapWan! * knobs.cityFundsShareOfCap);
    const days = Array.from({ length: n }, () => rng.int(toDay("2025-01-15"), toDay(snapshots[snapshots.length - 1]!) - 3)).sort((a, b) => a - b);
    const parts = split(total, Array.from({ length: n }, (_, i) => [d.sources[i % d.sources.length]!, rng.float(0.6, 1.4)] as [string, number]));
    parts.forEach(([source, amount], i) => {
      const on = fromDay(days[i]!);
      const open = x.providers.filter((p) => p.selectedOn <= on);
      pay(key, source, rng.pick(open.length > 0 ? open : x.providers).id, amount, on);
    });
  }
  // 市级 money for 人才培训, which 四(三)4 funds from 中央和省级: counted in no cap, a review item.
  const training = plan.funding.directions.find((d) => d.key === "training");
  if (!training || training.sources.includes(SOURCE.city)) return;
  const trainer = [...x.providers].sort((a, b) => a.id.localeCompare(b.id))[0]!;
  pay("training", SOURCE.city, trainer.id, 20, addDays(snapshots[6]!, 1));
}
