-- Every 整改 item raised by $as_of (五(六)), with its state on $as_of: open, overdue (deadline passed,
-- not closed) or closed (closed_late when after its deadline). From macros/rectification_items.sql.
SELECT unit_id, unit_name, reviewed_on, result, item_no, item, deadline, closed_on, status,
       CASE status WHEN 'closed' THEN '已整改' WHEN 'overdue' THEN '逾期未整改' ELSE '整改中' END AS status_label,
       coalesce(closed_late, false) AS closed_late, days_overdue::INTEGER AS days_overdue
FROM rectification_items($snapshot, $as_of)
ORDER BY CASE status WHEN 'overdue' THEN 0 WHEN 'open' THEN 1 ELSE 2 END, deadline, unit_id, reviewed_on, item_no
