-- Coded events in ACLED's shape. Disorder type and interaction are derived from the stored
-- fields (see electron/contract/acled.ts), never stored twice.
CREATE TABLE event (
  id                 INTEGER PRIMARY KEY,
  event_date         TEXT    NOT NULL CHECK (event_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  time_precision     INTEGER NOT NULL CHECK (time_precision IN (1, 2, 3)),
  event_type         TEXT    NOT NULL,
  sub_event_type     TEXT    NOT NULL,
  actor1_id          INTEGER REFERENCES entity (id) ON DELETE SET NULL,
  actor1_type        INTEGER CHECK (actor1_type BETWEEN 1 AND 8),
  actor2_id          INTEGER REFERENCES entity (id) ON DELETE SET NULL,
  actor2_type        INTEGER CHECK (actor2_type BETWEEN 1 AND 8),
  civilian_targeting INTEGER NOT NULL DEFAULT 0 CHECK (civilian_targeting IN (0, 1)),
  location_id        INTEGER REFERENCES entity (id) ON DELETE SET NULL,
  geo_precision      INTEGER NOT NULL CHECK (geo_precision IN (1, 2, 3)),
  lat                REAL    CHECK (lat BETWEEN -90 AND 90),
  lon                REAL    CHECK (lon BETWEEN -180 AND 180),
  admin1             TEXT,
  country            TEXT,
  fatalities         INTEGER NOT NULL DEFAULT 0 CHECK (fatalities >= 0),
  source             TEXT,
  source_scale       TEXT,
  notes              TEXT,
  tags               TEXT    NOT NULL DEFAULT '[]',
  created_at         TEXT    NOT NULL,
  updated_at         TEXT    NOT NULL
) STRICT;
-- Covering the timeline (events and fatalities per day) and the map's packed points.
CREATE INDEX event_by_date ON event (event_date, fatalities, id);
CREATE INDEX event_points ON event (event_date, lat, lon, event_type, geo_precision, fatalities) WHERE lat IS NOT NULL;
CREATE INDEX event_by_type ON event (event_type, sub_event_type, id);
CREATE INDEX event_by_place ON event (lat, lon) WHERE lat IS NOT NULL;
CREATE INDEX event_by_location ON event (location_id, event_date);

CREATE TABLE event_associate (
  event_id  INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  side      INTEGER NOT NULL CHECK (side IN (1, 2)),
  entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, side, entity_id)
) STRICT, WITHOUT ROWID;

-- A quote from an article backing one field of an event; several may back the same field.
CREATE TABLE event_evidence (
  id         INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  field      TEXT    NOT NULL,
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  start      INTEGER NOT NULL CHECK (start >= 0),
  end        INTEGER NOT NULL CHECK (end > start),
  quote      TEXT    NOT NULL,
  prefix     TEXT    NOT NULL,
  suffix     TEXT    NOT NULL,
  created_at TEXT    NOT NULL
) STRICT;
CREATE INDEX event_evidence_by_event ON event_evidence (event_id, field);
CREATE INDEX event_evidence_by_article ON event_evidence (article_id);
