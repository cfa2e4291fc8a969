-- Assessments (on or before $as_of) whose reported level differs from the level recomputed with the
-- configured rule ($level_bands): from the three scores alone, or from scores and business
-- scenarios when assessment_scenarios holds any for that assessment. Computed 0 = below 一级.
-- Assessments missing a score cannot be recomputed and are not listed.
WITH bands AS (
  SELECT unnest($level_bands, recursive := true)
),
scored AS (
  SELECT a.assessment_id, a.uscc, a.kind, a.assessed_on, a.level AS reported_level,
         a.score_basis + a.score_management + a.score_outcome AS score
  FROM assessments a
  WHERE a.snapshot = $snapshot AND a.assessed_on <= $as_of
    AND a.score_basis IS NOT NULL AND a.score_management IS NOT NULL AND a.score_outcome IS NOT NULL
),
scenarios AS (
  SELECT assessment_id, scenario_level, list_contains($constraint_scenarios, scenario) AS is_constraint
  FROM assessment_scenarios
  WHERE snapshot = $snapshot
),
per_band AS (
  -- For each assessment and band: scenarios (and constraint scenarios) at that level or higher.
  SELECT s.assessment_id, b.level, b.min_score, b.min_scenarios, b.min_constraint, s.score,
         count(sc.assessment_id) AS at_level,
         count(sc.assessment_id) FILTER (WHERE sc.is_constraint) AS constraint_at_level
  FROM scored s
  CROSS JOIN bands b
  LEFT JOIN scenarios sc ON sc.assessment_id = s.assessment_id AND sc.scenario_level >= b.level
  GROUP BY ALL
),
computed AS (
  SELECT p.assessment_id,
         EXISTS (SELECT 1 FROM scenarios x WHERE x.assessment_id = p.assessment_id) AS with_scenarios,
         coalesce(max(p.level) FILTER (WHERE p.score >= p.min_score AND (
           NOT EXISTS (SELECT 1 FROM scenarios x WHERE x.assessment_id = p.assessment_id)
           OR (p.at_level >= p.min_scenarios AND p.constraint_at_level >= p.min_constraint))), 0) AS computed_level
  FROM per_band p
  GROUP BY p.assessment_id
)
SELECT s.assessment_id, s.uscc, e.name AS enterprise, s.kind, s.assessed_on, s.score,
       s.reported_level, c.computed_level,
       CASE WHEN c.with_scenarios THEN '得分+场景' ELSE '得分' END AS method,
       CASE WHEN c.with_scenarios THEN pr.at_level::INTEGER END AS scenarios_at_reported,
       CASE WHEN c.with_scenarios THEN pr.constraint_at_level::INTEGER END AS constraint_at_reported
FROM scored s
JOIN computed c USING (assessment_id)
LEFT JOIN per_band pr ON pr.assessment_id = s.assessment_id AND pr.level = s.reported_level
LEFT JOIN enterprises e ON e.snapshot = $snapshot AND e.uscc = s.uscc
WHERE c.computed_level <> s.reported_level
ORDER BY s.assessed_on, s.assessment_id
