-- The full-text indexes merge from sixteen segments of a size (crisis: 64), not eight (crisis: 32;
-- migration 018). FTS5 schedules merge work with every commit in proportion to the number of
-- levels its index has, and sixteen to a level makes one level fewer at a million articles. Since
-- an import is stored by the writer worker (electron/services/writerJobs.ts), a long merge holds
-- that worker, not the core's thread, which 018 ruled sixteen out for; the window's reads do not
-- wait for it. Measured on the bench's articles (real-news vocabulary), a million imported into an
-- empty workspace: 934 → 1,003 articles/s over the whole import (one run each, the same machine), and
-- no dip near 600,000 (572/s for a minute before); the same at 100,000, where both give the same
-- number of levels. Searches right after the import read more segments until the idle upkeep merges
-- them (electron/services/idleUpkeep.ts): a count and first page of one term 193 → 251 ms, of a prefix
-- 763 → 870 ms, a phrase, an AND and a boolean query within 4%.
INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16);
INSERT INTO article_fts (article_fts, rank) VALUES ('crisismerge', 64);
INSERT INTO article_title_trigram (article_title_trigram, rank) VALUES ('automerge', 16);
INSERT INTO article_title_trigram (article_title_trigram, rank) VALUES ('crisismerge', 64);
