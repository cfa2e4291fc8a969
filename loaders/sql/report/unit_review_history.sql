-- Each leading unit's periodic reviews (五(六) 周期性考核) held by $as_of, one row per review, with
-- how many 整改 items it raised and where they stand on $as_of.
WITH reviews AS (
  SELECT DISTINCT r.unit_id, r.reviewed_on, r.result
  FROM unit_reviews r WHERE r.snapshot = $snapshot AND r.reviewed_on <= $as_of
),
items AS (
  SELECT unit_id, reviewed_on, count(*) AS n,
         count(*) FILTER (WHERE status = 'closed') AS closed,
         count(*) FILTER (WHERE status = 'open') AS open,
         count(*) FILTER (WHERE status = 'overdue') AS overdue
  FROM rectification_items($snapshot, $as_of) GROUP BY ALL
)
SELECT v.unit_id, u.name AS unit_name, v.reviewed_on, v.result,
       coalesce(i.n, 0)::INTEGER AS items, coalesce(i.closed, 0)::INTEGER AS items_closed,
       coalesce(i.open, 0)::INTEGER AS items_open, coalesce(i.overdue, 0)::INTEGER AS items_overdue
FROM reviews v
LEFT JOIN leading_units u ON u.snapshot = $snapshot AND u.unit_id = v.unit_id
LEFT JOIN items i ON i.unit_id = v.unit_id AND i.reviewed_on = v.reviewed_on
ORDER BY v.unit_id, v.reviewed_on, v.result
