// Child process for the warehouse tests: build (or wait for) the warehouse of argv[2] and print
// {"path": …, "built": true|false} — built is true only in the process that did the build.
import { prepareWarehouse } from "../../../loaders/warehouse/build.ts";
import { plan } from "../../helpers/plan.ts";

const r = await prepareWarehouse(process.argv[2]!, plan);
console.log(JSON.stringify(r));
