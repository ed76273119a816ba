-- FTS5 merges an index's segments as it goes: by default a little with every commit once four of
-- one size exist, so every small commit of an import (a slice of about ten articles, timedSlices.ts)
-- rewrites the same index pages again and again. Merging from eight (and at once only at 32, the
-- "crisis" merge) writes each page fewer times. Measured on the bench's articles (real-news
-- vocabulary), the index alone over 60,000 articles in commits of ten: 0.72-0.83 → 0.62-0.79 ms
-- an article (three runs each), the longest commit 65-97 ms either way. Merging from sixteen was
-- cheaper still but is no choice: the crisis merge, at sixteen too, then merges a whole level in
-- one commit, and one took 3.8 s, the core's thread held all that time. What is left unmerged the
-- idle upkeep merges (electron/services/idleUpkeep.ts).
INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 8);
INSERT INTO article_fts (article_fts, rank) VALUES ('crisismerge', 32);
INSERT INTO article_title_trigram (article_title_trigram, rank) VALUES ('automerge', 8);
INSERT INTO article_title_trigram (article_title_trigram, rank) VALUES ('crisismerge', 32);
