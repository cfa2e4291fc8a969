-- Everything a target or pipeline count is made of, one row per counted thing, valid from a
-- date (and, for level spells and enterprises taken off the list, until a date). key is a target
-- key (plan_target; its rows come from target_facts, by the target's measure) or a stage key
-- (plan.stages). A stage whose key is also a target's ("diagnosed") is that target's rows.
-- Enterprise rows cover counted SMEs only. dated = false marks a date that is a lower bound, not
-- the event's own date.
CREATE OR REPLACE TEMP MACRO kpi_facts(p_snap, p_from) AS TABLE
WITH ent AS (SELECT * FROM counted_enterprises(p_snap)),
proj AS (SELECT * FROM projects WHERE snapshot = p_snap),
enterprise_events AS (
  SELECT 'surveyed' AS key, uscc AS uscc, surveyed_on AS valid_from, NULL::DATE AS valid_to, true AS dated FROM ent WHERE surveyed_on IS NOT NULL
  UNION ALL
  SELECT 'listed', uscc, listed_on, NULL, true FROM ent WHERE listed_on IS NOT NULL
  UNION ALL
  SELECT 'diagnosed', uscc, min(assessed_on), NULL, true
  FROM assessments WHERE snapshot = p_snap AND kind = '改造前' GROUP BY uscc
  UNION ALL
  SELECT 'signed', uscc, min(signed_on), NULL, true FROM proj WHERE signed_on IS NOT NULL GROUP BY uscc
  UNION ALL
  -- No implementation start date is exported: signing is the earliest it can have begun.
  SELECT 'implementing', uscc, min(coalesce(signed_on, applied_on, accepted_on)), NULL, false
  FROM proj WHERE status IN ('实施中', '验收申请', '验收通过', '验收未通过')
  GROUP BY uscc HAVING min(coalesce(signed_on, applied_on, accepted_on)) IS NOT NULL
  UNION ALL
  -- A project reviewed without a recorded application date was applied for by its review date.
  SELECT 'applied', uscc, min(coalesce(applied_on, accepted_on)), NULL, true
  FROM proj WHERE applied_on IS NOT NULL OR status IN ('验收申请', '验收通过', '验收未通过')
  GROUP BY uscc HAVING min(coalesce(applied_on, accepted_on)) IS NOT NULL
  UNION ALL
  SELECT 'accepted', uscc, min(accepted_on), NULL, true
  FROM proj WHERE status = '验收通过' AND accepted_on IS NOT NULL GROUP BY uscc
  UNION ALL
  SELECT 'paid', beneficiary, min(paid_on), NULL, true
  FROM fund_attribution(p_snap) WHERE direction_key = 'transformation_subsidy' GROUP BY beneficiary
)
-- An enterprise taken off the list (移出日期, 五(五) 动态调整) stops counting on that day: each of its
-- facts ends then at the latest (least() skips NULLs), so an as-of count before it is unchanged.
SELECT x.key, x.uscc AS entity_id, ent.district, ent.industry, 1.0::DOUBLE AS qty, x.valid_from,
       least(x.valid_to, ent.removed_on) AS valid_to, x.dated
FROM enterprise_events x
JOIN ent ON ent.uscc = x.uscc
WHERE x.key NOT IN (SELECT key FROM plan_target)
UNION ALL
SELECT * FROM target_facts(p_snap, p_from)
