import { placeLinkOf, type EntitiesRepository } from '../../../db/entities.js';
import type { MentionsRepository } from '../../../db/mentions.js';
import { nowIso, writeTransaction, type Db } from '../../../db/open.js';
import type { MentionType, PlaceCandidate } from '../../contract/entities.js';

/**
 * The name a mention is linked by: its words, but for a nationality adjective its country's name,
 * so that "Russian" never becomes a name of Russia that the registry finds again as the country.
 */
export const linkName = (quote: string, adjectival: boolean, place: PlaceCandidate | undefined): string => (adjectival && place ? place.name : quote);

/**
 * Accepts every suggested mention at or above `minConfidence` (of one type, or of all; in one article,
 * or in all), each linked to its entity as an accept in the reader links it. Apart from EntityService,
 * which needs the gazetteer, so that the writer worker (writerWorker.ts) makes the same change: over a
 * whole workspace this is tens of thousands of mentions. Each name is linked once, and the mentions
 * change in one statement, with their entries in the change log as MentionsRepository.update writes
 * them: row by row, 100,000 took 12 s.
 */
export function acceptSuggested(db: Db, mentions: MentionsRepository, entities: EntitiesRepository, minConfidence: number, type: MentionType | null, articleId: number | null): number {
  return writeTransaction(db, () => {
    const ids = mentions.suggestedAtLeast(minConfidence, type, articleId);
    if (ids.length === 0) return 0;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS awb_accept (id INTEGER PRIMARY KEY, entity_id INTEGER)');
    db.exec('DELETE FROM temp.awb_accept');
    const put = db.prepare('INSERT INTO temp.awb_accept (id, entity_id) VALUES (?, ?)');
    // A name seen once is linked once: resolve() would find the same entity (and alias) again.
    const linked = new Map<string, number>();
    for (const id of ids) {
      // Read in this transaction a moment ago: still there.
      const m = mentions.get(id)!;
      let entityId = m.entityId;
      if (entityId === null && m.type !== 'date') {
        const place = m.candidates[0];
        const name = linkName(m.quote, m.adjectival, place);
        const memo = `${m.type}\u0000${name}\u0000${place?.id ?? ''}`;
        entityId = linked.get(memo) ?? entities.resolve(m.type, name, place ? placeLinkOf(place) : null, 'auto');
        linked.set(memo, entityId);
      }
      put.run(id, entityId);
    }
    const at = nowIso();
    db.prepare(
      `INSERT INTO change_log (at, action, subject, subject_id, before, after)
       SELECT ?, 'update', 'mention', m.id,
              json_object('status', m.status, 'type', m.type, 'entityId', m.entity_id, 'start', m.start, 'end', m.end, 'adjectival', m.adjectival = 1),
              json_object('status', 'accepted', 'entityId', a.entity_id)
       FROM temp.awb_accept a JOIN mention m ON m.id = a.id ORDER BY m.article_id, m.start, m.id`,
    ).run(at);
    db.prepare("UPDATE mention SET status = 'accepted', entity_id = a.entity_id, updated_at = ? FROM temp.awb_accept a WHERE mention.id = a.id").run(at);
    db.exec('DELETE FROM temp.awb_accept');
    return ids.length;
  });
}
