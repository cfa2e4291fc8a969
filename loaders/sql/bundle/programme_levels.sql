-- For the programme's 90% rule (plans/programme.json): per focus industry, the 规上 enterprises of
-- the snapshot still on the list on $as_of, and those whose latest assessment (either kind) on or
-- before $as_of is at $programme_min_level or higher. Counts only: no identifier leaves this query.
WITH ent AS (
  SELECT uscc, industry FROM enterprises
  WHERE snapshot = $snapshot AND above_scale AND (removed_on IS NULL OR removed_on > $as_of)
),
latest AS (
  SELECT uscc, level FROM latest_assessments($snapshot, $as_of)
  QUALIFY row_number() OVER (PARTITION BY uscc ORDER BY assessed_on DESC, assessment_id DESC) = 1
)
SELECT i.key AS industry_key, i.name AS industry,
       count(e.uscc)::INTEGER AS above_scale,
       count(e.uscc) FILTER (WHERE l.level >= $programme_min_level)::INTEGER AS at_level
FROM dim_industry i
LEFT JOIN ent e ON e.industry = i.key
LEFT JOIN latest l ON l.uscc = e.uscc
GROUP BY i.key, i.name
ORDER BY list_position($industry_order, i.key)
