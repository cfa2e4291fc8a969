-- 改造前 → 改造后 level transitions of counted SMEs on $as_of (latest assessment of each kind), per
-- district and industry. Enterprises without both kinds yet are not in it.
WITH latest AS (
  SELECT * FROM latest_assessments($snapshot, $as_of)
)
SELECT e.district AS district_code, d.name AS district, e.industry AS industry_key, i.name AS industry,
       pre.level AS from_level, post.level AS to_level, post.level - pre.level AS uplift,
       count(*)::INTEGER AS enterprises
FROM counted_enterprises($snapshot) e
JOIN latest pre ON pre.uscc = e.uscc AND pre.kind = '改造前'
JOIN latest post ON post.uscc = e.uscc AND post.kind = '改造后'
LEFT JOIN dim_district d ON d.code = e.district
LEFT JOIN dim_industry i ON i.key = e.industry
GROUP BY e.district, d.name, e.industry, i.name, pre.level, post.level
ORDER BY district_code, list_position($industry_order, industry_key), from_level, to_level
