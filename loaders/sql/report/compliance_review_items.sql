-- Review items (待核实) on $as_of: payments a person must look at, which the plan's numbers do not
-- forbid and which are therefore never breaches (compliance_breaches.sql). One row per rule × payment:
--
--   district_top_up     a 区级 payment. 六(二) encourages districts to add their own money (配套), but
--                       no direction of 四 names 区级: it counts against no cap and is listed to confirm
--                       it is district money and not a mislabelled plan payment.
--   unnamed_source      a payment from another level the plan does not name for its direction
--                       (e.g. 中央 money for 数字贷贴息, which 四(一)1 funds from 省、市级). Not counted.
--   second_award        a 牵引单位奖励 payment (from a named level) dated after the unit's first award
--                       day: 四(二)2 awards 一次性. One award day is the monitor's reading of 一次性.
--   award_without_tier  a 牵引单位奖励 payment to a payee with no tier (or no leading unit): 四(二)2 gives
--                       amounts by tier only, so there is no limit to judge it by.
--   no_level_cap        a 改造补助 payment to an enterprise whose latest 改造后 level (by $as_of) is below
--                       二级, or that has none: 四(一)1 sets caps for 二级–四级 only.
--   missing_project     a 改造补助 or 平台项目 payment with no project: the 50% / 30% rules are per project.
--                       (An unlinked 改造补助 is also checked against the firm's accepted projects together.)
--   missing_loan        a 数字贷贴息 payment with no loan: the 3% and interest-paid rules are per loan.
--
-- A payment from an unnamed level (区级 included) appears once, under district_top_up or
-- unnamed_source only: every other check looks at named-level payments alone.
WITH pay AS (
  SELECT * FROM payments($snapshot, $as_of)
),
post_level AS (
  SELECT uscc, level FROM latest_assessments($snapshot, $as_of) WHERE kind = '改造后'
),
level_caps AS (
  SELECT unnest($level_caps, recursive := true)
),
first_award AS (
  SELECT coalesce(unit_id, payee_id) AS unit_key, min(paid_on) AS first_on
  FROM pay WHERE direction_key = 'leading_unit_award' AND counted
  GROUP BY ALL
),
items AS (
  SELECT CASE WHEN source = '区级' THEN 'district_top_up' ELSE 'unnamed_source' END AS rule, p.*
  FROM pay p WHERE NOT counted
  UNION ALL
  SELECT 'second_award', p.*
  FROM pay p JOIN first_award f ON f.unit_key = coalesce(p.unit_id, p.payee_id)
  WHERE p.direction_key = 'leading_unit_award' AND p.counted AND p.paid_on > f.first_on
  UNION ALL
  SELECT 'award_without_tier', p.*
  FROM pay p WHERE p.direction_key = 'leading_unit_award' AND p.counted AND p.unit_tier IS NULL
  UNION ALL
  SELECT 'no_level_cap', p.*
  FROM pay p
  LEFT JOIN post_level pl ON pl.uscc = p.beneficiary
  LEFT JOIN level_caps c ON c.level = pl.level
  WHERE p.direction_key = 'transformation_subsidy' AND p.counted AND c.cap_wan IS NULL
  UNION ALL
  SELECT 'missing_project', p.*
  FROM pay p WHERE p.direction_key IN ('transformation_subsidy', 'platform_project') AND p.counted AND p.project_id IS NULL
  UNION ALL
  SELECT 'missing_loan', p.*
  FROM pay p WHERE p.direction_key = 'loan_interest' AND p.counted AND p.loan_id IS NULL
)
SELECT i.rule, i.payment_id, i.direction_key, i.direction, i.source,
       strftime(i.paid_on, '%Y-%m-%d') AS paid_on,
       round(i.amount_wan, 4) AS amount_wan,
       i.payee_id,
       -- Who the money is for: the enterprise, else the leading unit, else the payee as written.
       coalesce(CASE WHEN i.enterprise IS NOT NULL THEN i.beneficiary END, i.unit_id, i.payee_id) AS entity_id,
       coalesce(i.enterprise, i.unit_name, i.payee_id) AS entity_name,
       CASE WHEN i.enterprise IS NOT NULL THEN i.beneficiary END AS uscc,
       i.enterprise,
       i.unit_id,
       i.project_id,
       i.loan_id,
       i.district
FROM items i
ORDER BY i.rule, i.paid_on, i.payment_id
