-- Typed, directed relations between entities, optionally time-bounded, each backed by spans.
CREATE TABLE relation (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  target_id    INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  type         TEXT    NOT NULL,
  label        TEXT,
  start_date   TEXT,
  end_date     TEXT,
  notes        TEXT,
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL,
  CHECK (source_id <> target_id),
  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
) STRICT;
CREATE INDEX relation_by_source ON relation (source_id, target_id);
CREATE INDEX relation_by_target ON relation (target_id, source_id);

CREATE TABLE relation_evidence (
  id          INTEGER PRIMARY KEY,
  relation_id INTEGER NOT NULL REFERENCES relation (id) ON DELETE CASCADE,
  article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL CHECK (end > start),
  quote       TEXT    NOT NULL,
  prefix      TEXT    NOT NULL,
  suffix      TEXT    NOT NULL,
  created_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX relation_evidence_by_relation ON relation_evidence (relation_id);
