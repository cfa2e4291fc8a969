-- Rows read, loaded and rejected per snapshot: the trend of data quality week by week.
SELECT
  strftime(f.snapshot, '%Y-%m-%d') AS snapshot,
  sum(f.rows_read)::INTEGER AS rows_read,
  sum(f.rows_loaded)::INTEGER AS rows_loaded,
  sum(f.rows_rejected)::INTEGER AS rows_rejected,
  (SELECT count(*) FROM ingest_issues i WHERE i.snapshot = f.snapshot AND i.severity = 'warning')::INTEGER AS warnings
FROM ingest_files f
GROUP BY f.snapshot
ORDER BY f.snapshot
