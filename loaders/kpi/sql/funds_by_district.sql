-- Disbursed by $as_of per district × direction; money with no district (leading-unit awards,
-- city-wide services) is one row per direction under district_code NULL (未归属区).
WITH pay AS (
  SELECT p.*, d.code IS NOT NULL AS known
  FROM payments($snapshot, $as_of) p LEFT JOIN dim_district d ON d.code = p.district
),
grid AS (
  SELECT d.code AS district_code, d.name AS district, fd.key AS direction_key, fd.name AS direction, fd.ord,
         coalesce(sum(p.amount_wan), 0) AS amount_wan
  FROM dim_district d
  CROSS JOIN fund_direction fd
  LEFT JOIN pay p ON p.district = d.code AND p.direction_key = fd.key
  GROUP BY ALL
),
unplaced AS (
  SELECT NULL AS district_code, '未归属区' AS district, fd.key, fd.name, fd.ord, sum(p.amount_wan)
  FROM pay p JOIN fund_direction fd ON fd.key = p.direction_key
  WHERE NOT p.known
  GROUP BY ALL
)
SELECT district_code, district, direction_key, direction, round(amount_wan, 4) AS amount_wan
FROM (SELECT * FROM grid UNION ALL SELECT * FROM unplaced)
ORDER BY district_code NULLS LAST, ord
