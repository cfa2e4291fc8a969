-- When each SME counts as transformed (levels.transformedMinLevel): [valid_from, valid_to) spells
-- of accepted_level_spells at p_min_level or higher; a later, lower assessment ends the spell.
CREATE OR REPLACE TEMP MACRO transformed_spells(p_snap, p_min_level, p_from) AS TABLE
SELECT uscc, valid_from, valid_to
FROM accepted_level_spells(p_snap, p_from)
WHERE level >= p_min_level
