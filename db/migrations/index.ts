import articles from './001_articles.sql?raw';
import entities from './002_entities.sql?raw';
import entityCounts from './003_entity_counts.sql?raw';
import events from './004_events.sql?raw';
import relations from './005_relations.sql?raw';
import history from './006_history.sql?raw';
import acledFidelity from './007_acled_fidelity.sql?raw';
import identity from './008_identity.sql?raw';
import documents from './009_documents.sql?raw';
import nearDuplicates from './010_near_duplicates.sql?raw';
import adaptedModel from './011_adapted_model.sql?raw';
import exchangeIds from './012_exchange_ids.sql?raw';
import ocrLowest from './013_ocr_lowest.sql?raw';
import ocrLowestNumber from './014_ocr_lowest_number.sql?raw';
import titleTrigrams from './015_title_trigrams.sql?raw';
import deferredCounts from './016_deferred_counts.sql?raw';
import placeMentionEdits from './017_place_mention_edits.sql?raw';
import ftsAutomerge from './018_fts_automerge.sql?raw';
import modelLessons from './019_model_lessons.sql?raw';
import adjectivalMentions from './020_adjectival_mentions.sql?raw';
import articleDays from './021_article_days.sql?raw';
import decisionRows from './022_decision_rows.sql?raw';
import entitySeen from './023_entity_seen.sql?raw';
import deferredEntityArticles from './024_deferred_entity_articles.sql?raw';
import mentionsByArticleCovering from './025_mentions_by_article_covering.sql?raw';
import editsByArticle from './026_edits_by_article.sql?raw';
import ftsMergeFromSixteen from './027_fts_merge_from_sixteen.sql?raw';

/**
 * Numbered migrations, in order. The index is the schema version they bring the file to.
 * `onlyAdds`: the migration creates tables, indexes and triggers and writes only into tables it
 * creates, so no row the workspace held changes and its transaction alone keeps the file as it was
 * if it fails. An upgrade made only of such migrations neither copies the workspace first nor checks
 * all of it after (about 6 minutes at a million articles), only the tables it made.
 */
export const migrations: readonly { version: number; name: string; sql: string; onlyAdds?: true }[] = [
  { version: 1, name: 'articles', sql: articles },
  { version: 2, name: 'entities', sql: entities },
  { version: 3, name: 'entity counts', sql: entityCounts },
  { version: 4, name: 'events', sql: events },
  { version: 5, name: 'relations', sql: relations },
  { version: 6, name: 'history', sql: history },
  { version: 7, name: 'acled fidelity', sql: acledFidelity },
  { version: 8, name: 'identity', sql: identity },
  { version: 9, name: 'documents', sql: documents },
  { version: 10, name: 'near duplicates', sql: nearDuplicates },
  { version: 11, name: 'adapted name model', sql: adaptedModel },
  { version: 12, name: 'exchange ids', sql: exchangeIds },
  { version: 13, name: 'ocr doubt sort key', sql: ocrLowest },
  { version: 14, name: 'ocr doubt sort key as a number', sql: ocrLowestNumber },
  { version: 15, name: 'title trigrams', sql: titleTrigrams },
  { version: 16, name: 'deferred mention counts', sql: deferredCounts },
  { version: 17, name: 'place mention edits', sql: placeMentionEdits },
  { version: 18, name: 'fts automerge', sql: ftsAutomerge },
  { version: 19, name: 'model lessons', sql: modelLessons },
  { version: 20, name: 'adjectival mentions', sql: adjectivalMentions },
  { version: 21, name: 'article days', sql: articleDays, onlyAdds: true },
  { version: 22, name: 'decision rows', sql: decisionRows, onlyAdds: true },
  { version: 23, name: 'entity seen', sql: entitySeen, onlyAdds: true },
  // Replaces two triggers and writes no row.
  { version: 24, name: 'deferred entity articles', sql: deferredEntityArticles, onlyAdds: true },
  // Rebuilds an index with more columns and writes no row.
  { version: 25, name: 'mentions by article, covering', sql: mentionsByArticleCovering, onlyAdds: true },
  { version: 26, name: 'edits by article', sql: editsByArticle, onlyAdds: true },
  // Sets two values of each full-text index's own settings and writes no other row: no copy of the file is needed.
  { version: 27, name: 'fts merge from sixteen', sql: ftsMergeFromSixteen, onlyAdds: true },
];
