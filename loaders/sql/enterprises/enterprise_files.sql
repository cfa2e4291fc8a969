-- One row per enterprise of one snapshot, with the date it reached each stage of plan.stages.
-- The stage rules are kpi_facts' (loaders/sql/macros/kpi_facts.sql) applied to every
-- enterprise, large firms included: an archive shows a firm's history whether or not it counts.
-- A stage without evidence (or without a date) is NULL; each stage stands on its own evidence.
WITH proj AS (
  SELECT * FROM projects WHERE snapshot = $snapshot::DATE
),
diagnosed AS (
  SELECT uscc, min(assessed_on) AS on_date
  FROM assessments WHERE snapshot = $snapshot::DATE AND kind = '改造前' GROUP BY uscc
),
signed AS (
  SELECT uscc, min(signed_on) AS on_date FROM proj WHERE signed_on IS NOT NULL GROUP BY uscc
),
-- No implementation start date is exported: signing is the earliest it can have begun.
implementing AS (
  SELECT uscc, min(coalesce(signed_on, applied_on, accepted_on)) AS on_date
  FROM proj WHERE status IN ('实施中', '验收申请', '验收通过', '验收未通过') GROUP BY uscc
),
-- A project reviewed without a recorded application date was applied for by its review date.
applied AS (
  SELECT uscc, min(coalesce(applied_on, accepted_on)) AS on_date
  FROM proj WHERE applied_on IS NOT NULL OR status IN ('验收申请', '验收通过', '验收未通过') GROUP BY uscc
),
accepted AS (
  SELECT uscc, min(accepted_on) AS on_date
  FROM proj WHERE status = '验收通过' AND accepted_on IS NOT NULL GROUP BY uscc
),
paid AS (
  SELECT beneficiary AS uscc, min(paid_on) AS on_date
  FROM fund_attribution($snapshot::DATE) WHERE direction_key = 'transformation_subsidy' GROUP BY beneficiary
)
SELECT
  e.uscc,
  e.name,
  d.name AS district,
  i.name AS industry,
  e.size_class,
  e.is_sme,
  e.quality_tier,
  strftime(e.surveyed_on, '%Y-%m-%d') AS surveyed_on,
  strftime(e.listed_on, '%Y-%m-%d') AS listed_on,
  strftime(dg.on_date, '%Y-%m-%d') AS diagnosed_on,
  strftime(sg.on_date, '%Y-%m-%d') AS signed_on,
  strftime(im.on_date, '%Y-%m-%d') AS implementing_on,
  strftime(ap.on_date, '%Y-%m-%d') AS applied_on,
  strftime(ac.on_date, '%Y-%m-%d') AS accepted_on,
  strftime(pd.on_date, '%Y-%m-%d') AS paid_on
FROM enterprises e
LEFT JOIN dim_district d ON d.code = e.district
LEFT JOIN dim_industry i ON i.key = e.industry
LEFT JOIN diagnosed dg ON dg.uscc = e.uscc
LEFT JOIN signed sg ON sg.uscc = e.uscc
LEFT JOIN implementing im ON im.uscc = e.uscc
LEFT JOIN applied ap ON ap.uscc = e.uscc
LEFT JOIN accepted ac ON ac.uscc = e.uscc
LEFT JOIN paid pd ON pd.uscc = e.uscc
WHERE e.snapshot = $snapshot::DATE AND ($district = '' OR e.district = $district)
ORDER BY e.uscc
