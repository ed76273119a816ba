import crypto from 'node:crypto';
import type { Db } from './open.js';

/**
 * Who this workspace is, and when its records were made and last changed: what an export needs to
 * give every object an identifier of its own (stable across exports, never shared with another
 * workspace) and honest creation and modification times.
 */

/** The workspace's UUID, made once by migration 008 (existing workspaces got theirs then). */
export function workspaceIdentity(db: Db): { uuid: string; created: string } {
  const row = db.prepare('SELECT uuid, created_at AS created FROM workspace_identity WHERE singleton = 1').get() as { uuid: string; created: string } | undefined;
  if (!row) throw new Error('This workspace has no identity record (migration 008 did not run).');
  return row;
}

/** A name-based UUID (RFC 9562 version 5: SHA-1 over the namespace's 16 bytes and the name). */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`Not a UUID: ${namespace}`);
  const hash = crypto.createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The kinds of record an export names; each local id is unique within its kind only. */
export type ObjectKind = 'entity' | 'article' | 'mention' | 'relation' | 'relation-evidence' | 'event' | 'bundle';

/** The identifier of one record of this workspace, the same on every export. */
export const objectUuid = (workspace: string, kind: ObjectKind, localId: number | string): string => uuidV5(workspace, `${kind}:${localId}`);

export interface ObjectTime {
  created: string;
  modified: string;
}

/**
 * Creation and last-change times of every record of a kind. Entities and articles keep only their
 * creation time in their row; their later changes are read from the history (command rows, with
 * the alias and tag rows that belong to them) and the older change log.
 */
export function objectTimes(db: Db, kind: 'entity' | 'article' | 'mention' | 'relation' | 'event', ids?: number[]): Map<number, ObjectTime> {
  const changed = (tables: Record<string, string>, subject: string) => {
    const names = Object.keys(tables);
    const path = `CASE r.tbl ${names.map((t) => `WHEN '${t}' THEN '${tables[t]}'`).join(' ')} END`;
    return `SELECT id, max(at) AS at FROM (
              SELECT json_extract(coalesce(r.new, r.old), ${path}) AS id, c.at AS at
              FROM command_row r JOIN command c ON c.id = r.command_id WHERE r.tbl IN (${names.map((t) => `'${t}'`).join(', ')})
              UNION ALL
              SELECT subject_id, at FROM change_log WHERE subject = '${subject}' AND subject_id IS NOT NULL)
            GROUP BY id`;
  };
  const sql = {
    entity: `SELECT e.id, e.created_at AS created, max(e.created_at, coalesce(h.at, '')) AS modified
             FROM entity e LEFT JOIN (${changed({ entity: '$.id', entity_alias: '$.entity_id' }, 'entity')}) h ON h.id = e.id`,
    article: `SELECT a.id, a.imported_at AS created, max(a.imported_at, coalesce(h.at, '')) AS modified
              FROM article a LEFT JOIN (${changed({ article: '$.id', article_tag: '$.article_id' }, 'article')}) h ON h.id = a.id`,
    // A mention keeps only its last change; it was made at its first captured insert, else then.
    mention: `SELECT m.id, min(m.updated_at, coalesce(h.at, m.updated_at)) AS created, m.updated_at AS modified
              FROM mention m LEFT JOIN (
                SELECT json_extract(r.new, '$.id') AS id, min(c.at) AS at FROM command_row r JOIN command c ON c.id = r.command_id
                WHERE r.tbl = 'mention' AND r.op = 'insert' GROUP BY 1) h ON h.id = m.id`,
    relation: 'SELECT id, created_at AS created, max(created_at, updated_at) AS modified FROM relation',
    event: 'SELECT id, created_at AS created, max(created_at, updated_at) AS modified FROM event',
  }[kind];
  const rows = (ids ? db.prepare(`SELECT * FROM (${sql}) WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) : db.prepare(sql).all()) as { id: number; created: string; modified: string }[];
  return new Map(rows.map((r) => [r.id, { created: r.created, modified: r.modified }]));
}

/** What an import kept of a record's identity in the file it came from (migration 012). */
export interface KeptIdentity {
  uuid: string;
  /** Null where the file gives no times (FollowTheMoney): the record's own times here are used. */
  created: string | null;
  modified: string | null;
  /** When the import wrote the record: a change after it is a change made here. */
  at: string;
}

/** The kinds of record an import can give the identifier its file carried. */
export type KeptKind = 'entity' | 'relation' | 'event';

/** The identities kept from imported files, by local id. */
export function keptIdentities(db: Db, kind: KeptKind, ids?: number[]): Map<number, KeptIdentity> {
  const sql = `SELECT id, exchange_id AS uuid, exchange_created AS created, exchange_modified AS modified, exchange_at AS at FROM ${kind} WHERE exchange_id IS NOT NULL`;
  const rows = (ids ? db.prepare(`${sql} AND id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) : db.prepare(sql).all()) as ({ id: number } & KeptIdentity)[];
  return new Map(rows.map(({ id, ...kept }) => [id, kept]));
}

/** Gives a record the identifier and times its file carried (see keptIdentities). */
export function keepIdentity(db: Db, kind: KeptKind, localId: number, kept: KeptIdentity): void {
  db.prepare(`UPDATE ${kind} SET exchange_id = ?, exchange_created = ?, exchange_modified = ?, exchange_at = ? WHERE id = ?`).run(kept.uuid, kept.created, kept.modified, kept.at, localId);
}

/** An export's times for a record: those its file carried, unless it has changed here since it came in. */
export function keptTime(kept: KeptIdentity | undefined, local: ObjectTime): ObjectTime {
  if (!kept) return local;
  return { created: kept.created ?? local.created, modified: local.modified > kept.at || !kept.modified ? local.modified : kept.modified };
}
