// Worker thread entry (plain JavaScript): register tsx in this thread, then run the TypeScript
// worker. Node 20 applies neither the parent's loader hooks nor `--import` in execArgv to workers.
import { register } from "tsx/esm/api";

register();
await import("./workerEntry.ts");
