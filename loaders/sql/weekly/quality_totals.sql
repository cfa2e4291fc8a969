-- Errors (rows rejected) and warnings (rows kept, flagged) that snapshots A ($before) and B ($after) report.
SELECT count(*) FILTER (WHERE snapshot = $before AND severity = 'error')::INTEGER AS errors_before,
       count(*) FILTER (WHERE snapshot = $after AND severity = 'error')::INTEGER AS errors_after,
       count(*) FILTER (WHERE snapshot = $before AND severity = 'warning')::INTEGER AS warnings_before,
       count(*) FILTER (WHERE snapshot = $after AND severity = 'warning')::INTEGER AS warnings_after
FROM ingest_issues
WHERE snapshot IN ($before, $after)
