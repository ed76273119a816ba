-- Articles: metadata is kept apart from the body so that sorting and filtering
-- scan small rows; the body lives in article_body and is indexed by FTS5.
CREATE TABLE article (
  id          INTEGER PRIMARY KEY,
  title       TEXT    NOT NULL,
  source      TEXT,
  url         TEXT,
  author      TEXT,
  published   TEXT,
  dateline    TEXT,
  reliability TEXT    CHECK (reliability IN ('A','B','C','D','E','F')),
  credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
  words       INTEGER NOT NULL,
  format      TEXT    NOT NULL,
  file_name   TEXT,
  fingerprint TEXT    NOT NULL UNIQUE,
  imported_at TEXT    NOT NULL
) STRICT;

CREATE INDEX article_by_title     ON article (title COLLATE NOCASE, id);
CREATE INDEX article_by_source    ON article (source COLLATE NOCASE, id);
CREATE INDEX article_by_published ON article (published, id);
CREATE INDEX article_by_dateline  ON article (dateline COLLATE NOCASE, id);
CREATE INDEX article_by_words     ON article (words, id);
CREATE INDEX article_by_imported  ON article (imported_at, id);
CREATE INDEX article_by_grading   ON article (reliability, credibility, id);

CREATE TABLE article_body (
  article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
  body       TEXT NOT NULL
) STRICT;

CREATE VIEW article_fts_source AS
  SELECT a.id AS id, a.title AS title, b.body AS body
  FROM article a JOIN article_body b ON b.article_id = a.id;

-- External-content FTS over the view; prefix indexes keep "gov*" queries cheap.
CREATE VIRTUAL TABLE article_fts USING fts5 (
  title, body,
  content = 'article_fts_source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER article_body_ai AFTER INSERT ON article_body BEGIN
  INSERT INTO article_fts (rowid, title, body)
  VALUES (new.article_id, (SELECT title FROM article WHERE id = new.article_id), new.body);
END;

CREATE TRIGGER article_body_bd BEFORE DELETE ON article_body BEGIN
  INSERT INTO article_fts (article_fts, rowid, title, body)
  VALUES ('delete', old.article_id, (SELECT title FROM article WHERE id = old.article_id), old.body);
END;

CREATE TRIGGER article_title_bu BEFORE UPDATE OF title ON article BEGIN
  INSERT INTO article_fts (article_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, (SELECT body FROM article_body WHERE article_id = old.id));
END;

CREATE TRIGGER article_title_au AFTER UPDATE OF title ON article BEGIN
  INSERT INTO article_fts (rowid, title, body)
  VALUES (new.id, new.title, (SELECT body FROM article_body WHERE article_id = new.id));
END;

-- Deleting an article deletes its body first (explicitly, in the repository) so the
-- FTS delete trigger can still read the title.

CREATE TABLE tag (
  id        INTEGER PRIMARY KEY,
  name      TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  color     TEXT    NOT NULL,
  parent_id INTEGER REFERENCES tag (id) ON DELETE SET NULL
) STRICT;

CREATE UNIQUE INDEX tag_unique_name ON tag (coalesce(parent_id, 0), name COLLATE NOCASE);

CREATE TABLE article_tag (
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_tag_by_tag ON article_tag (tag_id, article_id);

-- Every analyst change: the basis of the audit trail and of undo.
CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  action    TEXT NOT NULL,
  subject   TEXT NOT NULL,
  subject_id INTEGER,
  before    TEXT,
  after     TEXT
) STRICT;
