-- Data-quality problems (errors and warnings of ingest_issues) present in one of snapshots A ($before)
-- and B ($after) and not the other: new in B, or fixed (A had it, B does not). A problem is matched
-- by table, record, code and column; a problem on a row without a readable id (a malformed credit
-- code) is matched by its message, which quotes the cell, because its row number shifts between exports.
WITH issues AS (
  SELECT snapshot, coalesce(table_key, '') AS t, coalesce(record_id, message_zh) AS r, code, coalesce("column", '') AS c,
         table_key, record_id, "column", severity, message_zh, file, "row"
  FROM ingest_issues
  WHERE severity IN ('error', 'warning') AND snapshot IN ($before, $after)
),
problems AS (
  -- One problem can be reported twice on a record (a duplicated id): list it once.
  SELECT snapshot, t, r, code, c,
         any_value(table_key) AS table_key, any_value(record_id) AS record_id, any_value("column") AS "column",
         any_value(severity) AS severity, first(message_zh ORDER BY "row" NULLS LAST, file) AS message_zh,
         first(file ORDER BY "row" NULLS LAST, file) AS file, min("row") AS "row"
  FROM issues
  GROUP BY snapshot, t, r, code, c
),
a AS (SELECT * FROM problems WHERE snapshot = $before),
b AS (SELECT * FROM problems WHERE snapshot = $after),
changes AS (
  SELECT 'new' AS change, table_key, record_id, code, "column", severity, message_zh, file, "row"
  FROM b ANTI JOIN a USING (t, r, code, c)
  UNION ALL
  SELECT 'fixed', table_key, record_id, code, "column", severity, message_zh, file, "row"
  FROM a ANTI JOIN b USING (t, r, code, c)
)
SELECT * FROM changes
ORDER BY list_position(['new', 'fixed'], change), list_position(['error', 'warning'], severity), table_key, record_id, code, "column"
