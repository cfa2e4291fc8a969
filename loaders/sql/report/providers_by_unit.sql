-- Providers selected by $as_of per leading unit (unit_id NULL: providers of no unit) and the products
-- those providers listed by $as_of.
WITH prov AS (
  SELECT * FROM providers WHERE snapshot = $snapshot AND selected_on <= $as_of
),
listed AS (
  SELECT provider_id, count(*) AS n FROM products
  WHERE snapshot = $snapshot AND listed_on <= $as_of GROUP BY provider_id
),
per_unit AS (
  SELECT pv.unit_id, count(*) AS providers, sum(coalesce(l.n, 0)) AS products,
         list(pv.name ORDER BY pv.provider_id) AS provider_names
  FROM prov pv LEFT JOIN listed l USING (provider_id)
  GROUP BY pv.unit_id
),
units AS (
  SELECT unit_id, name FROM leading_units WHERE snapshot = $snapshot AND selected_on <= $as_of
)
SELECT coalesce(u.unit_id, p.unit_id) AS unit_id,
       coalesce(u.name, CASE WHEN p.unit_id IS NULL THEN '无所属牵引单位' END) AS unit,
       coalesce(p.providers, 0)::INTEGER AS providers,
       coalesce(p.products, 0)::INTEGER AS products,
       coalesce(p.provider_names, []) AS provider_names
FROM units u
FULL JOIN per_unit p ON p.unit_id = u.unit_id
ORDER BY unit_id NULLS LAST
