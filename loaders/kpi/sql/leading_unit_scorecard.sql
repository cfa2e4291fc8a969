-- Per leading unit selected by $as_of: counted SMEs it serves that were diagnosed, signed and
-- counted toward enterprises_transformed (through one of its eligible accepted projects), products
-- of its providers, 典型场景/链式转型案例 recognitions of the enterprises it serves, average days from
-- signing to acceptance, award paid, and the tier its results support ($unit_tiers) beside the tier awarded.
-- An enterprise served by two units counts for both.
WITH facts AS (
  SELECT key, entity_id AS uscc FROM kpi_facts_at($snapshot, $as_of, $min_level, $eligible_from)
  WHERE key IN ('diagnosed', 'enterprises_transformed')
),
tiers AS (
  SELECT unnest($unit_tiers, recursive := true)
),
proj AS (
  SELECT p.* FROM projects p SEMI JOIN counted_enterprises($snapshot) e ON e.uscc = p.uscc
  WHERE p.snapshot = $snapshot
),
served AS (
  SELECT leading_unit_id AS unit_id,
         count(DISTINCT uscc) FILTER (WHERE uscc IN (SELECT uscc FROM facts WHERE key = 'diagnosed')) AS diagnosed,
         count(DISTINCT uscc) FILTER (WHERE signed_on <= $as_of) AS signed,
         avg(accepted_on - signed_on) FILTER (WHERE status = '验收通过' AND accepted_on <= $as_of) AS avg_days_to_accept
  FROM proj
  GROUP BY leading_unit_id
),
transformed AS (
  SELECT a.leading_unit_id AS unit_id, count(DISTINCT a.uscc) AS n
  FROM eligible_acceptances($snapshot, $eligible_from) a
  JOIN facts f ON f.uscc = a.uscc AND f.key = 'enterprises_transformed'
  WHERE a.accepted_on <= $as_of
  GROUP BY a.leading_unit_id
),
products AS (
  SELECT pv.unit_id, count(*) AS n
  FROM products pd JOIN providers pv ON pv.snapshot = pd.snapshot AND pv.provider_id = pd.provider_id
  WHERE pd.snapshot = $snapshot AND pd.listed_on <= $as_of
  GROUP BY pv.unit_id
),
showcases AS (
  SELECT p.leading_unit_id AS unit_id, count(DISTINCT r.recognition_id) AS n
  FROM recognitions r
  JOIN recognition_kind k ON k.kind = r.kind AND k.target IN ('scenarios', 'chain_cases')
  JOIN proj p ON p.uscc = r.uscc
  WHERE r.snapshot = $snapshot AND r.recognized_on <= $as_of
  GROUP BY p.leading_unit_id
),
awards AS (
  SELECT unit_id, sum(amount_wan) AS paid
  FROM payments($snapshot, $as_of) WHERE direction_key = 'leading_unit_award'
  GROUP BY unit_id
),
card AS (
  SELECT u.unit_id, u.name, u.industry AS industry_key, i.name AS industry, u.selected_on, u.tier AS tier_awarded,
         coalesce(s.diagnosed, 0)::INTEGER AS enterprises_diagnosed,
         coalesce(s.signed, 0)::INTEGER AS enterprises_signed,
         coalesce(t.n, 0)::INTEGER AS enterprises_transformed,
         coalesce(pd.n, 0)::INTEGER AS products,
         coalesce(sc.n, 0)::INTEGER AS scenarios,
         s.avg_days_to_accept::DOUBLE AS avg_days_to_accept,
         round(coalesce(aw.paid, 0), 4) AS award_paid_wan
  FROM leading_units u
  LEFT JOIN dim_industry i ON i.key = u.industry
  LEFT JOIN served s ON s.unit_id = u.unit_id
  LEFT JOIN transformed t ON t.unit_id = u.unit_id
  LEFT JOIN products pd ON pd.unit_id = u.unit_id
  LEFT JOIN showcases sc ON sc.unit_id = u.unit_id
  LEFT JOIN awards aw ON aw.unit_id = u.unit_id
  WHERE u.snapshot = $snapshot AND u.selected_on <= $as_of
),
met AS (
  -- The highest tier (rank 1 = highest) whose every threshold the unit's results reach.
  SELECT c.unit_id, arg_min(t.tier, t.rank) AS tier_supported, min(t.rank) AS supported_rank
  FROM card c
  JOIN tiers t ON c.enterprises_transformed >= t.min_transformed
              AND c.products >= t.min_products
              AND c.scenarios >= t.min_scenarios
  GROUP BY c.unit_id
)
SELECT c.*,
       awarded.award_wan AS award_cap_wan,
       m.tier_supported,
       -- Awarded a higher tier than the results support (or any tier with none supported): worth a look.
       coalesce(awarded.rank < m.supported_rank, awarded.rank IS NOT NULL) AS awarded_above_results
FROM card c
LEFT JOIN tiers awarded ON awarded.tier = c.tier_awarded
LEFT JOIN met m ON m.unit_id = c.unit_id
ORDER BY c.unit_id
