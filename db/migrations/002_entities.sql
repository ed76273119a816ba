-- Entities (the registry), their aliases, and mentions: spans of article text, suggested by the
-- extractor or made by the analyst, each linked to at most one entity. Spans are character offsets
-- into article_body.body plus the quote and a little context, so they can be re-anchored and exported.
CREATE TABLE entity (
  id          INTEGER PRIMARY KEY,
  type        TEXT    NOT NULL CHECK (type IN ('person', 'organisation', 'place', 'group')),
  name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  notes       TEXT,
  origin      TEXT    NOT NULL CHECK (origin IN ('auto', 'analyst')),
  place_id    INTEGER,
  place_label TEXT,
  lat         REAL    CHECK (lat BETWEEN -90 AND 90),
  lon         REAL    CHECK (lon BETWEEN -180 AND 180),
  geonames_id INTEGER,
  wikidata    TEXT    CHECK (wikidata IS NULL OR wikidata GLOB 'Q[0-9]*'),
  created_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX entity_by_type_name ON entity (type, name COLLATE NOCASE);
CREATE INDEX entity_by_place ON entity (place_id);
CREATE INDEX entity_by_name ON entity (name COLLATE NOCASE);

CREATE TABLE entity_alias (
  entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  key       TEXT    NOT NULL,
  alias     TEXT    NOT NULL,
  PRIMARY KEY (entity_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_alias_by_key ON entity_alias (key);

CREATE TABLE mention (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  start          INTEGER NOT NULL CHECK (start >= 0),
  end            INTEGER NOT NULL CHECK (end > start),
  quote          TEXT    NOT NULL,
  prefix         TEXT    NOT NULL,
  suffix         TEXT    NOT NULL,
  type           TEXT    NOT NULL CHECK (type IN ('person', 'organisation', 'place', 'group', 'date')),
  status         TEXT    NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
  origin         TEXT    NOT NULL CHECK (origin IN ('auto', 'analyst')),
  entity_id      INTEGER REFERENCES entity (id) ON DELETE SET NULL,
  confidence     REAL,
  reason         TEXT,
  date_value     TEXT,
  date_until     TEXT,
  date_precision TEXT,
  candidates     TEXT,
  updated_at     TEXT    NOT NULL
) STRICT;
CREATE INDEX mention_by_article ON mention (article_id, start);
CREATE INDEX mention_by_entity ON mention (entity_id, status, article_id);

-- Places the analyst adds by clicking the map (an airfield, a checkpoint): searchable like the gazetteer.
CREATE TABLE custom_place (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  lat        REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon        REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  notes      TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE extraction_state (
  article_id   INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  extracted_at TEXT    NOT NULL
) STRICT;
