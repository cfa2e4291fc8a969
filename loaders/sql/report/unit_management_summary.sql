-- One row per leading unit selected by $as_of (removed ones too, marked): the record the plan's
-- management loop keeps on it (五(五)–(七)). Report and review figures are NULL when the snapshot
-- did not supply unit_reports / unit_reviews (未报送此表), never 0.
--   reports_*            periods owed by $as_of by state (macros/unit_report_periods.sql)
--   report_periods_differing  periods whose report has a figure that differs from the exports
--   items_*              整改 items raised by $as_of by state (macros/rectification_items.sql)
--   projects_accepted    验收通过 with 验收日期 by $as_of
--   projects_failed      验收未通过 (the exports carry no date for the decision: counted when the
--                        snapshot shows it and its 验收申请日期, if given, is by $as_of)
--   projects_pending     applied for (验收申请) by $as_of and not yet decided on $as_of
--   failure_rate         failed / (accepted + failed): the share of decided reviews that failed
--                        (monitor's convention; 五(七) makes the acceptance result part of the unit's
--                        review but gives no formula). NULL when none is decided.
-- Projects of enterprises taken off the list by $as_of (移出日期) no longer count.
WITH units AS (
  SELECT unit_id, name, selected_on, removed_on, removed_reason
  FROM leading_units WHERE snapshot = $snapshot AND selected_on <= $as_of
),
cal AS (
  SELECT unit_id,
         count(*) FILTER (WHERE status <> 'not_due') AS owed,
         count(*) FILTER (WHERE status = 'on_time') AS on_time,
         count(*) FILTER (WHERE status = 'late') AS late,
         count(*) FILTER (WHERE status = 'missing') AS missing,
         count(*) FILTER (WHERE status = 'not_due') AS not_due
  FROM unit_report_periods($snapshot, $as_of, $report_period_months, $report_due_day, $plan_end)
  GROUP BY unit_id
),
diff AS (
  SELECT unit_id, count(DISTINCT period_start) AS periods
  FROM unit_report_checks($snapshot, $as_of, $report_period_months, $report_due_day, $plan_end, $report_tolerance)
  WHERE differs GROUP BY unit_id
),
rect AS (
  SELECT unit_id, count(DISTINCT reviewed_on) AS reviews, count(*) AS items,
         count(*) FILTER (WHERE status = 'open') AS open,
         count(*) FILTER (WHERE status = 'overdue') AS overdue,
         count(*) FILTER (WHERE status = 'closed') AS closed
  FROM rectification_items($snapshot, $as_of) GROUP BY unit_id
),
held AS (
  SELECT unit_id, count(DISTINCT reviewed_on) AS reviews
  FROM unit_reviews WHERE snapshot = $snapshot AND reviewed_on <= $as_of GROUP BY unit_id
),
acc AS (
  SELECT p.leading_unit_id AS unit_id,
         count(*) FILTER (WHERE p.status = '验收通过' AND p.accepted_on <= $as_of) AS accepted,
         count(*) FILTER (WHERE p.status = '验收未通过' AND coalesce(p.applied_on, $as_of) <= $as_of) AS failed,
         count(*) FILTER (WHERE (p.status = '验收申请' AND coalesce(p.applied_on, $as_of) <= $as_of)
                             OR (p.status = '验收通过' AND p.applied_on <= $as_of AND p.accepted_on > $as_of)) AS pending
  FROM projects p
  LEFT JOIN enterprises e ON e.snapshot = p.snapshot AND e.uscc = p.uscc
  WHERE p.snapshot = $snapshot AND (e.removed_on IS NULL OR e.removed_on > $as_of)
  GROUP BY p.leading_unit_id
),
supplied AS (
  SELECT table_supplied($snapshot, 'unit_reports') AS reports, table_supplied($snapshot, 'unit_reviews') AS reviews
)
SELECT u.unit_id, u.name AS unit_name, u.selected_on,
       (u.removed_on IS NULL OR u.removed_on > $as_of) AS on_list,
       CASE WHEN u.removed_on <= $as_of THEN u.removed_on END AS removed_on,
       CASE WHEN u.removed_on <= $as_of THEN u.removed_reason END AS removed_reason,
       CASE WHEN s.reports THEN coalesce(c.owed, 0)::INTEGER END AS reports_owed,
       CASE WHEN s.reports THEN coalesce(c.on_time, 0)::INTEGER END AS reports_on_time,
       CASE WHEN s.reports THEN coalesce(c.late, 0)::INTEGER END AS reports_late,
       CASE WHEN s.reports THEN coalesce(c.missing, 0)::INTEGER END AS reports_missing,
       CASE WHEN s.reports THEN coalesce(c.not_due, 0)::INTEGER END AS reports_not_due,
       CASE WHEN s.reports THEN coalesce(d.periods, 0)::INTEGER END AS report_periods_differing,
       CASE WHEN s.reviews THEN coalesce(h.reviews, 0)::INTEGER END AS reviews,
       CASE WHEN s.reviews THEN coalesce(r.items, 0)::INTEGER END AS items,
       CASE WHEN s.reviews THEN coalesce(r.open, 0)::INTEGER END AS items_open,
       CASE WHEN s.reviews THEN coalesce(r.overdue, 0)::INTEGER END AS items_overdue,
       CASE WHEN s.reviews THEN coalesce(r.closed, 0)::INTEGER END AS items_closed,
       coalesce(a.accepted, 0)::INTEGER AS projects_accepted,
       coalesce(a.failed, 0)::INTEGER AS projects_failed,
       coalesce(a.pending, 0)::INTEGER AS projects_pending,
       CASE WHEN coalesce(a.accepted, 0) + coalesce(a.failed, 0) > 0
            THEN (a.failed / (a.accepted + a.failed))::DOUBLE END AS failure_rate
FROM units u CROSS JOIN supplied s
LEFT JOIN cal c ON c.unit_id = u.unit_id
LEFT JOIN diff d ON d.unit_id = u.unit_id
LEFT JOIN rect r ON r.unit_id = u.unit_id
LEFT JOIN held h ON h.unit_id = u.unit_id
LEFT JOIN acc a ON a.unit_id = u.unit_id
ORDER BY u.unit_id
