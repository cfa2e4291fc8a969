-- Per file of one snapshot: what was read, loaded, rejected and skipped.
SELECT
  strftime(snapshot, '%Y-%m-%d') AS snapshot,
  file,
  table_key,
  encoding,
  sheet,
  header_row,
  rows_read,
  rows_loaded,
  rows_rejected,
  rows_skipped,
  extra_columns
FROM ingest_files
WHERE snapshot = $snapshot::DATE
ORDER BY table_key, file
