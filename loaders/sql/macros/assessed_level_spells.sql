-- Each SME's digital level by its latest assessment of either kind (改造前 or 改造后), in
-- [valid_from, valid_to) spells from one assessment date to the next. Two on the same day: the
-- higher assessment id wins (as latest_assessments). For measures without `accepted`.
CREATE OR REPLACE TEMP MACRO assessed_level_spells(p_snap) AS TABLE
WITH daily AS (
  SELECT uscc, assessed_on, level
  FROM assessments
  WHERE snapshot = p_snap
  QUALIFY row_number() OVER (PARTITION BY uscc, assessed_on ORDER BY assessment_id DESC) = 1
)
SELECT d.uscc, d.assessed_on AS valid_from,
       lead(d.assessed_on) OVER (PARTITION BY d.uscc ORDER BY d.assessed_on) AS valid_to,
       d.level
FROM daily d
SEMI JOIN counted_enterprises(p_snap) e ON e.uscc = d.uscc
