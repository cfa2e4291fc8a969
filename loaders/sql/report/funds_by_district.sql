-- Disbursed by $as_of per district × direction; money with no district (leading-unit awards,
-- city-wide services) is one row per direction under district_code NULL (未归属区). Each amount is
-- split into what the direction's caps count (the levels the plan names, fund_cap_source), 区级
-- (六(二) 配套) and other unnamed levels: a per-district cap is read against counted_wan only.
WITH pay AS (
  SELECT p.*, d.code IS NOT NULL AS known
  FROM payments($snapshot, $as_of) p LEFT JOIN dim_district d ON d.code = p.district
),
grid AS (
  SELECT d.code AS district_code, d.name AS district, fd.key AS direction_key, fd.name AS direction, fd.ord,
         coalesce(sum(p.amount_wan), 0) AS amount_wan,
         coalesce(sum(p.amount_wan) FILTER (WHERE p.counted), 0) AS counted_wan,
         coalesce(sum(p.amount_wan) FILTER (WHERE NOT p.counted AND p.source = '区级'), 0) AS district_level_wan,
         coalesce(sum(p.amount_wan) FILTER (WHERE NOT p.counted AND p.source <> '区级'), 0) AS unnamed_wan
  FROM dim_district d
  CROSS JOIN fund_direction fd
  LEFT JOIN pay p ON p.district = d.code AND p.direction_key = fd.key
  GROUP BY ALL
),
unplaced AS (
  SELECT NULL AS district_code, '未归属区' AS district, fd.key, fd.name, fd.ord, sum(p.amount_wan),
         coalesce(sum(p.amount_wan) FILTER (WHERE p.counted), 0),
         coalesce(sum(p.amount_wan) FILTER (WHERE NOT p.counted AND p.source = '区级'), 0),
         coalesce(sum(p.amount_wan) FILTER (WHERE NOT p.counted AND p.source <> '区级'), 0)
  FROM pay p JOIN fund_direction fd ON fd.key = p.direction_key
  WHERE NOT p.known
  GROUP BY ALL
)
SELECT district_code, district, direction_key, direction, round(amount_wan, 4) AS amount_wan,
       round(counted_wan, 4) AS counted_wan, round(district_level_wan, 4) AS district_level_wan,
       round(unnamed_wan, 4) AS unnamed_wan
FROM (SELECT * FROM grid UNION ALL SELECT * FROM unplaced)
ORDER BY district_code NULLS LAST, ord
