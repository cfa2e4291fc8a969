-- One row per readable bundle: the city, its plan, its data date and class, and where it came from.
SELECT c.plan_id, c.city, c.plan_title, c.doc_no, strftime(c.data_date, '%Y-%m-%d') AS data_date,
       strftime(c.plan_start, '%Y-%m-%d') AS plan_start, strftime(c.plan_end, '%Y-%m-%d') AS plan_end,
       strftime(c.expectation_start, '%Y-%m-%d') AS expectation_start,
       c.on_track, c.warning, c.public_min_count, c.city_class, c.central_source, c.areas, c.industries,
       b.bundle, b.sample, b.tool_version
FROM city c
JOIN bundles b ON b.plan_id = c.plan_id
ORDER BY c.city, c.plan_id
