-- 绩效自评估 五(八) 带动改造资金投入 on $as_of (one row): the 核定投入 of the transformation projects that
-- passed acceptance by $as_of, against the 改造补助 paid for those projects by $as_of.
--
-- Projects taken: status 验收通过, accepted on or before $as_of, with a 核定投入, of an enterprise that counts
-- as an SME (counted_enterprises), signed within the provincial window (eligible_acceptances): the projects
-- that can count toward the 710, whatever level they reached. Platform projects are not among them (their
-- credit codes are leading units', not pool enterprises').
-- Public money: 改造补助 linked to those projects, split into the levels the plan names (中央、省级、市级,
-- 四(一)1) and other levels (区级配套 of 六(二), unnamed levels). 改造补助 paid with no project linked, or for
-- a project not (yet) accepted, cannot be set against a verified investment: reported beside, never in.
WITH proj AS (
  SELECT p.project_id, p.uscc, p.verified_wan
  FROM projects p
  SEMI JOIN eligible_acceptances($snapshot, $eligible_from) a ON a.project_id = p.project_id
  SEMI JOIN counted_enterprises($snapshot) e ON e.uscc = p.uscc
  WHERE p.snapshot = $snapshot AND p.accepted_on <= $as_of AND p.verified_wan IS NOT NULL
),
subsidy AS (
  SELECT * FROM payments($snapshot, $as_of) WHERE direction_key = 'transformation_subsidy'
),
linked AS (
  SELECT s.* FROM subsidy s SEMI JOIN proj p ON p.project_id = s.project_id
)
SELECT
  (SELECT count(*) FROM proj)::INTEGER AS projects,
  (SELECT count(DISTINCT uscc) FROM proj)::INTEGER AS enterprises,
  (SELECT coalesce(sum(verified_wan), 0) FROM proj)::DOUBLE AS verified_wan,
  (SELECT coalesce(sum(amount_wan) FILTER (WHERE counted), 0) FROM linked)::DOUBLE AS subsidy_counted_wan,
  (SELECT coalesce(sum(amount_wan) FILTER (WHERE NOT counted), 0) FROM linked)::DOUBLE AS subsidy_other_wan,
  (SELECT coalesce(sum(amount_wan) FILTER (WHERE project_id IS NULL), 0) FROM subsidy)::DOUBLE AS subsidy_unlinked_wan,
  (SELECT coalesce(sum(amount_wan) FILTER (WHERE project_id IS NOT NULL AND project_id NOT IN (SELECT project_id FROM proj)), 0) FROM subsidy)::DOUBLE AS subsidy_other_projects_wan
