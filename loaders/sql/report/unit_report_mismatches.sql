-- Review items (待核实) from the units' progress reports: each reported figure that differs from
-- what the exports show for the unit's projects on the period's last day by more than the plan's
-- tolerance (none is given: exact match). See macros/unit_report_checks.sql for what each figure counts.
SELECT unit_id, name AS unit_name, strftime(period_start, '%Y-%m') AS period, period_end, submitted_on,
       figure,
       CASE figure WHEN 'enterprises_served' THEN '服务企业数' WHEN 'projects_signed' THEN '已签约项目数'
                   WHEN 'projects_in_progress' THEN '实施中项目数' ELSE '验收通过项目数' END AS figure_label,
       reported::INTEGER AS reported, exported::INTEGER AS exported, (reported - exported)::INTEGER AS difference
FROM unit_report_checks($snapshot, $as_of, $report_period_months, $report_due_day, $plan_end, $report_tolerance)
WHERE differs
ORDER BY unit_id, period_start, figure
