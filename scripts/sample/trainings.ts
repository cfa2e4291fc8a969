/** 人才培训: sessions from late 2024 on, a few during the snapshot weeks, person-times summing to the knob. */
import { fromDay, toDay, type ISO } from "./days.ts";
import { volumes } from "./volumes.ts";
import { plan } from "./lookup.ts";
import { trainingTopic } from "./names.ts";
import type { Rng } from "./rng.ts";
import { idMaker, scaled } from "./scaled.ts";
import type { Provider, Training } from "./types.ts";

export function makeTrainings(rng: Rng, scale: number, providers: Provider[], first: ISO, last: ISO): Training[] {
  const n = scaled(volumes.trainings, scale);
  const total = scaled(volumes.trainingPersonTimes, scale);
  const inWindow = Math.max(1, Math.round(n * 0.075));
  const days = [
    ...Array.from({ length: n - inWindow }, () => rng.int(toDay("2024-10-15"), toDay(first))),
    ...Array.from({ length: inWindow }, () => rng.int(toDay(first) + 1, toDay(last) - 3)),
  ].sort((a, b) => a - b);
  const weights = days.map(() => rng.float(0.5, 1.5));
  const sum = weights.reduce((s, w) => s + w, 0);
  const people = weights.map((w) => Math.max(10, Math.round((w / sum) * total)));
  people[people.length - 1]! += total - people.reduce((s, p) => s + p, 0);
  const id = idMaker("PX", n, 3);
  const issue = new Map<number, number>();
  return days.map((d, i) => {
    const on = fromDay(d);
    const year = on.slice(0, 4);
    const k = (issue.get(Number(year)) ?? 0) + 1;
    issue.set(Number(year), k);
    const open = providers.filter((p) => p.selectedOn <= on);
    return {
      id: id(i + 1),
      name: `${year}年中小企业数字化转型${trainingTopic(rng)}培训班(第${k}期)`,
      organizer: rng.pick(open.length > 0 ? open : providers).name,
      on,
      district: rng.pick(plan.districts).code,
      audience: rng.pick(plan.trainingAudiences),
      personTimes: people[i]!,
    };
  });
}
