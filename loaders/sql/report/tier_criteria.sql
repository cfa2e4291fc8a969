-- The leading-unit tier criteria the snapshot supplies (optional input table tier_criteria), highest
-- tier first, with each tier's amount from the plan (四(二)2) and the rule's source as given.
-- Empty when the city has set none: the plan itself gives no thresholds.
WITH tiers AS (
  SELECT unnest($unit_tiers, recursive := true)
)
SELECT c.tier, t.award_wan, c.min_projects_accepted, c.min_products, c.min_demonstrations, c.source
FROM tier_criteria c
JOIN tiers t ON t.tier = c.tier
WHERE c.snapshot = $snapshot
ORDER BY t.rank
