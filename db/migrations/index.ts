import articles from './001_articles.sql?raw';
import entities from './002_entities.sql?raw';
import entityCounts from './003_entity_counts.sql?raw';
import events from './004_events.sql?raw';
import relations from './005_relations.sql?raw';
import history from './006_history.sql?raw';

/** Numbered migrations, in order. The index is the schema version they bring the file to. */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'articles', sql: articles },
  { version: 2, name: 'entities', sql: entities },
  { version: 3, name: 'entity counts', sql: entityCounts },
  { version: 4, name: 'events', sql: events },
  { version: 5, name: 'relations', sql: relations },
  { version: 6, name: 'history', sql: history },
];
