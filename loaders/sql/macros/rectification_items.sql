-- The 整改 items of the leading units' periodic reviews (五(六) 对牵引单位实行周期性考核,并…提出整改意见)
-- raised by p_as_of, with their state on p_as_of:
--   closed   整改完成日期 on or before p_as_of (closed_late when after the 整改期限)
--   overdue  not closed by p_as_of and the 整改期限 has passed (the deadline day itself is still in time)
--   open     not closed, deadline not passed (or none given)
-- A review row with no 整改事项 is a review that raised no item: it is not an item.
CREATE OR REPLACE TEMP MACRO rectification_items(p_snap, p_as_of) AS TABLE
SELECT r.unit_id, u.name AS unit_name, r.reviewed_on, r.result, r.item_no, r.item, r.deadline,
       CASE WHEN r.closed_on <= p_as_of THEN r.closed_on END AS closed_on,
       CASE WHEN r.closed_on <= p_as_of THEN 'closed'
            WHEN r.deadline < p_as_of THEN 'overdue'
            ELSE 'open' END AS status,
       (r.closed_on <= p_as_of AND r.deadline IS NOT NULL AND r.closed_on > r.deadline) AS closed_late,
       CASE WHEN (r.closed_on IS NULL OR r.closed_on > p_as_of) AND r.deadline < p_as_of THEN (p_as_of - r.deadline) END AS days_overdue
FROM unit_reviews r
LEFT JOIN leading_units u ON u.snapshot = r.snapshot AND u.unit_id = r.unit_id
WHERE r.snapshot = p_snap AND r.reviewed_on <= p_as_of AND r.item IS NOT NULL
