-- The workspace's own identity: a random UUID made once, here, for new and existing workspaces
-- alike. Every identifier an export writes (STIX, FollowTheMoney, W3C) is derived from it and the
-- object's local id (db/identity.ts), so exporting twice gives the same ids and two workspaces
-- never share one, even where their local row ids coincide.
CREATE TABLE workspace_identity (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  uuid       TEXT    NOT NULL CHECK (length(uuid) = 36),
  created_at TEXT    NOT NULL
) STRICT;

INSERT INTO workspace_identity (singleton, uuid, created_at)
SELECT 1,
       lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
       substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now');

-- A place drawn as a line or an area in another tool (a road, a district from QGIS) is offered at
-- its centroid; its shape (a GeoJSON geometry) is kept here so nothing of the file is lost.
ALTER TABLE custom_place ADD COLUMN shape TEXT;
