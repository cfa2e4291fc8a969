-- Breaches (超限) of the funding rules (plan 四, domain.md §4) on $as_of: one row per rule × entity
-- whose amount exceeds the limit the plan's numbers set for it.
--
-- Whose money a cap limits: only the levels the plan names for the direction (fund_cap_source,
-- `counted` in fund_attribution). Money from any other level (区级配套 of 六(二), or a level the plan
-- does not name) never enters `amount_wan`; it is shown beside as `other_levels_wan` and each such
-- payment is a review item (compliance_review_items.sql), never a breach. Every other breach check
-- likewise counts named-level payments only.
--
-- Each row is located: the enterprise (uscc), unit or district, the project, and the payments counted
-- (`payment_ids`). Amounts are compared at 0.0001万元 (1元) so float noise never makes or hides a breach.
WITH pay AS (
  SELECT * FROM payments($snapshot, $as_of)
),
ent AS (
  SELECT uscc, name FROM enterprises WHERE snapshot = $snapshot
),
-- Projects accepted by $as_of with a verified investment (核定投入).
accepted AS (
  SELECT project_id, uscc, project_name, verified_wan
  FROM projects
  WHERE snapshot = $snapshot AND status = '验收通过' AND accepted_on <= $as_of AND verified_wan IS NOT NULL
),
post_level AS (
  SELECT uscc, level FROM latest_assessments($snapshot, $as_of) WHERE kind = '改造后'
),
level_caps AS (
  SELECT unnest($level_caps, recursive := true)
),
tiers AS (
  SELECT unnest($unit_tiers, recursive := true)
),
subsidy AS (
  SELECT * FROM pay WHERE direction_key = 'transformation_subsidy'
),
-- 四(一)1, per project: the subsidy linked to a project ≤ 50% of that project's 核定投入.
subsidy_project AS (
  SELECT s.project_id, a.uscc, a.project_name, a.verified_wan,
         coalesce(sum(s.amount_wan) FILTER (WHERE s.counted), 0) AS amount,
         coalesce(sum(s.amount_wan) FILTER (WHERE NOT s.counted), 0) AS other,
         list(s.payment_id ORDER BY s.payment_id) FILTER (WHERE s.counted) AS payment_ids
  FROM subsidy s JOIN accepted a ON a.project_id = s.project_id
  GROUP BY ALL
),
-- Per enterprise: the level cap is cumulative (累计) over all its subsidy, linked or not.
subsidy_firm AS (
  SELECT beneficiary AS uscc,
         coalesce(sum(amount_wan) FILTER (WHERE counted), 0) AS amount,
         coalesce(sum(amount_wan) FILTER (WHERE NOT counted), 0) AS other,
         list(payment_id ORDER BY payment_id) FILTER (WHERE counted) AS payment_ids,
         bool_or(counted AND project_id IS NULL) AS has_unlinked
  FROM subsidy GROUP BY beneficiary
),
firm_verified AS (
  SELECT uscc, sum(verified_wan) AS verified FROM accepted GROUP BY uscc
),
interest AS (
  SELECT * FROM pay WHERE direction_key = 'loan_interest'
),
per_loan AS (
  SELECT l.loan_id, l.uscc, l.bank, l.principal_wan, l.interest_paid_wan,
         coalesce(sum(i.amount_wan) FILTER (WHERE i.counted), 0) AS amount,
         coalesce(sum(i.amount_wan) FILTER (WHERE NOT i.counted), 0) AS other,
         list(i.payment_id ORDER BY i.payment_id) FILTER (WHERE i.counted) AS payment_ids
  FROM interest i JOIN loans l ON l.snapshot = $snapshot AND l.loan_id = i.loan_id
  GROUP BY ALL
),
award AS (
  SELECT coalesce(p.unit_id, p.payee_id) AS unit_id, max(coalesce(p.unit_name, p.payee_id)) AS unit_name, t.award_wan,
         coalesce(sum(p.amount_wan) FILTER (WHERE p.counted), 0) AS amount,
         coalesce(sum(p.amount_wan) FILTER (WHERE NOT p.counted), 0) AS other,
         list(p.payment_id ORDER BY p.payment_id) FILTER (WHERE p.counted) AS payment_ids
  FROM pay p JOIN tiers t ON t.tier = p.unit_tier
  WHERE p.direction_key = 'leading_unit_award'
  GROUP BY coalesce(p.unit_id, p.payee_id), t.award_wan
),
platform AS (
  -- A platform project is its linked project; payments without one are taken together per payee
  -- (and are review items: the 30% rule needs the project).
  SELECT coalesce(p.project_id, p.payee_id) AS entity_id, p.project_id,
         coalesce(max(pr.project_name), max(p.unit_name), p.payee_id) AS entity_name,
         max(p.unit_id) AS unit_id,
         max(pr.verified_wan) AS verified,
         coalesce(sum(p.amount_wan) FILTER (WHERE p.counted), 0) AS amount,
         coalesce(sum(p.amount_wan) FILTER (WHERE NOT p.counted), 0) AS other,
         list(p.payment_id ORDER BY p.payment_id) FILTER (WHERE p.counted) AS payment_ids
  FROM pay p LEFT JOIN projects pr ON pr.snapshot = $snapshot AND pr.project_id = p.project_id
  WHERE p.direction_key = 'platform_project'
  GROUP BY p.project_id, p.payee_id
),
unaccepted AS (
  -- 改造补助 paid (from a named level) before its project (or, with no project linked, any project of
  -- the enterprise) passed acceptance: 五(七) subsidises projects 通过验收评审.
  SELECT p.* FROM subsidy p
  LEFT JOIN projects pr ON pr.snapshot = $snapshot AND pr.project_id = p.project_id
  WHERE p.counted
    AND NOT coalesce(
      CASE WHEN p.project_id IS NOT NULL THEN pr.status = '验收通过' AND pr.accepted_on <= p.paid_on
           ELSE EXISTS (SELECT 1 FROM projects q
                        WHERE q.snapshot = $snapshot AND q.uscc = p.beneficiary
                          AND q.status = '验收通过' AND q.accepted_on <= p.paid_on) END, false)
),
checks AS (
  SELECT 'subsidy_share' AS rule, s.project_id AS entity_id, concat_ws(' · ', e.name, s.project_name) AS entity_name,
         NULL AS period, s.uscc, e.name AS enterprise, NULL AS unit_id, s.project_id,
         s.payment_ids, s.amount, s.other, s.verified_wan * $subsidy_max_share AS limit_wan
  FROM subsidy_project s LEFT JOIN ent e USING (uscc)
  UNION ALL
  -- Subsidy not linked to a project: the enterprise's whole (named-level) subsidy against its accepted
  -- projects taken together. The unlinked payments are also review items (missing_project).
  SELECT 'subsidy_share_unlinked', s.uscc, e.name, NULL, s.uscc, e.name, NULL, NULL,
         s.payment_ids, s.amount, s.other, v.verified * $subsidy_max_share
  FROM subsidy_firm s JOIN firm_verified v USING (uscc) LEFT JOIN ent e USING (uscc)
  WHERE s.has_unlinked
  UNION ALL
  -- Only 二级 and up carry a cap (四(一)1); below 二级 the plan sets none: a review item (no_level_cap).
  SELECT 'subsidy_level_cap', s.uscc, e.name, NULL, s.uscc, e.name, NULL, NULL,
         s.payment_ids, s.amount, s.other, c.cap_wan
  FROM subsidy_firm s JOIN post_level pl USING (uscc) JOIN level_caps c ON c.level = pl.level
  LEFT JOIN ent e USING (uscc)
  UNION ALL
  SELECT 'interest_share', l.loan_id, concat_ws(' · ', e.name, l.bank), NULL, l.uscc, e.name, NULL, NULL,
         l.payment_ids, l.amount, l.other, l.principal_wan * $interest_max_share
  FROM per_loan l LEFT JOIN ent e ON e.uscc = l.uscc
  UNION ALL
  -- Interest actually paid unknown: not judged.
  SELECT 'interest_over_paid', l.loan_id, concat_ws(' · ', e.name, l.bank), NULL, l.uscc, e.name, NULL, NULL,
         l.payment_ids, l.amount, l.other, l.interest_paid_wan
  FROM per_loan l LEFT JOIN ent e ON e.uscc = l.uscc
  WHERE l.interest_paid_wan IS NOT NULL
  UNION ALL
  -- "年贴息" read as the calendar year of payment (the monitor's convention).
  SELECT 'interest_per_year', i.beneficiary, e.name, year(i.paid_on)::VARCHAR, i.beneficiary, e.name, NULL, NULL,
         list(i.payment_id ORDER BY i.payment_id) FILTER (WHERE i.counted),
         coalesce(sum(i.amount_wan) FILTER (WHERE i.counted), 0),
         coalesce(sum(i.amount_wan) FILTER (WHERE NOT i.counted), 0),
         $interest_max_per_year
  FROM interest i LEFT JOIN ent e ON e.uscc = i.beneficiary
  GROUP BY i.beneficiary, e.name, year(i.paid_on)
  UNION ALL
  -- Units with a tier only: an award to a unit without one is a review item (award_without_tier).
  SELECT 'leading_unit_award', unit_id, unit_name, NULL, NULL, NULL, unit_id, NULL,
         payment_ids, amount, other, award_wan
  FROM award
  UNION ALL
  -- No verified investment known (no linked project, or none recorded): the 30% rule is not judged.
  SELECT 'platform_share', entity_id, entity_name, NULL, NULL, NULL, unit_id, project_id,
         payment_ids, amount, other, verified * $platform_max_share
  FROM platform WHERE verified IS NOT NULL
  UNION ALL
  SELECT 'platform_cap', entity_id, entity_name, NULL, NULL, NULL, unit_id, project_id,
         payment_ids, amount, other, $platform_max_wan
  FROM platform
  UNION ALL
  SELECT fd.key || '_district_cap', p.district, coalesce(d.name, '未注明所属区'), NULL, NULL, NULL, NULL, NULL,
         list(p.payment_id ORDER BY p.payment_id) FILTER (WHERE p.counted),
         coalesce(sum(p.amount_wan) FILTER (WHERE p.counted), 0),
         coalesce(sum(p.amount_wan) FILTER (WHERE NOT p.counted), 0),
         fd.per_district_cap_wan
  FROM pay p JOIN fund_direction fd ON fd.key = p.direction_key LEFT JOIN dim_district d ON d.code = p.district
  WHERE fd.per_district_cap_wan IS NOT NULL
  GROUP BY fd.key, p.district, d.name, fd.per_district_cap_wan
  UNION ALL
  SELECT fd.key || '_total_cap', fd.key, fd.name, NULL, NULL, NULL, NULL, NULL,
         list(p.payment_id ORDER BY p.payment_id) FILTER (WHERE p.counted),
         coalesce(sum(p.amount_wan) FILTER (WHERE p.counted), 0),
         coalesce(sum(p.amount_wan) FILTER (WHERE NOT p.counted), 0),
         fd.total_cap_wan
  FROM pay p JOIN fund_direction fd ON fd.key = p.direction_key
  WHERE fd.total_cap_wan IS NOT NULL
  GROUP BY fd.key, fd.name, fd.total_cap_wan
  UNION ALL
  SELECT 'paid_not_accepted', coalesce(u.project_id, u.beneficiary),
         concat_ws(' · ', coalesce(max(u.enterprise), u.beneficiary), max(pr.project_name)), NULL,
         u.beneficiary, max(u.enterprise), NULL, u.project_id,
         list(u.payment_id ORDER BY u.payment_id), sum(u.amount_wan), 0, 0
  FROM unaccepted u LEFT JOIN projects pr ON pr.snapshot = $snapshot AND pr.project_id = u.project_id
  GROUP BY u.project_id, u.beneficiary
)
SELECT rule, entity_id, entity_name, period,
       uscc, enterprise, unit_id, project_id,
       coalesce(payment_ids, []::VARCHAR[]) AS payment_ids,
       round(amount, 4) AS amount_wan,
       round(limit_wan, 4) AS limit_wan,
       round(amount - limit_wan, 4) AS excess_wan,
       round(other, 4) AS other_levels_wan
FROM checks
WHERE round(amount, 4) > round(limit_wan, 4)
ORDER BY rule, entity_id, period
