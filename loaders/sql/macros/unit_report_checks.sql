-- Each figure a unit reported for an owed period (unit_report_periods) beside what the exports of
-- p_snap show for the unit's projects on the period's last day. Figures are cumulative to the
-- period's end (累计至报送期末), counted from the projects table:
--   enterprises_served    enterprises with a project of the unit signed (签约日期) by then
--   projects_signed       projects of the unit signed by then
--   projects_in_progress  signed by then, not 验收通过 by then, and not 验收未通过 or 终止 in the
--                         snapshot (the exports date neither, so one that failed or stopped after
--                         the period's end is not counted as in progress then)
--   projects_accepted     projects 验收通过 with 验收日期 by then
-- Projects of enterprises taken off the list (移出日期) on or before that day are not counted.
-- differs: the gap is larger than p_tolerance (0: the plan gives none, so any gap is a review item).
CREATE OR REPLACE TEMP MACRO unit_report_checks(p_snap, p_as_of, p_months, p_due_day, p_plan_end, p_tolerance) AS TABLE
WITH filed AS (
  SELECT * FROM unit_report_periods(p_snap, p_as_of, p_months, p_due_day, p_plan_end)
  WHERE submitted_on IS NOT NULL
),
shown AS (
  SELECT f.unit_id, f.period_start,
         count(DISTINCT p.uscc) FILTER (WHERE p.signed_on <= f.period_end) AS enterprises_served,
         count(p.project_id) FILTER (WHERE p.signed_on <= f.period_end) AS projects_signed,
         count(p.project_id) FILTER (WHERE p.signed_on <= f.period_end
                                       AND NOT (p.status = '验收通过' AND p.accepted_on <= f.period_end)
                                       AND p.status NOT IN ('验收未通过', '终止')) AS projects_in_progress,
         count(p.project_id) FILTER (WHERE p.status = '验收通过' AND p.accepted_on <= f.period_end) AS projects_accepted
  FROM filed f
  LEFT JOIN projects p ON p.snapshot = p_snap AND p.leading_unit_id = f.unit_id
  LEFT JOIN enterprises e ON e.snapshot = p.snapshot AND e.uscc = p.uscc
  WHERE e.removed_on IS NULL OR e.removed_on > f.period_end
  GROUP BY f.unit_id, f.period_start
),
pairs AS (
  SELECT f.unit_id, f.name, f.period_start, f.period_end, f.submitted_on, x.figure, x.reported, x.exported
  FROM filed f
  LEFT JOIN shown s ON s.unit_id = f.unit_id AND s.period_start = f.period_start,
  LATERAL (VALUES
    ('enterprises_served', f.enterprises_served, coalesce(s.enterprises_served, 0)),
    ('projects_signed', f.projects_signed, coalesce(s.projects_signed, 0)),
    ('projects_in_progress', f.projects_in_progress, coalesce(s.projects_in_progress, 0)),
    ('projects_accepted', f.projects_accepted, coalesce(s.projects_accepted, 0))
  ) AS x(figure, reported, exported)
)
SELECT *, (reported IS NOT NULL AND abs(reported - exported) > p_tolerance) AS differs
FROM pairs
