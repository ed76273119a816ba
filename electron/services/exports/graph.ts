import crypto from 'node:crypto';
import type { ExportEntity, ExportModel } from '../../../db/exportModel.js';
import { ACTOR_TYPES, type ActorType } from '../../contract/acled.js';
import { EVENT_FIELD_WORDS } from '../../contract/fieldWords.js';
import type { EventField, EventRecord } from '../../contract/events.js';
import { citedQuote, citedTitle, pageSuffix, quoteSources } from './citation.js';
import type { ExportIdentity } from './ids.js';
import type { ObjectTime } from '../../../db/identity.js';
import { codePointsOf } from './offsets.js';
import type { Tally } from './tally.js';
import { endInstant, eventPeriod, periodOf, startInstant } from './period.js';
import { safeUrl, wikidataId } from './safeText.js';
import { xml } from './xml.js';

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const list = (...values: (string | number | null | undefined)[]) => values.filter((v) => v !== null && v !== undefined && v !== '').map(String);

const FTM_SCHEMA: Record<ExportEntity['type'], string> = { person: 'Person', organisation: 'Organization', group: 'Organization', place: 'Address' };
/**
 * Relation types as FtM interval schemata, the properties that hold their two ends and the kinds of
 * entity each end may be (FtM's ranges: a member or director is any LegalEntity, the organisation
 * an Organization; a place, an Address, is neither). A relation whose ends do not fit is an UnknownLink.
 */
const LEGAL: ExportEntity['type'][] = ['person', 'organisation', 'group'];
const ORGANISATION: ExportEntity['type'][] = ['organisation', 'group'];
const FTM_LINK: Record<string, [schema: string, from: string, fromTypes: ExportEntity['type'][], to: string, toTypes: ExportEntity['type'][]]> = {
  'member of': ['Membership', 'member', LEGAL, 'organization', ORGANISATION],
  'spokesman for': ['Representation', 'agent', LEGAL, 'client', LEGAL],
  'leader of': ['Directorship', 'director', LEGAL, 'organization', ORGANISATION],
};
const UNKNOWN_LINK: [string, string, ExportEntity['type'][], string, ExportEntity['type'][]] = ['UnknownLink', 'subject', [], 'object', []];

/**
 * FollowTheMoney entities, one JSON object a line: people, organisations (and groups), places as
 * Address, articles as Article with their Mentions, events as Event, relations as the matching
 * interval (Membership, Representation, Directorship, else UnknownLink with the type as role).
 */
export function* ftmLines(model: ExportModel, ids: ExportIdentity, tally: Tally): Generator<string> {
  const id = (kind: 'entity' | 'article' | 'mention' | 'event' | 'relation', n: number) => ids.uuid(kind, n);
  const entities = byId(model.entities);
  const legal = (entityId: number | undefined) => entityId !== undefined && LEGAL.includes(entities.get(entityId)?.type ?? 'place');
  // A place is an Address, which FtM's Mention cannot resolve to: the articles that name it are its proof instead.
  const placeProof = new Map<number, Set<number>>();
  for (const m of model.mentions) {
    if (m.entityId && entities.get(m.entityId)?.type === 'place') (placeProof.get(m.entityId) ?? placeProof.set(m.entityId, new Set()).get(m.entityId)!).add(m.articleId);
  }
  // Whether the analyst accepted a record or only the machine suggested it, when the export carries
  // suggestions: beside the properties, since FtM's `status` (a LegalEntity's, "dissolved") means
  // something else and Mention and Address have none.
  const reviewStatus = (status: 'accepted' | 'suggested') => (model.withSuggestions ? { x_awb_status: status } : {});
  const line = (o: object) => {
    tally.records++;
    return JSON.stringify(o) + '\n';
  };
  for (const e of model.entities) {
    const properties: Record<string, string[]> = { name: [e.name], alias: e.aliases, notes: list(e.notes), wikidataId: list(wikidataId(e.wikidata)) };
    if (e.type === 'place') Object.assign(properties, { full: [e.placeLabel ?? e.name], latitude: list(e.lat), longitude: list(e.lon), proof: [...(placeProof.get(e.id) ?? [])].map((a) => id('article', a)) });
    yield line({ id: id('entity', e.id), schema: FTM_SCHEMA[e.type], ...reviewStatus(e.status), properties: prune(properties) });
  }
  for (const a of model.articles) {
    yield line({
      id: id('article', a.id),
      schema: 'Article',
      properties: prune({ title: [a.title], publisher: list(a.source), author: list(a.author), publishedAt: list(a.published), sourceUrl: list(safeUrl(a.url)), bodyText: [model.body(a.id)], keywords: a.tags }),
    });
  }
  // FtM's Mention has no property for where the name stands in its document, nor one for a place it
  // names (`resolved` is a LegalEntity). FtM tools drop properties a schema lacks but keep and write
  // back what sits beside `properties` (the entity's context): the span goes there, in code points
  // as W3C counts, so a name said twice in one article comes back on the occurrence that was
  // marked, and so does the place, so the town and the province of one name stay apart.
  const codePoints = codePointsOf(model.body);
  for (const m of model.mentions) {
    if (!m.entityId || !entities.has(m.entityId)) continue;
    const at = codePoints(m.articleId);
    yield line({
      id: id('mention', m.id),
      schema: 'Mention',
      ...reviewStatus(m.status),
      x_awb_span: { start: at(m.start), end: at(m.end), unit: 'code point' },
      ...(legal(m.entityId) ? {} : { x_awb_place: id('entity', m.entityId) }),
      properties: {
        name: [m.quote],
        document: [id('article', m.articleId)],
        ...(legal(m.entityId) ? { resolved: [id('entity', m.entityId)] } : {}),
        detectedSchema: [FTM_SCHEMA[entities.get(m.entityId)!.type]],
      },
    });
  }
  // A rejection ("not a person here"): a Mention of the type the analyst said it is not, resolved to
  // nothing, so a workspace that reads the file does not suggest that name there again. FtM has no
  // group: the type goes beside the properties as well, as the span does.
  for (const m of model.rejected) {
    const type = m.type as ExportEntity['type'];
    if (!FTM_SCHEMA[type]) continue;
    yield line({
      id: id('mention', m.id),
      schema: 'Mention',
      x_awb_status: 'rejected',
      x_awb_type: type,
      x_awb_span: { start: codePoints(m.articleId)(m.start), end: codePoints(m.articleId)(m.end), unit: 'code point' },
      properties: { name: [m.quote], document: [id('article', m.articleId)], detectedSchema: [FTM_SCHEMA[type]] },
    });
  }
  for (const ev of model.events) {
    yield line({
      id: id('event', ev.id),
      schema: 'Event',
      properties: prune({
        name: [`${ev.subEventType}${ev.location ? ` in ${ev.location.name}` : ''}`],
        // FtM dates carry their precision by their length: "2021-06" is June. A week is an interval.
        date: [ev.timePrecision === 3 ? ev.date.slice(0, 7) : ev.date],
        summary: list(ev.notes),
        location: list(ev.location?.name),
        country: list(ev.country?.toLowerCase()),
        startDate: ev.timePrecision === 2 ? [eventPeriod(ev.date, 2).start] : [],
        endDate: ev.timePrecision === 2 ? [eventPeriod(ev.date, 2).end] : [],
        involved: [ev.actor1, ev.actor2, ...ev.associates1, ...ev.associates2].flatMap((a) => (a && legal(a.entityId) ? [id('entity', a.entityId)] : [])),
        organizer: ev.actor1 && legal(ev.actor1.entityId) ? [id('entity', ev.actor1.entityId)] : [],
        addressEntity: ev.location && entities.get(ev.location.entityId)?.type === 'place' ? [id('entity', ev.location.entityId)] : [],
        proof: [...new Set(ev.evidence.map((x) => id('article', x.articleId)))],
        description: [ftmEventDescription(ev)],
      }),
    });
  }
  // Each quote's article and span beside the properties (x_awb_evidence, in the order of the
  // descriptions), so an import finds the same words where two articles share a title or the quote
  // occurs twice.
  const sourceOf = quoteSources(model);
  for (const r of model.relations) {
    const fits = (types: string[], type: string) => types.length === 0 || types.includes(type);
    const typed = FTM_LINK[r.type];
    const [schema, from, , to] = typed && fits(typed[2], r.source.type) && fits(typed[4], r.target.type) ? typed : UNKNOWN_LINK;
    yield line({
      id: id('relation', r.id),
      schema,
      ...(r.evidence.length ? { x_awb_evidence: r.evidence.map(sourceOf) } : {}),
      properties: prune({
        [from]: [id('entity', r.source.id)],
        [to]: [id('entity', r.target.id)],
        role: [r.type === 'custom' ? (r.label ?? 'related to') : r.type],
        startDate: list(r.startDate),
        endDate: list(r.endDate),
        summary: list(r.notes),
        description: r.evidence.map((x) => citedQuote(x.quote, x.articleTitle, model.pageOf(x.articleId, x.start))),
      }),
    });
  }
}

/**
 * What FtM's Event has no property for, in words an analyst reads and an import reads back: the
 * event type, fatalities, precisions, each actor's ACLED type, how many of the people `involved`
 * after the two actors stand with each side, and civilian targeting.
 */
export function ftmEventDescription(ev: EventRecord): string {
  const parts = [`${ev.eventType}`, `${ev.fatalities} fatalities`, `geo precision ${ev.geoPrecision}`, `time precision ${ev.timePrecision}`];
  if (ev.actor1) parts.push(`actor 1: ${ACTOR_TYPES[ev.actor1.type as ActorType]}`);
  if (ev.actor2) parts.push(`actor 2: ${ACTOR_TYPES[ev.actor2.type as ActorType]}`);
  if (ev.associates1.length || ev.associates2.length) parts.push(`associates: ${ev.associates1.length} with actor 1, ${ev.associates2.length} with actor 2`);
  if (ev.civilianTargeting) parts.push('civilian targeting');
  return parts.join('; ');
}

function prune(properties: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v.length > 0));
}

/** STIX 2.1's predefined TLP 1.0 marking definitions (spec section 7.2.1.4). */
const TLP: Record<string, { id: string; tlp: string }> = {
  'TLP:WHITE': { id: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', tlp: 'white' },
  'TLP:CLEAR': { id: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', tlp: 'white' },
  'TLP:GREEN': { id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', tlp: 'green' },
  'TLP:AMBER': { id: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', tlp: 'amber' },
  'TLP:RED': { id: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', tlp: 'red' },
};
const TLP_CREATED = '2017-01-20T00:00:00.000Z';

/** A STIX id of ours: the object's type and its workspace-derived UUID (a version 5, name-based UUID). */
const stixRef = (type: string, uuid: string) => `${type}--${uuid}`;
/** A deterministic id for what is not a record of ours (a handling statement): the same text gives the same id everywhere. */
function stixNameId(type: string, name: string): string {
  const h = crypto.createHash('sha1').update(`awb:${type}:${name}`).digest('hex');
  return `${type}--${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
const stixSlug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'related-to';
/** Actor types whose actors are threat actors: rebels, militias, external forces (ACLED inter codes 2, 3, 4, 8). */
const THREAT_TYPES = new Set([2, 3, 4, 8]);

/**
 * A STIX 2.1 bundle: people, organisations and groups as identity (or threat-actor when they act as
 * rebels or militias in coded events), places as location, articles as report (naming what they
 * mention and what their quotes back), relations as relationship, events as note objects on their
 * actors and place, and every quote of evidence as a note on what it backs and on its article's
 * report, citing the page of a PDF or scan; every object carries the handling marking (TLP, or a statement marking for any other line).
 * Ids derive from the workspace and the record (the same on every export); `created` is when the
 * record was made and `modified` its last change, so a partner sees a re-export as the same objects.
 */
function* stixObjects(model: ExportModel, handling: string, ids: ExportIdentity): Generator<Record<string, unknown>> {
  const upper = handling.trim().toUpperCase();
  let marking: string | null = null;
  if (TLP[upper]) {
    marking = TLP[upper].id;
    yield { type: 'marking-definition', spec_version: '2.1', id: marking, created: TLP_CREATED, definition_type: 'tlp', name: `TLP:${TLP[upper].tlp.toUpperCase()}`, definition: { tlp: TLP[upper].tlp } };
  } else if (handling.trim()) {
    marking = stixNameId('marking-definition', handling.trim());
    yield { type: 'marking-definition', spec_version: '2.1', id: marking, created: ids.workspaceCreated, definition_type: 'statement', definition: { statement: handling.trim() } };
  }
  const common = (type: string, uuid: string, time: { created: string; modified: string }) => ({
    type,
    spec_version: '2.1',
    id: stixRef(type, uuid),
    created: time.created,
    modified: time.modified,
    ...(marking ? { object_marking_refs: [marking] } : {}),
  });
  const threat = new Set<number>();
  for (const ev of model.events) {
    if (ev.actor1 && THREAT_TYPES.has(ev.actor1.type)) threat.add(ev.actor1.entityId);
    if (ev.actor2 && THREAT_TYPES.has(ev.actor2.type)) threat.add(ev.actor2.entityId);
  }
  const ref = new Map<number, string>();
  for (const e of model.entities) {
    const head = (type: string) => common(type, ids.uuid('entity', e.id), ids.time('entity', e.id));
    let o: Record<string, unknown>;
    if (e.type === 'place') {
      if (e.lat === null || e.lon === null) continue;
      o = { ...head('location'), name: e.name, latitude: e.lat, longitude: e.lon, ...(e.placeLabel ? { description: e.placeLabel } : {}) };
    } else if (threat.has(e.id)) {
      // A threat actor may be a person, an organisation or a group: said, so an import restores the kind.
      o = { ...head('threat-actor'), name: e.name, ...(e.aliases.length ? { aliases: e.aliases } : {}), x_awb_entity_type: e.type };
    } else {
      o = { ...head('identity'), name: e.name, identity_class: e.type === 'person' ? 'individual' : e.type === 'group' ? 'group' : 'organization' };
    }
    if (e.notes) o.description = e.notes;
    const wikidata = wikidataId(e.wikidata);
    const refs = [
      ...(wikidata ? [{ source_name: 'wikidata', external_id: wikidata, url: `https://www.wikidata.org/wiki/${wikidata}` }] : []),
      ...(e.geonamesId ? [{ source_name: 'geonames', external_id: String(e.geonamesId), url: `https://sws.geonames.org/${e.geonamesId}/` }] : []),
    ];
    if (refs.length) o.external_references = refs;
    ref.set(e.id, o.id as string);
    yield o;
  }
  const mentioned = new Map<number, Set<string>>();
  for (const m of model.mentions) if (m.entityId && ref.has(m.entityId)) (mentioned.get(m.articleId) ?? mentioned.set(m.articleId, new Set()).get(m.articleId)!).add(ref.get(m.entityId)!);
  // The relationships and event notes written (both ends, or an actor or the place, are objects
  // here), and what each article's quotes are evidence of: its report names them, and each
  // evidence note names the report, so a partner sees which source says so.
  const relations = model.relations.filter((r) => ref.has(r.source.id) && ref.has(r.target.id));
  const eventRefs = (ev: EventRecord) => [ev.actor1, ev.actor2, ev.location && { entityId: ev.location.entityId }].flatMap((a) => (a && ref.has(a.entityId) ? [ref.get(a.entityId)!] : []));
  const events = model.events.filter((ev) => eventRefs(ev).length > 0);
  const evidenceOf = new Map<number, Set<string>>();
  const backs = (articleId: number, id: string) => (evidenceOf.get(articleId) ?? evidenceOf.set(articleId, new Set()).get(articleId)!).add(id);
  for (const r of relations) for (const e of r.evidence) backs(e.articleId, stixRef('relationship', ids.uuid('relation', r.id)));
  for (const ev of events) for (const e of ev.evidence) backs(e.articleId, stixRef('note', ids.uuid('event', ev.id)));
  const reportOf = new Map<number, string>();
  for (const a of model.articles) {
    const refs = [...(mentioned.get(a.id) ?? []), ...(evidenceOf.get(a.id) ?? [])];
    const url = safeUrl(a.url);
    if (refs.length === 0) continue; // a report must refer to something
    const time = ids.time('article', a.id);
    const published = periodOf(a.published);
    const report = {
      ...common('report', ids.uuid('article', a.id), time),
      name: a.title,
      published: published ? startInstant(published) : time.created,
      report_types: ['threat-report'],
      object_refs: refs,
      // The text's fingerprint: a workspace holding the same article finds it, and the evidence quoted from it.
      x_awb_fingerprint: a.fingerprint,
      // Only a web or mail link: a platform that makes it clickable must not be handed javascript: or file:.
      ...(url ? { external_references: [{ source_name: a.source ?? 'source', url }] } : {}),
    };
    reportOf.set(a.id, report.id);
    yield report;
  }
  /**
   * A quote of evidence as a note on what it backs and on the report of its article (when that
   * article is in the export), with where it stands in the text (code points, as W3C counts) and,
   * for an event, the fields it backs: what an import needs to put it back on the same words.
   */
  const codePoints = codePointsOf(model.body);
  const evidenceNote = (uuid: string, time: ObjectTime, e: { articleId: number; articleTitle: string; quote: string; start: number; end: number }, on: string, fields?: EventField[]) => {
    const page = model.pageOf(e.articleId, e.start);
    const report = reportOf.get(e.articleId);
    const at = codePoints(e.articleId);
    const backing = fields ? ` for the ${wordList(fields.map((f) => EVENT_FIELD_WORDS[f].toLowerCase()))}` : '';
    return {
      ...common('note', uuid, time),
      abstract: `Evidence${backing} from “${e.articleTitle}”${page === null ? '' : `, p. ${page}`}`,
      content: e.quote,
      object_refs: [on, ...(report ? [report] : [])],
      x_awb_evidence: { start: at(e.start), end: at(e.end), unit: 'code point', ...(page === null ? {} : { page }), ...(fields ? { fields } : {}) },
    };
  };
  for (const r of relations) {
    const time = ids.time('relation', r.id);
    // A date known to the month or year is that whole period: it starts at its first instant and
    // stops at its last, so a relation of one day (or one month) is a valid interval (stop after start).
    const start = periodOf(r.startDate);
    const stop = periodOf(r.endDate);
    const rel = {
      ...common('relationship', ids.uuid('relation', r.id), time),
      relationship_type: stixSlug(r.type === 'custom' ? (r.label ?? 'related-to') : r.type),
      source_ref: ref.get(r.source.id)!,
      target_ref: ref.get(r.target.id)!,
      ...(start ? { start_time: startInstant(start), x_awb_start_precision: start.precision } : {}),
      ...(stop ? { stop_time: endInstant(stop), x_awb_stop_precision: stop.precision } : {}),
      ...(r.notes ? { description: r.notes } : {}),
    };
    yield rel;
    for (const e of r.evidence) yield evidenceNote(ids.uuid('relation-evidence', e.id), time, e, rel.id);
  }
  for (const ev of events) {
    const time = ids.time('event', ev.id);
    const note = { ...common('note', ids.uuid('event', ev.id), time), abstract: eventTitle(ev), content: eventSummary(ev, model.pageOf), object_refs: eventRefs(ev), x_awb_event: codedEvent(ev, ref) };
    yield note;
    // One note per quoted span, saying which fields it backs (one sentence often gives the date, the place and the actors).
    const spans = new Map<string, { e: EventRecord['evidence'][number]; fields: EventField[] }>();
    for (const e of ev.evidence) {
      const key = `${e.articleId}:${e.start}:${e.end}`;
      (spans.get(key) ?? spans.set(key, { e, fields: [] }).get(key)!).fields.push(e.field);
    }
    for (const { e, fields } of spans.values()) yield evidenceNote(ids.uuid('event', `${ev.id}:evidence:${e.id}`), time, e, note.id, fields);
  }
}

/** "date", "date and location", "date, actor 1 and location". */
const wordList = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/**
 * An event's coded fields in a custom property (STIX 2.1 section 11.1), the actors and the place
 * by their STIX ids: STIX has no object for a coded event, and a note's text alone cannot be read
 * back without guessing (actor types, associates, precisions). What reads STIX but not this
 * property still has the note.
 */
function codedEvent(ev: EventRecord, ref: Map<number, string>) {
  const side = (a: { entityId: number; type: number } | null) => (a && ref.has(a.entityId) ? { ref: ref.get(a.entityId)!, actor_type: a.type } : null);
  return {
    date: ev.date,
    time_precision: ev.timePrecision,
    sub_event_type: ev.subEventType,
    actor1: side(ev.actor1),
    actor2: side(ev.actor2),
    associates1: ev.associates1.flatMap((a) => (ref.has(a.entityId) ? [ref.get(a.entityId)!] : [])),
    associates2: ev.associates2.flatMap((a) => (ref.has(a.entityId) ? [ref.get(a.entityId)!] : [])),
    civilian_targeting: ev.civilianTargeting,
    location_ref: ev.location && ref.has(ev.location.entityId) ? ref.get(ev.location.entityId)! : null,
    geo_precision: ev.geoPrecision,
    fatalities: ev.fatalities,
    source: ev.source,
    source_scale: ev.sourceScale,
    notes: ev.notes,
    tags: ev.tags,
  };
}

/** The bundle as JSON.stringify(bundle, null, 1) would write it, one object at a time. */
export function* stixChunks(model: ExportModel, handling: string, ids: ExportIdentity, tally: Tally): Generator<string> {
  // The bundle is named by its content: the same objects give the same bundle id. Its id comes
  // before the objects, so they are made twice: once for the name, once to write.
  const hash = crypto.createHash('sha256').update('[');
  let n = 0;
  for (const o of stixObjects(model, handling, ids)) hash.update((n++ ? ',' : '') + JSON.stringify(o));
  const digest = hash.update(']').digest('hex');
  yield `{\n "type": "bundle",\n "id": ${JSON.stringify(stixRef('bundle', ids.uuid('bundle', digest)))},\n "objects": [`;
  for (const o of stixObjects(model, handling, ids)) yield (tally.records++ ? ',\n  ' : '\n  ') + JSON.stringify(o, null, 1).replace(/\n/g, '\n  ');
  yield tally.records ? '\n ]\n}' : ']\n}';
}

export const eventTitle = (ev: EventRecord) => `${ev.date}: ${ev.subEventType}${ev.location ? ` in ${ev.location.name}` : ''}`;
export function eventSummary(ev: EventRecord, pageOf: ExportModel['pageOf']): string {
  const sides = [ev.actor1?.name, ev.actor2?.name].filter(Boolean).join(' vs. ');
  const quotes = ev.evidence.map((e) => `“${e.quote}” (${citedTitle(e.articleTitle, pageOf(e.articleId, e.start))})`);
  return [`${ev.eventType} — ${ev.subEventType}. ${sides}. Fatalities: ${ev.fatalities}.`, ev.notes, ...quotes].filter(Boolean).join('\n');
}

/**
 * GEXF 1.2draft for Gephi, networkx (2.x reads only 1.1draft and 1.2draft) and igraph: entities as
 * nodes (type, latitude, longitude), relations as directed edges spanning their dates. GEXF
 * intervals include both ends, so a month or a year known only as such spans all its days; the
 * dates as the analyst wrote them stay in a "when" attribute. The evidence attribute quotes each
 * span, with its page where it comes from a paged document ("… (p. 2)").
 */
export function* gexfLines(model: ExportModel, ids: ExportIdentity): Generator<string> {
  const linked = new Set(model.relations.flatMap((r) => [r.source.id, r.target.id]));
  const nodes = model.entities.filter((e) => linked.has(e.id) || model.relations.length === 0);
  const node = (id: number) => ids.uuid('entity', id);
  yield* [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
    `<meta><creator>Analyst Workbench</creator><description>Entities and relations</description></meta>`,
    '<graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    '<attributes class="node"><attribute id="type" title="type" type="string"/><attribute id="lat" title="latitude" type="double"/><attribute id="lon" title="longitude" type="double"/></attributes>',
    '<attributes class="edge"><attribute id="relation" title="relation" type="string"/><attribute id="when" title="when" type="string"/><attribute id="evidence" title="evidence" type="string"/></attributes>',
    '<nodes>',
  ].map((l) => l + '\n');
  for (const e of nodes) {
    yield `<node id="${node(e.id)}" label="${xml(e.name)}"><attvalues><attvalue for="type" value="${e.type}"/>` +
      (e.lat !== null && e.lon !== null ? `<attvalue for="lat" value="${e.lat}"/><attvalue for="lon" value="${e.lon}"/>` : '') +
      '</attvalues></node>\n';
  }
  yield '</nodes>\n<edges>\n';
  for (const r of model.relations) {
    const label = r.type === 'custom' ? (r.label ?? 'related to') : r.type;
    const start = periodOf(r.startDate)?.start;
    const end = periodOf(r.endDate)?.end;
    const when = r.startDate || r.endDate ? `${r.startDate ?? ''}/${r.endDate ?? ''}` : '';
    yield `<edge id="${ids.uuid('relation', r.id)}" source="${node(r.source.id)}" target="${node(r.target.id)}" label="${xml(label)}"${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}>` +
      `<attvalues><attvalue for="relation" value="${xml(label)}"/>${when ? `<attvalue for="when" value="${xml(when)}"/>` : ''}<attvalue for="evidence" value="${xml(r.evidence.map((e) => e.quote + pageSuffix(model.pageOf(e.articleId, e.start))).join(' | '))}"/></attvalues></edge>\n`;
  }
  yield '</edges>\n</graph>\n</gexf>\n';
}
