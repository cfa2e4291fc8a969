-- Every disbursement of a snapshot with whom and where it is for. The beneficiary is the
-- enterprise of the linked project, else of the linked loan, else the payee; district and industry
-- come from the payment itself (集中采购 names its district), else that enterprise, else (industry
-- only) the leading unit paid. The payee is matched to a leading unit by unit id or credit code.
--
-- `counted` says whether the payment's level of money is one the plan names for its direction
-- (fund_cap_source, plan 四): only counted money enters a cap; 区级配套 (六(二)) and any other level
-- is shown beside the caps and listed for review (compliance_review_items).
--
-- The unit match is an equality join on one key column (each unit listed under its id and under its
-- credit code) rather than `unit_id = payee OR uscc = payee`: DuckDB cannot hash an OR and falls
-- back to a nested-loop join, quadratic in payments × units (25 s per report at scale 50; see
-- docs/benchmarks.md). A payee matching two units (one's id, another's credit code) takes the unit
-- with the smallest id, so a payment is never doubled.
CREATE OR REPLACE TEMP MACRO fund_attribution(p_snap) AS TABLE
WITH unit_keys AS (
  SELECT payee_key, unit_id, name, tier, industry
  FROM (
    SELECT unit_id AS payee_key, unit_id, name, tier, industry FROM leading_units WHERE snapshot = p_snap
    UNION ALL
    SELECT uscc, unit_id, name, tier, industry FROM leading_units WHERE snapshot = p_snap AND uscc IS NOT NULL
  )
  QUALIFY row_number() OVER (PARTITION BY payee_key ORDER BY unit_id) = 1
)
SELECT f.payment_id, d.key AS direction_key, f.direction, f.source, f.payee_id, f.project_id, f.loan_id,
       f.amount_wan, f.paid_on,
       coalesce(p.uscc, l.uscc, f.payee_id) AS beneficiary,
       e.name AS enterprise,
       coalesce(f.district, e.district) AS district,
       coalesce(e.industry, u.industry) AS industry,
       u.unit_id, u.name AS unit_name, u.tier AS unit_tier,
       cs.source IS NOT NULL AS counted
FROM funds f
JOIN fund_direction d ON d.name = f.direction
LEFT JOIN fund_cap_source cs ON cs.direction_key = d.key AND cs.source = f.source
LEFT JOIN projects p ON p.snapshot = f.snapshot AND p.project_id = f.project_id
LEFT JOIN loans l ON l.snapshot = f.snapshot AND l.loan_id = f.loan_id
LEFT JOIN enterprises e ON e.snapshot = f.snapshot AND e.uscc = coalesce(p.uscc, l.uscc, f.payee_id)
LEFT JOIN unit_keys u ON u.payee_key = f.payee_id
WHERE f.snapshot = p_snap
