-- Articles that came from documents (PDF, Word, e-mail, saved pages, archives): what the document
-- said about itself, where each printed page starts in the text, and the document it came with
-- (an attachment's message, a reply's message). Kept apart from `article` so its rows stay small
-- and plain-text imports write nothing here.
CREATE TABLE article_document (
  article_id  INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES article (id) ON DELETE SET NULL,
  -- JSON object: from, to, cc, subject, captured, messageId, pages, …
  metadata    TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
  -- JSON array of [offset, page]: the page whose text starts at that offset in the body.
  page_starts TEXT CHECK (page_starts IS NULL OR json_valid(page_starts))
) STRICT;

CREATE INDEX article_document_by_parent ON article_document (parent_id) WHERE parent_id IS NOT NULL;
