-- Which optional tables of the leading units' management loop the snapshot came with. A table that
-- was not supplied reads 未报送此表 on the pages, never 0.
SELECT table_supplied($snapshot, 'unit_reports') AS unit_reports,
       table_supplied($snapshot, 'unit_reviews') AS unit_reviews
