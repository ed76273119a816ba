-- What an event imported from ACLED said, kept beside what the workspace links it to: its own
-- identifier, the location name it gave (the gazetteer record it is linked to may be named
-- otherwise), its second- and third-order admin areas, and the row as written (every cell, and
-- what the import read from them), so an export writes back each cell the analyst did not change.
ALTER TABLE event ADD COLUMN acled_id TEXT;
ALTER TABLE event ADD COLUMN place_name TEXT;
ALTER TABLE event ADD COLUMN admin2 TEXT;
ALTER TABLE event ADD COLUMN admin3 TEXT;
-- JSON {column: cell} of the imported row, and JSON {column: cell} of the same event as this
-- workspace would have written it when imported: a cell whose value is still the same is unchanged.
ALTER TABLE event ADD COLUMN acled_row TEXT;
ALTER TABLE event ADD COLUMN acled_basis TEXT;
CREATE UNIQUE INDEX event_by_acled_id ON event (acled_id) WHERE acled_id IS NOT NULL;
