-- Each city's measures summarised: how many targets have an attainment, their mean and lowest
-- attainment, how many are 落后 / 预警 by the city's own bands, and its rank by mean attainment
-- (1 = highest; ties share a rank). Cities with no measure to judge rank last (NULL rank).
WITH a AS (
  SELECT * FROM rollup_attainment
)
SELECT plan_id, any_value(city) AS city,
       count(attainment)::INTEGER AS measures,
       avg(attainment) AS mean_attainment,
       min(attainment) AS min_attainment,
       count(*) FILTER (WHERE band = '落后')::INTEGER AS behind,
       count(*) FILTER (WHERE band = '预警')::INTEGER AS warning,
       count(*) FILTER (WHERE band = '达标')::INTEGER AS on_track,
       CASE WHEN count(attainment) > 0 THEN (rank() OVER (ORDER BY avg(attainment) DESC NULLS LAST))::INTEGER END AS rank
FROM a
GROUP BY plan_id
ORDER BY rank NULLS LAST, plan_id
