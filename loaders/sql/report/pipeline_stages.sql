-- Counted SMEs that reached each stage (plan.stages, in order) by $as_of, conversion from the stage
-- before, and the median days from the previous dated stage. Each stage is counted on its own
-- evidence, so a missing date can make a stage exceed the one before it.
WITH facts AS (
  SELECT * FROM kpi_facts_at($snapshot, $as_of, $eligible_from)
),
stages AS (
  SELECT unnest($stages, recursive := true)
),
reached AS (
  SELECT s.ord, s.key, f.entity_id, f.valid_from, f.dated
  FROM stages s JOIN facts f ON f.key = s.key
),
gaps AS (
  SELECT key, entity_id,
         CASE WHEN dated THEN valid_from - lag(CASE WHEN dated THEN valid_from END IGNORE NULLS)
                                             OVER (PARTITION BY entity_id ORDER BY ord) END AS days
  FROM reached
),
counts AS (
  SELECT s.ord, s.key, s.name, count(g.entity_id)::INTEGER AS enterprises, median(g.days)::DOUBLE AS median_days
  FROM stages s LEFT JOIN gaps g ON g.key = s.key
  GROUP BY s.ord, s.key, s.name
)
SELECT key, name, ord, enterprises,
       enterprises / nullif(lag(enterprises) OVER (ORDER BY ord), 0)::DOUBLE AS conversion,
       median_days
FROM counts
ORDER BY ord
