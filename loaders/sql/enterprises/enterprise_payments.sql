-- Every disbursement that benefits one of the snapshot's enterprises, attributed exactly as the
-- funds KPIs attribute it (fund_attribution: the linked project's firm, else the linked loan's,
-- else the payee), in payment order. `counted`: the level of money is one the plan names for the
-- direction, so the direction's caps count it (区级配套 and unnamed levels are not counted).
SELECT
  f.beneficiary AS uscc,
  f.payment_id,
  f.direction,
  f.source,
  f.amount_wan,
  strftime(f.paid_on, '%Y-%m-%d') AS paid_on,
  f.project_id,
  f.loan_id,
  f.counted
FROM fund_attribution($snapshot::DATE) f
SEMI JOIN enterprises e ON e.snapshot = $snapshot::DATE AND e.uscc = f.beneficiary AND ($district = '' OR e.district = $district)
ORDER BY f.beneficiary, f.paid_on, f.payment_id
