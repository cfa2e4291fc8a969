-- Projects whose 项目状态 differs between snapshot A ($before) and B ($after), matched by project_id:
-- forward moves ($state_moves) are progress, other changes of a status are revisions, and a project
-- only one side holds is new (from NULL) or removed (to NULL). changed_on: B's latest project date
-- after A, the day the move happened when the export records it.
WITH a AS (
  SELECT * FROM project_context($before)
),
b AS (
  SELECT * FROM project_context($after)
),
moves AS (
  SELECT from_value, to_value FROM (SELECT unnest($state_moves, recursive := true))
  WHERE table_key = 'projects' AND column_key = 'status'
),
changes AS (
  SELECT coalesce(b.project_id, a.project_id) AS project_id,
         coalesce(b.project_name, a.project_name) AS project_name,
         coalesce(b.enterprise, a.enterprise) AS enterprise,
         coalesce(b.district, a.district) AS district,
         coalesce(b.industry, a.industry) AS industry,
         coalesce(b.leading_unit, a.leading_unit) AS leading_unit,
         a.status AS from_status,
         b.status AS to_status,
         CASE WHEN a.project_id IS NULL THEN 'new'
              WHEN b.project_id IS NULL THEN 'removed'
              WHEN m.to_value IS NOT NULL THEN 'forward'
              ELSE 'backward' END AS kind,
         greatest(CASE WHEN b.signed_on > $before THEN b.signed_on END,
                  CASE WHEN b.applied_on > $before THEN b.applied_on END,
                  CASE WHEN b.accepted_on > $before THEN b.accepted_on END) AS changed_on
  FROM a
  FULL JOIN b USING (project_id)
  LEFT JOIN moves m ON m.from_value = a.status AND m.to_value = b.status
  WHERE a.status IS DISTINCT FROM b.status
)
SELECT * FROM changes
-- Revisions first (they need a reader's eye), then by the status reached.
ORDER BY list_position(['backward', 'removed', 'forward', 'new'], kind),
         list_position($project_statuses, to_status), project_id
