// Data of the 数据质量 page: files, rows read / loaded / rejected, every issue, the weekly trend.
// A district build has no such page (its issues quote rows of every district): counts only, no issue.
import { audienceFromEnv } from "../../loaders/config/audience.ts";
import { dataRoot, isSampleData } from "../../loaders/config/paths.ts";
import { qualitySummary } from "../../loaders/outputs/quality.ts";
import { withWarehouse } from "../../loaders/outputs/report.ts";
import { loadPlan } from "../../loaders/plan/load.ts";

const root = dataRoot([], process.env);
const plan = loadPlan();
const summary = await withWarehouse(root, plan, (conn) => qualitySummary(conn, plan, isSampleData(root)));
process.stdout.write(JSON.stringify(audienceFromEnv(plan).kind === "city" ? summary : { ...summary, issues: [] }));
