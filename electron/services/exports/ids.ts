import type { ExportModel } from '../../../db/exportModel.js';
import { keptIdentities, keptTime, objectTimes, objectUuid, workspaceIdentity, type KeptIdentity, type ObjectKind, type ObjectTime } from '../../../db/identity.js';
import type { Db } from '../../../db/open.js';

/**
 * The identifiers and times an export writes: every id derives from the workspace's UUID, the
 * record's kind and its local id (db/identity.ts), so two exports of one workspace agree byte for
 * byte and two workspaces never share an id; times are the record's own, never the export's.
 */
export interface ExportIdentity {
  workspace: string;
  /** When the workspace got its identity: the creation time of what belongs to the workspace itself (a handling marking). */
  workspaceCreated: string;
  uuid: (kind: ObjectKind, localId: number | string) => string;
  time: (kind: 'entity' | 'article' | 'mention' | 'relation' | 'event', localId: number) => ObjectTime;
}

export function readExportIdentity(db: Db, model: ExportModel): ExportIdentity {
  const { uuid, created } = workspaceIdentity(db);
  const times = {
    entity: objectTimes(db, 'entity', model.entities.map((e) => e.id)),
    article: objectTimes(db, 'article', model.articles.map((a) => a.id)),
    mention: objectTimes(db, 'mention', model.mentions.map((m) => m.id)),
    relation: objectTimes(db, 'relation', model.relations.map((r) => r.id)),
    event: objectTimes(db, 'event', model.events.map((e) => e.id)),
  };
  // Records an import brought in keep the ids and times their file gave them (migration 012).
  const kept: Partial<Record<ObjectKind, Map<number, KeptIdentity>>> = {
    entity: keptIdentities(db, 'entity', model.entities.map((e) => e.id)),
    relation: keptIdentities(db, 'relation', model.relations.map((r) => r.id)),
    event: keptIdentities(db, 'event', model.events.map((e) => e.id)),
  };
  return {
    workspace: uuid,
    workspaceCreated: created,
    uuid: (kind, localId) => (typeof localId === 'number' ? kept[kind]?.get(localId)?.uuid : undefined) ?? objectUuid(uuid, kind, localId),
    time: (kind, localId) => keptTime(kept[kind]?.get(localId), times[kind].get(localId) ?? { created, modified: created }),
  };
}

/** The W3C / JSON-LD form of one of our ids. */
export const urnOf = (uuid: string) => `urn:uuid:${uuid}`;

/**
 * Which local record of this workspace an id from a file names, if any: our ids are one-way
 * hashes, so the workspace's own records are hashed and looked up (ids of another workspace
 * never match).
 */
export function ownIds(db: Db, kind: 'entity' | 'mention' | 'relation' | 'event'): Map<string, number> {
  const { uuid } = workspaceIdentity(db);
  const table = { entity: 'entity', mention: 'mention', relation: 'relation', event: 'event' }[kind];
  const ids = db.prepare(`SELECT id FROM ${table}`).pluck().all() as number[];
  const own = new Map(ids.map((id) => [objectUuid(uuid, kind, id), id]));
  // And the ids that records brought in from other files kept: the same file imported again finds them.
  if (kind !== 'mention') for (const [id, kept] of keptIdentities(db, kind)) own.set(kept.uuid, id);
  return own;
}

/** The UUID inside "urn:uuid:…", a bare UUID, or the tail of "<type>--<uuid>" (STIX). */
export function uuidIn(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const m = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(id.trim());
  return m ? m[1]!.toLowerCase() : null;
}
