-- Every disbursement of a snapshot with whom and where it is for. The beneficiary is the
-- enterprise of the linked project, else of the linked loan, else the payee; district and industry
-- come from the payment itself (集中采购 names its district), else that enterprise, else (industry
-- only) the leading unit paid. The payee is matched to a leading unit by unit id or credit code.
CREATE OR REPLACE TEMP MACRO fund_attribution(p_snap) AS TABLE
SELECT f.payment_id, d.key AS direction_key, f.direction, f.source, f.payee_id, f.project_id, f.loan_id,
       f.amount_wan, f.paid_on,
       coalesce(p.uscc, l.uscc, f.payee_id) AS beneficiary,
       e.name AS enterprise,
       coalesce(f.district, e.district) AS district,
       coalesce(e.industry, u.industry) AS industry,
       u.unit_id, u.name AS unit_name, u.tier AS unit_tier
FROM funds f
JOIN fund_direction d ON d.name = f.direction
LEFT JOIN projects p ON p.snapshot = f.snapshot AND p.project_id = f.project_id
LEFT JOIN loans l ON l.snapshot = f.snapshot AND l.loan_id = f.loan_id
LEFT JOIN enterprises e ON e.snapshot = f.snapshot AND e.uscc = coalesce(p.uscc, l.uscc, f.payee_id)
LEFT JOIN leading_units u ON u.snapshot = f.snapshot AND (u.unit_id = f.payee_id OR u.uscc = f.payee_id)
WHERE f.snapshot = p_snap
-- A payee matching two units (one's id, another's credit code) must not double the payment.
QUALIFY row_number() OVER (PARTITION BY f.payment_id ORDER BY u.unit_id) = 1
