import { keepIdentity, type KeptKind } from '../../../db/identity.js';
import { nowIso, writeTransaction } from '../../../db/open.js';
import { ACTOR_TYPE_CODES, SUB_EVENT_TYPES, type ActorType } from '../../contract/acled.js';
import type { EntityType } from '../../contract/entities.js';
import { EventField } from '../../contract/events.js';
import type { ExchangeImportResult } from '../../contract/exports.js';
import { plural } from '../../contract/plural.js';
import { RELATION_TYPES, RelationInput } from '../../contract/relations.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { placeNear } from './acledImport.js';
import { ownIds, uuidIn } from './ids.js';
import { fromCodePoints } from './offsets.js';
import { addMissingEvidence, addMissingRelationEvidence, applyEntityDetails, asArray, codeReadEvent, geonamesIn, importReport, placeByLabel, qidIn, type EntityDetails, type Json } from './importCommon.js';

/**
 * STIX 2.1 bundles, ours and other tools': identity, threat-actor and location objects become
 * entities, relationship objects relations, and our event notes (with their coded fields in
 * x_awb_event) events. Our evidence notes put their quotes back on the relations and events made
 * here when the workspace holds the article (found by the report's text fingerprint). What STIX
 * does not carry (article text: a report names its article but holds none of it; so the quotes of
 * articles not here) is counted and left out.
 * A record made here keeps its STIX id and times, so exporting it again names it as the file did;
 * ids of this workspace, or kept from an earlier import, find their record instead of adding one.
 */
export function importStix(ws: Workspace, json: unknown): ExchangeImportResult {
  const objects = stixObjectsIn(json);
  const { result, note, skip } = importReport('stix');
  const own = { entity: ownIds(ws.db, 'entity'), relation: ownIds(ws.db, 'relation'), event: ownIds(ws.db, 'event') };
  // STIX id → local entity, for the relationships and events of the file.
  const entityOf = new Map<string, number>();
  const made: { kind: KeptKind; id: number; o: Json }[] = [];
  // What is left out, counted by kind: "3 reports (STIX carries …)".
  const left = new Map<string, { noun: string; why: string; n: number }>();
  const leftOut = (noun: string, why: string) => {
    const kind = left.get(noun) ?? left.set(noun, { noun, why, n: 0 }).get(noun)!;
    kind.n++;
  };
  const label = (o: Json, i: number) => `Object ${i + 1} (${String(o.type)}${typeof o.name === 'string' ? ` “${o.name.slice(0, 60)}”` : ''})`;
  const { articleOf, quotesFor } = quotesIn(ws, objects);
  // The evidence notes whose quotes were put back on a record made or found here, and how many quotes a record found here lacked.
  const placed = new Set<string>();
  let merged = 0;
  const quotesOf = (o: Json) => {
    const quotes = quotesFor.get(String(o.id)) ?? [];
    for (const q of quotes) placed.add(q.noteId);
    return quotes;
  };

  writeTransaction(ws.db, () => {
    objects.forEach((o, i) => {
      if (ENTITY_OBJECTS.has(o.type as string)) importEntity(o, i);
    });
    objects.forEach((o, i) => {
      if (o.type === 'relationship') importRelationship(o, i);
      else if (o.type === 'note' && isObject(o.x_awb_event)) importEvent(o, i);
      else if (o.type === 'report' && !articleOf.has(String(o.id))) leftOut('report', 'STIX carries an article’s title, not its text');
      else if (!ENTITY_OBJECTS.has(o.type as string) && !['note', 'report', 'marking-definition', 'extension-definition', 'language-content'].includes(o.type as string)) leftOut(`${String(o.type)} object`, 'nothing here holds them');
    });
    const notes = objects.filter((o) => o.type === 'note' && !isObject(o.x_awb_event));
    for (const o of notes) if (!placed.has(String(o.id))) leftOut('note', 'not coded events, nor quotes of an article this workspace holds for a record made from this file');
    if (placed.size) note(`${plural(placed.size, 'quote')} of evidence found again in ${plural(new Set([...quotesFor.values()].flat().filter((q) => placed.has(q.noteId)).map((q) => q.articleId)).size, 'article')} of this workspace.`);
    if (merged) note(`${plural(merged, 'quote')} of evidence added to relations and events this workspace already held.`);
    // Stamped last: every write this import makes to a record comes before it (see keptTime).
    const at = nowIso();
    for (const m of made) keepIdentity(ws.db, m.kind, m.id, { uuid: uuidIn(m.o.id)!, created: timestamp(m.o.created), modified: timestamp(m.o.modified) ?? timestamp(m.o.created), at });
  });
  for (const { noun, why, n } of left.values()) note(`Not imported: ${plural(n, noun)} (${why}).`);
  return result;

  /** Whether the file's object names a record of this workspace (ours, or kept from an earlier import). */
  function ownRecord(kind: KeptKind, o: Json): number | undefined {
    return own[kind].get(uuidIn(o.id) ?? '');
  }

  function keep(kind: KeptKind, id: number, o: Json): void {
    if (uuidIn(o.id)) made.push({ kind, id, o });
  }

  function importEntity(o: Json, i: number): void {
    const name = typeof o.name === 'string' ? o.name.trim() : '';
    if (!name) return skip(`${label(o, i)}: has no name.`);
    const type = entityTypeOf(o);
    if (!type) return skip(`${label(o, i)}: identity_class “${String(o.identity_class)}” is not a person, an organisation or a group.`);
    if (o.type === 'threat-actor' && !o.x_awb_entity_type) note(`${label(o, i)}: a threat actor that does not say whether it is a person, an organisation or a group; read as an organisation.`);
    const refs = asArray(o.external_references).filter(isObject);
    const geonames = refs.map((r) => (/geonames/i.test(String(r.source_name)) ? (geonamesIn(r.external_id) ?? geonamesIn(r.url)) : null)).find(Boolean) ?? null;
    const details: EntityDetails = {
      aliases: asArray(o.aliases).filter((a): a is string => typeof a === 'string'),
      notes: typeof o.description === 'string' && type !== 'place' ? o.description : null,
      wikidata: refs.map((r) => (/wikidata/i.test(String(r.source_name)) ? (qidIn(r.external_id) ?? qidIn(r.url)) : null)).find(Boolean) ?? null,
      geonamesId: geonames,
    };
    const existing = ownRecord('entity', o);
    if (existing !== undefined) {
      entityOf.set(String(o.id), existing);
      applyEntityDetails(ws, existing, details);
      result.matched++;
      return;
    }
    let place = null;
    if (type === 'place') {
      const lat = Number(o.latitude);
      const lon = Number(o.longitude);
      const located = typeof o.latitude === 'number' && typeof o.longitude === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
      if (geonames) {
        try {
          place = ws.entities.placeLink({ gazetteerId: geonames });
        } catch {
          // Not in this gazetteer: the coordinates place it.
        }
      }
      if (!place && located) place = placeByLabel(ws, name, lat, lon, typeof o.description === 'string' ? o.description : null) ?? placeNear(ws, name.slice(0, 200), lat, lon);
      if (!place) note(`${label(o, i)}: a place with neither coordinates nor a GeoNames id this gazetteer knows; kept without a point.`);
    }
    const before = ws.db.prepare('SELECT coalesce(max(id), 0) FROM entity').pluck().get() as number;
    const id = ws.entities.entities.resolve(type, name.slice(0, 200), place, 'analyst');
    applyEntityDetails(ws, id, details);
    entityOf.set(String(o.id), id);
    if (id > before) {
      result.created++;
      keep('entity', id, o);
    } else result.matched++;
  }

  function endOf(ref: unknown): number | null {
    if (typeof ref !== 'string') return null;
    return entityOf.get(ref) ?? own.entity.get(uuidIn(ref) ?? '') ?? null;
  }

  function importRelationship(o: Json, i: number): void {
    const from = endOf(o.source_ref);
    const to = endOf(o.target_ref);
    if (from === null || to === null) return skip(`${label(o, i)}: one of its ends (${String(o.source_ref)}, ${String(o.target_ref)}) is not a person, organisation, group or place of this file or workspace.`);
    if (from === to) return skip(`${label(o, i)}: both ends are the same entity.`);
    const kind = typeof o.relationship_type === 'string' ? o.relationship_type.trim() : '';
    if (!kind) return skip(`${label(o, i)}: has no relationship_type.`);
    const known = RELATION_TYPES.find((t) => t !== 'custom' && slug(t) === slug(kind));
    const input = RelationInput.safeParse({
      sourceId: from,
      targetId: to,
      type: known ?? 'custom',
      label: known ? null : kind.replace(/-/g, ' ').slice(0, 100),
      startDate: dateOf(o.start_time, o.x_awb_start_precision, 'start'),
      endDate: dateOf(o.stop_time, o.x_awb_stop_precision, 'stop'),
      notes: typeof o.description === 'string' ? o.description : null,
    });
    if (!input.success) return skip(`${label(o, i)}: ${input.error.issues.map((x) => x.message).join(' ')}`);
    const same =
      ownRecord('relation', o) ??
      (ws.db.prepare('SELECT id FROM relation WHERE source_id = ? AND target_id = ? AND type = ? AND label IS ?').pluck().get(from, to, input.data.type, input.data.label) as number | undefined);
    if (same !== undefined) {
      mergeRelationQuotes(same, o);
      result.matched++;
      return;
    }
    keep('relation', ws.relations.create(input.data, quotesOf(o).map(({ articleId, start, end }) => ({ articleId, start, end }))), o);
    result.created++;
  }

  /**
   * A relation this workspace already holds gets the file's quotes it lacks: the export of another
   * workspace (or an earlier one of this, before a quote was removed) may back it where this one
   * does not. The same span of the same article is the same quote, so importing twice adds nothing.
   */
  function mergeRelationQuotes(relationId: number, o: Json): void {
    merged += addMissingRelationEvidence(ws, relationId, quotesOf(o).map(({ articleId, start, end }) => ({ articleId, start, end })));
  }

  /** An event this workspace already holds gets the file's quotes it lacks, field by field, as a relation does. */
  function mergeEventQuotes(eventId: number, o: Json, i: number): void {
    const { added, refused } = addMissingEvidence(ws, eventId, eventEvidence(quotesOf(o)));
    merged += added;
    for (const why of refused) note(`${label(o, i)}: a quote was not added to the event here: ${why}`);
  }

  function importEvent(o: Json, i: number): void {
    const existing = ownRecord('event', o);
    if (existing !== undefined) {
      mergeEventQuotes(existing, o, i);
      result.matched++;
      return;
    }
    const coded = o.x_awb_event as Json;
    const side = (v: unknown) => {
      if (!isObject(v)) return null;
      const entityId = endOf(v.ref);
      const type = ACTOR_TYPE_CODES.find((c) => c === v.actor_type) as ActorType | undefined;
      return entityId !== null && type ? { entityId, type } : undefined;
    };
    const actor1 = side(coded.actor1);
    const actor2 = side(coded.actor2);
    if (!actor1) return skip(`${label(o, i)}: its actor 1 is missing, or is not an entity of this file with an actor type 1–8.`);
    if (actor2 === undefined) return skip(`${label(o, i)}: its actor 2 is not an entity of this file with an actor type 1–8.`);
    const refs = (v: unknown) => asArray(v).map(endOf);
    const associates1 = refs(coded.associates1);
    const associates2 = refs(coded.associates2);
    if ([...associates1, ...associates2].includes(null)) return skip(`${label(o, i)}: an associated actor is not an entity of this file.`);
    const locationId = coded.location_ref === null || coded.location_ref === undefined ? null : endOf(coded.location_ref);
    if (coded.location_ref && locationId === null) return skip(`${label(o, i)}: its location is not a place of this file.`);
    const sub = SUB_EVENT_TYPES.find((s) => s.toLowerCase() === String(coded.sub_event_type).toLowerCase());
    const outcome = codeReadEvent(ws, {
      date: coded.date,
      timePrecision: coded.time_precision,
      subEventType: sub ?? coded.sub_event_type,
      actor1,
      actor2,
      associates1,
      associates2,
      civilianTargeting: coded.civilian_targeting === true,
      locationId,
      geoPrecision: coded.geo_precision,
      fatalities: coded.fatalities,
      source: coded.source ?? null,
      sourceScale: coded.source_scale ?? null,
      notes: coded.notes ?? null,
      tags: coded.tags ?? [],
    }, eventEvidence(quotesFor.get(String(o.id)) ?? []));
    if ('refused' in outcome) return skip(`${label(o, i)}: ${outcome.refused}`);
    if ('matched' in outcome) {
      // The same event coded here already (another workspace's copy of it): its quotes join it.
      mergeEventQuotes(outcome.matched, o, i);
      result.matched++;
      return;
    }
    quotesOf(o);
    keep('event', outcome.created, o);
    result.created++;
  }
}

/** A quote of an evidence note, placed in an article of this workspace. */
interface Quote {
  noteId: string;
  articleId: number;
  start: number;
  end: number;
  fields: EventField[];
}

/**
 * The quotes of the file's evidence notes whose report names an article this workspace holds (the
 * same text fingerprint), by the STIX id of what they back: at the span the note gives (code
 * points) when the text there is the quote, else where the quote first stands.
 */
function quotesIn(ws: Workspace, objects: Json[]): { articleOf: Map<string, { id: number; body: string }>; quotesFor: Map<string, Quote[]> } {
  const articleOf = new Map<string, { id: number; body: string }>();
  const byFingerprint = ws.db.prepare('SELECT a.id, b.body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.fingerprint = ?');
  for (const o of objects) {
    if (o.type !== 'report' || typeof o.x_awb_fingerprint !== 'string') continue;
    const article = byFingerprint.get(o.x_awb_fingerprint) as { id: number; body: string } | undefined;
    if (article) articleOf.set(String(o.id), article);
  }
  const quotesFor = new Map<string, Quote[]>();
  if (articleOf.size === 0) return { articleOf, quotesFor };
  for (const o of objects) {
    if (o.type !== 'note' || isObject(o.x_awb_event) || typeof o.content !== 'string' || !o.content) continue;
    const refs = asArray(o.object_refs).filter((r): r is string => typeof r === 'string');
    const article = refs.map((r) => articleOf.get(r)).find(Boolean);
    const target = refs.find((r) => !r.startsWith('report--'));
    if (!article || !target) continue;
    const span = isObject(o.x_awb_evidence) ? o.x_awb_evidence : {};
    const marked = typeof span.start === 'number' ? fromCodePoints(article.body)(span.start) : null;
    const start = marked !== null && article.body.startsWith(o.content, marked) ? marked : article.body.indexOf(o.content);
    if (start === -1) continue;
    const fields = asArray(span.fields).filter((f): f is EventField => EventField.safeParse(f).success);
    (quotesFor.get(target) ?? quotesFor.set(target, []).get(target)!).push({ noteId: String(o.id), articleId: article.id, start, end: start + o.content.length, fields });
  }
  return { articleOf, quotesFor };
}

/** An event's evidence from its quotes: one record per field each backs (a quote that names none backs the event type). */
const eventEvidence = (quotes: Quote[]) =>
  quotes.flatMap((q) => (q.fields.length ? q.fields : (['eventType'] as EventField[])).map((field) => ({ field, articleId: q.articleId, start: q.start, end: q.end })));

const ENTITY_OBJECTS = new Set(['identity', 'threat-actor', 'location']);
const IDENTITY_CLASS: Record<string, EntityType> = { individual: 'person', organization: 'organisation', group: 'group' };
const ENTITY_TYPES_WRITTEN = new Set<EntityType>(['person', 'organisation', 'group']);

function entityTypeOf(o: Json): EntityType | null {
  if (o.type === 'location') return 'place';
  if (o.type === 'threat-actor') return typeof o.x_awb_entity_type === 'string' && ENTITY_TYPES_WRITTEN.has(o.x_awb_entity_type as EntityType) ? (o.x_awb_entity_type as EntityType) : 'organisation';
  return IDENTITY_CLASS[String(o.identity_class)] ?? null;
}

/** A STIX timestamp (RFC 3339 in UTC, section 3.2), or null: anything else is not written back as one. */
const timestamp = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) ? v : null);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A STIX timestamp as the date the analyst wrote: to the precision our export notes beside it
 * (a month's relation starts on its first instant and stops on its last), else the day.
 */
function dateOf(value: unknown, precision: unknown, end: 'start' | 'stop'): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const day = value.slice(0, 10);
  if (precision === 'year') return day.slice(0, 4);
  if (precision === 'month') return day.slice(0, 7);
  // A foreign stop_time at midnight is the instant the relation ended: the day before is its last.
  if (end === 'stop' && precision === undefined && /T00:00:00(\.0+)?Z$/.test(value)) {
    return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }
  return day;
}

/** A bundle's objects (or a list of objects, or one object); anything else is refused before anything is written. */
function stixObjectsIn(json: unknown): Json[] {
  const root = json as Json;
  const raw = Array.isArray(json) ? json : isObject(root) && root.type === 'bundle' ? root.objects : isObject(root) && typeof root.type === 'string' ? [root] : null;
  if (!Array.isArray(raw)) throw new UserError('bad_stix', 'This is not a STIX 2.1 bundle: it has no list of objects.');
  const bad = raw.findIndex((o) => !isObject(o) || typeof o.type !== 'string' || typeof o.id !== 'string');
  if (bad !== -1) throw new UserError('bad_stix', `This STIX bundle is damaged: object ${bad + 1} has no type or id. Nothing was imported.`);
  const seen = new Map<string, number>();
  (raw as Json[]).forEach((o, i) => {
    // One id for two objects would make one record of two (or, kept, two records of one id).
    if (seen.has(o.id as string) && o.type !== 'marking-definition') {
      throw new UserError('bad_stix', `This STIX bundle is damaged: objects ${seen.get(o.id as string)! + 1} and ${i + 1} have the same id (${String(o.id).slice(0, 80)}). Nothing was imported.`);
    }
    seen.set(o.id as string, i);
  });
  return raw as Json[];
}
