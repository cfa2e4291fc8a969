-- District × industry matrix of each target and stage that has both ($matrix_keys) on $as_of, with
-- the pairs the plan names (重点实施, the plan's 三(二)) marked.
WITH facts AS (
  SELECT * FROM kpi_facts_at($snapshot, $as_of, $eligible_from)
)
SELECT k.key, d.code AS district_code, d.name AS district, i.key AS industry_key, i.name AS industry,
       coalesce(sum(f.qty), 0) AS actual,
       EXISTS (SELECT 1 FROM focus_pair fp WHERE fp.district = d.code AND fp.industry = i.key) AS is_focus
FROM (SELECT unnest($matrix_keys) AS key) k
CROSS JOIN dim_district d
CROSS JOIN dim_industry i
LEFT JOIN facts f ON f.key = k.key AND f.district = d.code AND f.industry = i.key
GROUP BY k.key, d.code, d.name, i.key, i.name
ORDER BY list_position($matrix_keys, k.key), d.code, list_position($industry_order, i.key)
