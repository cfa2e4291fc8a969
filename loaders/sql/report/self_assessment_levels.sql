-- 绩效自评估 五(八) 被改造企业数量, by level: the enterprises counted toward enterprises_transformed on
-- $as_of (the same spells kpi_targets counts), grouped by their latest 改造后 assessment on $as_of.
-- One row per level reached; the rows add up to the target's actual.
WITH counted AS (
  SELECT DISTINCT uscc
  FROM transformed_spells($snapshot, $min_level, $eligible_from)
  WHERE valid_at(valid_from, valid_to, $as_of)
),
post AS (
  SELECT uscc, level FROM latest_assessments($snapshot, $as_of) WHERE kind = '改造后'
)
SELECT p.level::INTEGER AS level, count(*)::INTEGER AS enterprises
FROM counted c JOIN post p USING (uscc)
GROUP BY p.level
ORDER BY p.level
