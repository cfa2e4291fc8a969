-- Revisions between snapshot A ($before) and B ($after), over every contract table (weekly_cells):
-- a value A held for a record of the past that B changed or cleared, and a row of A that B no longer
-- holds. Rows are matched by the contract's id column (or unique-by columns). Not revisions, because
-- they are how data moves forward (loaders/weekly/README.md):
--   a value A did not hold (NULL) that B fills in;
--   a date A held that lies after A's date (a plan, e.g. 计划完成日期), changed or cleared;
--   a state moving forward along $state_moves (项目状态 实施中 → 验收申请);
--   a running total ($running_totals, e.g. 实付利息) growing;
--   in a row whose state moved forward, a date changed to a day after A (a re-review's new date).
WITH a AS (
  SELECT * FROM weekly_cells WHERE snapshot = $before
),
b AS (
  SELECT * FROM weekly_cells WHERE snapshot = $after
),
moves AS (
  SELECT unnest($state_moves, recursive := true)
),
totals AS (
  SELECT unnest($running_totals, recursive := true)
),
pairs AS (
  SELECT a.table_key, a.table_zh, a.table_ord, a.record_id, a.label, a.uscc,
         a.column_key, a.column_zh, a.column_type, a.column_ord,
         a.value AS before, b.value AS after,
         m.to_value IS NOT NULL AS moved_forward,
         t.column_key IS NOT NULL AS running_total
  FROM a
  JOIN b USING (table_key, record_id, column_key)
  LEFT JOIN moves m ON m.table_key = a.table_key AND m.column_key = a.column_key
                   AND m.from_value = a.value AND m.to_value = b.value
  LEFT JOIN totals t ON t.table_key = a.table_key AND t.column_key = a.column_key
),
advanced AS (
  SELECT DISTINCT table_key, record_id FROM pairs WHERE moved_forward
),
changed AS (
  SELECT p.table_key, p.table_zh, p.table_ord, p.record_id, p.label, p.uscc,
         p.column_key, p.column_zh, p.column_type, p.column_ord,
         CASE WHEN p.after IS NULL THEN 'cleared' ELSE 'changed' END AS kind,
         p.before, p.after, NULL AS row_before
  FROM pairs p
  LEFT JOIN advanced v USING (table_key, record_id)
  WHERE p.before IS NOT NULL
    AND p.before IS DISTINCT FROM p.after
    AND NOT coalesce(p.column_type = 'date' AND try_cast(p.before AS DATE) > $before, false)
    AND NOT p.moved_forward
    AND NOT coalesce(p.running_total AND try_cast(p.after AS DOUBLE) > try_cast(p.before AS DOUBLE), false)
    AND NOT coalesce(v.record_id IS NOT NULL AND p.column_type = 'date' AND try_cast(p.after AS DATE) > $before, false)
),
removed AS (
  SELECT table_key, any_value(table_zh) AS table_zh, any_value(table_ord) AS table_ord, record_id,
         any_value(label) AS label, any_value(uscc) AS uscc,
         NULL AS column_key, NULL AS column_zh, NULL AS column_type, -1 AS column_ord,
         'row_removed' AS kind, NULL AS before, NULL AS after,
         list({column_zh: column_zh, column_type: column_type, value: value} ORDER BY column_ord)
           FILTER (WHERE value IS NOT NULL) AS row_before
  FROM a
  WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.table_key = a.table_key AND b.record_id = a.record_id)
  GROUP BY table_key, record_id
),
rejected AS (
  -- Why B lacks a row, when B read it and rejected it.
  SELECT table_key, record_id, string_agg(DISTINCT message_zh, ';' ORDER BY message_zh) AS reason
  FROM ingest_issues
  WHERE snapshot = $after AND severity = 'error' AND record_id IS NOT NULL
  GROUP BY table_key, record_id
),
revisions AS (
  SELECT * FROM changed
  UNION ALL BY NAME
  SELECT * FROM removed
)
SELECT r.table_key, r.table_zh, r.record_id, r.label, e.name AS enterprise,
       r.column_key, r.column_zh, r.column_type, r.kind, r.before, r.after, r.row_before,
       CASE WHEN r.kind = 'row_removed' THEN j.reason END AS reason
FROM revisions r
LEFT JOIN enterprises e ON e.snapshot = $before AND e.uscc = r.uscc
LEFT JOIN rejected j ON j.table_key = r.table_key AND j.record_id = r.record_id
ORDER BY r.table_ord, r.record_id, r.column_ord
