-- One row per snapshot, oldest first: its folder, how many files were read, rows read, loaded,
-- rejected and skipped, and how many row-rejecting errors and warnings were reported. The
-- data-quality page draws the weekly trend and lists the snapshots from it.
WITH files AS (
  SELECT snapshot, count(*)::INTEGER AS files,
         sum(rows_read)::INTEGER AS rows_read, sum(rows_loaded)::INTEGER AS rows_loaded,
         sum(rows_rejected)::INTEGER AS rows_rejected, sum(rows_skipped)::INTEGER AS rows_skipped
  FROM ingest_files GROUP BY snapshot
),
issues AS (
  SELECT snapshot,
         count(*) FILTER (WHERE severity = 'error')::INTEGER AS errors,
         count(*) FILTER (WHERE severity = 'warning')::INTEGER AS warnings
  FROM ingest_issues WHERE snapshot IS NOT NULL GROUP BY snapshot
)
SELECT
  strftime(s.snapshot, '%Y-%m-%d') AS snapshot,
  parse_filename(s.folder) AS folder,
  coalesce(f.files, 0) AS files,
  coalesce(f.rows_read, 0) AS rows_read,
  coalesce(f.rows_loaded, 0) AS rows_loaded,
  coalesce(f.rows_rejected, 0) AS rows_rejected,
  coalesce(f.rows_skipped, 0) AS rows_skipped,
  coalesce(i.errors, 0) AS errors,
  coalesce(i.warnings, 0) AS warnings
FROM snapshots s
LEFT JOIN files f ON f.snapshot = s.snapshot
LEFT JOIN issues i ON i.snapshot = s.snapshot
ORDER BY s.snapshot
