-- New events between snapshot A ($before) and B ($after), as B records them: per kind ($event_keys,
-- in order) in total, per district and per industry. An event is new when its date lies after A's
-- date and on or before B's; one B dates on or before A that A did not hold is counted apart as
-- late (entered late, or its row's fault was fixed). Enterprise stages, recognitions, providers,
-- products and trainings are the KPI engine's own facts (kpi_facts), so they count what the
-- targets count; payments are every disbursement (fund_attribution).
WITH facts_after AS (
  SELECT CASE key WHEN 'training_person_times' THEN 'trainings' ELSE key END AS key,
         entity_id, district, industry, qty, valid_from AS on_date
  FROM kpi_facts($after, $eligible_from)
  UNION ALL
  SELECT 'payments', payment_id, district, industry, amount_wan, paid_on
  FROM fund_attribution($after)
),
facts_before AS (
  SELECT CASE key WHEN 'training_person_times' THEN 'trainings' ELSE key END AS key, entity_id
  FROM kpi_facts($before, $eligible_from)
  UNION ALL
  SELECT 'payments', payment_id FROM fund_attribution($before)
),
kinds AS (
  SELECT unnest($event_keys) AS key, generate_subscripts($event_keys, 1) AS kind_ord
),
events AS (
  SELECT f.*, f.on_date > $before AS in_window
  FROM facts_after f
  SEMI JOIN kinds k ON k.key = f.key
  WHERE f.on_date <= $after
    AND (f.on_date > $before
         OR NOT EXISTS (SELECT 1 FROM facts_before p WHERE p.key = f.key AND p.entity_id = f.entity_id))
),
grouped AS (
  SELECT key,
         CASE WHEN grouping(district) = 0 THEN 'district' WHEN grouping(industry) = 0 THEN 'industry' ELSE 'total' END AS dim,
         CASE WHEN grouping(district) = 0 THEN district WHEN grouping(industry) = 0 THEN industry END AS code,
         count(*) FILTER (WHERE in_window)::INTEGER AS events,
         round(coalesce(sum(qty) FILTER (WHERE in_window), 0), 4)::DOUBLE AS qty,
         count(*) FILTER (WHERE NOT in_window)::INTEGER AS late
  FROM events
  GROUP BY GROUPING SETS ((key), (key, district), (key, industry))
)
SELECT k.key,
       coalesce(g.dim, 'total') AS dim,
       g.code,
       CASE coalesce(g.dim, 'total') WHEN 'total' THEN '全市'
            WHEN 'district' THEN coalesce(d.name, '未注明')
            ELSE coalesce(i.name, '未注明') END AS name,
       coalesce(g.events, 0) AS events,
       -- Person-times of trainings, 万元 of payments; the other kinds are counts only.
       CASE WHEN k.key IN ('trainings', 'payments') THEN coalesce(g.qty, 0) END AS qty,
       coalesce(g.late, 0) AS late,
       -- Position of the district (by code) or industry (plan order) for tables; NULL = 未注明 or the total.
       CASE g.dim WHEN 'district' THEN d.ord WHEN 'industry' THEN list_position($industry_order, g.code) END::INTEGER AS ord
FROM kinds k
LEFT JOIN grouped g ON g.key = k.key
LEFT JOIN (SELECT code, name, row_number() OVER (ORDER BY code) AS ord FROM dim_district) d
  ON g.dim = 'district' AND d.code = g.code
LEFT JOIN dim_industry i ON g.dim = 'industry' AND i.key = g.code
ORDER BY k.kind_ord, list_position(['total', 'district', 'industry'], coalesce(g.dim, 'total')), ord NULLS LAST
