-- Suggestions are stored a batch at a time, and a batch names the same place a dozen times: the
-- per-row triggers of 003 updated that entity, and moved its entries in the map's two indexes,
-- once per mention (a fifth of the time spent storing suggestions). A writer that counts for
-- itself (db/mentionCounts.ts) puts a row here for the length of its transaction and adds each
-- entity's change once; while any row is here, the triggers leave inserts and deletes to it.
-- Rows never outlive a transaction, so other connections never see one.
CREATE TABLE mention_counts_deferred (id INTEGER PRIMARY KEY) STRICT;

DROP TRIGGER mention_counts_ai;
CREATE TRIGGER mention_counts_ai AFTER INSERT ON mention
WHEN new.entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mention_counts_deferred) BEGIN
  UPDATE entity SET mention_count = mention_count + (new.status <> 'rejected'), accepted_count = accepted_count + (new.status = 'accepted')
  WHERE id = new.entity_id;
END;

DROP TRIGGER mention_counts_ad;
CREATE TRIGGER mention_counts_ad AFTER DELETE ON mention
WHEN old.entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mention_counts_deferred) BEGIN
  UPDATE entity SET mention_count = mention_count - (old.status <> 'rejected'), accepted_count = accepted_count - (old.status = 'accepted')
  WHERE id = old.entity_id;
END;
