-- The facts of kpi_facts that hold on p_as_of.
CREATE OR REPLACE TEMP MACRO kpi_facts_at(p_snap, p_as_of, p_from) AS TABLE
SELECT * FROM kpi_facts(p_snap, p_from) WHERE valid_at(valid_from, valid_to, p_as_of)
