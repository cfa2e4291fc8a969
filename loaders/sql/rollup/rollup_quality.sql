-- Each city's data-quality totals on its data date: rows read, loaded and rejected over its input tables.
SELECT q.plan_id, c.city, count(*)::INTEGER AS tables,
       sum(q.rows_read)::INTEGER AS rows_read, sum(q.rows_loaded)::INTEGER AS rows_loaded, sum(q.rows_rejected)::INTEGER AS rows_rejected,
       sum(q.rows_rejected) / nullif(sum(q.rows_read), 0)::DOUBLE AS rejected_share
FROM quality q
JOIN city c ON c.plan_id = q.plan_id
GROUP BY q.plan_id, c.city
ORDER BY rejected_share DESC NULLS LAST, c.city
