-- Whether snapshot p_snap came with a file for the optional table p_table (even an empty one):
-- without it the pages say 未报送此表, never 0.
CREATE OR REPLACE TEMP MACRO table_supplied(p_snap, p_table) AS
  EXISTS (SELECT 1 FROM ingest_files f WHERE f.snapshot = p_snap AND f.table_key = p_table)
