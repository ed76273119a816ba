import type { EntitiesRepository, PlaceLink } from '../../../db/entities.js';
import type { MentionsRepository } from '../../../db/mentions.js';
import { writeTransaction, type Db } from '../../../db/open.js';
import { A_TYPE } from '../../contract/entities.js';
import { UserError } from '../errors.js';

/** A mention the analyst places, or why it cannot be placed (the same words wherever it is written). */
export function placeableMention(mentions: MentionsRepository, mentionId: number) {
  const m = mentions.get(mentionId);
  if (!m) throw new UserError('not_found', `Annotation ${mentionId} does not exist (it may have been replaced by a re-run).`);
  if (m.type !== 'place') throw new UserError('type_mismatch', `This mention is ${A_TYPE[m.type]}; only a place can be put on the map.`);
  return m;
}

/**
 * The entity of a place mention re-placed at `link` (resolved from the gazetteer by the caller), with
 * every mention of it everywhere; when another entity already holds that record, this one joins it
 * (a merge, undone as merges are) rather than leaving two entities on one point. Apart from
 * EntityService, which needs the gazetteer, so that the writer worker (writerWorker.ts) makes it:
 * the merge moves every mention of a much-named place. Returns the entity that now holds the
 * mention and how many mentions moved, or null when the mention has no entity to re-place.
 */
export function placeEntity(db: Db, mentions: MentionsRepository, entities: EntitiesRepository, mentionId: number, link: PlaceLink | null): { entityId: number; moved: number } | null {
  return writeTransaction(db, () => {
    const m = placeableMention(mentions, mentionId);
    if (m.entityId === null) return null;
    const holder = link?.placeId != null ? entities.holderOfPlace(link.placeId, m.entityId) : null;
    if (holder !== null) {
      const moved = entities.get(m.entityId).occurrences.length;
      if (m.status !== 'accepted') mentions.update(mentionId, { status: 'accepted' });
      entities.merge(m.entityId, holder);
      return { entityId: holder, moved };
    }
    entities.setPlace(m.entityId, link);
    if (m.status !== 'accepted') mentions.update(mentionId, { status: 'accepted' });
    return { entityId: m.entityId, moved: entities.get(m.entityId).occurrences.length };
  });
}
