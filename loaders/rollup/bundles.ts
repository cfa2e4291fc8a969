/**
 * Finding and checking the bundles a roll-up is built from: every folder under the bundles folder
 * (or the folder itself, when it is one bundle) with its manifest.json. A bundle is used only when
 * its manifest is readable and of a known format, every file the format needs is listed and on
 * disk, and every listed file's sha256 and size match. A bad bundle is skipped and reported by
 * name, file and reason in Chinese and English (the quality page lists it); it never stops the build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { bundleFormatName, bundleFormatVersion, tableNames, type BundleManifest } from "../bundle/format.ts";
import { manifestFile, planFileName, sha256 } from "../bundle/write.ts";

export interface VerifiedBundle {
  /** The bundle's folder name. */
  name: string;
  dir: string;
  manifest: BundleManifest;
}

export interface BundleProblem {
  bundle: string;
  /** The file at fault; null when the bundle as a whole is (no manifest). */
  file: string | null;
  zh: string;
  en: string;
  /** One line, both languages, naming the bundle and file. */
  message: string;
}

const problem = (bundle: string, file: string | null, zh: string, en: string): BundleProblem => {
  const where = file ? `${bundle}/${file}` : bundle;
  return { bundle, file, zh, en, message: `数据包 ${where}:${zh} / bundle ${where}: ${en}` };
};

/** Check one bundle folder: its manifest, then each file. Returns the manifest or the problems found. */
export function verifyBundle(dir: string): { manifest: BundleManifest | null; problems: BundleProblem[] } {
  const name = basename(dir);
  const mpath = join(dir, manifestFile);
  if (!existsSync(mpath)) return { manifest: null, problems: [problem(name, manifestFile, "缺少清单文件", "manifest missing")] };
  let m: BundleManifest;
  try {
    m = JSON.parse(readFileSync(mpath, "utf8")) as BundleManifest;
  } catch (e) {
    return { manifest: null, problems: [problem(name, manifestFile, `清单不是合法的 JSON(${(e as Error).message})`, `manifest is not valid JSON (${(e as Error).message})`)] };
  }
  if (m.format !== bundleFormatName || m.formatVersion !== bundleFormatVersion || !Array.isArray(m.files) || !m.planId || !/^\d{4}-\d{2}-\d{2}$/.test(m.dataDate ?? "")) {
    return {
      manifest: null,
      problems: [problem(name, manifestFile, `清单格式不符(应为 ${bundleFormatName} 第 ${bundleFormatVersion} 版,含 planId、dataDate、files)`, `unknown manifest format (expected ${bundleFormatName} version ${bundleFormatVersion} with planId, dataDate, files)`)],
    };
  }
  const problems: BundleProblem[] = [];
  const listed = new Map(m.files.map((f) => [f.name, f]));
  for (const need of [planFileName, ...tableNames.map((t) => `${t}.parquet`)]) {
    if (!listed.has(need)) problems.push(problem(name, need, "清单未列出该文件", "file not listed in the manifest"));
  }
  for (const f of m.files) {
    const p = join(dir, f.name);
    if (f.name.includes("/") || f.name.includes("..")) {
      problems.push(problem(name, f.name, "文件名不合法", "invalid file name"));
    } else if (!existsSync(p) || !statSync(p).isFile()) {
      problems.push(problem(name, f.name, "文件缺失", "file missing"));
    } else {
      const bytes = readFileSync(p);
      if (bytes.length !== f.bytes || sha256(bytes) !== f.sha256) {
        problems.push(problem(name, f.name, "校验和不符(文件已损坏或被改动)", "checksum mismatch (file corrupt or altered)"));
      }
    }
  }
  return { manifest: problems.length ? null : m, problems };
}

/** Every bundle under `dir` (sorted by folder name); a folder that is itself a bundle counts as one. */
export function readBundles(dir: string): { bundles: VerifiedBundle[]; problems: BundleProblem[] } {
  const dirs = existsSync(join(dir, manifestFile))
    ? [dir]
    : readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => join(dir, e.name)).sort();
  const bundles: VerifiedBundle[] = [];
  const problems: BundleProblem[] = [];
  const seen = new Map<string, string>();
  for (const d of dirs) {
    const v = verifyBundle(d);
    problems.push(...v.problems);
    if (!v.manifest) continue;
    const other = seen.get(v.manifest.planId);
    if (other) {
      problems.push(problem(basename(d), manifestFile, `计划 ${v.manifest.planId} 已由数据包 ${other} 提供,本包跳过`, `plan ${v.manifest.planId} already given by bundle ${other}; skipped`));
      continue;
    }
    seen.set(v.manifest.planId, basename(d));
    bundles.push({ name: basename(d), dir: d, manifest: v.manifest });
  }
  return { bundles, problems };
}
