-- The programme's 80/20 rule per city: central money to one side of the split ($use) as a share
-- of all central money disbursed by the city's data date, against $min or $max (one is NULL).
-- 无法判定, with the reason, when the plan names no central level, a direction carrying central
-- money is not placed on either side, an amount is withheld, or no central money is paid yet.
WITH f AS (
  SELECT plan_id,
         any_value(central_wan) FILTER (WHERE programme_use = $use) AS side_wan,
         bool_or(programme_use = $use AND central_wan IS NULL) AS side_withheld,
         any_value(central_wan) FILTER (WHERE programme_use = 'total') AS total_wan,
         bool_or(programme_use = 'total' AND central_wan IS NULL) AS total_withheld,
         coalesce(any_value(central_wan) FILTER (WHERE programme_use IS NULL), 0) AS unplaced_wan,
         bool_or(programme_use IS NULL AND central_wan IS NULL) AS unplaced_withheld
  FROM programme_funds GROUP BY plan_id
),
j AS (
  SELECT c.plan_id, c.city, c.central_source, f.*,
         CASE
           WHEN c.central_source IS NULL OR f.plan_id IS NULL THEN '计划未声明哪一级资金为中央资金(programme.centralSource)'
           WHEN f.unplaced_withheld OR f.unplaced_wan > 0 THEN '有中央资金的资金方向未标注属于哪一侧(programmeUse)'
           WHEN f.side_withheld OR f.total_withheld THEN '金额因小数抑制未公开'
           WHEN f.total_wan = 0 THEN '截至数据日期尚无中央资金拨付'
         END AS reason
  FROM city c
  LEFT JOIN f ON f.plan_id = c.plan_id
)
SELECT plan_id, city, side_wan, total_wan,
       CASE WHEN reason IS NULL THEN side_wan / total_wan END AS share,
       CASE
         WHEN reason IS NOT NULL THEN '无法判定'
         WHEN $min IS NOT NULL AND side_wan / total_wan < $min THEN '不符合'
         WHEN $max IS NOT NULL AND side_wan / total_wan > $max THEN '不符合'
         ELSE '符合'
       END AS verdict,
       reason
FROM j
ORDER BY city, plan_id
