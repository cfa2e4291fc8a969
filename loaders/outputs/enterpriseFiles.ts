/**
 * The 一企一档 page's files at national scale. The single packed archive (enterprisesJson) was
 * 18 MB raw / 4.8 MB gzip at scale 50, all fetched to open the page; now:
 *
 * - data/enterprises.json: the snapshot's meta, the stage names, the packed format (fields,
 *   dict, dates) and the search index: one column per field (uscc, name, district, industry,
 *   reached), one entry per firm, in the archive's order (by credit code);
 * - data/enterprises/<NNN>.json (members of src/data.zip.ts): each firm's packed row (enterprises.ts's
 *   format, words as indexes into the dict above) in one of ENTERPRISE_SHARDS shard files, fetched
 *   when the firm is opened.
 *
 * The firm at index position i is row i % shardSize of shard floor(i / shardSize), with
 * shardSize = ceil(firms / ENTERPRISE_SHARDS): contiguous ranges, not a hash, because the page
 * knows a firm's position, so it needs no hash function, and every shard holds the same number of
 * firms. Every shard file is written, empty ones too: Framework needs each FileAttachment name as
 * a literal (src/components/enterprise/enterpriseShardFiles.ts lists them).
 *
 * Both files are JSON, not Arrow: measured at scale 10, Arrow IPC of the same rows was heavier
 * after gzip (index 206 KB against 143 KB, shards 7.9 KB against 4.4 KB each) and slower to turn
 * into rows; bench/arrowFiles.ts compares the forms (docs/benchmarks.md, 4a).
 *
 * No contact person or phone is here either (the warehouse has no column for them).
 */
import type { enterpriseArchive } from "./enterprises.ts";

/** Number of shard files. At scale 50 a shard holds ~215 firms (docs/benchmarks.md 4a for its bytes). */
export const ENTERPRISE_SHARDS = 256;

/** A shard's name in data/enterprises/ (the page reads it as data/enterprises/<name>). */
export const shardName = (k: number): string => `${String(k).padStart(3, "0")}.json`;

export type PackedArchive = Awaited<ReturnType<typeof enterpriseArchive>>;

/** Firms per shard for `firms` firms (at least 1, so an empty archive still has a size). */
export function shardSize(firms: number): number {
  return Math.max(1, Math.ceil(firms / ENTERPRISE_SHARDS));
}

/** The search index, one array per field (columns gzip better than rows: 143 KB against 163 KB at scale 10). */
export function searchIndex(data: PackedArchive) {
  const at = (f: string) => (data.fields.enterprise as readonly string[]).indexOf(f);
  const column = (f: string) => data.enterprises.map((row) => row[at(f)]);
  return { uscc: column("uscc"), name: column("name"), district: column("district"), industry: column("industry"), reached: column("reached") };
}

/** data/enterprises.json: everything the page needs to open, and to read a shard. */
export function enterpriseIndexFile(data: PackedArchive) {
  const { enterprises, ...format } = data;
  return { ...format, firms: enterprises.length, shard_size: shardSize(enterprises.length), shards: ENTERPRISE_SHARDS, index: searchIndex(data) };
}

/** Every shard file, ENTERPRISE_SHARDS of them (trailing ones empty when firms are few): { enterprises: packed rows }. */
export function enterpriseShards(data: PackedArchive): { name: string; text: string }[] {
  const size = shardSize(data.enterprises.length);
  return Array.from({ length: ENTERPRISE_SHARDS }, (_, k) => ({
    name: shardName(k),
    text: JSON.stringify({ enterprises: data.enterprises.slice(k * size, (k + 1) * size) }),
  }));
}
