-- Disbursements paid on or before p_as_of, attributed as in fund_attribution.
CREATE OR REPLACE TEMP MACRO payments(p_snap, p_as_of) AS TABLE
SELECT * FROM fund_attribution(p_snap) WHERE paid_on <= p_as_of
