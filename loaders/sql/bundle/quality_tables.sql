-- Data-quality totals of one snapshot per input table: files, rows read, loaded and rejected.
SELECT table_key AS table_name, count(*)::INTEGER AS files,
       sum(rows_read)::INTEGER AS rows_read, sum(rows_loaded)::INTEGER AS rows_loaded,
       sum(rows_rejected)::INTEGER AS rows_rejected
FROM ingest_files
WHERE snapshot = $snapshot AND table_key IS NOT NULL
GROUP BY table_key
ORDER BY table_key
