// The one fingerprint every cache decides with: content changes the print, timestamps do not
// (the documented choice), and the stamp convention clears a cache once per change.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fingerprint, refreshStamp, treeFiles } from "../../loaders/config/fingerprint.ts";
import { loaderInputsFingerprint, resetStaleLoaderCache } from "../../loaders/config/loaderCache.ts";
import { plan } from "../helpers/plan.ts";

const tree = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), "pilot-print-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};
const print = (dir: string) => fingerprint([{ tree: dir }]);

describe("fingerprint", () => {
  test("should be 64 hex digits, the same for the same inputs", () => {
    const dir = tree({ "2026-11-20/企业名录.csv": "a\n" });
    expect(print(dir)).toMatch(/^[0-9a-f]{64}$/);
    expect(print(dir)).toBe(print(dir));
  });

  test("should change when a file's content changes, even by one byte of the same length", () => {
    const dir = tree({ "2026-11-20/企业名录.csv": "a\n", "2026-11-20/改造项目台账.csv": "p\n" });
    const before = print(dir);
    writeFileSync(join(dir, "2026-11-20/企业名录.csv"), "b\n");
    expect(print(dir)).not.toBe(before);
    writeFileSync(join(dir, "2026-11-20/企业名录.csv"), "a\n");
    expect(print(dir)).toBe(before); // back to the same bytes: back to the same print
  });

  test("should not change when only a file's time changes (content is what counts, so every cache is reused)", () => {
    const dir = tree({ "2026-11-20/企业名录.csv": "a\n" });
    const before = print(dir);
    utimesSync(join(dir, "2026-11-20/企业名录.csv"), new Date("2031-01-01"), new Date("2031-01-01"));
    expect(print(dir)).toBe(before);
    writeFileSync(join(dir, "2026-11-20/企业名录.csv"), "a\n"); // rewritten, same bytes
    expect(print(dir)).toBe(before);
  });

  test("should change when a file is added, removed or renamed", () => {
    const dir = tree({ "2026-11-20/企业名录.csv": "a\n" });
    const before = print(dir);
    writeFileSync(join(dir, "2026-11-20/人才培训.csv"), "");
    const added = print(dir);
    expect(added).not.toBe(before);
    renameSync(join(dir, "2026-11-20/人才培训.csv"), join(dir, "2026-11-20/人才培训2.csv"));
    expect(print(dir)).not.toBe(added);
    renameSync(join(dir, "2026-11-20"), join(dir, "2026-11-27"));
    expect(print(dir)).not.toBe(before);
  });

  test("should print a copied folder alike wherever it is, and leave hidden files out", () => {
    const dir = tree({ "2026-11-20/企业名录.csv": "a\n" });
    const copy = mkdtempSync(join(tmpdir(), "pilot-print-"));
    cpSync(dir, copy, { recursive: true });
    expect(print(copy)).toBe(print(dir));
    writeFileSync(join(copy, ".DS_Store"), "x");
    mkdirSync(join(copy, ".observablehq"));
    writeFileSync(join(copy, ".observablehq/x"), "x");
    expect(print(copy)).toBe(print(dir));
  });

  test("should follow a symlinked folder: a change inside it changes the print", () => {
    const target = tree({ "企业名录.csv": "a\n" });
    const dir = tree({});
    symlinkSync(target, join(dir, "2026-11-20"));
    expect(treeFiles(dir)).toEqual(["2026-11-20/企业名录.csv"]);
    const before = print(dir);
    writeFileSync(join(target, "企业名录.csv"), "b\n");
    expect(print(dir)).not.toBe(before);
  });

  test("should keep parts apart: values, files and trees never run into each other", () => {
    expect(fingerprint(["ab"])).not.toBe(fingerprint(["a", "b"]));
    expect(fingerprint(["a", ""])).not.toBe(fingerprint(["a"]));
    const dir = tree({ f: "x" });
    expect(fingerprint([{ file: join(dir, "f") }])).not.toBe(fingerprint(["x"]));
    expect(fingerprint([{ file: join(dir, "f"), as: "f" }])).not.toBe(fingerprint([{ file: join(dir, "f"), as: "g" }]));
    expect(fingerprint([{ tree: dir, as: "data" }])).not.toBe(fingerprint([{ tree: dir, as: "loaders" }]));
    expect(fingerprint([{ tree: join(dir, "missing") }])).toBe(fingerprint([{ tree: tree({}) }]));
  });
});

describe("the stamp convention", () => {
  test("should clear once per new print and write the stamp after clearing", () => {
    const dir = mkdtempSync(join(tmpdir(), "pilot-stamp-"));
    const stamp = join(dir, "cache.fingerprint");
    // What the stamp held when the cache was cleared: the old print (the new one is written after).
    const seen: (string | null)[] = [];
    const clear = () => void seen.push(existsSync(stamp) ? readFileSync(stamp, "utf8") : null);
    expect(refreshStamp(stamp, "p1", clear)).toBe(true);
    expect(readFileSync(stamp, "utf8")).toBe("p1");
    expect(refreshStamp(stamp, "p1", clear)).toBe(false);
    expect(refreshStamp(stamp, "p2", clear)).toBe(true);
    expect(readFileSync(stamp, "utf8")).toBe("p2");
    expect(seen).toEqual([null, "p1"]);
  });

  test("should leave the stamp unwritten when clearing fails, so the next run clears again", () => {
    const dir = mkdtempSync(join(tmpdir(), "pilot-stamp-"));
    const stamp = join(dir, "cache.fingerprint");
    expect(() => refreshStamp(stamp, "p1", () => {
      throw new Error("disk");
    })).toThrow("disk");
    expect(existsSync(stamp)).toBe(false);
    expect(refreshStamp(stamp, "p1", () => {})).toBe(true);
  });

  test("should refuse a stamp not named <name>.fingerprint", () => {
    expect(() => refreshStamp(join(tmpdir(), ".audience"), "p", () => {})).toThrow("<name>.fingerprint");
  });
});

describe("Framework's loader caches", () => {
  test("should keep the loader cache when exports are only touched, clear it when one changes", () => {
    const source = mkdtempSync(join(tmpdir(), "pilot-src-"));
    const data = tree({ "2026-11-20/企业名录.csv": "a\n" });
    const cached = join(source, ".observablehq/cache/data/index.json");
    const cache = () => {
      mkdirSync(join(source, ".observablehq/cache/data"), { recursive: true });
      writeFileSync(cached, "{}");
    };
    cache();
    expect(resetStaleLoaderCache(source, data, plan)).toBe(true);
    expect(existsSync(join(source, ".observablehq/cache.fingerprint"))).toBe(true);
    cache();
    utimesSync(join(data, "2026-11-20/企业名录.csv"), new Date("2031-01-01"), new Date("2031-01-01"));
    expect(resetStaleLoaderCache(source, data, plan)).toBe(false);
    expect(existsSync(cached)).toBe(true);
    writeFileSync(join(data, "2026-11-20/企业名录.csv"), "a,b\n");
    expect(resetStaleLoaderCache(source, data, plan)).toBe(true);
    expect(existsSync(cached)).toBe(false);
  });

  test("should tell two roots with the same files apart (the path says whether it is the sample)", () => {
    const a = tree({ "2026-11-20/企业名录.csv": "a\n" });
    const b = mkdtempSync(join(tmpdir(), "pilot-print-"));
    cpSync(a, b, { recursive: true });
    expect(loaderInputsFingerprint(b, plan)).not.toBe(loaderInputsFingerprint(a, plan));
  });
});
