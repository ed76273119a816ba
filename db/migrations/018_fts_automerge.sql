-- FTS5 merges an index's segments as it goes: by default each time four of one size exist, so
-- every small commit of an import (a slice of about ten articles, timedSlices.ts) sets off merges
-- that rewrite the same index pages again and again. Merging only at sixteen writes each page
-- fewer times over the life of the index. Measured on the bench's articles (real-news vocabulary):
-- the index alone, in commits of ten, 0.83 → 0.66 ms per article over 100,000 articles, searches
-- as fast; a whole import of 50,000 files, 542-560 → 662 articles/s. What is left unmerged the idle
-- upkeep merges (electron/services/idleUpkeep.ts).
INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16);
INSERT INTO article_title_trigram (article_title_trigram, rank) VALUES ('automerge', 16);
