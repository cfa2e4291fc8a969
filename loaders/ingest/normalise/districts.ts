/**
 * Districts to their GB/T 2260 code, from however an export spells them. Only the district
 * column is read: a credit code's area digits name the registrar, not where the firm is.
 */
import type { PilotPlan } from "../../plan/types.ts";
import { fail, okValue, type Norm, type RawCell } from "./result.ts";
import { cellToString, cleanId, cleanText, isBlank } from "./text.ts";

interface Match {
  code: string;
  /** Written as a former district (old code, old name): counted, but flagged. */
  retired: boolean;
}

interface DistrictLabel {
  name: string;
  nameEn: string;
}

const lookupKey = (s: string): string => cleanId(s).toLowerCase();
const DISTRICT_SUFFIX = "区";
const CITY_SUFFIX = "市";
// "Huangpu District", "HUANGPU QU": the English and pinyin words for 区, spaces already removed.
const LATIN_SUFFIXES = ["", "district", "qu"];
const LATIN_RE = /^[a-z]+$/;

/** The plan's districts as parseDistrict and districtName look them up. */
interface Lookup {
  labels: Map<string, DistrictLabel>;
  matches: Map<string, Match>;
  cityPrefixes: string[];
}

// Built once per plan object: ingest looks up hundreds of thousands of cells.
const lookups = new WeakMap<PilotPlan, Lookup>();
function lookupOf(plan: PilotPlan): Lookup {
  const known = lookups.get(plan);
  if (known !== undefined) return known;
  const labels = new Map<string, DistrictLabel>();
  for (const d of plan.districts) {
    labels.set(d.code, { name: d.name, nameEn: d.pinyin.charAt(0).toUpperCase() + d.pinyin.slice(1) });
  }

  const matches = new Map<string, Match>();
  const add = (key: string, m: Match): void => {
    // First entry wins, so a name can never silently move to a second district.
    if (key !== "" && !matches.has(key)) matches.set(key, m);
  };
  // Every district's own names first, then the aliases: a district's own name (庐山, of 庐山市) is
  // never taken by another district's alias for a former unit (庐山区, now 濂溪区).
  const passes = [(d: PilotPlan["districts"][number]) => [d.name, d.short, d.pinyin], (d: PilotPlan["districts"][number]) => d.aliases];
  for (const forms of passes) for (const d of plan.districts) {
    const current: Match = { code: d.code, retired: false };
    const own = new Set([d.name, d.short, d.pinyin].map(lookupKey));
    add(d.code, current);
    for (const form of forms(d)) {
      const key = lookupKey(form);
      const bare = key.endsWith(DISTRICT_SUFFIX) ? key.slice(0, -DISTRICT_SUFFIX.length) : key;
      // An alias that is not the district's own name (萝岗, 番禺市) is a former unit it absorbed.
      const m = own.has(key) || own.has(bare) ? current : { code: d.code, retired: true };
      if (LATIN_RE.test(key)) {
        for (const suffix of LATIN_SUFFIXES) add(key + suffix, m);
      } else {
        add(key, m);
        if (bare !== key) add(bare, m);
        // "番禺市" is a former county-level city: "番禺市区" would be a different thing. Only a 区 is
        // also written short + 区: "庐山区" is not 庐山市 but the former name of 濂溪区.
        else if (!key.endsWith(CITY_SUFFIX) && d.name.endsWith(DISTRICT_SUFFIX)) add(key + DISTRICT_SUFFIX, m);
      }
    }
  }
  for (const [old, code] of Object.entries(plan.retiredDistrictCodes)) add(old, { code, retired: true });

  // "广州市黄埔区", "广州黄埔", "广东省广州市黄埔区": the city (and a province before it) adds nothing.
  const cityKey = lookupKey(plan.city);
  const cityPrefixes = cityKey.endsWith(CITY_SUFFIX) ? [cityKey, cityKey.slice(0, -1)] : [cityKey];
  const lookup: Lookup = { labels, matches, cityPrefixes };
  lookups.set(plan, lookup);
  return lookup;
}

const PROVINCE_RE = /^[\u4e00-\u9fff]{2,3}省/;

function find({ matches, cityPrefixes }: Lookup, key: string): Match | undefined {
  const direct = matches.get(key);
  if (direct !== undefined) return direct;
  const rest = key.replace(PROVINCE_RE, "");
  for (const prefix of cityPrefixes) {
    if (rest.startsWith(prefix) && rest.length > prefix.length) return matches.get(rest.slice(prefix.length));
  }
  return undefined;
}

/** The district code for a code, name, short name, pinyin or alias; former districts are counted with a warning. */
export function parseDistrict(raw: RawCell, plan: PilotPlan): Norm<string> {
  if (raw === null || raw === undefined) return okValue(null);
  if (typeof raw === "boolean" || raw instanceof Date) return fail("INVALID_DISTRICT", { value: cellToString(raw) });
  const text = cleanText(cellToString(raw));
  if (isBlank(text)) return okValue(null);
  const lookup = lookupOf(plan);
  const m = find(lookup, lookupKey(text));
  if (m === undefined) return fail("INVALID_DISTRICT", { value: text });
  if (!m.retired) return okValue(m.code);
  const label = lookup.labels.get(m.code);
  return {
    ok: true,
    value: m.code,
    warning: { code: "DISTRICT_RETIRED", params: { value: text, district: label?.name ?? m.code, districtEn: label?.nameEn ?? m.code } },
  };
}

/** The Chinese name of a district code (a former code gives the district that absorbed it); null when unknown. */
export function districtName(code: string, plan: PilotPlan): string | null {
  const { labels } = lookupOf(plan);
  const current = labels.get(code);
  if (current !== undefined) return current.name;
  const absorbedBy = plan.retiredDistrictCodes[code];
  return absorbedBy === undefined ? null : (labels.get(absorbedBy)?.name ?? null);
}
