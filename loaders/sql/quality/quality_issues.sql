-- Every issue of one snapshot (and root-level ones), located by file, row and column.
SELECT
  strftime(snapshot, '%Y-%m-%d') AS snapshot,
  file,
  table_key,
  "row",
  "column",
  code,
  severity,
  message_zh,
  message_en,
  record_id
FROM ingest_issues
WHERE snapshot = $snapshot::DATE OR snapshot IS NULL
ORDER BY CASE severity WHEN 'fatal' THEN 0 WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END, file, "row", "column"
