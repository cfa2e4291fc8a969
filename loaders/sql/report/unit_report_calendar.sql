-- Every reporting period each leading unit owes by $as_of and its state (on_time / late / missing /
-- not_due), from macros/unit_report_periods.sql: 五(五) 定期报送; the period length and the due day
-- are plan settings (monthly; due by the 10th of the next month, the monitor's convention).
-- Empty when unit_reports was not supplied (see unit_reports_supplied).
SELECT unit_id, name AS unit_name, strftime(period_start, '%Y-%m') AS period, period_end, due_on, submitted_on,
       status,
       CASE status WHEN 'on_time' THEN '按时报送' WHEN 'late' THEN '逾期报送' WHEN 'missing' THEN '未报送' ELSE '未到期' END AS status_label,
       days_late::INTEGER AS days_late
FROM unit_report_periods($snapshot, $as_of, $report_period_months, $report_due_day, $plan_end)
WHERE table_supplied($snapshot, 'unit_reports')
ORDER BY unit_id, period_start
