import { placeLinkOf, type EntitiesRepository } from '../../../db/entities.js';
import type { MentionsRepository } from '../../../db/mentions.js';
import { writeTransaction, type Db } from '../../../db/open.js';
import type { MentionType, PlaceCandidate } from '../../contract/entities.js';

/**
 * The name a mention is linked by: its words, but for a nationality adjective its country's name,
 * so that "Russian" never becomes a name of Russia that the registry finds again as the country.
 */
export const linkName = (quote: string, adjectival: boolean, place: PlaceCandidate | undefined): string => (adjectival && place ? place.name : quote);

/**
 * Accepts every suggested mention at or above `minConfidence` (of one type, or of all; in one article, or in all), each linked
 * to its entity as an accept in the reader links it. Apart from EntityService, which needs the
 * gazetteer, so that the writer worker (writerWorker.ts) makes the same change: over a whole
 * workspace this is tens of thousands of mentions, seconds of writing.
 */
export function acceptSuggested(db: Db, mentions: MentionsRepository, entities: EntitiesRepository, minConfidence: number, type: MentionType | null, articleId: number | null): number {
  return writeTransaction(db, () => {
    const ids = mentions.suggestedAtLeast(minConfidence, type, articleId);
    for (const id of ids) {
      // Read in this transaction a moment ago: still there.
      const m = mentions.get(id)!;
      const place = m.candidates[0];
      // A fresh link per mention, as EntityService.link with no people seen yet does it.
      const entityId = m.entityId === null && m.type !== 'date' ? entities.resolve(m.type, linkName(m.quote, m.adjectival, place), place ? placeLinkOf(place) : null, 'auto') : m.entityId;
      mentions.update(id, { status: 'accepted', entityId });
    }
    return ids.length;
  });
}
