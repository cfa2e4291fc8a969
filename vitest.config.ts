import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // vitest's default for a run is one worker fewer than the cores: one worker on this two-core
    // machine. Most heavy files wait on child processes (Framework, tsx, Chromium) or sleep, so two
    // workers cut the wall time (measured in docs/benchmarks.md, "The test suite"). Site builds of
    // src/ take turns through test/helpers/siteBuild.ts's lock.
    maxWorkers: 2,
  },
});
