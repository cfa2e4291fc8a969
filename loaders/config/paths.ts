/** Where things are: the project, the bundled sample, the data root a command or loader works on. */
import { existsSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder (where package.json is). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The bundled synthetic sample. */
export const sampleRoot = resolve(projectRoot, "data/sample");

/** A file that marks a data root as synthetic sample data (written by `npm run generate`). */
export const sampleMarker = "SAMPLE";

/** The data root: `--data DIR` in argv, else $PILOT_DATA, else the bundled sample. */
export function dataRoot(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf("--data");
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]!);
  const eq = argv.find((a) => a.startsWith("--data="));
  if (eq) return resolve(eq.slice("--data=".length));
  if (env.PILOT_DATA) return resolve(env.PILOT_DATA);
  return sampleRoot;
}

/** True when the root is the bundled sample or a generated one: pages must then say 示例数据. */
export function isSampleData(root: string): boolean {
  // A single snapshot folder of a sample root is sample data too.
  if (existsSync(resolve(root, sampleMarker)) || existsSync(resolve(root, "..", sampleMarker))) return true;
  try {
    return realpathSync(root) === realpathSync(sampleRoot);
  } catch {
    return false;
  }
}
