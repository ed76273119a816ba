import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeLinkOf, EntitiesRepository } from '../../db/entities.js';
import { History } from '../../db/history.js';
import { MentionsRepository } from '../../db/mentions.js';
import { openWorkspace, writeTransaction, type Db } from '../../db/open.js';
import { acceptSuggested, linkName } from '../../electron/services/entities/acceptSuggested.js';
import { fixtures, tempDir, testCore } from './helpers.js';

/** The accept as it was written before it went by sets (stop 46): each mention read, linked and updated on its own. */
function acceptRowByRow(db: Db, minConfidence: number): number {
  const mentions = new MentionsRepository(db);
  const entities = new EntitiesRepository(db);
  return writeTransaction(db, () => {
    const ids = mentions.suggestedAtLeast(minConfidence, null);
    for (const id of ids) {
      const m = mentions.get(id)!;
      const place = m.candidates[0];
      const entityId = m.entityId === null && m.type !== 'date' ? entities.resolve(m.type, linkName(m.quote, m.adjectival, place), place ? placeLinkOf(place) : null, 'auto') : m.entityId;
      mentions.update(id, { status: 'accepted', entityId });
    }
    return ids.length;
  });
}

/** What the accept changes: mentions, the registry with its counts and articles, the change log (timestamps aside). */
function state(db: Db) {
  const all = (sql: string) => db.prepare(sql).raw().all();
  return {
    mentions: all('SELECT id, status, entity_id FROM mention ORDER BY id'),
    entities: all('SELECT id, type, name, place_id, origin, mention_count, accepted_count FROM entity ORDER BY id'),
    aliases: all('SELECT * FROM entity_alias ORDER BY 1, 2'),
    entityArticles: all('SELECT * FROM entity_article ORDER BY entity_id, article_id'),
    seen: all('SELECT * FROM entity_seen ORDER BY entity_id'),
    log: all("SELECT action, subject, subject_id, before, after FROM change_log WHERE subject = 'mention' ORDER BY id"),
  };
}

describe('accepting every suggestion above a confidence, as one set', () => {
  it('leaves the same mentions, entities, counts and change log as accepting them one by one', async () => {
    // The sample's own suggestions: people, organisations, places with candidates, nationality adjectives, dates.
    const t = testCore();
    const { jobId } = await t.call('imports.start', { source: { kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] } });
    for (;;) {
      const report = await t.call('imports.report', { jobId });
      if (report.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const articleId = (await t.call('articles.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!.id;
    await t.call('mentions.suggest', { articleIds: [articleId] });
    const file = t.core.session.current.file;
    t.core.close();
    const copy = path.join(tempDir(), 'copy.awb');
    fs.copyFileSync(file, copy);

    const byRows = openWorkspace(copy);
    const bySet = openWorkspace(file);
    try {
      const suggested = bySet.prepare("SELECT count(*) FROM mention WHERE status = 'suggested' AND confidence >= 0.5").pluck().get() as number;
      expect(suggested).toBeGreaterThan(20);
      expect(bySet.prepare("SELECT count(*) FROM mention WHERE status = 'suggested' AND confidence >= 0.5 AND (adjectival = 1 OR type = 'date' OR entity_id IS NULL)").pluck().get()).toBeGreaterThan(0);
      const history = new History(bySet, true);
      const before = state(bySet);
      const n = history.run({ name: 'mentions.acceptSuggested', label: 'Accept' }, () =>
        acceptSuggested(bySet, new MentionsRepository(bySet), new EntitiesRepository(bySet), 0.5, null, null),
      );
      expect(n).toBe(suggested);
      expect(acceptRowByRow(byRows, 0.5)).toBe(suggested);
      expect(state(bySet)).toEqual(state(byRows));
      // The counts are what the mentions say, and one Undo takes it all back.
      expect(bySet.prepare("SELECT count(*) FROM entity e WHERE mention_count <> (SELECT count(*) FROM mention m WHERE m.entity_id = e.id AND m.status <> 'rejected') OR accepted_count <> (SELECT count(*) FROM mention m WHERE m.entity_id = e.id AND m.status = 'accepted')").pluck().get()).toBe(0);
      history.undo();
      const undone = state(bySet);
      expect({ ...undone, log: [] }).toEqual({ ...before, log: [] });
      expect(history.verify().ok).toBe(true);
    } finally {
      byRows.close();
      bySet.close();
    }
  }, 60_000);
});
