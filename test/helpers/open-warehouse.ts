// Child process for the concurrency test: open the warehouse of argv[2], count enterprises, print its path.
import { openWarehouse } from "../../loaders/warehouse/build.ts";
import { queryRows } from "../../loaders/warehouse/query.ts";
import { plan } from "./plan.ts";

const wh = await openWarehouse(process.argv[2]!, plan);
const [row] = await queryRows<{ n: number }>(wh.conn, "SELECT count(*)::INTEGER AS n FROM enterprises");
if (row?.n !== 3) throw new Error(`expected 3 enterprises, got ${row?.n}`);
wh.close();
console.log(wh.path);
