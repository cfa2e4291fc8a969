-- Per leading unit selected by $as_of and still on the list then: the three indicators 四(二)2 rates units on, each with the
-- unit's rank among the units (1 = most; ties share a rank), the tier awarded and its amount beside
-- the award paid from the levels the plan names for the award (中央、市级, 四(二)2: what the tier's
-- amount limits) and, apart, from other levels (区级配套 and unnamed levels), and the unit's other results (SMEs diagnosed, signed, counted toward
-- the plan's enterprises_at_level target ($transformed_key); average days from signing to acceptance).
--   projects_accepted: projects of pool SMEs (counted_enterprises) the unit led, 验收通过 by $as_of
--                      (完成试点企业诊断和改造实施并通过改造项目验收数量).
--   products:          "小快轻准" products of the unit's providers listed by $as_of (产业生态联合体提供的产品数量).
--   scenarios:         典型场景 / 链式转型案例 recognitions of enterprises the unit serves, by $as_of
--                      (入选数字化应用场景和"链式转型"典型场景示范项目数量).
-- The plan sets no thresholds. Only when the snapshot holds tier_criteria rows is a tier_earned
-- worked out (the highest tier whose every given threshold the unit reaches) and compared with the
-- tier awarded; otherwise tier_earned and awarded_above_earned are NULL: no verdict.
-- An enterprise served by two units counts for both.
WITH facts AS (
  SELECT key, entity_id AS uscc FROM kpi_facts_at($snapshot, $as_of, $eligible_from)
  WHERE key = 'diagnosed' OR key = $transformed_key
),
tiers AS (
  SELECT unnest($unit_tiers, recursive := true)
),
criteria AS (
  SELECT t.tier, t.rank, c.min_projects_accepted, c.min_products, c.min_demonstrations
  FROM tier_criteria c JOIN tiers t ON t.tier = c.tier
  WHERE c.snapshot = $snapshot
),
proj AS (
  -- Enterprises taken off the list by $as_of (移出日期, 五(五)) no longer count.
  SELECT p.* FROM projects p SEMI JOIN counted_enterprises($snapshot) e
    ON e.uscc = p.uscc AND (e.removed_on IS NULL OR e.removed_on > $as_of)
  WHERE p.snapshot = $snapshot
),
served AS (
  SELECT leading_unit_id AS unit_id,
         count(DISTINCT uscc) FILTER (WHERE uscc IN (SELECT uscc FROM facts WHERE key = 'diagnosed')) AS diagnosed,
         count(DISTINCT uscc) FILTER (WHERE signed_on <= $as_of) AS signed,
         count(*) FILTER (WHERE status = '验收通过' AND accepted_on <= $as_of) AS accepted,
         avg(accepted_on - signed_on) FILTER (WHERE status = '验收通过' AND accepted_on <= $as_of) AS avg_days_to_accept
  FROM proj
  GROUP BY leading_unit_id
),
transformed AS (
  SELECT a.leading_unit_id AS unit_id, count(DISTINCT a.uscc) AS n
  FROM eligible_acceptances($snapshot, $eligible_from) a
  JOIN facts f ON f.uscc = a.uscc AND f.key = $transformed_key
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
  JOIN plan_measure k ON list_contains(k.kinds, r.kind) AND list_contains($showcase_keys, k.key)
  JOIN proj p ON p.uscc = r.uscc
  WHERE r.snapshot = $snapshot AND r.recognized_on <= $as_of
  GROUP BY p.leading_unit_id
),
awards AS (
  SELECT unit_id,
         sum(amount_wan) FILTER (WHERE counted) AS paid,
         sum(amount_wan) FILTER (WHERE NOT counted) AS other
  FROM payments($snapshot, $as_of) WHERE direction_key = 'leading_unit_award'
  GROUP BY unit_id
),
card AS (
  SELECT u.unit_id, u.name, u.industry AS industry_key, i.name AS industry, u.selected_on, u.tier AS tier_awarded,
         coalesce(s.accepted, 0)::INTEGER AS projects_accepted,
         coalesce(pd.n, 0)::INTEGER AS products,
         coalesce(sc.n, 0)::INTEGER AS scenarios,
         coalesce(s.diagnosed, 0)::INTEGER AS enterprises_diagnosed,
         coalesce(s.signed, 0)::INTEGER AS enterprises_signed,
         coalesce(t.n, 0)::INTEGER AS enterprises_transformed,
         s.avg_days_to_accept::DOUBLE AS avg_days_to_accept,
         round(coalesce(aw.paid, 0), 4) AS award_paid_wan,
         round(coalesce(aw.other, 0), 4) AS award_other_wan
  FROM leading_units u
  LEFT JOIN dim_industry i ON i.key = u.industry
  LEFT JOIN served s ON s.unit_id = u.unit_id
  LEFT JOIN transformed t ON t.unit_id = u.unit_id
  LEFT JOIN products pd ON pd.unit_id = u.unit_id
  LEFT JOIN showcases sc ON sc.unit_id = u.unit_id
  LEFT JOIN awards aw ON aw.unit_id = u.unit_id
  WHERE u.snapshot = $snapshot AND u.selected_on <= $as_of
    -- 五(五) 动态调整: a unit taken off the list is scored until its 移出日期, not from that day on.
    AND (u.removed_on IS NULL OR u.removed_on > $as_of)
),
earned AS (
  -- The highest tier (rank 1 = highest) whose every given threshold the unit reaches; a blank threshold is no condition.
  SELECT c.unit_id, arg_min(k.tier, k.rank) AS tier_earned, min(k.rank) AS earned_rank
  FROM card c
  JOIN criteria k ON c.projects_accepted >= coalesce(k.min_projects_accepted, 0)
                 AND c.products >= coalesce(k.min_products, 0)
                 AND c.scenarios >= coalesce(k.min_demonstrations, 0)
  GROUP BY c.unit_id
)
SELECT c.unit_id, c.name, c.industry_key, c.industry, c.selected_on, c.tier_awarded,
       c.projects_accepted,
       rank() OVER (ORDER BY c.projects_accepted DESC)::INTEGER AS projects_accepted_rank,
       c.products,
       rank() OVER (ORDER BY c.products DESC)::INTEGER AS products_rank,
       c.scenarios,
       rank() OVER (ORDER BY c.scenarios DESC)::INTEGER AS scenarios_rank,
       c.enterprises_diagnosed, c.enterprises_signed, c.enterprises_transformed, c.avg_days_to_accept,
       c.award_paid_wan,
       c.award_other_wan,
       awarded.award_wan AS award_cap_wan,
       (SELECT count(*) > 0 FROM criteria) AS criteria_given,
       e.tier_earned,
       -- Judged only against criteria for the tier awarded: above when the earned tier is lower (or none).
       -- A unit with no tier awarded is never above.
       CASE WHEN c.tier_awarded IS NULL THEN (CASE WHEN (SELECT count(*) > 0 FROM criteria) THEN false END)
            WHEN c.tier_awarded IN (SELECT tier FROM criteria) THEN coalesce(awarded.rank < e.earned_rank, true)
       END AS awarded_above_earned
FROM card c
LEFT JOIN tiers awarded ON awarded.tier = c.tier_awarded
LEFT JOIN earned e ON e.unit_id = c.unit_id
ORDER BY c.unit_id
