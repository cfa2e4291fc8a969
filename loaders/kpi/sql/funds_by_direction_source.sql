-- Disbursed by $as_of per direction (in plan order) with its cap, and per source within it.
WITH pay AS (
  SELECT * FROM payments($snapshot, $as_of)
),
cells AS (
  SELECT d.key, s.source, coalesce(sum(p.amount_wan), 0) AS amount_wan
  FROM fund_direction d
  CROSS JOIN (SELECT unnest($fund_sources) AS source) s
  LEFT JOIN pay p ON p.direction_key = d.key AND p.source = s.source
  GROUP BY d.key, s.source
),
by_source AS (
  SELECT key, list({'source': source, 'amount_wan': round(amount_wan, 4)} ORDER BY list_position($fund_sources, source)) AS by_source
  FROM cells GROUP BY key
),
totals AS (
  SELECT direction_key AS key, sum(amount_wan) AS amount_wan, count(*) AS payments
  FROM pay GROUP BY direction_key
)
SELECT d.key, d.name AS direction, d.ord,
       round(coalesce(t.amount_wan, 0), 4) AS amount_wan,
       coalesce(t.payments, 0)::INTEGER AS payments,
       d.total_cap_wan AS cap_wan,
       d.per_district_cap_wan,
       coalesce(t.amount_wan, 0) / d.total_cap_wan AS pct_of_cap,
       b.by_source
FROM fund_direction d
LEFT JOIN totals t ON t.key = d.key
LEFT JOIN by_source b ON b.key = d.key
ORDER BY d.ord
