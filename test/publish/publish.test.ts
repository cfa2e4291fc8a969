// Publishing (issue 12): the served folder switches atomically to a complete build, a failed build
// leaves it byte-identical, the previous build comes back with one rollback, and the CLI's exit
// codes. Builds are stubs that write files (Framework never runs here).
import { execFile, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { type BuildFn, listReleases, publish, PublishError, rollback } from "../../scripts/lib/releases.ts";

let tmp: string;
let to: string;
let data: string;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "publish-test-"));
  to = join(tmp, "site");
  data = join(tmp, "exports");
  mkdirSync(join(data, "2026-11-13"), { recursive: true });
});

afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** A stub build: index.html plus `files` more files, each holding "<version>:<name>". */
function stub(version: string, files = 3, delayMs = 0): BuildFn {
  return async (out) => {
    writeFileSync(join(out, "index.html"), `${version}:index.html`);
    mkdirSync(join(out, "_file"));
    for (let i = 0; i < files; i++) {
      if (delayMs) await sleep(delayMs);
      writeFileSync(join(out, "_file", `f${i}.json`), `${version}:f${i}.json`);
    }
  };
}

/** A build that writes part of a site, then fails. */
const failing: BuildFn = async (out) => {
  writeFileSync(join(out, "index.html"), "half");
  throw new Error("loader crashed");
};

/** Every file under `dir` (following the top symlink): relative path → sha256. */
function treeHash(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  visit(dir);
  return out;
}

const sha = (s: string): string => createHash("sha256").update(s).digest("hex");

async function pub(build: BuildFn, extra: Partial<Parameters<typeof publish>[0]> = {}) {
  return publish({ to, dataRoot: data, build, ...extra });
}

async function rejection(p: Promise<unknown> | (() => unknown)): Promise<PublishError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(PublishError);
    return e as PublishError;
  }
  throw new Error("expected a PublishError");
}

describe("publish", () => {
  test("first publish: DIR does not exist, becomes a relative symlink to the only release", async () => {
    const r = await pub(stub("v1"));
    expect(r.outcome).toBe("published");
    expect(r.previous).toBe(null);
    expect(r.snapshot).toBe("2026-11-13");
    expect(r.release).toMatch(/^\d{8}T\d{6}\.\d{3}Z$/);
    expect(lstatSync(to).isSymbolicLink()).toBe(true);
    expect(readlinkSync(to)).toBe(`site.releases/${r.release}`);
    expect(treeHash(to)).toEqual({
      "index.html": sha("v1:index.html"),
      "_file/f0.json": sha("v1:f0.json"),
      "_file/f1.json": sha("v1:f1.json"),
      "_file/f2.json": sha("v1:f2.json"),
    });
    // No lock, no temporary folder left; the stamp records what was published.
    expect(readdirSync(`${to}.releases`).sort()).toEqual([".published", r.release!]);
    expect(JSON.parse(readFileSync(`${to}.releases/.published`, "utf8"))).toEqual({ site: "internal", dataRoot: data, snapshot: "2026-11-13" });
  });

  test("the build gets the data root and its output folder in the variables the configs read", async () => {
    const seen: Record<string, string | undefined>[] = [];
    const record = (v: string): BuildFn => async (out, env) => {
      seen.push({ out, PILOT_DATA: env.PILOT_DATA, PILOT_OUT: env.PILOT_OUT, PILOT_PUBLIC_OUT: env.PILOT_PUBLIC_OUT });
      await stub(v)(out, env);
    };
    await pub(record("v1"), { env: {} });
    await publish({ to: join(tmp, "pub"), site: "public", dataRoot: data, build: record("p1"), env: {} });
    expect(seen).toEqual([
      { out: expect.stringMatching(new RegExp(`^${to}\\.releases/\\.tmp-`)), PILOT_DATA: data, PILOT_OUT: seen[0]!.out, PILOT_PUBLIC_OUT: undefined },
      { out: expect.stringMatching(new RegExp(`^${tmp}/pub\\.releases/\\.tmp-`)), PILOT_DATA: data, PILOT_OUT: undefined, PILOT_PUBLIC_OUT: seen[1]!.out },
    ]);
  });

  test("swap: the new build is served after; the previous one is kept, older ones removed", async () => {
    const r1 = await pub(stub("v1"));
    const r2 = await pub(stub("v2"));
    expect(r2.previous).toBe(r1.release);
    expect(readFileSync(join(to, "index.html"), "utf8")).toBe("v2:index.html");
    expect(readlinkSync(to)).toBe(`site.releases/${r2.release}`);
    expect(listReleases(to)).toEqual([r1.release, r2.release]);
    const r3 = await pub(stub("v3", 1));
    expect(treeHash(to)).toEqual({ "index.html": sha("v3:index.html"), "_file/f0.json": sha("v3:f0.json") });
    expect(listReleases(to)).toEqual([r2.release, r3.release]);
  });

  test("rollback: the previous build comes back byte-identical; a second rollback undoes it", async () => {
    const r1 = await pub(stub("v1"));
    const before = treeHash(to);
    const r2 = await pub(stub("v2", 5));
    const after = treeHash(to);
    expect(after).not.toEqual(before);

    expect(rollback(to)).toEqual({ release: r1.release, previous: r2.release });
    expect(readlinkSync(to)).toBe(`site.releases/${r1.release}`);
    expect(treeHash(to)).toEqual(before);
    expect(listReleases(to)).toEqual([r1.release, r2.release]);

    expect(rollback(to)).toEqual({ release: r2.release, previous: r1.release });
    expect(treeHash(to)).toEqual(after);
  });

  test("after a rollback, the next publish keeps the rolled-back-to build as previous and drops the bad one", async () => {
    const r1 = await pub(stub("v1"));
    await pub(stub("v2"));
    rollback(to);
    const r3 = await pub(stub("v3"));
    expect(r3.previous).toBe(r1.release);
    expect(listReleases(to)).toEqual([r1.release, r3.release]);
  });

  test("rollback with nothing to go back to is refused (exit code 3) and changes nothing", async () => {
    expect((await rejection(() => rollback(to))).exitCode).toBe(3);
    expect(existsSync(to)).toBe(false);
    const r1 = await pub(stub("v1"));
    const e = await rejection(() => rollback(to));
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe(`${to} serves ${r1.release} and no previous release is kept; nothing to roll back`);
    expect(readlinkSync(to)).toBe(`site.releases/${r1.release}`);
  });

  for (const [name, build] of [
    ["a build that fails part-way", failing],
    ["a build that exits 0 but writes no index.html", (async (out) => writeFileSync(join(out, "app.js"), "x")) as BuildFn],
  ] as const) {
    test(`${name} leaves the served folder byte-identical and no temporary folder`, async () => {
      const r1 = await pub(stub("v1"));
      const r2 = await pub(stub("v2", 4));
      const hash = treeHash(to);
      const entries = readdirSync(`${to}.releases`).sort();
      const stamp = readFileSync(`${to}.releases/.published`);

      const e = await rejection(pub(build));
      expect(e.exitCode).toBe(1);
      expect(e.message.startsWith(`build failed; ${to} still serves ${r2.release}, unchanged: `)).toBe(true);

      expect(readlinkSync(to)).toBe(`site.releases/${r2.release}`);
      expect(treeHash(to)).toEqual(hash);
      expect(readdirSync(`${to}.releases`).sort()).toEqual(entries);
      expect(readFileSync(`${to}.releases/.published`)).toEqual(stamp);
      // The previous build is still there for rollback.
      expect(rollback(to).release).toBe(r1.release);
    });
  }

  test("a failing first publish creates no served folder and leaves no release", async () => {
    expect((await rejection(pub(failing))).exitCode).toBe(1);
    expect(existsSync(to)).toBe(false);
    expect(readdirSync(`${to}.releases`)).toEqual([]);
  });

  test("a plain folder at DIR is refused (exit code 3) before building, and left byte-identical", async () => {
    mkdirSync(to);
    writeFileSync(join(to, "index.html"), "hand-copied site");
    let built = 0;
    const e = await rejection(pub(async (out, env) => { built++; await stub("v1")(out, env); }));
    expect(e.exitCode).toBe(3);
    expect(e.message.split("\n")[0]).toBe(`${to} exists and is not a symlink made by publish (a folder from before?). Nothing was changed.`);
    expect(built).toBe(0);
    expect(treeHash(to)).toEqual({ "index.html": sha("hand-copied site") });
    expect(existsSync(`${to}.releases`)).toBe(false);
  });

  test("a symlink that points elsewhere is refused (exit code 3)", async () => {
    mkdirSync(join(tmp, "elsewhere"));
    spawnSync("ln", ["-s", "elsewhere", to]);
    const e = await rejection(pub(stub("v1")));
    expect(e.exitCode).toBe(3);
    expect(readlinkSync(to)).toBe("elsewhere");
  });

  test("a second publish while one runs is refused (exit code 4); the first completes", async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const first = pub(async (out, env) => { await gate; await stub("v1")(out, env); });
    await sleep(20);
    const e = await rejection(pub(stub("v2")));
    expect(e.exitCode).toBe(4);
    expect(e.message).toBe(`another publish (pid ${process.pid}) is running on ${to}; nothing was changed`);
    expect((await rejection(() => rollback(to))).exitCode).toBe(3); // not yet published
    release();
    const r = await first;
    expect(readFileSync(join(to, "index.html"), "utf8")).toBe("v1:index.html");
    expect(readdirSync(`${to}.releases`).sort()).toEqual([".published", r.release!]);
  });

  test("a lock and a temporary folder left by a killed publish are cleared", async () => {
    await pub(stub("v1"));
    const dead = spawnSync("true").pid!;
    writeFileSync(`${to}.releases/.lock`, `${dead}\n`);
    mkdirSync(`${to}.releases/.tmp-20261113T000000.000Z-${dead}`);
    const r2 = await pub(stub("v2"));
    expect(readdirSync(`${to}.releases`).sort()).toEqual([".published", ...listReleases(to)]);
    expect(listReleases(to).at(-1)).toBe(r2.release);
  });

  test("--if-new publishes only when a newer export folder appears", async () => {
    let builds = 0;
    const counted = (v: string): BuildFn => async (out, env) => { builds++; await stub(v)(out, env); };
    const r1 = await pub(counted("v1"), { ifNew: true });
    expect([r1.outcome, r1.snapshot, builds]).toEqual(["published", "2026-11-13", 1]);
    const same = await pub(counted("v2"), { ifNew: true });
    expect(same).toEqual({ outcome: "up-to-date", release: r1.release, previous: null, snapshot: "2026-11-13" });
    expect(builds).toBe(1);
    mkdirSync(join(data, "2026-11-20"));
    const r2 = await pub(counted("v2"), { ifNew: true });
    expect([r2.outcome, r2.snapshot, r2.previous, builds]).toEqual(["published", "2026-11-20", r1.release, 2]);
    // Without --if-new it always builds.
    await pub(counted("v3"));
    expect(builds).toBe(3);
  });
});

describe("a reader during publishes", () => {
  // A separate process lists and reads the served folder as fast as it can while six builds are
  // published; every look must find one complete build (all 21 files, all of one version).
  const reader = `
    const fs = require("fs"), path = require("path");
    const [dir, stop, ready, out] = process.argv.slice(1);
    const r = { reads: 0, bad: [], versions: [] };
    function look() {
      try {
        // Cheap probes between full reads, so that even a short gap at the switch would be seen.
        for (let i = 0; i < 20; i++) fs.statSync(path.join(dir, "index.html"));
        if (fs.readdirSync(dir).length !== 2) throw new Error("served folder listed " + fs.readdirSync(dir).length + " entries");
        const real = fs.realpathSync(dir);
        const names = ["index.html", ...fs.readdirSync(path.join(real, "_file")).map((n) => "_file/" + n)];
        const texts = names.map((n) => fs.readFileSync(path.join(real, n), "utf8"));
        const v = texts[0].split(":")[0];
        if (names.length !== 21 || texts.some((t, i) => t !== v + ":" + path.basename(names[i]))) throw new Error("mixed tree " + real);
        if (r.versions.at(-1) !== v) r.versions.push(v);
        r.reads++;
      } catch (e) { r.bad.push(String(e.message)); }
    }
    fs.writeFileSync(ready, "");
    while (!fs.existsSync(stop)) look();
    look();
    fs.writeFileSync(out, JSON.stringify(r));
  `;

  test("never sees a missing, empty or mixed tree, and ends on the last build", async () => {
    await pub(stub("v1", 20));
    const [stop, ready, out] = ["stop", "ready", "out.json"].map((n) => join(tmp, n)) as [string, string, string];
    const child = spawn(process.execPath, ["-e", reader, to, stop, ready, out], { stdio: "inherit" });
    const exited = new Promise((ok) => child.on("exit", ok));
    while (!existsSync(ready)) await sleep(5);
    for (const v of ["v2", "v3", "v4", "v5", "v6"]) await pub(stub(v, 20, 2));
    writeFileSync(stop, "");
    expect(await exited).toBe(0);
    const r = JSON.parse(readFileSync(out, "utf8")) as { reads: number; bad: string[]; versions: string[] };
    expect(r.bad).toEqual([]);
    expect(r.reads).toBeGreaterThan(0);
    // Versions appear in publish order, starting from the one served before and ending on the last.
    expect(r.versions[0]).toBe("v1");
    expect(r.versions.at(-1)).toBe("v6");
    expect(r.versions).toEqual(["v1", "v2", "v3", "v4", "v5", "v6"].filter((v) => r.versions.includes(v)));
  });
});

describe("npm run publish (the CLI)", () => {
  const tsx = resolve(projectRoot, "node_modules/.bin/tsx");
  const script = resolve(projectRoot, "scripts/publish.ts");
  const cli = (args: string[], buildCmd: string): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((ok) =>
      execFile(tsx, [script, ...args], { env: { ...process.env, PILOT_PUBLISH_BUILD_CMD: buildCmd } }, (err, stdout, stderr) =>
        ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      ),
    );
  const good = (v: string) => `mkdir -p "$PILOT_OUT/_file" && printf ${v} > "$PILOT_OUT/index.html" && printf "$PILOT_DATA" > "$PILOT_OUT/_file/data.txt"`;

  test("exit codes: 0 published, 1 build failed (site unchanged), 0 rollback, 2 usage, 3 refused", async () => {
    const first = await cli(["--to", to, "--data", data], good("v1"));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^published: ${to} now serves \\S+ \\(snapshot 2026-11-13; previous none\\)\\n$`));
    expect(treeHash(to)).toEqual({ "index.html": sha("v1"), "_file/data.txt": sha(data) });

    expect((await cli(["--to", to, "--data", data], good("v2"))).code).toBe(0);
    const served = treeHash(to);
    const failed = await cli(["--to", to, "--data", data], `printf half > "$PILOT_OUT/index.html"; exit 7`);
    expect([failed.code, failed.stdout]).toEqual([1, ""]);
    expect(failed.stderr).toContain("exited with 7");
    expect(treeHash(to)).toEqual(served);

    const back = await cli(["--rollback", "--to", to], "false");
    expect(back.code).toBe(0);
    expect(readFileSync(join(to, "index.html"), "utf8")).toBe("v1");

    expect((await cli(["--to", to, "--site", "intranet"], "false")).code).toBe(2);
    expect((await cli([], "false")).code).toBe(2);
    mkdirSync(join(tmp, "plain"));
    expect((await cli(["--to", join(tmp, "plain")], good("v1"))).code).toBe(3);
  });
});

describe("docs/deploy.md", () => {
  test("quotes the shipped deploy/ files verbatim", () => {
    const doc = readFileSync(resolve(projectRoot, "docs/deploy.md"), "utf8");
    const files = ["nginx/pilot-static.conf", "nginx/pilot-internal.conf", "nginx/pilot-public.conf", "systemd/pilot-publish.service", "systemd/pilot-publish.timer"];
    expect(files.filter((f) => !doc.includes(`\`deploy/${f}\`:\n\n\`\`\`${f.startsWith("nginx") ? "nginx" : "ini"}\n${readFileSync(resolve(projectRoot, "deploy", f), "utf8")}\`\`\``))).toEqual([]);
  });
});
