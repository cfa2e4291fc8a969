-- Each city's targets at its own data date, normalised by its own time: attainment = actual ÷
-- (target × elapsed share of that city's expectation_start … plan_end at its data date), so cities
-- whose pilots started, end or reported on different days compare fairly. The band uses the
-- city's own thresholds (its plan's monitoring.onTrack / warning). A status target is met or not
-- (no pro-rating); a withheld count (small-cell rule) and a pilot whose line has not started have
-- no attainment.
WITH t AS (
  SELECT t.*, c.city, c.on_track, c.warning,
         greatest(0.0, least(1.0, (t.data_date - t.expectation_start) / nullif(t.plan_end - t.expectation_start, 0)::DOUBLE)) AS elapsed
  FROM targets t
  JOIN city c ON c.plan_id = t.plan_id
),
n AS (
  SELECT *, CASE WHEN kind <> 'status' AND actual IS NOT NULL AND target * elapsed > 0 THEN actual / (target * elapsed) END AS attainment
  FROM t
)
SELECT plan_id, city, key, label, short, unit, kind, ord, target, actual, actual_shown,
       strftime(data_date, '%Y-%m-%d') AS data_date, elapsed, target * elapsed AS expected_own, attainment,
       CASE
         WHEN kind = 'status' THEN CASE WHEN actual IS NULL THEN '无数据' WHEN actual >= target THEN '达标' ELSE '未达成' END
         WHEN actual IS NULL THEN '数据抑制'
         WHEN coalesce(target * elapsed, 0) = 0 THEN '未开始'
         WHEN attainment >= on_track THEN '达标'
         WHEN attainment >= warning THEN '预警'
         ELSE '落后'
       END AS band
FROM n
ORDER BY city, plan_id, ord
