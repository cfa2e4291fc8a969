-- The programme's ceiling per city: central money disbursed by the data date against the
-- ceiling of the city's class ($caps, from plans/programme.json). 无法判定 with the reason when
-- the plan gives no class or central level, or the total is withheld.
WITH caps AS (
  SELECT u.city_class, u.cap_wan FROM (SELECT unnest($caps) AS u)
),
f AS (
  SELECT plan_id, any_value(central_wan) FILTER (WHERE programme_use = 'total') AS total_wan,
         bool_or(programme_use = 'total' AND central_wan IS NULL) AS withheld
  FROM programme_funds GROUP BY plan_id
)
SELECT c.plan_id, c.city, c.city_class, caps.cap_wan, f.total_wan,
       CASE
         WHEN c.city_class IS NULL OR caps.cap_wan IS NULL THEN '无法判定'
         WHEN c.central_source IS NULL OR f.plan_id IS NULL OR f.withheld THEN '无法判定'
         WHEN f.total_wan > caps.cap_wan THEN '超过上限'
         ELSE '未超上限'
       END AS verdict,
       CASE
         WHEN c.city_class IS NULL OR caps.cap_wan IS NULL THEN '计划未声明城市类别(programme.cityClass)'
         WHEN c.central_source IS NULL OR f.plan_id IS NULL THEN '计划未声明哪一级资金为中央资金(programme.centralSource)'
         WHEN f.withheld THEN '金额因小数抑制未公开'
       END AS reason
FROM city c
LEFT JOIN caps ON caps.city_class = c.city_class
LEFT JOIN f ON f.plan_id = c.plan_id
ORDER BY c.city, c.plan_id
