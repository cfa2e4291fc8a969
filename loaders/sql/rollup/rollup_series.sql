-- Each city's count targets over time, normalised like the overview: at every point, actual ÷
-- (target × elapsed share of the city's own line on that date); NULL before the line starts.
SELECT s.plan_id, c.city, s.key, t.short, strftime(s.date, '%Y-%m-%d') AS date, s.actual, t.target,
       s.actual / nullif(t.target * greatest(0.0, least(1.0, (s.date - t.expectation_start) / nullif(t.plan_end - t.expectation_start, 0)::DOUBLE)), 0) AS attainment
FROM series s
JOIN targets t ON t.plan_id = s.plan_id AND t.key = s.key
JOIN city c ON c.plan_id = s.plan_id
ORDER BY c.city, s.plan_id, t.ord, s.date
