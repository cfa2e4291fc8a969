-- Where the as-of date stands on the plan: elapsed share of the expectation line and weeks left.
SELECT $as_of AS as_of, $snapshot AS snapshot, $expectation_start::DATE AS expectation_start, $plan_end AS plan_end,
       c.elapsed, c.weeks_left, $trailing_weeks AS trailing_weeks
FROM plan_clock($as_of, $expectation_start, $plan_end) c
