-- Disbursed by $as_of per direction (in plan order) with its cap, and per source within it. A cap
-- counts only the levels the plan names for the direction (fund_cap_source): `counted_wan` is that
-- money and `pct_of_cap` is measured on it; `other_levels_wan` (区级配套, unnamed levels) is shown beside.
WITH pay AS (
  SELECT * FROM payments($snapshot, $as_of)
),
cells AS (
  SELECT d.key, s.source, coalesce(sum(p.amount_wan), 0) AS amount_wan,
         EXISTS (SELECT 1 FROM fund_cap_source c WHERE c.direction_key = d.key AND c.source = s.source) AS counted
  FROM fund_direction d
  CROSS JOIN (SELECT unnest($fund_sources) AS source) s
  LEFT JOIN pay p ON p.direction_key = d.key AND p.source = s.source
  GROUP BY d.key, s.source
),
by_source AS (
  SELECT key,
         list({'source': source, 'amount_wan': round(amount_wan, 4)} ORDER BY list_position($fund_sources, source)) AS by_source,
         list(source ORDER BY list_position($fund_sources, source)) FILTER (WHERE counted) AS cap_sources
  FROM cells GROUP BY key
),
totals AS (
  SELECT direction_key AS key, sum(amount_wan) AS amount_wan, count(*) AS payments,
         coalesce(sum(amount_wan) FILTER (WHERE counted), 0) AS counted_wan,
         coalesce(sum(amount_wan) FILTER (WHERE NOT counted), 0) AS other_wan
  FROM pay GROUP BY direction_key
)
SELECT d.key, d.name AS direction, d.ord,
       round(coalesce(t.amount_wan, 0), 4) AS amount_wan,
       coalesce(t.payments, 0)::INTEGER AS payments,
       d.total_cap_wan AS cap_wan,
       d.per_district_cap_wan,
       coalesce(t.counted_wan, 0) / d.total_cap_wan AS pct_of_cap,
       round(coalesce(t.counted_wan, 0), 4) AS counted_wan,
       round(coalesce(t.other_wan, 0), 4) AS other_levels_wan,
       coalesce(b.cap_sources, []::VARCHAR[]) AS cap_sources,
       b.by_source
FROM fund_direction d
LEFT JOIN totals t ON t.key = d.key
LEFT JOIN by_source b ON b.key = d.key
ORDER BY d.ord
