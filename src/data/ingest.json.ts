// Ingest summary of the current data root: files, rows read / loaded / rejected, and every issue.
import { dataRoot, isSampleData } from "../../loaders/config/paths.ts";
import { ingestSummary } from "../../loaders/outputs/ingest.ts";
import { openWarehouse } from "../../loaders/warehouse/build.ts";

const root = dataRoot([], process.env);
const wh = await openWarehouse(root);
try {
  process.stdout.write(JSON.stringify({ sample: isSampleData(root), ...(await ingestSummary(wh.conn)) }));
} finally {
  wh.close();
}
