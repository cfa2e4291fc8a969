-- 绩效自评估 五(八) 培育数字化转型行业平台数量 on $as_of (one row): the leading units' platform projects of
-- 四(二)2 (工业互联网平台 or 产业链供应链协同平台), known as the projects that 平台项目 payments paid by $as_of
-- are linked to. The exports carry no other mark of a platform: a platform project that has received no
-- payment yet is not seen. Money from the levels the plan names (中央、省级) and other levels apart;
-- 平台项目 payments with no project linked are reported beside (their platform cannot be told).
WITH pay AS (
  SELECT * FROM payments($snapshot, $as_of) WHERE direction_key = 'platform_project'
),
proj AS (
  SELECT p.project_id, p.status, p.accepted_on, p.verified_wan
  FROM projects p
  WHERE p.snapshot = $snapshot AND p.project_id IN (SELECT project_id FROM pay WHERE project_id IS NOT NULL)
)
SELECT
  (SELECT count(*) FROM proj)::INTEGER AS projects,
  (SELECT count(*) FILTER (WHERE status = '验收通过' AND accepted_on <= $as_of) FROM proj)::INTEGER AS accepted,
  (SELECT coalesce(sum(verified_wan), 0) FROM proj)::DOUBLE AS verified_wan,
  (SELECT coalesce(sum(amount_wan) FILTER (WHERE counted AND project_id IS NOT NULL), 0) FROM pay)::DOUBLE AS paid_counted_wan,
  (SELECT coalesce(sum(amount_wan) FILTER (WHERE NOT counted AND project_id IS NOT NULL), 0) FROM pay)::DOUBLE AS paid_other_wan,
  (SELECT coalesce(sum(amount_wan) FILTER (WHERE project_id IS NULL), 0) FROM pay)::DOUBLE AS paid_unlinked_wan
