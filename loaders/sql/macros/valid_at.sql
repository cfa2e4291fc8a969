-- Whether a fact that holds from p_from (inclusive) until p_to (exclusive; NULL = still holds)
-- holds on p_day. Every "as of" count goes through this one predicate.
CREATE OR REPLACE TEMP MACRO valid_at(p_from, p_to, p_day) AS
  p_from <= p_day AND (p_to IS NULL OR p_to > p_day)
