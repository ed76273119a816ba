-- Stored suggestions write each entity's articles (migration 023) once per batch, as they write its
-- mention counts (migration 016, db/mentionCounts.ts): while a row of mention_counts_deferred is
-- open, the writer tells MentionCounts every mention it inserts or deletes, and these triggers stand
-- aside. Upserting entity_article (and entity_seen after it) for each mention was more than half the
-- cost of storing one: 68 µs a mention with it, 30 µs without.
DROP TRIGGER entity_article_mention_ai;
CREATE TRIGGER entity_article_mention_ai AFTER INSERT ON mention
WHEN new.entity_id IS NOT NULL AND new.status <> 'rejected' AND NOT EXISTS (SELECT 1 FROM mention_counts_deferred) BEGIN
  INSERT INTO entity_article (entity_id, article_id, n, day)
  VALUES (new.entity_id, new.article_id, 1, (SELECT substr(a.published, 1, 10) FROM article a WHERE a.id = new.article_id))
  ON CONFLICT (entity_id, article_id) DO UPDATE SET n = n + 1;
END;

DROP TRIGGER entity_article_mention_ad;
CREATE TRIGGER entity_article_mention_ad AFTER DELETE ON mention
WHEN old.entity_id IS NOT NULL AND old.status <> 'rejected' AND NOT EXISTS (SELECT 1 FROM mention_counts_deferred) BEGIN
  UPDATE entity_article SET n = n - 1 WHERE entity_id = old.entity_id AND article_id = old.article_id;
  DELETE FROM entity_article WHERE entity_id = old.entity_id AND article_id = old.article_id AND n <= 0;
END;
