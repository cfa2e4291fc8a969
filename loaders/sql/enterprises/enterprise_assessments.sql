-- Every digital-level assessment of one snapshot's enterprises, oldest first. score is the
-- level rule's total (基础 + 管理 + 成效), NULL when a part is missing.
SELECT
  a.uscc,
  a.kind,
  strftime(a.assessed_on, '%Y-%m-%d') AS assessed_on,
  a.score_basis,
  a.score_management,
  a.score_outcome,
  (a.score_basis + a.score_management + a.score_outcome)::DOUBLE AS score,
  a.level
FROM assessments a
SEMI JOIN enterprises e ON e.snapshot = a.snapshot AND e.uscc = a.uscc AND ($district = '' OR e.district = $district)
WHERE a.snapshot = $snapshot::DATE
ORDER BY a.uscc, a.assessed_on, a.assessment_id
