-- Every reporting period a leading unit owes by p_as_of (五(五) 建立牵引单位定期报送改造进展工作机制),
-- with the report it filed for it, if any, and its state on p_as_of:
--   on_time  filed (报送日期 on or before p_as_of) by the due day
--   late     filed after the due day (days_late = 报送日期 − due day)
--   missing  not filed by p_as_of and the due day has passed (days_late = p_as_of − due day)
--   not_due  the period has ended but its due day has not passed yet, and nothing is filed
-- Periods are p_months calendar months long. The first is the first one that starts on or after
-- the unit's 遴选日期 (monitor's convention: a unit owes no report for a month it joined part-way).
-- A period is owed once it has ended before p_as_of, while the unit was on the list for all of it
-- (ended before its 移出日期), and within the plan (ended on or before p_plan_end).
-- due_on = the period's end + p_due_day days (the p_due_day-th of the next month: the monitor's
-- convention, the plan names no due day). A report filed for a period that is not owed is ignored.
CREATE OR REPLACE TEMP MACRO unit_report_periods(p_snap, p_as_of, p_months, p_due_day, p_plan_end) AS TABLE
WITH units AS (
  SELECT unit_id, name, selected_on, removed_on,
         CASE WHEN day(selected_on) = 1 THEN selected_on
              ELSE (date_trunc('month', selected_on) + INTERVAL 1 MONTH)::DATE END AS first_period
  FROM leading_units
  WHERE snapshot = p_snap AND selected_on <= p_as_of
),
periods AS (
  SELECT u.unit_id, u.name, g.p::DATE AS period_start
  FROM units u,
       LATERAL (SELECT unnest(generate_series(u.first_period::TIMESTAMP, p_as_of::TIMESTAMP, to_months(p_months))) AS p) g
),
owed AS (
  SELECT p.*, (p.period_start + to_months(p_months) - INTERVAL 1 DAY)::DATE AS period_end,
         (p.period_start + to_months(p_months) + to_days(p_due_day - 1))::DATE AS due_on
  FROM periods p JOIN units u USING (unit_id)
  WHERE (p.period_start + to_months(p_months))::DATE <= p_as_of
    AND (u.removed_on IS NULL OR (p.period_start + to_months(p_months))::DATE <= u.removed_on)
    AND (p.period_start + to_months(p_months) - INTERVAL 1 DAY)::DATE <= p_plan_end
)
SELECT o.unit_id, o.name, o.period_start, o.period_end, o.due_on,
       r.submitted_on,
       CASE WHEN r.submitted_on IS NOT NULL AND r.submitted_on <= o.due_on THEN 'on_time'
            WHEN r.submitted_on IS NOT NULL THEN 'late'
            WHEN p_as_of > o.due_on THEN 'missing'
            ELSE 'not_due' END AS status,
       CASE WHEN r.submitted_on IS NOT NULL AND r.submitted_on > o.due_on THEN (r.submitted_on - o.due_on)
            WHEN r.submitted_on IS NULL AND p_as_of > o.due_on THEN (p_as_of - o.due_on) END AS days_late,
       r.enterprises_served, r.projects_signed, r.projects_in_progress, r.projects_accepted, r.problems
FROM owed o
LEFT JOIN unit_reports r
  ON r.snapshot = p_snap AND r.unit_id = o.unit_id AND r.period = o.period_start AND r.submitted_on <= p_as_of
