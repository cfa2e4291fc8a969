-- Disbursed by $as_of per industry × direction (the beneficiary enterprise's industry, else the
-- leading unit's); money with no industry is one row per direction under industry_key NULL (未归属行业).
WITH pay AS (
  SELECT p.*, i.key IS NOT NULL AS known
  FROM payments($snapshot, $as_of) p LEFT JOIN dim_industry i ON i.key = p.industry
),
grid AS (
  SELECT i.key AS industry_key, i.name AS industry, fd.key AS direction_key, fd.name AS direction, fd.ord,
         coalesce(sum(p.amount_wan), 0) AS amount_wan
  FROM dim_industry i
  CROSS JOIN fund_direction fd
  LEFT JOIN pay p ON p.industry = i.key AND p.direction_key = fd.key
  GROUP BY ALL
),
unplaced AS (
  SELECT NULL AS industry_key, '未归属行业' AS industry, fd.key, fd.name, fd.ord, sum(p.amount_wan)
  FROM pay p JOIN fund_direction fd ON fd.key = p.direction_key
  WHERE NOT p.known
  GROUP BY ALL
)
SELECT industry_key, industry, direction_key, direction, round(amount_wan, 4) AS amount_wan
FROM (SELECT * FROM grid UNION ALL SELECT * FROM unplaced)
ORDER BY coalesce(list_position($industry_order, industry_key), 999), ord
