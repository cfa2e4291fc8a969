-- One row per plan target: actual on $as_of, pro-rated expectation, status, trailing weekly rate,
-- forecast at the plan's end at that rate, and the weekly rate still required.
-- A status target (the platform) is met by a record in the exports (a recognitions row of the
-- target's recordKind, dated the day it went live) on or before $as_of. Without one it has no
-- actual and reads 无数据: the monitor's own convention, since no record is not proof of absence and
-- the plan only asks for the platform by the end of 2026.
WITH facts AS (
  SELECT * FROM kpi_facts($snapshot, $min_level, $eligible_from)
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
base AS (
  SELECT t.key, t.label, t.short, t.unit, t.kind, t.ord, t.target,
         CASE WHEN t.kind = 'status' THEN (CASE WHEN c.now > 0 THEN t.target END)
              ELSE coalesce(c.now, 0) END AS actual,
         CASE WHEN t.kind = 'count' THEN coalesce(c.now, 0) - coalesce(c.week_ago, 0) END AS week_delta,
         CASE WHEN t.kind = 'count' THEN (coalesce(c.now, 0) - coalesce(c.trailing_ago, 0)) / $trailing_weeks END AS rate,
         t.target * clock.elapsed AS expected,
         clock.weeks_left
  FROM plan_target t
  CROSS JOIN clock
  LEFT JOIN counted c ON c.key = t.key
)
SELECT key, label, short, unit, kind, ord,
       actual, target,
       actual / nullif(target, 0) AS pct,
       expected,
       actual / nullif(expected, 0) AS pct_of_expected,
       -- Before the line starts nothing is expected (expected = 0), so nothing can be behind.
       CASE WHEN actual IS NULL THEN '无数据'
            WHEN actual >= expected * $on_track THEN '达标'
            WHEN actual >= expected * $warning THEN '预警'
            ELSE '落后' END AS status,
       CASE WHEN actual IS NOT NULL THEN greatest(target - actual, 0) END AS remaining,
       week_delta,
       rate AS trailing_rate_weekly,
       CASE WHEN kind = 'count' THEN actual + rate * weeks_left ELSE actual END AS forecast,
       CASE WHEN kind = 'count' AND weeks_left > 0 THEN greatest(target - actual, 0) / weeks_left END AS required_weekly,
       weeks_left
FROM base
ORDER BY ord
