-- Breaches of the funding rules (plan 四, domain.md §4) on $as_of: one row per rule × entity whose
-- amount (payments up to $as_of, all sources together) exceeds the rule's limit for it. Amounts are
-- compared at 0.0001万元 (1元) so float noise never makes or hides a breach.
WITH pay AS (
  SELECT * FROM payments($snapshot, $as_of)
),
ent AS (
  SELECT uscc, name FROM enterprises WHERE snapshot = $snapshot
),
subsidy AS (
  SELECT beneficiary AS uscc, sum(amount_wan) AS amount
  FROM pay WHERE direction_key = 'transformation_subsidy' GROUP BY beneficiary
),
-- 50% of the verified investment of the enterprise's projects accepted by $as_of. An enterprise with
-- none is not judged here: paid_not_accepted catches money paid before any acceptance.
verified AS (
  SELECT uscc, sum(verified_wan) AS verified
  FROM projects
  WHERE snapshot = $snapshot AND status = '验收通过' AND accepted_on <= $as_of AND verified_wan IS NOT NULL
  GROUP BY uscc
),
post_level AS (
  SELECT uscc, level FROM latest_assessments($snapshot, $as_of) WHERE kind = '改造后'
),
level_caps AS (
  SELECT unnest($level_caps, recursive := true)
),
interest AS (
  SELECT * FROM pay WHERE direction_key = 'loan_interest'
),
per_loan AS (
  SELECT l.loan_id, l.uscc, l.bank, l.principal_wan, l.interest_paid_wan, sum(i.amount_wan) AS amount
  FROM interest i JOIN loans l ON l.snapshot = $snapshot AND l.loan_id = i.loan_id
  GROUP BY ALL
),
tiers AS (
  SELECT unnest($unit_tiers, recursive := true)
),
platform AS (
  -- A platform project is its linked project; payments without one are taken together per payee.
  SELECT coalesce(p.project_id, p.payee_id) AS entity_id, p.project_id,
         coalesce(max(pr.project_name), max(p.unit_name), p.payee_id) AS entity_name,
         max(pr.verified_wan) AS verified, sum(p.amount_wan) AS amount
  FROM pay p LEFT JOIN projects pr ON pr.snapshot = $snapshot AND pr.project_id = p.project_id
  WHERE p.direction_key = 'platform_project'
  GROUP BY p.project_id, p.payee_id
),
unaccepted AS (
  -- 改造补助 paid before its project (or, with no project linked, any project of the enterprise)
  -- passed acceptance.
  SELECT p.* FROM pay p
  LEFT JOIN projects pr ON pr.snapshot = $snapshot AND pr.project_id = p.project_id
  WHERE p.direction_key = 'transformation_subsidy'
    AND NOT coalesce(
      CASE WHEN p.project_id IS NOT NULL THEN pr.status = '验收通过' AND pr.accepted_on <= p.paid_on
           ELSE EXISTS (SELECT 1 FROM projects q
                        WHERE q.snapshot = $snapshot AND q.uscc = p.beneficiary
                          AND q.status = '验收通过' AND q.accepted_on <= p.paid_on) END, false)
),
checks AS (
  SELECT 'subsidy_share' AS rule, s.uscc AS entity_id, e.name AS entity_name, NULL AS period,
         s.amount, v.verified * $subsidy_max_share AS limit_wan
  FROM subsidy s JOIN verified v USING (uscc) LEFT JOIN ent e USING (uscc)
  UNION ALL
  -- Only 二级 and up carry a cap; below 二级 (or never assessed after) no subsidy is due: limit 0.
  SELECT 'subsidy_level_cap', s.uscc, e.name, NULL, s.amount, coalesce(c.cap_wan, 0)
  FROM subsidy s LEFT JOIN post_level pl USING (uscc) LEFT JOIN level_caps c ON c.level = pl.level
  LEFT JOIN ent e USING (uscc)
  UNION ALL
  SELECT 'interest_share', l.loan_id, concat_ws(' · ', e.name, l.bank), NULL, l.amount, l.principal_wan * $interest_max_share
  FROM per_loan l LEFT JOIN ent e ON e.uscc = l.uscc
  UNION ALL
  -- Interest actually paid unknown: not judged.
  SELECT 'interest_over_paid', l.loan_id, concat_ws(' · ', e.name, l.bank), NULL, l.amount, l.interest_paid_wan
  FROM per_loan l LEFT JOIN ent e ON e.uscc = l.uscc
  WHERE l.interest_paid_wan IS NOT NULL
  UNION ALL
  -- "Per year" read as the calendar year of payment.
  SELECT 'interest_per_year', i.beneficiary, e.name, year(i.paid_on)::VARCHAR, sum(i.amount_wan), $interest_max_per_year
  FROM interest i LEFT JOIN ent e ON e.uscc = i.beneficiary
  GROUP BY ALL
  UNION ALL
  -- An award to a unit without a tier (or to a payee that is no leading unit) has limit 0.
  SELECT 'leading_unit_award', coalesce(p.unit_id, p.payee_id), coalesce(p.unit_name, p.payee_id), NULL,
         sum(p.amount_wan), coalesce(t.award_wan, 0)
  FROM pay p LEFT JOIN tiers t ON t.tier = p.unit_tier
  WHERE p.direction_key = 'leading_unit_award'
  GROUP BY ALL
  UNION ALL
  -- No verified investment known (no linked project, or none recorded): the 30% rule is not judged.
  SELECT 'platform_share', entity_id, entity_name, NULL, amount, verified * $platform_max_share
  FROM platform WHERE verified IS NOT NULL
  UNION ALL
  SELECT 'platform_cap', entity_id, entity_name, NULL, amount, $platform_max_wan
  FROM platform
  UNION ALL
  SELECT fd.key || '_district_cap', p.district, coalesce(d.name, '未注明所属区'), NULL, sum(p.amount_wan), fd.per_district_cap_wan
  FROM pay p JOIN fund_direction fd ON fd.key = p.direction_key LEFT JOIN dim_district d ON d.code = p.district
  WHERE fd.per_district_cap_wan IS NOT NULL
  GROUP BY ALL
  UNION ALL
  SELECT fd.key || '_total_cap', fd.key, fd.name, NULL, sum(p.amount_wan), fd.total_cap_wan
  FROM pay p JOIN fund_direction fd ON fd.key = p.direction_key
  WHERE fd.total_cap_wan IS NOT NULL
  GROUP BY ALL
  UNION ALL
  SELECT 'paid_not_accepted', coalesce(u.project_id, u.beneficiary),
         concat_ws(' · ', coalesce(max(u.enterprise), u.beneficiary), max(pr.project_name)), NULL,
         sum(u.amount_wan), 0
  FROM unaccepted u LEFT JOIN projects pr ON pr.snapshot = $snapshot AND pr.project_id = u.project_id
  GROUP BY u.project_id, u.beneficiary
)
SELECT rule, entity_id, entity_name, period,
       round(amount, 4) AS amount_wan,
       round(limit_wan, 4) AS limit_wan,
       round(amount - limit_wan, 4) AS excess_wan
FROM checks
WHERE round(amount, 4) > round(limit_wan, 4)
ORDER BY rule, entity_id, period
