-- The snapshots in the warehouse, newest first: the report takes the newest on or before its as-of date.
SELECT snapshot FROM snapshots ORDER BY snapshot DESC
