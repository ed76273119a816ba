import crypto from 'node:crypto';
import type { ExportEntity, ExportModel } from '../../../db/exportModel.js';
import type { EventRecord } from '../../contract/events.js';
import { safeUrl, wikidataId } from './safeText.js';
import { xml } from './xml.js';

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const sha1 = (s: string) => crypto.createHash('sha1').update(s).digest('hex');
const list = (...values: (string | number | null | undefined)[]) => values.filter((v) => v !== null && v !== undefined && v !== '').map(String);

const FTM_SCHEMA: Record<ExportEntity['type'], string> = { person: 'Person', organisation: 'Organization', group: 'Organization', place: 'Address' };
/** Relation types as FtM interval schemata and the properties that hold their two ends. */
const FTM_LINK: Record<string, [schema: string, from: string, to: string]> = {
  'member of': ['Membership', 'member', 'organization'],
  'spokesman for': ['Representation', 'agent', 'client'],
  'leader of': ['Directorship', 'director', 'organization'],
};

/**
 * FollowTheMoney entities, one JSON object a line: people, organisations (and groups), places as
 * Address, articles as Article with their Mentions, events as Event, relations as the matching
 * interval (Membership, Representation, Directorship, else UnknownLink with the type as role).
 */
export function toFtm(model: ExportModel): string {
  const id = (kind: string, n: number) => `awb-${kind}-${n}`;
  const entities = byId(model.entities);
  const lines: object[] = [];
  for (const e of model.entities) {
    const properties: Record<string, string[]> = { name: [e.name], alias: e.aliases, notes: list(e.notes), wikidataId: list(wikidataId(e.wikidata)) };
    if (e.type === 'place') Object.assign(properties, { full: [e.placeLabel ?? e.name], latitude: list(e.lat), longitude: list(e.lon) });
    if (model.withSuggestions) properties.status = [e.status];
    lines.push({ id: id('entity', e.id), schema: FTM_SCHEMA[e.type], properties: prune(properties) });
  }
  for (const a of model.articles) {
    lines.push({
      id: id('article', a.id),
      schema: 'Article',
      properties: prune({ title: [a.title], publisher: list(a.source), author: list(a.author), publishedAt: list(a.published), sourceUrl: list(safeUrl(a.url)), bodyText: [a.body], keywords: a.tags }),
    });
  }
  for (const m of model.mentions) {
    if (!m.entityId || !entities.has(m.entityId)) continue;
    lines.push({
      id: id('mention', m.id),
      schema: 'Mention',
      properties: {
        name: [m.quote],
        document: [id('article', m.articleId)],
        resolved: [id('entity', m.entityId)],
        detectedSchema: [FTM_SCHEMA[entities.get(m.entityId)!.type]],
        ...(model.withSuggestions ? { status: [m.status] } : {}),
      },
    });
  }
  for (const ev of model.events) {
    lines.push({
      id: id('event', ev.id),
      schema: 'Event',
      properties: prune({
        name: [`${ev.subEventType}${ev.location ? ` in ${ev.location.name}` : ''}`],
        date: [ev.date],
        summary: list(ev.notes),
        location: list(ev.location?.name),
        country: list(ev.country?.toLowerCase()),
        involved: [ev.actor1, ev.actor2, ...ev.associates1, ...ev.associates2].flatMap((a) => (a ? [id('entity', a.entityId)] : [])),
        organizer: ev.actor1 ? [id('entity', ev.actor1.entityId)] : [],
        addressEntity: ev.location ? [id('entity', ev.location.entityId)] : [],
        proof: [...new Set(ev.evidence.map((x) => id('article', x.articleId)))],
        description: [`${ev.eventType}; ${ev.fatalities} fatalities; geo precision ${ev.geoPrecision}; time precision ${ev.timePrecision}`],
      }),
    });
  }
  for (const r of model.relations) {
    const [schema, from, to] = FTM_LINK[r.type] ?? ['UnknownLink', 'subject', 'object'];
    lines.push({
      id: id('relation', r.id),
      schema,
      properties: prune({
        [from]: [id('entity', r.source.id)],
        [to]: [id('entity', r.target.id)],
        role: [r.type === 'custom' ? (r.label ?? 'related to') : r.type],
        startDate: list(r.startDate),
        endDate: list(r.endDate),
        summary: list(r.notes),
        description: r.evidence.map((x) => `“${x.quote}” — ${x.articleTitle}`),
      }),
    });
  }
  return lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length ? '\n' : '');
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

/** A deterministic STIX id (a name-based UUID), so exporting twice gives the same ids. */
function stixId(type: string, name: string): string {
  const h = sha1(`awb:${type}:${name}`);
  return `${type}--${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
const stixTime = (d: string | null): string | undefined => {
  if (!d) return undefined;
  const full = d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d.slice(0, 10);
  return `${full}T00:00:00.000Z`;
};
const stixSlug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'related-to';
/** Actor types whose actors are threat actors: rebels, militias, external forces (ACLED inter codes 2, 3, 4, 8). */
const THREAT_TYPES = new Set([2, 3, 4, 8]);

/**
 * A STIX 2.1 bundle: people, organisations and groups as identity (or threat-actor when they act as
 * rebels or militias in coded events), places as location, articles as report, relations as
 * relationship (with their quotes as notes), events as note objects on their actors and place;
 * every object carries the handling marking (TLP, or a statement marking for any other line).
 */
export function toStix(model: ExportModel, handling: string, now: string): object {
  const upper = handling.trim().toUpperCase();
  const objects: Record<string, unknown>[] = [];
  let marking: string | null = null;
  if (TLP[upper]) {
    marking = TLP[upper].id;
    objects.push({ type: 'marking-definition', spec_version: '2.1', id: marking, created: TLP_CREATED, definition_type: 'tlp', name: `TLP:${TLP[upper].tlp.toUpperCase()}`, definition: { tlp: TLP[upper].tlp } });
  } else if (handling.trim()) {
    marking = stixId('marking-definition', handling.trim());
    objects.push({ type: 'marking-definition', spec_version: '2.1', id: marking, created: now, definition_type: 'statement', definition: { statement: handling.trim() } });
  }
  const common = (type: string, name: string) => ({
    type,
    spec_version: '2.1',
    id: stixId(type, name),
    created: now,
    modified: now,
    ...(marking ? { object_marking_refs: [marking] } : {}),
  });
  const threat = new Set<number>();
  for (const ev of model.events) {
    if (ev.actor1 && THREAT_TYPES.has(ev.actor1.type)) threat.add(ev.actor1.entityId);
    if (ev.actor2 && THREAT_TYPES.has(ev.actor2.type)) threat.add(ev.actor2.entityId);
  }
  const ref = new Map<number, string>();
  for (const e of model.entities) {
    let o: Record<string, unknown>;
    if (e.type === 'place') {
      if (e.lat === null || e.lon === null) continue;
      o = { ...common('location', `entity-${e.id}`), name: e.name, latitude: e.lat, longitude: e.lon, ...(e.placeLabel ? { description: e.placeLabel } : {}) };
    } else if (threat.has(e.id)) {
      o = { ...common('threat-actor', `entity-${e.id}`), name: e.name, ...(e.aliases.length ? { aliases: e.aliases } : {}) };
    } else {
      o = { ...common('identity', `entity-${e.id}`), name: e.name, identity_class: e.type === 'person' ? 'individual' : e.type === 'group' ? 'group' : 'organization' };
    }
    if (e.notes) o.description = e.notes;
    const wikidata = wikidataId(e.wikidata);
    if (wikidata) o.external_references = [{ source_name: 'wikidata', external_id: wikidata, url: `https://www.wikidata.org/wiki/${wikidata}` }];
    ref.set(e.id, o.id as string);
    objects.push(o);
  }
  const mentioned = new Map<number, Set<string>>();
  for (const m of model.mentions) if (m.entityId && ref.has(m.entityId)) (mentioned.get(m.articleId) ?? mentioned.set(m.articleId, new Set()).get(m.articleId)!).add(ref.get(m.entityId)!);
  for (const a of model.articles) {
    const refs = [...(mentioned.get(a.id) ?? [])];
    const url = safeUrl(a.url);
    if (refs.length === 0) continue; // a report must refer to something
    objects.push({
      ...common('report', `article-${a.fingerprint}`),
      name: a.title,
      published: stixTime(a.published) ?? now,
      report_types: ['threat-report'],
      object_refs: refs,
      // Only a web or mail link: a platform that makes it clickable must not be handed javascript: or file:.
      ...(url ? { external_references: [{ source_name: a.source ?? 'source', url }] } : {}),
    });
  }
  for (const r of model.relations) {
    const source = ref.get(r.source.id);
    const target = ref.get(r.target.id);
    if (!source || !target) continue;
    const rel = {
      ...common('relationship', `relation-${r.id}`),
      relationship_type: stixSlug(r.type === 'custom' ? (r.label ?? 'related-to') : r.type),
      source_ref: source,
      target_ref: target,
      ...(r.startDate ? { start_time: stixTime(r.startDate) } : {}),
      ...(r.endDate ? { stop_time: stixTime(r.endDate) } : {}),
      ...(r.notes ? { description: r.notes } : {}),
    };
    objects.push(rel);
    for (const e of r.evidence) {
      objects.push({ ...common('note', `relation-evidence-${e.id}`), abstract: `Evidence from “${e.articleTitle}”`, content: e.quote, object_refs: [rel.id] });
    }
  }
  for (const ev of model.events) {
    const refs = [ev.actor1, ev.actor2, ev.location && { entityId: ev.location.entityId }].flatMap((a) => (a && ref.has(a.entityId) ? [ref.get(a.entityId)!] : []));
    if (refs.length === 0) continue;
    objects.push({ ...common('note', `event-${ev.id}`), abstract: eventTitle(ev), content: eventSummary(ev), object_refs: refs });
  }
  return { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects };
}

export const eventTitle = (ev: EventRecord) => `${ev.date}: ${ev.subEventType}${ev.location ? ` in ${ev.location.name}` : ''}`;
export function eventSummary(ev: EventRecord): string {
  const sides = [ev.actor1?.name, ev.actor2?.name].filter(Boolean).join(' vs. ');
  const quotes = ev.evidence.map((e) => `“${e.quote}” (${e.articleTitle})`);
  return [`${ev.eventType} — ${ev.subEventType}. ${sides}. Fatalities: ${ev.fatalities}.`, ev.notes, ...quotes].filter(Boolean).join('\n');
}

const gexfDate = (d: string | null) => (d ? (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d) : null);

/** GEXF 1.3 for Gephi: entities as nodes (type, latitude, longitude), relations as directed, dated edges. */
export function toGexf(model: ExportModel): string {
  const linked = new Set(model.relations.flatMap((r) => [r.source.id, r.target.id]));
  const nodes = model.entities.filter((e) => linked.has(e.id) || model.relations.length === 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `<meta><creator>Analyst Workbench</creator><description>Entities and relations</description></meta>`,
    '<graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    '<attributes class="node"><attribute id="type" title="type" type="string"/><attribute id="lat" title="latitude" type="double"/><attribute id="lon" title="longitude" type="double"/></attributes>',
    '<attributes class="edge"><attribute id="relation" title="relation" type="string"/><attribute id="evidence" title="evidence" type="string"/></attributes>',
    '<nodes>',
    ...nodes.map(
      (e) =>
        `<node id="${e.id}" label="${xml(e.name)}"><attvalues><attvalue for="type" value="${e.type}"/>` +
        (e.lat !== null && e.lon !== null ? `<attvalue for="lat" value="${e.lat}"/><attvalue for="lon" value="${e.lon}"/>` : '') +
        '</attvalues></node>',
    ),
    '</nodes>',
    '<edges>',
    ...model.relations.map((r) => {
      const label = r.type === 'custom' ? (r.label ?? 'related to') : r.type;
      const start = gexfDate(r.startDate);
      const end = gexfDate(r.endDate);
      return (
        `<edge id="${r.id}" source="${r.source.id}" target="${r.target.id}" label="${xml(label)}"${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}>` +
        `<attvalues><attvalue for="relation" value="${xml(label)}"/><attvalue for="evidence" value="${xml(r.evidence.map((e) => e.quote).join(' | '))}"/></attvalues></edge>`
      );
    }),
    '</edges>',
    '</graph>',
    '</gexf>',
  ];
  return out.join('\n') + '\n';
}
