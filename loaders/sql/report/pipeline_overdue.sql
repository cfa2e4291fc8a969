-- Projects past their planned end on $as_of and not accepted by then (terminated ones excluded),
-- most overdue first.
SELECT project_id, project_name, uscc, enterprise, district_code, district, industry_key, industry,
       leading_unit_id, leading_unit, status, planned_end,
       ($as_of - planned_end)::INTEGER AS days_overdue
FROM project_context($snapshot)
WHERE planned_end < $as_of
  AND status <> '终止'
  AND NOT coalesce(status = '验收通过' AND accepted_on <= $as_of, false)
ORDER BY days_overdue DESC, project_id
