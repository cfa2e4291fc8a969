-- Each SME's digital level in [valid_from, valid_to) spells, counted only once it is accepted: a
-- spell starts when an eligible project was accepted by then (eligible_acceptances) and carries its
-- latest 改造后 assessment by then (NULL before any). Status can only change on an acceptance or
-- assessment date, so the state is evaluated on those dates alone. transformed_spells and the
-- enterprises_at_level / share_at_level measures with `accepted` filter these by level.
CREATE OR REPLACE TEMP MACRO accepted_level_spells(p_snap, p_from) AS TABLE
WITH accepted AS (
  SELECT uscc, min(accepted_on) AS first_accepted
  FROM eligible_acceptances(p_snap, p_from)
  GROUP BY uscc
),
post AS (
  SELECT uscc, assessed_on, level
  FROM assessments
  WHERE snapshot = p_snap AND kind = '改造后'
  QUALIFY row_number() OVER (PARTITION BY uscc, assessed_on ORDER BY assessment_id DESC) = 1
),
changes AS (
  SELECT uscc, first_accepted AS on_date FROM accepted
  UNION
  SELECT uscc, assessed_on FROM post SEMI JOIN accepted USING (uscc)
),
state AS (
  SELECT c.uscc, c.on_date,
         lead(c.on_date) OVER (PARTITION BY c.uscc ORDER BY c.on_date) AS next_date,
         a.first_accepted <= c.on_date AS is_accepted,
         p.level
  FROM changes c
  JOIN accepted a ON a.uscc = c.uscc
  ASOF LEFT JOIN post p ON p.uscc = c.uscc AND p.assessed_on <= c.on_date
)
SELECT s.uscc, s.on_date AS valid_from, s.next_date AS valid_to, s.level
FROM state s
SEMI JOIN counted_enterprises(p_snap) e ON e.uscc = s.uscc
WHERE s.is_accepted AND s.level IS NOT NULL
