-- The map's places of a filter are counted on the reader's connection from a snapshot of every
-- place mention (db/placeCounts.ts), read again after any commit: about a second at a million
-- mentions, after every batch of a long import. While suggestions are stored, mentions and places
-- are only ever added, with ids above every other, and the snapshot can take in just those. Any
-- other change to what it holds counts here, and the snapshot is then read again whole: a mention
-- decided, moved to another entity or deleted; a place renamed, moved, retyped or deleted; or a row
-- put back under an old id (an undo).
CREATE TABLE place_mention_edits (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
) STRICT;
INSERT INTO place_mention_edits (id, n) VALUES (1, 0);

CREATE TRIGGER place_mention_edits_mention_au AFTER UPDATE OF article_id, entity_id, status ON mention
WHEN old.entity_id IS NOT NULL OR new.entity_id IS NOT NULL BEGIN
  UPDATE place_mention_edits SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER place_mention_edits_mention_ad AFTER DELETE ON mention WHEN old.entity_id IS NOT NULL BEGIN
  UPDATE place_mention_edits SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER place_mention_edits_mention_ai AFTER INSERT ON mention WHEN new.id < (SELECT max(id) FROM mention) BEGIN
  UPDATE place_mention_edits SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER place_mention_edits_entity_au AFTER UPDATE OF type, name, lat, lon ON entity BEGIN
  UPDATE place_mention_edits SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER place_mention_edits_entity_ad AFTER DELETE ON entity BEGIN
  UPDATE place_mention_edits SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER place_mention_edits_entity_ai AFTER INSERT ON entity WHEN new.id < (SELECT max(id) FROM entity) BEGIN
  UPDATE place_mention_edits SET n = n + 1 WHERE id = 1;
END;
