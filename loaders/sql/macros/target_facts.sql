-- Everything the plan's targets count, one row per counted thing, from each target's measure
-- (plan_measure; the catalogue is documented in docs/plan-file.md, "Measures"). Same columns as
-- kpi_facts. A share_at_level target gives two keys: its own (the firms at the level) and
-- key || '/population' (the firms it is a share of: the pool's firms passing the same filters, from
-- the day they were listed, else surveyed; with neither date, from the start of records — the
-- monitor's convention, since the pool is all the monitor knows of the population).
CREATE OR REPLACE TEMP MACRO target_facts(p_snap, p_from) AS TABLE
WITH ent AS (SELECT * FROM counted_enterprises(p_snap)),
enterprise_events AS (
  SELECT m.key AS measure_key, m.key, s.uscc, s.valid_from, s.valid_to
  FROM plan_measure m JOIN accepted_level_spells(p_snap, p_from) s ON s.level >= m.min_level
  WHERE m.kind IN ('enterprises_at_level', 'share_at_level') AND m.accepted
  UNION ALL
  SELECT m.key, m.key, s.uscc, s.valid_from, s.valid_to
  FROM plan_measure m JOIN assessed_level_spells(p_snap) s ON s.level >= m.min_level
  WHERE m.kind IN ('enterprises_at_level', 'share_at_level') AND NOT m.accepted
  UNION ALL
  SELECT m.key, m.key, a.uscc, min(a.assessed_on), NULL
  FROM plan_measure m JOIN assessments a ON a.snapshot = p_snap AND a.kind = m.assessment
  WHERE m.kind = 'enterprises_assessed'
  GROUP BY m.key, a.uscc
  UNION ALL
  SELECT m.key, m.key, p.uscc, min(p.signed_on), NULL
  FROM plan_measure m JOIN projects p ON p.snapshot = p_snap AND p.signed_on IS NOT NULL
  WHERE m.kind = 'enterprises_signed'
  GROUP BY m.key, p.uscc
  UNION ALL
  SELECT m.key, m.key, e.uscc, e.cloud_on, NULL
  FROM plan_measure m JOIN ent e ON e.cloud_on IS NOT NULL
  WHERE m.kind = 'cloud_adoption'
  UNION ALL
  SELECT m.key, m.key || '/population', e.uscc, coalesce(e.listed_on, e.surveyed_on, DATE '0001-01-01'), NULL
  FROM plan_measure m CROSS JOIN ent e
  WHERE m.kind = 'share_at_level'
)
SELECT x.key, x.uscc AS entity_id, e.district, e.industry, 1.0::DOUBLE AS qty, x.valid_from,
       least(x.valid_to, e.removed_on) AS valid_to, true AS dated
FROM enterprise_events x
JOIN plan_measure m ON m.key = x.measure_key
JOIN ent e ON e.uscc = x.uscc
-- The filters: 规上 and tiers both (match 'all') or either given one (match 'any'); industries always.
WHERE CASE WHEN m.match = 'any' AND (m.above_scale IS NOT NULL OR m.tiers IS NOT NULL)
           THEN coalesce(e.above_scale = m.above_scale, false) OR coalesce(list_contains(m.tiers, e.quality_tier), false)
           ELSE (m.above_scale IS NULL OR e.above_scale = m.above_scale)
                AND (m.tiers IS NULL OR list_contains(m.tiers, e.quality_tier)) END
  AND (m.industries IS NULL OR list_contains(m.industries, e.industry))
UNION ALL
-- A recognition without its own district or industry takes its enterprise's.
SELECT m.key, r.recognition_id, coalesce(r.district, e.district), coalesce(r.industry, e.industry),
       1.0, r.recognized_on, NULL, true
FROM plan_measure m
JOIN recognitions r ON r.snapshot = p_snap AND list_contains(m.kinds, r.kind)
LEFT JOIN enterprises e ON e.snapshot = r.snapshot AND e.uscc = r.uscc
WHERE m.kind IN ('recognitions', 'status_record')
UNION ALL
SELECT m.key, p.provider_id, NULL, NULL, 1.0, p.selected_on, NULL, true
FROM plan_measure m JOIN providers p ON p.snapshot = p_snap
WHERE m.kind = 'providers'
UNION ALL
SELECT m.key, p.product_id, NULL, p.industry, 1.0, p.listed_on, NULL, true
FROM plan_measure m JOIN products p ON p.snapshot = p_snap
WHERE m.kind = 'products'
  AND (m.stages IS NULL OR list_contains(m.stages, p.stage))
  AND (m.industries IS NULL OR list_contains(m.industries, p.industry))
UNION ALL
SELECT m.key, t.training_id, t.district, NULL,
       CASE WHEN m.kind = 'trainings' THEN 1.0 ELSE t.person_times::DOUBLE END, t.held_on, NULL, true
FROM plan_measure m JOIN trainings t ON t.snapshot = p_snap
WHERE m.kind IN ('training_person_times', 'trainings')
  AND (m.audiences IS NULL OR list_contains(m.audiences, t.audience))
