-- What keeps mentions in memory (the Entities table over ticked articles, db/scopedCounts.ts; the
-- map's snapshot, db/placeCounts.ts) read them all again after any change that migration 017 counts:
-- 55–65 ms of an entities page over 10,000 articles, about a second for the map at a million
-- mentions, after every decision the analyst makes. Each article whose mentions changed other than by
-- a new mention at the end (migrations 017 and 020) now notes place_mention_edits' count, so those readers take in only the
-- articles changed since: those noted at or after the count they saw (a change committed while one
-- read may be taken in twice, never missed). A new mention takes the largest id and is found by it.
-- A store of suggestions only adds mentions, so an import writes no row here.
CREATE TABLE mention_edits_by_article (
  article_id INTEGER PRIMARY KEY,
  n          INTEGER NOT NULL
) STRICT;
CREATE INDEX mention_edits_by_article_n ON mention_edits_by_article (n);

CREATE TRIGGER mention_edits_by_article_au AFTER UPDATE OF article_id, entity_id, status, adjectival ON mention
WHEN old.entity_id IS NOT NULL OR new.entity_id IS NOT NULL BEGIN
  INSERT INTO mention_edits_by_article (article_id, n)
  SELECT a, (SELECT n FROM place_mention_edits WHERE id = 1) FROM (SELECT old.article_id AS a UNION SELECT new.article_id)
  WHERE true ON CONFLICT (article_id) DO UPDATE SET n = excluded.n;
END;

CREATE TRIGGER mention_edits_by_article_ad AFTER DELETE ON mention WHEN old.entity_id IS NOT NULL BEGIN
  INSERT INTO mention_edits_by_article (article_id, n) VALUES (old.article_id, (SELECT n FROM place_mention_edits WHERE id = 1))
  ON CONFLICT (article_id) DO UPDATE SET n = excluded.n;
END;

CREATE TRIGGER mention_edits_by_article_ai AFTER INSERT ON mention WHEN new.id < (SELECT max(id) FROM mention) BEGIN
  INSERT INTO mention_edits_by_article (article_id, n) VALUES (new.article_id, (SELECT n FROM place_mention_edits WHERE id = 1))
  ON CONFLICT (article_id) DO UPDATE SET n = excluded.n;
END;

-- Ids are reused from the top: a new mention may take the id of the largest one deleted, and so would
-- not be above the largest id the kept read saw. Such deletions note the id, and the kept read looks
-- for new mentions from the lowest of them.
CREATE TABLE mention_ids_freed (
  id INTEGER PRIMARY KEY,
  n  INTEGER NOT NULL
) STRICT;
CREATE INDEX mention_ids_freed_n ON mention_ids_freed (n);

CREATE TRIGGER mention_ids_freed_ad AFTER DELETE ON mention WHEN old.id > coalesce((SELECT max(id) FROM mention), 0) BEGIN
  INSERT INTO mention_ids_freed (id, n) VALUES (old.id, (SELECT n FROM place_mention_edits WHERE id = 1))
  ON CONFLICT (id) DO UPDATE SET n = excluded.n;
END;

-- A place renamed, moved, retyped, deleted or put back (the entity edits migration 017 counts) notes
-- the count too: the map then reads its snapshot whole.
CREATE TABLE entity_edits (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
) STRICT;
INSERT INTO entity_edits (id, n) VALUES (1, -1);

CREATE TRIGGER entity_edits_au AFTER UPDATE OF type, name, lat, lon ON entity BEGIN
  UPDATE entity_edits SET n = (SELECT n FROM place_mention_edits WHERE id = 1) WHERE id = 1;
END;

CREATE TRIGGER entity_edits_ad AFTER DELETE ON entity BEGIN
  UPDATE entity_edits SET n = (SELECT n FROM place_mention_edits WHERE id = 1) WHERE id = 1;
END;

CREATE TRIGGER entity_edits_ai AFTER INSERT ON entity WHEN new.id < (SELECT max(id) FROM entity) BEGIN
  UPDATE entity_edits SET n = (SELECT n FROM place_mention_edits WHERE id = 1) WHERE id = 1;
END;
