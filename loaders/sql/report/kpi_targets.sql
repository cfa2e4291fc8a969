-- One row per plan target: actual on $as_of, expected by then, status, trailing weekly rate,
-- forecast at the plan's end at that rate, and the weekly rate still required.
-- Expected: the target's line from 0 at $expectation_start to its number at $plan_end, through the
-- target's dated steps (plan_target_step) when it has any; NULL when the plan gives no number or no
-- expectation start: then there is no verdict (无法判定), only the actual.
-- A ratio target (share_at_level) is its facts over its population's facts (key || '/population'),
-- a share 0–1 judged on the same line (the monitor's convention: the plan gives only the end value).
-- A status target (the platform) is met by a record in the exports (a recognitions row of the
-- measure's recordKind, dated the day it went live) on or before $as_of. Without one it has no
-- actual and reads 无数据: the monitor's own convention, since no record is not proof of absence and
-- the plan only asks for the platform by the end of the pilot.
WITH facts AS (
  SELECT * FROM kpi_facts($snapshot, $eligible_from)
),
clock AS (
  SELECT * FROM plan_clock($as_of, $expectation_start, $plan_end)
),
counted AS (
  SELECT key,
         sum(qty) FILTER (WHERE valid_at(valid_from, valid_to, $as_of)) AS now,
         sum(qty) FILTER (WHERE valid_at(valid_from, valid_to, ($as_of - 7)::DATE)) AS week_ago,
         sum(qty) FILTER (WHERE valid_at(valid_from, valid_to, ($as_of - 7 * $trailing_weeks)::DATE)) AS trailing_ago
  FROM facts
  GROUP BY key
),
-- Each target's value then: a sum, or for a ratio the share of its population (NULL when empty).
valued AS (
  SELECT t.key,
         CASE WHEN t.kind = 'ratio' THEN coalesce(c.now, 0) / nullif(p.now, 0) ELSE c.now END AS now,
         CASE WHEN t.kind = 'ratio' THEN coalesce(c.week_ago, 0) / nullif(p.week_ago, 0) ELSE c.week_ago END AS week_ago,
         CASE WHEN t.kind = 'ratio' THEN coalesce(c.trailing_ago, 0) / nullif(p.trailing_ago, 0) ELSE c.trailing_ago END AS trailing_ago
  FROM plan_target t
  LEFT JOIN counted c ON c.key = t.key
  LEFT JOIN counted p ON p.key = t.key || '/population'
),
points AS (
  SELECT key, $expectation_start::DATE AS d, 0.0::DOUBLE AS v FROM plan_target WHERE $expectation_start IS NOT NULL
  UNION ALL
  SELECT key, by_date, target FROM plan_target_step
  UNION ALL
  SELECT key, $plan_end::DATE, target FROM plan_target
),
segments AS (
  SELECT key, d AS d0, v AS v0,
         lead(d) OVER (PARTITION BY key ORDER BY d) AS d1,
         lead(v) OVER (PARTITION BY key ORDER BY d) AS v1
  FROM points
),
line AS (
  SELECT t.key,
         CASE WHEN t.target IS NULL OR $expectation_start IS NULL THEN NULL
              WHEN $as_of <= $expectation_start::DATE THEN 0.0
              WHEN $as_of >= $plan_end THEN t.target
              ELSE (SELECT s.v0 + (s.v1 - s.v0) * ((($as_of - s.d0) / (s.d1 - s.d0)::DOUBLE))
                    FROM segments s WHERE s.key = t.key AND s.d0 <= $as_of AND $as_of < s.d1) END AS expected
  FROM plan_target t
),
base AS (
  SELECT t.key, t.label, t.short, t.unit, t.kind, t.ord, t.target,
         CASE WHEN t.kind = 'status' THEN (CASE WHEN c.now > 0 THEN t.target END)
              WHEN t.kind = 'ratio' THEN c.now
              ELSE coalesce(c.now, 0) END AS actual,
         CASE WHEN t.kind <> 'status' THEN coalesce(c.now, 0) - coalesce(c.week_ago, 0) END AS week_delta,
         CASE WHEN t.kind <> 'status' THEN (coalesce(c.now, 0) - coalesce(c.trailing_ago, 0)) / $trailing_weeks END AS rate,
         l.expected,
         clock.weeks_left
  FROM plan_target t
  CROSS JOIN clock
  LEFT JOIN valued c ON c.key = t.key
  LEFT JOIN line l ON l.key = t.key
)
SELECT key, label, short, unit, kind, ord,
       actual, target,
       actual / nullif(target, 0) AS pct,
       expected,
       actual / nullif(expected, 0) AS pct_of_expected,
       -- Before the line starts nothing is expected (expected = 0), so nothing can be behind.
       CASE WHEN actual IS NULL THEN '无数据'
            WHEN expected IS NULL THEN '无法判定'
            WHEN actual >= expected * $on_track THEN '达标'
            WHEN actual >= expected * $warning THEN '预警'
            ELSE '落后' END AS status,
       CASE WHEN actual IS NOT NULL THEN greatest(target - actual, 0) END AS remaining,
       week_delta,
       rate AS trailing_rate_weekly,
       CASE WHEN kind <> 'status' THEN actual + rate * weeks_left ELSE actual END AS forecast,
       CASE WHEN kind <> 'status' AND weeks_left > 0 THEN greatest(target - actual, 0) / weeks_left END AS required_weekly,
       weeks_left
FROM base
ORDER BY ord
