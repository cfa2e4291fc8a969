/**
 * Publish a built site to a folder a web server reads, atomically, keeping the previous site for
 * rollback (issue 12, docs/deploy.md).
 *
 * Layout, for `--to /srv/pilot/site`:
 *
 *   /srv/pilot/site                      a symlink → site.releases/<release> (relative)
 *   /srv/pilot/site.releases/<release>   complete builds: the current one and the previous one
 *   /srv/pilot/site.releases/.lock       held (pid inside) while a publish or rollback runs
 *   /srv/pilot/site.releases/.tmp-…      a build in progress (removed when it fails)
 *   /srv/pilot/site.releases/.published  what was last published (for `--if-new`)
 *
 * A build goes into a temporary folder next to the releases, is renamed to a release folder once
 * complete, and the site switches to it by rename(2) of a new symlink over the old one: atomic on
 * POSIX, so a reader (nginx resolves the link on every request) sees either the old complete tree
 * or the new one, never a part-built one, and a failed build never touches what is served.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { projectRoot } from "../../loaders/config/paths.ts";
import { alive } from "../../loaders/warehouse/lock.ts";
import { latestSnapshotDate } from "../../loaders/warehouse/snapshots.ts";

export type Site = "internal" | "public";

/** Builds the site into `outDir` (which exists and is empty); rejects when the build fails. */
export type BuildFn = (outDir: string, env: NodeJS.ProcessEnv) => Promise<void>;

/** Exit codes of `npm run publish`. */
export const exitCode = { ok: 0, buildFailed: 1, usage: 2, refused: 3, busy: 4 } as const;

export class PublishError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

/** The environment variable each site's Framework config reads its output folder from. */
export const outputEnv: Record<Site, string> = { internal: "PILOT_OUT", public: "PILOT_PUBLIC_OUT" };

const buildScript: Record<Site, string> = { internal: "npm run build", public: "npm run build:public" };

/**
 * The build a publish runs: `npm run build` (or `build:public`), or the shell command in
 * $PILOT_PUBLISH_BUILD_CMD (tests use a stub). The command gets PILOT_DATA and the output variable.
 */
export function commandBuild(site: Site, env: NodeJS.ProcessEnv = process.env): BuildFn {
  const command = env.PILOT_PUBLISH_BUILD_CMD || buildScript[site];
  return (outDir, env) =>
    new Promise((ok, fail) => {
      // Build logs go to stderr: stdout carries only the publish result.
      const child = spawn("sh", ["-c", command], { cwd: projectRoot, env, stdio: ["ignore", 2, 2] });
      child.on("error", fail);
      child.on("exit", (code, signal) =>
        code === 0 ? ok() : fail(new Error(`\`${command}\` ${signal ? `was killed by ${signal}` : `exited with ${code}`} (output folder ${outDir})`)),
      );
    });
}

export interface PublishOptions {
  /** The folder the web server serves (becomes a symlink). */
  to: string;
  site?: Site;
  /** The data root to build from (default: $PILOT_DATA or the sample, as every command). */
  dataRoot: string;
  build?: BuildFn;
  /** Publish only when the newest YYYY-MM-DD folder differs from the last one published. */
  ifNew?: boolean;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface PublishResult {
  /** "published", or "up-to-date" when `ifNew` found nothing new. */
  outcome: "published" | "up-to-date";
  /** The release now served. */
  release: string | null;
  /** The release kept for rollback (null on the first publish). */
  previous: string | null;
  snapshot: string | null;
}

interface Paths {
  link: string;
  releases: string;
  lock: string;
  stamp: string;
  /** What the symlink holds for a release: relative, so the whole parent folder can move. */
  target: (release: string) => string;
}

function paths(to: string): Paths {
  const link = resolve(to);
  const releases = `${link}.releases`;
  return {
    link,
    releases,
    lock: join(releases, ".lock"),
    stamp: join(releases, ".published"),
    target: (release) => `${basename(link)}.releases/${release}`,
  };
}

const releaseName = /^\d{8}T\d{6}\.\d{3}Z(-\d+)?$/;

/** The release the site serves now, or null before the first publish. Refuses what it did not make. */
export function currentRelease(to: string): string | null {
  const p = paths(to);
  let stat;
  try {
    stat = lstatSync(p.link);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  if (!stat.isSymbolicLink()) {
    throw new PublishError(
      `${p.link} exists and is not a symlink made by publish (a folder from before?). Nothing was changed.\n` +
        `Publish to a new path and point the web server there (docs/deploy.md, "Moving from a plain folder"), ` +
        `or move the folder away first: mv ${p.link} ${p.link}.old`,
      exitCode.refused,
    );
  }
  const target = readlinkSync(p.link);
  const release = target.slice(p.target("").length);
  if (target !== p.target(release) || !releaseName.test(release)) {
    throw new PublishError(`${p.link} points to ${target}, not to a release under ${p.releases}/. Nothing was changed.`, exitCode.refused);
  }
  return release;
}

/** The release folders (complete builds), oldest first. */
export function listReleases(to: string): string[] {
  const { releases } = paths(to);
  if (!existsSync(releases)) return [];
  return readdirSync(releases).filter((n) => releaseName.test(n)).sort();
}

/**
 * Take the lock: link(2) a file already holding our pid to `.lock`, which fails if it exists, so
 * the lock never exists without a pid. A lock whose process is gone (killed publish) is removed.
 */
function lock(p: Paths): () => void {
  mkdirSync(p.releases, { recursive: true });
  const mine = `${p.lock}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, p.lock);
        return () => {
          if (existsSync(p.lock) && readFileSync(p.lock, "utf8") === `${process.pid}\n`) rmSync(p.lock, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      let holder: number;
      try {
        holder = Number.parseInt(readFileSync(p.lock, "utf8"), 10);
      } catch {
        continue; // released between link and read: try again
      }
      if (alive(holder)) {
        throw new PublishError(`another publish (pid ${holder}) is running on ${p.link}; nothing was changed`, exitCode.busy);
      }
      rmSync(p.lock, { force: true });
    }
    throw new PublishError(`could not take ${p.lock}; nothing was changed`, exitCode.busy);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Remove what killed publishes left (we hold the lock, so no temporary folder is anyone else's). */
function clearLeftovers(p: Paths): void {
  for (const n of readdirSync(p.releases)) {
    const pid = n.startsWith(".lock.") ? Number(n.slice(".lock.".length)) : NaN;
    if (n.startsWith(".tmp-") || (Number.isInteger(pid) && !alive(pid))) rmSync(join(p.releases, n), { recursive: true, force: true });
  }
  const parent = dirname(p.link);
  const linkPrefix = `.${basename(p.link)}.link-`;
  for (const n of readdirSync(parent)) if (n.startsWith(linkPrefix)) rmSync(join(parent, n), { force: true });
}

/** Point the site at `release`: a new symlink renamed over the old one (rename(2) is atomic). */
function switchTo(p: Paths, release: string): void {
  const next = join(dirname(p.link), `.${basename(p.link)}.link-${process.pid}`);
  rmSync(next, { force: true });
  symlinkSync(p.target(release), next);
  renameSync(next, p.link);
  // Make the switch durable across a power cut (Linux allows fsync on a directory).
  try {
    const fd = openSync(dirname(p.link), "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every file system allows it; the rename itself is still atomic.
  }
}

function newReleaseName(p: Paths, now: Date): string {
  const base = now.toISOString().replace(/[-:]/g, "");
  let name = base;
  for (let i = 2; existsSync(join(p.releases, name)); i++) name = `${base}-${i}`;
  return name;
}

function stampFor(site: Site, dataRoot: string, snapshot: string | null): string {
  return `${JSON.stringify({ site, dataRoot, snapshot })}\n`;
}

/** Build the site into a temporary folder and switch the served folder to it. */
export async function publish(opts: PublishOptions): Promise<PublishResult> {
  const site = opts.site ?? "internal";
  const p = paths(opts.to);
  const dataRoot = resolve(opts.dataRoot);
  const snapshot = latestSnapshotDate(dataRoot);
  if (opts.ifNew && snapshot === null) throw new PublishError(`no YYYY-MM-DD export folder under ${dataRoot}; nothing was published`, exitCode.refused);
  // Refuse a plain folder or a foreign link before building anything.
  currentRelease(opts.to);
  const unlock = lock(p);
  try {
    clearLeftovers(p);
    const current = currentRelease(opts.to);
    const stamp = stampFor(site, dataRoot, snapshot);
    if (opts.ifNew && current !== null && existsSync(p.stamp) && readFileSync(p.stamp, "utf8") === stamp) {
      return { outcome: "up-to-date", release: current, previous: listReleases(opts.to).find((r) => r !== current) ?? null, snapshot };
    }

    const release = newReleaseName(p, (opts.now ?? (() => new Date()))());
    const tmp = join(p.releases, `.tmp-${release}-${process.pid}`);
    mkdirSync(tmp);
    try {
      const env = { ...(opts.env ?? process.env), PILOT_DATA: dataRoot, [outputEnv[site]]: tmp };
      await (opts.build ?? commandBuild(site, env))(tmp, env);
      if (!existsSync(join(tmp, "index.html"))) throw new Error(`the build exited successfully but wrote no index.html into ${tmp}`);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw new PublishError(`build failed; ${p.link} still serves ${current ?? "nothing"}, unchanged: ${(e as Error).message}`, exitCode.buildFailed);
    }
    renameSync(tmp, join(p.releases, release));

    // Keep the release now served (it becomes the previous one) and the new one; drop older ones.
    for (const r of listReleases(opts.to)) if (r !== current && r !== release) rmSync(join(p.releases, r), { recursive: true, force: true });
    switchTo(p, release);
    writeFileSync(`${p.stamp}.tmp`, stamp);
    renameSync(`${p.stamp}.tmp`, p.stamp);
    return { outcome: "published", release, previous: current, snapshot };
  } finally {
    unlock();
  }
}

/** Switch back to the previous release. Running it again switches forward again. */
export function rollback(to: string): { release: string; previous: string } {
  const p = paths(to);
  if (currentRelease(to) === null) throw new PublishError(`${p.link} has never been published; nothing to roll back`, exitCode.refused);
  const unlock = lock(p);
  try {
    clearLeftovers(p);
    const current = currentRelease(to)!;
    const others = listReleases(to).filter((r) => r !== current);
    if (others.length !== 1) {
      throw new PublishError(
        others.length === 0
          ? `${p.link} serves ${current} and no previous release is kept; nothing to roll back`
          : `${p.releases}/ holds ${others.length} releases besides the current one (${others.join(", ")}); expected one. Nothing was changed.`,
        exitCode.refused,
      );
    }
    switchTo(p, others[0]!);
    return { release: others[0]!, previous: current };
  } finally {
    unlock();
  }
}
