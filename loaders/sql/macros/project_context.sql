-- Projects of a snapshot with the names a reader needs beside them: enterprise, district and
-- industry (Chinese), leading unit. Projects of firms outside the pool keep NULL names.
CREATE OR REPLACE TEMP MACRO project_context(p_snap) AS TABLE
SELECT p.project_id, p.project_name, p.uscc, e.name AS enterprise,
       e.district AS district_code, d.name AS district,
       e.industry AS industry_key, i.name AS industry,
       p.leading_unit_id, u.name AS leading_unit,
       p.status, p.signed_on, p.planned_end, p.applied_on, p.accepted_on
FROM projects p
LEFT JOIN enterprises e ON e.snapshot = p.snapshot AND e.uscc = p.uscc
LEFT JOIN dim_district d ON d.code = e.district
LEFT JOIN dim_industry i ON i.key = e.industry
LEFT JOIN leading_units u ON u.snapshot = p.snapshot AND u.unit_id = p.leading_unit_id
WHERE p.snapshot = p_snap
