-- Accepted projects that can count toward enterprises_transformed (issue 3): status 验收通过 with an
-- acceptance date, signed on or after the provincial window's start (p_from). A plan without such a
-- window (p_from NULL) counts every accepted project that has a signing date. Callers add accepted_on ≤ as-of.
CREATE OR REPLACE TEMP MACRO eligible_acceptances(p_snap, p_from) AS TABLE
SELECT project_id, uscc, leading_unit_id, signed_on, accepted_on
FROM projects
WHERE snapshot = p_snap AND status = '验收通过' AND accepted_on IS NOT NULL AND signed_on >= coalesce(p_from, signed_on)
