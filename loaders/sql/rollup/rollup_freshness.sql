-- How old each bundle is on the roll-up's as-of date ($as_of: the newest data date among bundles,
-- or --as-of): a bundle whose data date is more than $max_age days before it is stale (the rule
-- and its source are in plans/programme.json `freshness`).
SELECT c.plan_id, c.city, b.bundle, strftime(c.data_date, '%Y-%m-%d') AS data_date,
       ($as_of - c.data_date)::INTEGER AS age_days,
       ($as_of - c.data_date) > $max_age AS stale
FROM city c
JOIN bundles b ON b.plan_id = c.plan_id
ORDER BY age_days DESC, c.city
