-- 五(五) 动态调整: leading units and enterprises taken off the lists by $as_of, with the day and the
-- reason. From the 移出日期 on they count in no target, breakdown or scorecard; before it nothing changes.
SELECT 'leading_unit' AS kind, '牵引单位' AS kind_label, unit_id AS id, name, removed_on, removed_reason
FROM leading_units WHERE snapshot = $snapshot AND removed_on <= $as_of
UNION ALL
SELECT 'enterprise', '被改造企业', uscc, name, removed_on, removed_reason
FROM enterprises WHERE snapshot = $snapshot AND removed_on <= $as_of
ORDER BY removed_on, kind, id
