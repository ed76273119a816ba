import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/contract/index.js';
import { EXTRACTOR_VERSION } from '../../electron/services/entities/service.js';
import { closedAfterEach, fixtures } from './helpers.js';

/** SQLite's "database is locked", as better-sqlite3 throws it. */
const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

const core = closedAfterEach({ suggestOnImport: true });

describe('background writes that the database refuses', () => {
  it('stores an import slice and a suggestions batch refused as busy once the lock is free, losing and failing nothing', async () => {
    const t = core();
    const ws = t.core.session.current;
    // Refused twice each, as when a checkpoint holds the lock while this connection still reads.
    let articleRefusals = 2;
    const insertMany = ws.articles.insertMany.bind(ws.articles);
    ws.articles.insertMany = (...args) => {
      if (articleRefusals-- > 0) throw busy();
      return insertMany(...args);
    };
    let suggestionRefusals = 2;
    const store = ws.entities.storeSuggestions.bind(ws.entities);
    ws.entities.storeSuggestions = (...args) => {
      if (suggestionRefusals-- > 0) throw busy();
      return store(...args);
    };
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'folder')] });
    await t.core.extraction.idle();
    expect(articleRefusals).toBeLessThan(0);
    expect(suggestionRefusals).toBeLessThan(0);
    // Only the folder's binary file (report-10.txt, a trap of its own) is refused; nothing "could not be saved".
    expect(report.outcomes.filter((o) => o.status === 'failed').map((o) => path.basename(o.name))).toEqual(['report-10.txt']);
    expect(report.imported).toBeGreaterThan(1);
    expect((await t.call('articles.stats', {})).articles).toBe(report.imported);
    expect(ws.entities.mentions.countNotExtracted(EXTRACTOR_VERSION)).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM mention').pluck().get()).toBeGreaterThan(0);
  }, 60_000);

  it('says why finding names stopped, keeps the core up, and reads the rest on "Try again"', async () => {
    const t = core();
    const ws = t.core.session.current;
    const events: CoreEvent[] = [];
    t.core.subscribe((e) => events.push(e));
    const store = ws.entities.storeSuggestions.bind(ws.entities);
    ws.entities.storeSuggestions = () => {
      throw new Error('disk I/O error');
    };
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'folder')] });
    // Resolves, rather than rejecting where nobody listens (which ended the core).
    await t.core.extraction.idle();
    const stopped = events.filter((e) => e.type === 'extract.progress' && e.failed);
    expect(stopped).toEqual([{ type: 'extract.progress', done: 0, remaining: report.imported, failed: 'disk I/O error' }]);
    expect(ws.entities.mentions.countNotExtracted(EXTRACTOR_VERSION)).toBe(report.imported);

    ws.entities.storeSuggestions = store;
    expect(await t.call('entities.resumeSuggestions', {})).toEqual({ ok: true });
    await t.core.extraction.idle();
    expect(ws.entities.mentions.countNotExtracted(EXTRACTOR_VERSION)).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM mention').pluck().get()).toBeGreaterThan(0);
  }, 60_000);
});
