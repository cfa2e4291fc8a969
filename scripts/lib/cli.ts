/**
 * Output and exit for every command under scripts/: write to stdout or stderr and end the process
 * only once what was written has reached the pipe, the file or the terminal.
 *
 * Why: a write to a pipe is asynchronous in Node once the pipe's buffer (64 KiB on Linux) is full,
 * and `process.exit()` ends the process without waiting for pending writes, so
 * `npm run report -- --format json | jq .` used to receive 65,536 bytes of a 617,756-byte report.
 * Every command runs its `main` through `runCli`, which waits for both streams to flush before it
 * exits with main's code. (The exit itself stays explicit: an open DuckDB handle or a worker
 * thread must not keep a finished command alive.)
 */

import { writeSync } from "node:fs";
import { loadPlan, PlanError } from "../../loaders/plan/load.ts";
import type { PilotPlan } from "../../loaders/plan/types.ts";

type Out = NodeJS.WriteStream;

// A reader that goes away early (`report | head`) makes writes fail with EPIPE: that is the
// reader's choice, not a crash of the command; stop writing to that stream and carry on.
const closed = new WeakSet<Out>();
const watched = new WeakSet<Out>();
function watch(stream: Out): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") {
      closed.add(stream);
      return;
    }
    throw e;
  });
}

/** Write `text` to `stream` and resolve once it has been handed to the OS (or the reader has gone). */
export function write(stream: Out, text: string | Uint8Array): Promise<void> {
  watch(stream);
  if (closed.has(stream) || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}

/** Print to stdout, adding a line break when `text` lacks one; resolves once flushed. */
export function print(text: string): Promise<void> {
  return write(process.stdout, text.endsWith("\n") ? text : `${text}\n`);
}

/** Print to stderr, adding a line break when `text` lacks one; resolves once flushed. */
export function printError(text: string): Promise<void> {
  return write(process.stderr, text.endsWith("\n") ? text : `${text}\n`);
}

/**
 * Resolve once everything written to `stream` so far (by this module, console.log or anyone) has
 * been flushed: writes complete in order, so an empty write's callback runs after all of them.
 */
export function flushed(stream: Out): Promise<void> {
  return write(stream, "");
}

/** Flush stdout and stderr, then end the process with `code`. */
export async function exitAfterFlush(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** How a command prints an error: a plan error as its located messages only, anything else with its stack. */
function errorText(e: unknown): string {
  if (e instanceof PlanError) return e.message;
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/**
 * The plan for a command that loads it outside runCli (at the top of the script): loadPlan(), and
 * on a plan error its located messages on stderr and exit 1, without a stack trace.
 */
export function loadPlanOrExit(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): PilotPlan {
  try {
    return loadPlan(argv, env);
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    writeSync(2, `${e.message}\n`);
    process.exit(1);
  }
}

/**
 * Run a command's `main` and exit with the code it returns once its output is flushed; an
 * exception is printed to stderr (a plan error as its located messages) and exits 1.
 */
export function runCli(main: () => Promise<number> | number): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => exitAfterFlush(code),
      async (e: unknown) => {
        await printError(errorText(e));
        return exitAfterFlush(1);
      },
    );
}
