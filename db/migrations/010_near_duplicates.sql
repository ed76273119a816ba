-- Near-duplicates: articles that tell the same story (wire copies, updates, the same text under
-- another headline) share a story. Filled at import; articles stored before this schema have no
-- row here until they are checked (see db/stories.ts), so this migration computes nothing.

-- The story each checked article belongs to, named by the id of its first article; the
-- article's MinHash signature (100 × 32 bits; NULL for a text too short to be grouped) and its
-- number of shingles estimate its resemblance to a candidate before the exact check reads the
-- candidate's text.
CREATE TABLE story_copy (
  article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
  story_id   INTEGER NOT NULL,
  signature  BLOB,
  shingles   INTEGER NOT NULL
) STRICT;

CREATE INDEX story_copy_by_story ON story_copy (story_id, article_id);

-- MinHash LSH bands: articles sharing a band key are candidate copies (checked exactly before grouping).
CREATE TABLE story_band (
  band       INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX story_band_by_article ON story_band (article_id);

-- A story outlives its first article: the next copy (lowest id) names it.
CREATE TRIGGER story_copy_first_gone AFTER DELETE ON story_copy WHEN old.story_id = old.article_id BEGIN
  UPDATE story_copy SET story_id = (SELECT min(article_id) FROM story_copy WHERE story_id = old.article_id)
  WHERE story_id = old.article_id;
END;
