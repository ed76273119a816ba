-- The entities table's articles, first seen and last seen, kept as mentions come and go. Counted
-- from the mentions, an order by any of them (and a page of the most mentioned entities, whose
-- counts are the largest) read every mention with its article: 2.2 s at a million mentions over
-- 100,000 articles, on the core's thread, for the first page after each change.
--
-- entity_article: each entity's articles, with how many of the article's mentions that are not
-- rejected name it (n), and the article's day of publication, so a first or last seen lost with an
-- article is found again from the index without reading the articles.
CREATE TABLE entity_article (
  entity_id  INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  n          INTEGER NOT NULL,
  day        TEXT,
  PRIMARY KEY (entity_id, article_id)
) STRICT, WITHOUT ROWID;

INSERT INTO entity_article (entity_id, article_id, n, day)
SELECT m.entity_id, m.article_id, count(*), (SELECT substr(a.published, 1, 10) FROM article a WHERE a.id = m.article_id)
FROM mention m WHERE m.entity_id IS NOT NULL AND m.status <> 'rejected'
GROUP BY m.entity_id, m.article_id;

CREATE INDEX entity_article_by_day ON entity_article (entity_id, day);
CREATE INDEX entity_article_by_article ON entity_article (article_id);

-- Per entity: its articles and the first and last day they were published (undated articles have none).
CREATE TABLE entity_seen (
  entity_id  INTEGER PRIMARY KEY,
  articles   INTEGER NOT NULL,
  first_seen TEXT,
  last_seen  TEXT
) STRICT;

INSERT INTO entity_seen (entity_id, articles, first_seen, last_seen)
SELECT entity_id, count(*), min(day), max(day) FROM entity_article GROUP BY entity_id;

-- A mention that counts (not rejected, of an entity) adds to its entity's article, and takes away when it stops counting.
CREATE TRIGGER entity_article_mention_ai AFTER INSERT ON mention
WHEN new.entity_id IS NOT NULL AND new.status <> 'rejected' BEGIN
  INSERT INTO entity_article (entity_id, article_id, n, day)
  VALUES (new.entity_id, new.article_id, 1, (SELECT substr(a.published, 1, 10) FROM article a WHERE a.id = new.article_id))
  ON CONFLICT (entity_id, article_id) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER entity_article_mention_ad AFTER DELETE ON mention
WHEN old.entity_id IS NOT NULL AND old.status <> 'rejected' BEGIN
  UPDATE entity_article SET n = n - 1 WHERE entity_id = old.entity_id AND article_id = old.article_id;
  DELETE FROM entity_article WHERE entity_id = old.entity_id AND article_id = old.article_id AND n <= 0;
END;

CREATE TRIGGER entity_article_mention_au_old AFTER UPDATE OF status, entity_id, article_id ON mention
WHEN old.entity_id IS NOT NULL AND old.status <> 'rejected'
  AND (new.entity_id IS NOT old.entity_id OR new.article_id IS NOT old.article_id OR new.status = 'rejected') BEGIN
  UPDATE entity_article SET n = n - 1 WHERE entity_id = old.entity_id AND article_id = old.article_id;
  DELETE FROM entity_article WHERE entity_id = old.entity_id AND article_id = old.article_id AND n <= 0;
END;

CREATE TRIGGER entity_article_mention_au_new AFTER UPDATE OF status, entity_id, article_id ON mention
WHEN new.entity_id IS NOT NULL AND new.status <> 'rejected'
  AND (new.entity_id IS NOT old.entity_id OR new.article_id IS NOT old.article_id OR old.status = 'rejected') BEGIN
  INSERT INTO entity_article (entity_id, article_id, n, day)
  VALUES (new.entity_id, new.article_id, 1, (SELECT substr(a.published, 1, 10) FROM article a WHERE a.id = new.article_id))
  ON CONFLICT (entity_id, article_id) DO UPDATE SET n = n + 1;
END;

-- An upsert that finds its row is an update: only an entity's new article reaches this trigger.
CREATE TRIGGER entity_seen_ai AFTER INSERT ON entity_article BEGIN
  INSERT INTO entity_seen (entity_id, articles, first_seen, last_seen) VALUES (new.entity_id, 1, new.day, new.day)
  ON CONFLICT (entity_id) DO UPDATE SET
    articles = articles + 1,
    first_seen = CASE WHEN new.day IS NOT NULL AND (first_seen IS NULL OR new.day < first_seen) THEN new.day ELSE first_seen END,
    last_seen = CASE WHEN new.day IS NOT NULL AND (last_seen IS NULL OR new.day > last_seen) THEN new.day ELSE last_seen END;
END;

-- Only a lost first or last day is looked for again, in the index by day.
CREATE TRIGGER entity_seen_ad AFTER DELETE ON entity_article BEGIN
  UPDATE entity_seen SET
    articles = articles - 1,
    first_seen = CASE WHEN old.day = first_seen THEN (SELECT min(day) FROM entity_article WHERE entity_id = old.entity_id) ELSE first_seen END,
    last_seen = CASE WHEN old.day = last_seen THEN (SELECT max(day) FROM entity_article WHERE entity_id = old.entity_id) ELSE last_seen END
  WHERE entity_id = old.entity_id;
END;

CREATE TRIGGER entity_seen_au AFTER UPDATE OF day ON entity_article WHEN new.day IS NOT old.day BEGIN
  UPDATE entity_seen SET
    first_seen = (SELECT min(day) FROM entity_article WHERE entity_id = new.entity_id),
    last_seen = (SELECT max(day) FROM entity_article WHERE entity_id = new.entity_id)
  WHERE entity_id = new.entity_id;
END;

-- An article dated again moves its day in every entity that names it.
CREATE TRIGGER entity_article_redated AFTER UPDATE OF published ON article
WHEN substr(new.published, 1, 10) IS NOT substr(old.published, 1, 10) BEGIN
  UPDATE entity_article SET day = substr(new.published, 1, 10) WHERE article_id = new.id;
END;

-- An undo may put an article's mentions back before the article itself (foreign keys are checked at
-- commit): their day, read while the article was missing, is set when it comes.
CREATE TRIGGER entity_article_dated AFTER INSERT ON article BEGIN
  UPDATE entity_article SET day = substr(new.published, 1, 10) WHERE article_id = new.id AND day IS NOT substr(new.published, 1, 10);
END;

-- A deleted entity leaves nothing behind (its mentions' entity is set to null, which removes them too).
CREATE TRIGGER entity_seen_entity_ad AFTER DELETE ON entity BEGIN
  DELETE FROM entity_article WHERE entity_id = old.id;
  DELETE FROM entity_seen WHERE entity_id = old.id;
END;
