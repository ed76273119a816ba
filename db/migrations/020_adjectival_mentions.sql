-- A nationality adjective as a mention of its country ("Russian forces" → Russia), marked so the map
-- and the analyst can tell it from the country's name (entities/adjectival.ts). Few mentions are
-- adjectival: the partial index lets the map take them off an entity's count without reading the rest.
ALTER TABLE mention ADD COLUMN adjectival INTEGER NOT NULL DEFAULT 0 CHECK (adjectival IN (0, 1));
CREATE INDEX mention_adjectival ON mention (entity_id, status, article_id) WHERE adjectival = 1;

-- The map's snapshot of place mentions (db/placeCounts.ts) reads the mark with the rest of each
-- mention from this index alone, as it did before.
DROP INDEX mention_by_entity;
CREATE INDEX mention_by_entity ON mention (entity_id, status, article_id, adjectival);

-- A change of the mark is a change the snapshot must see (migration 017).
CREATE TRIGGER place_mention_edits_mention_adjectival_au AFTER UPDATE OF adjectival ON mention
WHEN old.entity_id IS NOT NULL OR new.entity_id IS NOT NULL BEGIN
  UPDATE place_mention_edits SET n = n + 1 WHERE id = 1;
END;
