-- Each target and stage ($industry_keys) per pilot industry on $as_of: actual, share, rank, and the
-- part in the districts the plan names for that industry.
WITH facts AS (
  SELECT * FROM kpi_facts_at($snapshot, $as_of, $eligible_from)
),
cells AS (
  SELECT k.key, i.key AS industry_key, i.name,
         coalesce(sum(f.qty), 0) AS actual,
         coalesce(sum(f.qty) FILTER (WHERE fp.district IS NOT NULL), 0) AS focus_actual
  FROM (SELECT unnest($industry_keys) AS key) k
  CROSS JOIN dim_industry i
  LEFT JOIN facts f ON f.key = k.key AND f.industry = i.key
  LEFT JOIN focus_pair fp ON fp.district = f.district AND fp.industry = f.industry
  GROUP BY k.key, i.key, i.name
)
SELECT key, industry_key, name AS industry, actual,
       actual / nullif(sum(actual) OVER (PARTITION BY key), 0) AS share,
       rank() OVER (PARTITION BY key ORDER BY actual DESC)::INTEGER AS rank,
       focus_actual
FROM cells
ORDER BY list_position($industry_keys, key), list_position($industry_order, industry_key)
