// Unpacks the 一企一档 files (loaders/outputs/enterpriseFiles.ts): the search index of every firm
// (data/enterprises.json) and one firm's full file from its shard (data/enterprises/<NNN>.json),
// rows packed as in loaders/outputs/enterprises.ts (arrays, words as dictionary indexes, dates as
// day numbers). enterpriseIndex/enterpriseFile read the whole packed archive, the shard's rows too.

type Cell = string | number | boolean | null;

/** The packed archive (loaders/outputs/enterprises.ts); a shard holds `enterprises` only. */
export interface PackedArchive {
  stages: { key: string; name: string; note: string | null }[];
  fields: { enterprise: readonly string[]; assessment: readonly string[]; project: readonly string[]; payment: readonly string[] };
  dict: Record<string, string[]>;
  dates: readonly string[];
  enterprises: unknown[][];
}

/** One search result: enough to recognise a firm and how far it got. */
export interface EnterpriseMatch {
  i: number;
  uscc: string;
  name: string;
  district: string | null;
  industry: string | null;
  stage: string;
  /** Name and credit code folded for matching (computed once, not per keystroke). */
  key: string;
}

export interface StageStep {
  key: string;
  name: string;
  note: string | null;
  date: string | null;
}

/** One enterprise's whole archive, unpacked. */
export interface EnterpriseFile {
  uscc: string;
  name: string;
  district: string | null;
  industry: string | null;
  size_class: string | null;
  is_sme: boolean | null;
  quality_tier: string | null;
  stage: string;
  stages: StageStep[];
  assessments: Record<string, Cell>[];
  projects: Record<string, Cell>[];
  payments: Record<string, Cell>[];
}

/** Day number since 1970-01-01 → "2025-02-01". */
export function dayToIso(day: number | null): string | null {
  return day == null ? null : new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function unpack(row: unknown[], names: readonly string[], data: PackedArchive): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  names.forEach((f, j) => {
    const v = (row[j] ?? null) as Cell;
    out[f] = v == null ? null : f in data.dict ? data.dict[f]![v as number]! : data.dates.includes(f) ? dayToIso(v as number) : v;
  });
  return out;
}

// Exports mix full-width and half-width letters and spaces; fold both sides before comparing.
const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toUpperCase();

const col = (data: PackedArchive, f: string) => data.fields.enterprise.indexOf(f);
const stageName = (data: Pick<PackedArchive, "stages">, reached: number) => (reached >= 0 ? data.stages[reached]!.name : "未开始");

/** One search row from a firm's packed fields (district and industry as dictionary indexes). */
function matchRow(data: Pick<PackedArchive, "dict" | "stages">, i: number, uscc: string, name: string, d: unknown, ind: unknown, reached: number): EnterpriseMatch {
  return {
    i,
    uscc,
    name,
    district: d == null ? null : data.dict.district![d as number]!,
    industry: ind == null ? null : data.dict.industry![ind as number]!,
    stage: stageName(data, reached),
    key: `${fold(name)}|${fold(uscc)}`,
  };
}

/** Every enterprise of the packed archive as a search row, in the file's order (by credit code). */
export function enterpriseIndex(data: PackedArchive): EnterpriseMatch[] {
  const [u, n, d, ind, r] = ["uscc", "name", "district", "industry", "reached"].map((f) => col(data, f)) as [number, number, number, number, number];
  return data.enterprises.map((row, i) => matchRow(data, i, row[u] as string, row[n] as string, row[d], row[ind], row[r] as number));
}

/** data/enterprises.json: the packed format, the search index (one array per field) and how firms are sharded. */
export interface IndexedArchive extends Omit<PackedArchive, "enterprises"> {
  firms: number;
  shard_size: number;
  shards: number;
  index: { uscc: string[]; name: string[]; district: (number | null)[]; industry: (number | null)[]; reached: number[] };
}

/** Every enterprise of the index as a search row, in the file's order (by credit code): position i is the firm's place in the shards. */
export function searchRows(data: IndexedArchive): EnterpriseMatch[] {
  const { uscc, name, district, industry, reached } = data.index;
  return uscc.map((u, i) => matchRow(data, i, u, name[i]!, district[i], industry[i], reached[i]!));
}

/** Which shard holds the firm at index position `i`, and its row there (as loaders/outputs/enterpriseFiles.ts writes them). */
export function shardOf(i: number, shardSize: number): { shard: number; row: number } {
  return { shard: Math.floor(i / shardSize), row: i % shardSize };
}

/** The full file of the firm at index position `i`, from its shard's rows (data/enterprises/<NNN>.json). */
export function shardFile(data: IndexedArchive, shard: { enterprises: unknown[][] }, i: number): EnterpriseFile {
  return enterpriseFile({ ...data, enterprises: shard.enterprises }, shardOf(i, data.shard_size).row);
}

/** The full archive of the enterprise at position `i`. */
export function enterpriseFile(data: PackedArchive, i: number): EnterpriseFile {
  const row = data.enterprises[i]!;
  const head = unpack(row, data.fields.enterprise, data);
  const days = row[col(data, "stages")] as (number | null)[];
  const rows = (f: string, names: readonly string[]) => (row[col(data, f)] as unknown[][]).map((r) => unpack(r, names, data));
  return {
    uscc: head.uscc as string,
    name: head.name as string,
    district: head.district as string | null,
    industry: head.industry as string | null,
    size_class: head.size_class as string | null,
    is_sme: head.is_sme as boolean | null,
    quality_tier: head.quality_tier as string | null,
    stage: stageName(data, head.reached as number),
    stages: data.stages.map((s, k) => ({ ...s, date: dayToIso(days[k] ?? null) })),
    assessments: rows("assessments", data.fields.assessment),
    projects: rows("projects", data.fields.project),
    payments: rows("payments", data.fields.payment),
  };
}

/**
 * Inputs.search filter: every space-separated term must occur anywhere in the name or credit code.
 * (The default filter only matches at word starts, and Chinese names have no spaces.)
 */
export function enterpriseFilter(query: string): (d: EnterpriseMatch) => boolean {
  const terms = query.split(/[\s\u3000]+/).map(fold).filter(Boolean);
  return (d) => terms.every((t) => d.key.includes(t));
}
