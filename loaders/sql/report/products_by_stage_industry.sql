-- "小快轻准" products listed by $as_of per stage (设计…安全) × industry; products for every industry
-- have industry_key NULL (通用).
WITH prod AS (
  SELECT * FROM products WHERE snapshot = $snapshot AND listed_on <= $as_of
),
industries AS (
  SELECT key, name FROM dim_industry
  UNION ALL
  SELECT NULL, '通用'
)
SELECT s.stage, i.key AS industry_key, i.name AS industry,
       count(p.product_id)::INTEGER AS products
FROM (SELECT unnest($product_stages) AS stage) s
CROSS JOIN industries i
LEFT JOIN prod p ON p.stage = s.stage AND p.industry IS NOT DISTINCT FROM i.key
GROUP BY s.stage, i.key, i.name
ORDER BY list_position($product_stages, s.stage), coalesce(list_position($industry_order, i.key), 999)
