-- Open projects on $as_of (not accepted by then, not terminated) whose last stage change is more than
-- $stuck_after_days days back. The last change is the latest of the project's own dates up to
-- $as_of; a project with none (诊断中) falls back to its enterprise's latest 改造前 assessment or listing.
WITH pre AS (
  SELECT uscc, assessed_on FROM latest_assessments($snapshot, $as_of) WHERE kind = '改造前'
),
open AS (
  SELECT p.*,
         coalesce(
           greatest(CASE WHEN p.signed_on <= $as_of THEN p.signed_on END,
                    CASE WHEN p.applied_on <= $as_of THEN p.applied_on END,
                    CASE WHEN p.accepted_on <= $as_of THEN p.accepted_on END),
           greatest(pre.assessed_on, CASE WHEN e.listed_on <= $as_of THEN e.listed_on END)
         ) AS last_change_on
  FROM project_context($snapshot) p
  LEFT JOIN pre ON pre.uscc = p.uscc
  LEFT JOIN enterprises e ON e.snapshot = $snapshot AND e.uscc = p.uscc
  WHERE p.status <> '终止'
    AND NOT coalesce(p.status = '验收通过' AND p.accepted_on <= $as_of, false)
)
SELECT project_id, project_name, uscc, enterprise, district_code, district, industry_key, industry,
       leading_unit_id, leading_unit, status, last_change_on,
       ($as_of - last_change_on)::INTEGER AS days_since_change
FROM open
WHERE $as_of - last_change_on > $stuck_after_days
ORDER BY days_since_change DESC, project_id
