-- Every transformation project of one snapshot's enterprises with its leading unit's and
-- provider's names (NULL when the id matches none), in signing order.
SELECT
  p.uscc,
  p.project_id,
  p.project_name,
  u.name AS leading_unit,
  s.name AS provider,
  strftime(p.signed_on, '%Y-%m-%d') AS signed_on,
  strftime(p.planned_end, '%Y-%m-%d') AS planned_end,
  p.contract_wan,
  p.verified_wan,
  p.status,
  strftime(p.applied_on, '%Y-%m-%d') AS applied_on,
  strftime(p.accepted_on, '%Y-%m-%d') AS accepted_on
FROM projects p
SEMI JOIN enterprises e ON e.snapshot = p.snapshot AND e.uscc = p.uscc AND ($district = '' OR e.district = $district)
LEFT JOIN leading_units u ON u.snapshot = p.snapshot AND u.unit_id = p.leading_unit_id
LEFT JOIN providers s ON s.snapshot = p.snapshot AND s.provider_id = p.provider_id
WHERE p.snapshot = $snapshot::DATE
ORDER BY p.uscc, p.signed_on NULLS LAST, p.project_id
