/**
 * The 一企一档 page's files (loaders/outputs/enterpriseFiles.ts): the search index it opens with
 * and the shards a firm's history is fetched from. Which firm lands in which shard, exactly; and
 * that the index and every shard give the page what the whole packed archive gave it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { ENTERPRISE_SHARDS, enterpriseIndexFile, enterpriseShards, shardName, shardSize, type PackedArchive } from "../../loaders/outputs/enterpriseFiles.ts";
import { loadEnterpriseArchive } from "../../loaders/outputs/enterprises.ts";
import { enterpriseFile, enterpriseIndex, searchRows, shardFile, shardOf, type IndexedArchive } from "../../src/components/enterprise/enterpriseArchive.ts";
import { E1, E2, E3 } from "../helpers/exports.ts";
import { plan } from "../helpers/plan.ts";
import { fixtureRoot, hostile } from "./enterpriseFixture.ts";

/** A packed archive of `n` made-up firms: firm k has credit code F<k> and one project P<k>. */
function madeUp(n: number, base: PackedArchive): PackedArchive {
  const row = (k: number) => [`F${String(k).padStart(4, "0")}`, `企业${k}`, 0, null, null, null, null, -1, [null], [], [[`P${k}`]], []];
  return { ...base, enterprises: Array.from({ length: n }, (_, k) => row(k)) };
}

describe("一企一档 index and shards", () => {
  test("should put the firm at index position i in shard floor(i / size), row i % size, in order", async () => {
    const { data } = await loadEnterpriseArchive(fixtureRoot(), plan);
    expect(ENTERPRISE_SHARDS).toBe(256);
    expect([shardSize(0), shardSize(3), shardSize(256), shardSize(257), shardSize(600), shardSize(55_000)]).toEqual([1, 1, 1, 2, 3, 215]);

    // 600 firms: 3 a shard, so shards 000–199 hold them and 200–255 are written empty.
    const files = enterpriseShards(madeUp(600, data));
    expect(files.map((f) => f.name)).toEqual(Array.from({ length: 256 }, (_, k) => `${String(k).padStart(3, "0")}.json`));
    const ids = files.map((f) => (JSON.parse(f.text) as { enterprises: unknown[][] }).enterprises.map((r) => r[0]));
    expect(ids[0]).toEqual(["F0000", "F0001", "F0002"]);
    expect(ids[1]).toEqual(["F0003", "F0004", "F0005"]);
    expect(ids[199]).toEqual(["F0597", "F0598", "F0599"]);
    expect(ids.slice(200)).toEqual(Array.from({ length: 56 }, () => []));
    expect(files[255]!.text).toBe('{"enterprises":[]}');
    expect([shardOf(0, 3), shardOf(4, 3), shardOf(599, 3)]).toEqual([{ shard: 0, row: 0 }, { shard: 1, row: 1 }, { shard: 199, row: 2 }]);
    expect(shardName(7)).toBe("007.json");

    // The fixture's three firms (by credit code): one a shard.
    const real = enterpriseShards(data).map((f) => (JSON.parse(f.text) as { enterprises: unknown[][] }).enterprises.map((r) => r[0]));
    expect(real.slice(0, 4)).toEqual([[E1], [E2], [E3], []]);
  });

  test("should give the page the same search rows and firm files as the whole archive did", async () => {
    const { meta, data } = await loadEnterpriseArchive(fixtureRoot(), plan);
    const text = JSON.stringify({ meta, ...enterpriseIndexFile(data) });
    expect(text).not.toMatch(/张三|李四|13800000001|020-83000001/);
    const index = JSON.parse(text) as IndexedArchive & { enterprises?: unknown };
    // The index carries no history: that is in the shards.
    expect(index.enterprises).toBeUndefined();
    expect([index.firms, index.shard_size, index.shards]).toEqual([3, 1, 256]);
    expect(index.index).toEqual({ uscc: [E1, E2, E3], name: ["示例甲精密有限公司", "示例乙汽配有限公司", hostile], district: [0, 1, 2], industry: [0, 1, 2], reached: [7, 0, -1] });
    expect(index.dict.district).toEqual(["黄埔区", "番禺区", "白云区"]);

    const whole = JSON.parse(JSON.stringify(data)) as PackedArchive;
    expect(searchRows(index)).toEqual(enterpriseIndex(whole));
    const shards = enterpriseShards(data).map((f) => JSON.parse(f.text) as { enterprises: unknown[][] });
    for (const m of searchRows(index)) expect(shardFile(index, shards[shardOf(m.i, index.shard_size).shard]!, m.i)).toEqual(enterpriseFile(whole, m.i));
    // Spot-check values, not only equality: E1's projects come out of its shard.
    expect(shardFile(index, shards[0]!, 0).projects.map((p) => [p.project_id, p.signed_on, p.contract_wan])).toEqual([["P1", "2025-02-01", 120], ["P2", "2025-10-10", 80]]);
  });

  test("should list, in the page's module, every shard the loader writes, each read with .json()", () => {
    const source = readFileSync(join(projectRoot, "src/components/enterprise/enterpriseShardFiles.ts"), "utf8");
    const names = [...source.matchAll(/FileAttachment\("\.\.\/\.\.\/data\/enterprises\/([^"]+)"\)\.json\(\)/g)].map((m) => m[1]);
    expect(names).toEqual(Array.from({ length: ENTERPRISE_SHARDS }, (_, k) => shardName(k)));
    // No other FileAttachment call (another method would make Framework import a parser from the CDN).
    expect(source.match(/FileAttachment\(/g)).toHaveLength(ENTERPRISE_SHARDS);
  });
});
