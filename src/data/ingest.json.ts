// Data of the 数据质量 page: files, rows read / loaded / rejected, every issue, the weekly trend.
// A district build has no such page (its issues quote rows of every district): counts only, no issue.
import { audienceFromEnv } from "../../loaders/config/audience.ts";
import { dataRoot, isSampleData } from "../../loaders/config/paths.ts";
import { ingestSummary } from "../../loaders/outputs/ingest.ts";
import { withWarehouse } from "../../loaders/outputs/report.ts";

const root = dataRoot([], process.env);
const summary = await withWarehouse(root, (conn) => ingestSummary(conn, isSampleData(root)));
process.stdout.write(JSON.stringify(audienceFromEnv().kind === "city" ? summary : { ...summary, issues: [] }));
