-- Pool enterprises that count toward the SME targets in one snapshot. is_sme NULL (size unknown:
-- employees or revenue not exported) counts, because the pool was vetted as SMEs when it was
-- listed; only firms the data shows to be large (is_sme false, 工信部联企业〔2011〕300号) are left out.
-- removed_on (移出日期, 五(五) 动态调整) is carried for the as-of counts: kpi_facts ends every fact of
-- the firm on that day, so counts before it do not change. above_scale, quality_tier and cloud_on
-- are what the plan's measures filter and count by (target_facts).
CREATE OR REPLACE TEMP MACRO counted_enterprises(p_snap) AS TABLE
SELECT uscc, name, district, industry, surveyed_on, listed_on, removed_on, above_scale, quality_tier, cloud_on
FROM enterprises
WHERE snapshot = p_snap AND coalesce(is_sme, true)
