-- Cumulative value of each count target at weekly points ending on $as_of, from the first week
-- that holds an event of that target (what trend charts draw).
WITH facts AS (
  SELECT f.* FROM kpi_facts($snapshot, $eligible_from) f
  JOIN plan_target t ON t.key = f.key AND t.kind = 'count'
  WHERE f.valid_from <= $as_of
),
weeks AS (
  SELECT key, unnest(range(0, ($as_of - min(valid_from)) // 7 + 1)) AS k
  FROM facts
  GROUP BY key
),
points AS (
  SELECT key, ($as_of - 7 * k::INTEGER) AS week_end FROM weeks
)
SELECT p.key, p.week_end,
       coalesce(sum(f.qty) FILTER (WHERE valid_at(f.valid_from, f.valid_to, p.week_end)), 0) AS actual
FROM points p
JOIN facts f ON f.key = p.key
GROUP BY p.key, p.week_end
ORDER BY p.key, p.week_end
