// Data of the 数据质量 page: files, rows read / loaded / rejected, every issue, the weekly trend.
import { dataRoot, isSampleData } from "../../loaders/config/paths.ts";
import { ingestSummary } from "../../loaders/outputs/ingest.ts";
import { withWarehouse } from "../../loaders/outputs/report.ts";

const root = dataRoot([], process.env);
process.stdout.write(JSON.stringify(await withWarehouse(root, (conn) => ingestSummary(conn, isSampleData(root)))));
