-- Each target and stage ($district_keys) per district on $as_of: actual, share of the city, rank,
-- the part in the plan's focus industry pairs, and the district target when district_targets has one.
WITH facts AS (
  SELECT * FROM kpi_facts_at($snapshot, $as_of, $eligible_from)
),
cells AS (
  SELECT k.key, d.code, d.name,
         coalesce(sum(f.qty), 0) AS actual,
         coalesce(sum(f.qty) FILTER (WHERE fp.district IS NOT NULL), 0) AS focus_actual
  FROM (SELECT unnest($district_keys) AS key) k
  CROSS JOIN dim_district d
  LEFT JOIN facts f ON f.key = k.key AND f.district = d.code
  LEFT JOIN focus_pair fp ON fp.district = f.district AND fp.industry = f.industry
  GROUP BY k.key, d.code, d.name
)
SELECT c.key, c.code AS district_code, c.name AS district, c.actual,
       c.actual / nullif(sum(c.actual) OVER (PARTITION BY c.key), 0) AS share,
       rank() OVER (PARTITION BY c.key ORDER BY c.actual DESC)::INTEGER AS rank,
       c.focus_actual,
       c.code IN (SELECT district FROM focus_pair) AS is_focus,
       dt.target,
       c.actual / nullif(dt.target, 0) AS pct
FROM cells c
LEFT JOIN district_targets dt ON dt.snapshot = $snapshot AND dt.district = c.code AND dt.indicator = c.key
ORDER BY list_position($district_keys, c.key), c.code
