-- The identifier and times another file gave a record that an import created from it (STIX and
-- FollowTheMoney carry UUIDs; W3C urn:uuid). An export writes them back instead of deriving new
-- ones from this workspace (db/identity.ts), so a record passed from one workspace to another
-- keeps the name it has everywhere else, and an import of the same file again finds it.
-- exchange_at is when the import wrote the record: a later change gives a new `modified`.
ALTER TABLE entity ADD COLUMN exchange_id TEXT;
ALTER TABLE entity ADD COLUMN exchange_created TEXT;
ALTER TABLE entity ADD COLUMN exchange_modified TEXT;
ALTER TABLE entity ADD COLUMN exchange_at TEXT;
CREATE UNIQUE INDEX entity_by_exchange_id ON entity (exchange_id) WHERE exchange_id IS NOT NULL;

ALTER TABLE relation ADD COLUMN exchange_id TEXT;
ALTER TABLE relation ADD COLUMN exchange_created TEXT;
ALTER TABLE relation ADD COLUMN exchange_modified TEXT;
ALTER TABLE relation ADD COLUMN exchange_at TEXT;
CREATE UNIQUE INDEX relation_by_exchange_id ON relation (exchange_id) WHERE exchange_id IS NOT NULL;

ALTER TABLE event ADD COLUMN exchange_id TEXT;
ALTER TABLE event ADD COLUMN exchange_created TEXT;
ALTER TABLE event ADD COLUMN exchange_modified TEXT;
ALTER TABLE event ADD COLUMN exchange_at TEXT;
CREATE UNIQUE INDEX event_by_exchange_id ON event (exchange_id) WHERE exchange_id IS NOT NULL;
