/**
 * `npx tsx bench/arrowFiles.ts [--data ROOT]`: the 一企一档 and /pipeline files at one scale, in the
 * form the pages shipped before issue 17 item 3, the form they ship now, and Arrow IPC of the same
 * rows (apache-arrow, as a page would read it with tableFromIPC), for docs/benchmarks.md 4a:
 * bytes raw / gzip (level 6) and the time in Node to turn the bytes into what the page draws
 * (median of 5). Arrow lost on every table here (strings dominate, and its offsets and
 * per-file schema cost more after gzip than JSON's quotes), so the pages ship JSON.
 */
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { Bool, Dictionary, Field, FixedSizeBinary, Float64, Int8, Int16, Int32, List, Struct, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray, type DataType } from "apache-arrow";
import { dataRoot } from "../loaders/config/paths.ts";
import { enterpriseIndexFile, enterpriseShards, shardSize, type PackedArchive } from "../loaders/outputs/enterpriseFiles.ts";
import { loadEnterpriseArchive } from "../loaders/outputs/enterprises.ts";
import { pageJson } from "../loaders/outputs/pages.ts";
import { loadAudienceReport } from "../loaders/outputs/scope.ts";
import { loadPlan } from "../loaders/plan/load.ts";
import { enterpriseFile, enterpriseIndex, searchRows, shardFile, shardOf, type IndexedArchive } from "../src/components/enterprise/enterpriseArchive.ts";
import { pipelineRows } from "../src/components/pipeline/pipelineRows.ts";

const plan = loadPlan();
const root = dataRoot();
const kb = (n: number) => `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
const gz = (b: Uint8Array | string) => gzipSync(typeof b === "string" ? Buffer.from(b) : b, { level: 6 }).length;
const len = (b: Uint8Array | string) => (typeof b === "string" ? Buffer.byteLength(b) : b.length);
const size = (b: Uint8Array | string) => `${kb(len(b))} / ${kb(gz(b))}`;
const time = (fn: () => unknown) => {
  const t: number[] = [];
  for (let k = 0; k < 5; k++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return `${t.sort((a, b) => a - b)[2]!.toFixed(1)} ms`;
};
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${kb(s[s.length >> 1]!)}, max ${kb(s.at(-1)!)}, all ${kb(s.reduce((a, b) => a + b, 0))}`;
};

// --- 一企一档 -------------------------------------------------------------------------------
const { meta, data } = await loadEnterpriseArchive(root, plan);
const firms = data.enterprises.length;
const old = JSON.stringify({ meta, ...data });
const opening = JSON.stringify({ meta, ...enterpriseIndexFile(data) });
const shards = enterpriseShards(data);
const i = Math.floor(firms / 2);
const { shard } = shardOf(i, shardSize(firms));
const word = (f: string, v: unknown) => (v == null ? null : data.dict[f]![v as number]!);
const at = (f: string) => (data.fields.enterprise as readonly string[]).indexOf(f);
const E = data.enterprises;
// The index in Arrow: text columns (uscc as 18-byte fixed binary in the second form), words as dictionaries.
const arrowIndex = tableToIPC(new Table({
  uscc: vectorFromArray(E.map((r) => r[at("uscc")] as string), new Utf8()),
  name: vectorFromArray(E.map((r) => r[at("name")] as string), new Utf8()),
  district: vectorFromArray(E.map((r) => word("district", r[at("district")])), new Dictionary(new Utf8(), new Int8())),
  industry: vectorFromArray(E.map((r) => word("industry", r[at("industry")])), new Dictionary(new Utf8(), new Int8())),
  reached: vectorFromArray(E.map((r) => r[at("reached")] as number), new Int8()),
}), "stream");
const enc = new TextEncoder();
const arrowIndexFixed = tableToIPC(new Table({
  uscc: vectorFromArray(E.map((r) => enc.encode(r[at("uscc")] as string)), new FixedSizeBinary(18)),
  name: vectorFromArray(E.map((r) => r[at("name")] as string), new Utf8()),
  district: vectorFromArray(E.map((r) => r[at("district")] as number), new Int8()),
  industry: vectorFromArray(E.map((r) => r[at("industry")] as number), new Int8()),
  reached: vectorFromArray(E.map((r) => r[at("reached")] as number), new Int8()),
}), "stream");
// A shard in Arrow: one row per firm, its histories as list<struct> columns, words spelled out.
const typeOf = (f: string): DataType =>
  f in data.dict ? new Utf8() : (data.dates as readonly string[]).includes(f) ? new Int32() : f === "counted" || f === "is_sme" ? new Bool() : ["project_id", "project_name", "payment_id", "loan_id", "uscc", "name"].includes(f) ? new Utf8() : new Float64();
const listType = (names: readonly string[]) => new List(new Field("item", new Struct(names.map((f) => new Field(f, typeOf(f), true))), true));
const arrowShard = (rows: unknown[][]) => {
  const text = (f: string) => vectorFromArray(rows.map((x) => (f in data.dict ? word(f, x[at(f)]) : (x[at(f)] as string | null))), new Utf8());
  const history = (f: string, names: readonly string[]) =>
    vectorFromArray(rows.map((x) => (x[at(f)] as unknown[][]).map((h) => Object.fromEntries(names.map((n, j) => [n, n in data.dict ? word(n, h[j]) : (h[j] ?? null)])))), listType(names));
  return tableToIPC(new Table({
    uscc: text("uscc"), name: text("name"), district: text("district"), industry: text("industry"), size_class: text("size_class"),
    is_sme: vectorFromArray(rows.map((x) => x[at("is_sme")] as boolean | null), new Bool()),
    quality_tier: text("quality_tier"),
    reached: vectorFromArray(rows.map((x) => x[at("reached")] as number), new Int8()),
    stages: vectorFromArray(rows.map((x) => x[at("stages")] as (number | null)[]), new List(new Field("item", new Int32(), true))),
    assessments: history("assessments", data.fields.assessment),
    projects: history("projects", data.fields.project),
    payments: history("payments", data.fields.payment),
  }), "stream");
};
const sz = shardSize(firms);
const arrowShards = Array.from({ length: shards.length }, (_, k) => arrowShard(E.slice(k * sz, (k + 1) * sz)));
const rowsOf = (t: Table) => {
  const cols = t.schema.fields.map((f) => [f.name, t.getChild(f.name)!] as const);
  return Array.from({ length: t.numRows }, (_, r) => Object.fromEntries(cols.map(([n, c]) => [n, c.get(r)])));
};
const ix = JSON.parse(opening) as IndexedArchive;

const lines = [
  `${root}: ${firms} firms, ${shards.length} shards of ${sz}`,
  `before  enterprises.json (whole archive): ${size(old)}; parse + search rows ${time(() => enterpriseIndex(JSON.parse(old) as PackedArchive))}; open a firm ${time(() => enterpriseFile(JSON.parse(old) as PackedArchive, i))}`,
  `after   enterprises.json (index + format): ${size(opening)}; parse + search rows ${time(() => searchRows(JSON.parse(opening) as IndexedArchive))}`,
  `        shard JSON: ${spread(shards.map((s) => gz(s.text)))} gzip; raw ${spread(shards.map((s) => len(s.text)))}; open a firm (parse its shard + unpack) ${time(() => shardFile(ix, JSON.parse(shards[shard]!.text), i))}`,
  `arrow   index (utf8 + dictionaries): ${size(arrowIndex)}; parse + rows ${time(() => rowsOf(tableFromIPC(arrowIndex)))}`,
  `        index (uscc fixed 18 bytes, codes int8): ${size(arrowIndexFixed)}`,
  `        shard: ${spread(arrowShards.map(gz))} gzip; raw ${spread(arrowShards.map(len))}; parse ${time(() => rowsOf(tableFromIPC(arrowShards[shard]!)))}`,
];

// --- /pipeline ------------------------------------------------------------------------------
const { report, meta: rmeta } = await loadAudienceReport(root, plan);
const { overdue, stuck } = report.pipeline;
const newPipeline = pageJson("pipeline", report, rmeta, plan);
const oldPipeline = JSON.stringify({ meta: rmeta, ...JSON.parse(newPipeline), pipeline: report.pipeline });
const rows = [...overdue.map((p) => ({ ...p, list: "overdue", date: p.planned_end, days: p.days_overdue })), ...stuck.map((p) => ({ ...p, list: "stuck", date: p.last_change_on, days: p.days_since_change }))] as unknown as Record<string, string | number | null>[];
const dict = (values: (string | null)[]) => {
  const n = new Set(values).size;
  return vectorFromArray(values, new Dictionary(new Utf8(), n < 128 ? new Int8() : n < 32768 ? new Int16() : new Int32()));
};
const textCols = ["list", "project_id", "project_name", "uscc", "enterprise", "district_code", "district", "industry_key", "industry", "leading_unit_id", "leading_unit", "status", "date"];
const arrowPipeline = tableToIPC(new Table({
  ...Object.fromEntries(textCols.map((f) => [f, dict(rows.map((r) => (r[f] ?? null) as string | null))])),
  days: vectorFromArray(rows.map((r) => r.days as number), new Int32()),
}), "stream");
lines.push(
  `pipeline: ${overdue.length} overdue, ${stuck.length} stuck, ${new Set(rows.map((r) => r.project_id)).size} projects`,
  `before  pipeline.json (report objects): ${size(oldPipeline)}; parse ${time(() => JSON.parse(oldPipeline))}`,
  `after   pipeline.json (packed): ${size(newPipeline)}; parse + unpack ${time(() => pipelineRows(JSON.parse(newPipeline).pipeline.lists))}`,
  `arrow   lists (every text column a dictionary): ${size(arrowPipeline)}; parse + rows ${time(() => rowsOf(tableFromIPC(arrowPipeline)))}`,
);
console.log(lines.join("\n"));
