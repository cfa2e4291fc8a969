-- For the programme's 80/20 rule and central ceiling (plans/programme.json): money of the central
-- level ($central_source) paid by $as_of, per side of the split each direction is on
-- ($direction_uses, from the plan's `programmeUse`; NULL: a direction the plan does not place),
-- with the distinct beneficiaries each sum is built from (for the small-cell rule) and the total
-- over all sides (programme_use = 'total'). Sums and counts only.
WITH uses AS (
  SELECT u.key, u.programme_use FROM (SELECT unnest($direction_uses) AS u)
),
pay AS (
  SELECT p.amount_wan, p.beneficiary, coalesce(uses.programme_use, 'unplaced') AS programme_use
  FROM payments($snapshot, $as_of) p
  LEFT JOIN uses ON uses.key = p.direction_key
  WHERE p.source = $central_source
),
sides AS (
  SELECT unnest(['sme_transformation', 'public_service', 'unplaced', 'total']) AS programme_use
)
SELECT s.programme_use,
       coalesce(sum(p.amount_wan), 0)::DOUBLE AS central_wan,
       count(DISTINCT p.beneficiary)::INTEGER AS contributors
FROM sides s
LEFT JOIN pay p ON p.programme_use = s.programme_use OR s.programme_use = 'total'
GROUP BY s.programme_use
ORDER BY list_position(['sme_transformation', 'public_service', 'unplaced', 'total'], s.programme_use)
