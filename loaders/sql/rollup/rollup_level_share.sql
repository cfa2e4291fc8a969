-- The programme's level rule per city and industry: the share of 规上 enterprises at
-- $min_level or higher. Judged only once the city's pilot has ended on its data date; before
-- that the share is progress (进度), never a breach. A city whose bundle lacks the counts, counts
-- them at another level, or withholds them (small-cell rule) gets 无法判定 with the reason.
WITH l AS (
  SELECT l.*, c.data_date, c.plan_end FROM programme_levels l JOIN city c ON c.plan_id = l.plan_id
),
rows AS (
  SELECT plan_id, industry_key, industry, above_scale, above_scale_shown, at_level, at_level_shown,
         at_level / nullif(above_scale, 0) AS share,
         CASE
           WHEN min_level <> $min_level THEN '数据包按' || min_level || '级统计,规则要求' || $min_level || '级'
           WHEN above_scale IS NULL OR at_level IS NULL THEN '数量因小数抑制未公开'
           WHEN above_scale = 0 THEN '该行业无规上企业'
         END AS reason,
         data_date >= plan_end AS ended
  FROM l
)
SELECT c.plan_id, c.city, r.industry_key, r.industry, r.above_scale, r.above_scale_shown, r.at_level, r.at_level_shown,
       CASE WHEN r.reason IS NULL THEN r.share END AS share,
       CASE
         WHEN r.plan_id IS NULL THEN '无法判定'
         WHEN r.reason IS NOT NULL THEN '无法判定'
         WHEN NOT r.ended THEN '进度'
         WHEN r.share >= $min_share THEN '达标'
         ELSE '未达标'
       END AS verdict,
       CASE WHEN r.plan_id IS NULL THEN '数据包未提供规上企业分级数据(programme_levels 为空)' ELSE r.reason END AS reason
FROM city c
LEFT JOIN rows r ON r.plan_id = c.plan_id
ORDER BY c.city, c.plan_id, r.industry_key
