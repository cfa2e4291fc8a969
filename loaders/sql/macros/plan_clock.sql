-- Where p_as_of stands on the plan's line: the elapsed share of [p_start, p_end] (clamped to
-- 0..1, the base of every "expected by now") and the weeks left until p_end (never negative).
-- A plan without an expectation start (p_start NULL) has no elapsed share: NULL.
CREATE OR REPLACE TEMP MACRO plan_clock(p_as_of, p_start, p_end) AS TABLE
-- (greatest/least skip NULLs, so the NULL is explicit.)
SELECT CASE WHEN p_start IS NOT NULL
            THEN greatest(0.0, least(1.0, (p_as_of - p_start::DATE) / (p_end - p_start::DATE)::DOUBLE))::DOUBLE END AS elapsed,
       (greatest(0, p_end - p_as_of) / 7.0)::DOUBLE AS weeks_left
