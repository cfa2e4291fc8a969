-- How many distinct beneficiaries (enterprises, units, organisations) each published amount is
-- built from, per direction × source, per direction, per source and in total (GROUPING SETS), by
-- $as_of. The public site withholds any amount built from fewer than 3 (issue 6). Counts only:
-- no identifier leaves this query.
WITH pay AS (
  SELECT direction_key, source, beneficiary FROM payments($snapshot, $as_of)
)
SELECT direction_key, source, count(DISTINCT beneficiary)::INTEGER AS contributors
FROM pay
GROUP BY GROUPING SETS ((direction_key, source), (direction_key), (source), ())
ORDER BY direction_key NULLS LAST, source NULLS LAST
