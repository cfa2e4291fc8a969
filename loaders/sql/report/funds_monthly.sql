-- Disbursed per calendar month × direction, from the first payment's month to $as_of's month, with
-- the running total of each direction.
WITH pay AS (
  SELECT * FROM payments($snapshot, $as_of)
),
months AS (
  SELECT unnest(generate_series(date_trunc('month', min(paid_on)), date_trunc('month', $as_of), INTERVAL 1 MONTH))::DATE AS month
  FROM pay
),
cells AS (
  SELECT m.month, fd.key AS direction_key, fd.name AS direction, fd.ord, coalesce(sum(p.amount_wan), 0) AS amount_wan
  FROM months m
  CROSS JOIN fund_direction fd
  LEFT JOIN pay p ON date_trunc('month', p.paid_on) = m.month AND p.direction_key = fd.key
  GROUP BY ALL
)
SELECT strftime(month, '%Y-%m') AS month, direction_key, direction,
       round(amount_wan, 4) AS amount_wan,
       round(sum(amount_wan) OVER (PARTITION BY direction_key ORDER BY month), 4) AS cumulative_wan
FROM cells
ORDER BY month, ord
