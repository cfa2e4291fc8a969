-- Each enterprise's latest assessment of each kind (改造前/改造后) on or before p_as_of. Two on the
-- same day: the higher assessment id wins, so every run picks the same one.
CREATE OR REPLACE TEMP MACRO latest_assessments(p_snap, p_as_of) AS TABLE
SELECT uscc, kind, assessment_id, assessed_on, level
FROM assessments
WHERE snapshot = p_snap AND assessed_on <= p_as_of
QUALIFY row_number() OVER (PARTITION BY uscc, kind ORDER BY assessed_on DESC, assessment_id DESC) = 1
