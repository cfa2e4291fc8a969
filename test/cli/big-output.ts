/**
 * A command for test/cli/pipe.test.ts: prints `bytes` bytes to stdout and a line to stderr, then
 * exits 3, either through scripts/lib/cli.ts ("helper") or the old way, process.exit() right
 * after writing ("naive", which loses whatever the pipe had not taken yet).
 *   tsx test/cli/big-output.ts helper|naive <bytes>
 */
import { print, printError, runCli } from "../../scripts/lib/cli.ts";

const [mode, n] = process.argv.slice(2);
const text = "x".repeat(Number(n) - 1) + "\n";

if (mode === "naive") {
  process.stdout.write(text);
  process.stderr.write("done\n");
  process.exit(3);
} else {
  runCli(async () => {
    await print(text);
    await printError("done");
    return 3;
  });
}
