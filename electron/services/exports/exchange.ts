import Papa from 'papaparse';
import { SUB_EVENT_TYPES, type ActorType, type SubEventType } from '../../contract/acled.js';
import type { EntityType, MentionType } from '../../contract/entities.js';
import { EventInput } from '../../contract/events.js';
import { RELATION_TYPES, RelationInput } from '../../contract/relations.js';
import type { ExchangeImportResult } from '../../contract/exports.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { ACLED_COLUMNS, actorTypeOf } from './acled.js';
import { writeTransaction } from '../../../db/open.js';

export type ExchangeKind = ExchangeImportResult['kind'];

/** Tells our exchange formats apart by content, not by name; null for anything else (an article). */
export function detectExchange(text: string): ExchangeKind | null {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(head);
    } catch {
      return null;
    }
    const first = (Array.isArray(json) ? json[0] : json) as Record<string, unknown> | undefined;
    if (!first || typeof first !== 'object') return null;
    const type = first.type;
    if (type === 'AnnotationCollection' || type === 'Annotation' || type === 'AnnotationPage') return 'w3c';
    if (type === 'FeatureCollection' || type === 'Feature') return 'geojson';
    return null;
  }
  const firstLine = head.slice(0, head.indexOf('\n') === -1 ? undefined : head.indexOf('\n')).toLowerCase();
  if (firstLine.includes('event_date') && firstLine.includes('sub_event_type') && firstLine.includes('actor1')) return 'acled';
  return null;
}

export function importExchange(ws: Workspace, kind: ExchangeKind, text: string): ExchangeImportResult {
  const body = text.replace(/^\uFEFF/, '');
  if (kind === 'w3c') return importW3c(ws, JSON.parse(body) as unknown);
  if (kind === 'geojson') return importGeoJson(ws, JSON.parse(body) as unknown);
  return importAcled(ws, body);
}

type Json = Record<string, unknown>;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const ENTITY_TYPES: EntityType[] = ['person', 'organisation', 'place', 'group'];
const MENTION_TYPES: MentionType[] = [...ENTITY_TYPES, 'date'];

/** Where an annotation's quote is in a text: its recorded position if the text still matches, else the best match of quote and context. */
export function anchor(text: string, exact: string, prefix: string, suffix: string, start: number | null): number | null {
  if (!exact) return null;
  if (start !== null && text.slice(start, start + exact.length) === exact) return start;
  let best: number | null = null;
  let bestScore = -1;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    const before = text.slice(Math.max(0, i - prefix.length), i);
    const after = text.slice(i + exact.length, i + exact.length + suffix.length);
    let score = 0;
    while (score < before.length && before[before.length - 1 - score] === prefix[prefix.length - 1 - score]) score++;
    let s2 = 0;
    while (s2 < after.length && after[s2] === suffix[s2]) s2++;
    if (score + s2 > bestScore) [best, bestScore] = [i, score + s2];
  }
  return best;
}

/** W3C Web Annotations onto the articles they target: matched by text fingerprint, else by URL, then anchored by their selectors. */
function importW3c(ws: Workspace, json: unknown): ExchangeImportResult {
  const root = json as Json;
  const items: unknown[] = Array.isArray(json)
    ? json
    : root.type === 'AnnotationCollection'
      ? asArray((root.first as Json | undefined)?.items)
      : root.type === 'AnnotationPage'
        ? asArray(root.items)
        : [json];
  const result: ExchangeImportResult = { kind: 'w3c', created: 0, matched: 0, skipped: 0, messages: [] };
  const skip = (why: string) => {
    result.skipped++;
    if (result.messages.length < 50) result.messages.push(why);
  };
  const byFingerprint = ws.db.prepare('SELECT a.id, b.body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.fingerprint = ?');
  const byUrl = ws.db.prepare('SELECT a.id, b.body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.url = ? ORDER BY a.id LIMIT 1');
  const isLink = (a: unknown) => (a as Json | null)?.motivation === 'linking';
  const findArticle = (target: Json) => {
    const source = typeof target.source === 'string' ? target.source : '';
    const fingerprint = source.startsWith('urn:awb:article:') ? source.slice('urn:awb:article:'.length) : null;
    const url = typeof target.scope === 'string' ? target.scope : /^https?:/.test(source) ? source : null;
    return { source, article: ((fingerprint && byFingerprint.get(fingerprint)) || (url && byUrl.get(url)) || undefined) as { id: number; body: string } | undefined };
  };
  // One transaction for the file: a failure half-way leaves the workspace as it was. Names first,
  // then the links between them.
  writeTransaction(ws.db, () => {
    items.forEach((raw, index) => {
      if (!isLink(raw)) importName(raw as Json, index);
    });
    items.forEach((raw, index) => {
      if (isLink(raw)) importLink(raw as Json, index);
    });
  });
  return result;

  function importLink(a: Json, index: number): void {
    const label = `Annotation ${index + 1}`;
    const targets = asArray(a.target) as Json[];
    const ends = targets.filter((t) => typeof t.id === 'string' && typeof t.label === 'string' && ENTITY_TYPES.includes(t.type as EntityType)).slice(0, 2);
    if (ends.length < 2) return skip(`${label}: a link needs two entities (targets with an id, a label and a type).`);
    const bodies = asArray(a.body) as Json[];
    const tag = bodies.find((b) => b.purpose === 'tagging' && typeof b.value === 'string')?.value as string | undefined;
    if (!tag) return skip(`${label}: the link does not say what kind of relation it is.`);
    const described = (prefix: string) =>
      bodies.map((b) => (b.purpose === 'describing' && typeof b.value === 'string' ? new RegExp(`^${prefix} (\\d{4}(-\\d{2}(-\\d{2})?)?)$`).exec(b.value)?.[1] : undefined)).find(Boolean) ?? null;
    const evidence: { articleId: number; start: number; end: number }[] = [];
    for (const t of targets.filter((x) => x.selector)) {
      const { article } = findArticle(t);
      const selectors = asArray(t.selector) as Json[];
      const quote = selectors.find((x) => x.type === 'TextQuoteSelector');
      const position = selectors.find((x) => x.type === 'TextPositionSelector');
      const exact = typeof quote?.exact === 'string' ? quote.exact : '';
      const start = article ? anchor(article.body, exact, String(quote?.prefix ?? ''), String(quote?.suffix ?? ''), typeof position?.start === 'number' ? position.start : null) : null;
      if (article && start !== null) evidence.push({ articleId: article.id, start, end: start + exact.length });
      else if (result.messages.length < 50) result.messages.push(`${label}: its evidence “${exact.slice(0, 60)}” has no matching article here; the relation is kept without it.`);
    }
    const custom = !(RELATION_TYPES as readonly string[]).includes(tag) || tag === 'custom';
    const [from, to] = ends.map((e) => ws.entities.entities.resolve(e.type as EntityType, (e.label as string).trim(), null, 'analyst')) as [number, number];
    const input = RelationInput.safeParse({
      sourceId: from,
      targetId: to,
      type: custom ? 'custom' : tag,
      label: custom ? tag : null,
      startDate: described('from'),
      endDate: described('until'),
      notes: (bodies.find((b) => b.purpose === 'commenting' && typeof b.value === 'string')?.value as string | undefined) ?? null,
    });
    if (!input.success) return skip(`${label}: ${input.error.issues.map((x) => x.message).join(' ')}`);
    const same = ws.db
      .prepare('SELECT id FROM relation WHERE source_id = ? AND target_id = ? AND type = ? AND label IS ?')
      .pluck()
      .get(input.data.sourceId, input.data.targetId, input.data.type, input.data.label);
    if (same) {
      result.matched++;
      return;
    }
    ws.relations.create(input.data, evidence);
    result.created++;
  }

  function importName(a: Json, index: number): void {
    const label = `Annotation ${index + 1}`;
    const target = (asArray(a.target)[0] ?? {}) as Json;
    const { source, article } = findArticle(target);
    if (!article) return skip(`${label}: no article here matches its target (${source || 'none given'}).`);
    const selectors = asArray(target.selector) as Json[];
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const exact = typeof quote?.exact === 'string' ? quote.exact : position ? article.body.slice(Number(position.start), Number(position.end)) : '';
    const start = anchor(article.body, exact, String(quote?.prefix ?? ''), String(quote?.suffix ?? ''), typeof position?.start === 'number' ? position.start : null);
    if (start === null) return skip(`${label}: its quote “${exact.slice(0, 60)}” is not in the article.`);
    const bodies = asArray(a.body) as Json[];
    // An export with suggestions marks them (see toW3c): a machine's guess is not brought in as the analyst's decision.
    if (bodies.some((b) => b.purpose === 'assessing' && b.value === 'suggested')) return skip(`${label}: “${exact.slice(0, 60)}” is a suggestion nobody reviewed; only decisions are imported.`);
    const tag = bodies.find((b) => b.purpose === 'tagging' && typeof b.value === 'string' && MENTION_TYPES.includes(b.value as MentionType));
    const identifying = bodies.find((b) => b.purpose === 'identifying' && typeof b.source === 'object' && b.source !== null);
    const entitySource = (identifying?.source ?? null) as Json | null;
    const type = (tag?.value ?? entitySource?.type) as MentionType | undefined;
    if (!type || !MENTION_TYPES.includes(type)) return skip(`${label}: it does not say what kind of name it marks (person, organisation, place, group or date).`);
    let entity: { type: EntityType; name: string; place: ReturnType<Workspace['entities']['placeLink']> } | null = null;
    if (type !== 'date') {
      const name = typeof entitySource?.label === 'string' && entitySource.label.trim() ? entitySource.label.trim() : exact;
      const geo = bodies.find((b) => b.purpose === 'georeferencing');
      entity = { type, name, place: type === 'place' && geo ? placeOf(ws, geo.source as Json, name) : null };
    }
    const date = bodies.find((b) => b.purpose === 'describing' && typeof b.value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(b.value as string))?.value as string | undefined;
    const outcome = ws.entities.importMention(article.id, start, start + exact.length, type, entity, date ?? null);
    if (outcome === 'created') result.created++;
    else if (outcome === 'matched') result.matched++;
    else skip(`${label}: “${exact.slice(0, 60)}” overlaps an annotation already decided here, which was kept.`);
  }
}

function placeOf(ws: Workspace, source: Json | undefined, name: string) {
  if (!source || typeof source !== 'object') return null;
  const geonames = typeof source.id === 'string' ? /geonames\.org\/(\d+)/.exec(source.id) : null;
  if (geonames) {
    try {
      return ws.entities.placeLink({ gazetteerId: Number(geonames[1]) });
    } catch {
      // Not in this gazetteer: fall back to the coordinates the file gives.
    }
  }
  const coords = ((source.geometry as Json | undefined)?.coordinates ?? null) as number[] | null;
  if (!coords || coords.length < 2 || !coords.every(Number.isFinite)) return null;
  const label = typeof source.label === 'string' ? source.label.split(',')[0]!.trim() : name;
  const existing = ws.entities.entities.findCustomPlace(label, coords[1]!, coords[0]!);
  return existing ? ws.entities.placeLink({ gazetteerId: existing.id }) : ws.entities.placeLink({ custom: { name: label, lat: coords[1]!, lon: coords[0]! } });
}

const KIND_RANK = { city: 0, custom: 1, admin2: 2, admin1: 3, country: 4 } as const;

/** A gazetteer place of that name within 10 km (so admin areas and country follow), else a custom place there. */
function placeNear(ws: Workspace, name: string, lat: number, lon: number) {
  const km = (p: { lat: number; lon: number }) => Math.hypot(p.lat - lat, (p.lon - lon) * Math.cos((lat * Math.PI) / 180)) * 111.2;
  const near = ws.entities
    .searchPlaces(name)
    .filter((p) => km(p) <= 10)
    // A province sits at its seat: at the same point, the town is the likelier meaning.
    .sort((a, b) => Math.round(km(a)) - Math.round(km(b)) || KIND_RANK[a.kind] - KIND_RANK[b.kind])[0];
  return near ? ws.entities.placeLink({ gazetteerId: near.id }) : placeOf(ws, { label: name, geometry: { coordinates: [lon, lat] } } as Json, name);
}

/** GeoJSON points become custom places of this workspace, offered beside the gazetteer's. */
function importGeoJson(ws: Workspace, json: unknown): ExchangeImportResult {
  const root = json as Json;
  const features = (root.type === 'FeatureCollection' ? asArray(root.features) : [root]) as Json[];
  const result: ExchangeImportResult = { kind: 'geojson', created: 0, matched: 0, skipped: 0, messages: [] };
  writeTransaction(ws.db, () => {
    features.forEach((f, i) => {
      const geometry = f.geometry as Json | undefined;
      const props = (f.properties ?? {}) as Json;
      const name = [props.name, props.title, props.label].find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();
      const c = geometry?.coordinates as number[] | undefined;
      const reason =
        geometry?.type !== 'Point' ? `is a ${String(geometry?.type ?? 'feature without geometry')}, not a point` : !name ? 'has no name' : !c || !(Math.abs(c[1]!) <= 90 && Math.abs(c[0]!) <= 180) ? 'has no valid coordinates' : null;
      if (reason) {
        result.skipped++;
        if (result.messages.length < 50) result.messages.push(`Feature ${i + 1} ${reason}.`);
        return;
      }
      // Our own export also holds events: they are not places.
      if (props.kind === 'event') {
        result.skipped++;
        return;
      }
      if (ws.entities.entities.findCustomPlace(name!, c![1]!, c![0]!)) result.matched++;
      else {
        ws.entities.entities.createCustomPlace(name!.slice(0, 200), c![1]!, c![0]!);
        result.created++;
      }
    });
  });
  return result;
}

const ACTOR_ENTITY: Record<number, EntityType> = { 5: 'group', 6: 'group', 7: 'group' };

/** Events from ACLED's CSV, with their actors and places made or found in the registry; each row is validated as if coded here. */
function importAcled(ws: Workspace, text: string): ExchangeImportResult {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const missing = ['event_date', 'sub_event_type', 'actor1', 'latitude', 'longitude'].filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) throw new UserError('bad_acled', `This CSV lacks ACLED columns: ${missing.join(', ')}.`);
  const unknown = (parsed.meta.fields ?? []).filter((f) => !(ACLED_COLUMNS as readonly string[]).includes(f));
  const result: ExchangeImportResult = { kind: 'acled', created: 0, matched: 0, skipped: 0, messages: unknown.length ? [`Columns not read: ${unknown.join(', ')}.`] : [] };
  const undo = (v: string | undefined) => (v ?? '').replace(/^'(?=[=+\-@\t\r])/, '').trim();
  const reg = ws.entities;
  const unplaced = ws.db.prepare('SELECT lat IS NULL FROM entity WHERE id = ?').pluck();
  const actor = (name: string, type: ActorType) => reg.entities.resolve(ACTOR_ENTITY[type] ?? 'organisation', name, null, 'analyst');
  writeTransaction(ws.db, () => {
    parsed.data.forEach((row, i) => {
      const line = i + 2;
      const fail = (why: string) => {
        result.skipped++;
        if (result.messages.length < 50) result.messages.push(`Row ${line}: ${why}`);
      };
      const sub = undo(row.sub_event_type) as SubEventType;
      if (!SUB_EVENT_TYPES.includes(sub)) return fail(`“${sub}” is not one of ACLED’s sub-event types.`);
      const date = isoDate(undo(row.event_date));
      if (!date) return fail(`“${row.event_date}” is not a date.`);
      const type1 = actorTypeOf(undo(row.inter1)) ?? 2;
      const name1 = undo(row.actor1);
      if (!name1) return fail('it has no actor 1.');
      const name2 = undo(row.actor2);
      const type2 = actorTypeOf(undo(row.inter2)) ?? 1;
      const lat = Number(undo(row.latitude));
      const lon = Number(undo(row.longitude));
      const placeName = undo(row.location) || undo(row.admin1) || undo(row.country);
      if (!placeName || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return fail('its location has no name or no valid coordinates.');
      // Placed first: a gazetteer place is the entity of its record (entities.resolve), so rows at
      // the same record share one entity and the article mentions of it.
      const link = placeNear(ws, placeName, lat, lon);
      const locationId = reg.entities.resolve('place', placeName, link, 'analyst');
      if (unplaced.get(locationId)) reg.entities.setPlace(locationId, link);
      const split = (v: string | undefined) => undo(v).split(';').map((s) => s.trim()).filter(Boolean);
      const input = EventInput.safeParse({
        date,
        timePrecision: Number(undo(row.time_precision)) || 1,
        subEventType: sub,
        actor1: { entityId: actor(name1, type1), type: type1 },
        actor2: name2 ? { entityId: actor(name2, type2), type: type2 } : null,
        associates1: split(row.assoc_actor_1).map((n) => actor(n, type1)),
        associates2: split(row.assoc_actor_2).map((n) => actor(n, type2)),
        civilianTargeting: /civilian/i.test(undo(row.civilian_targeting)),
        locationId,
        geoPrecision: Number(undo(row.geo_precision)) || 1,
        fatalities: Number(undo(row.fatalities)) || 0,
        source: undo(row.source) || null,
        sourceScale: undo(row.source_scale) || null,
        notes: undo(row.notes) || null,
        tags: split(row.tags),
      });
      if (!input.success) return fail(input.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '));
      const saved = ws.events.create(input.data, [], true);
      if (saved.event) result.created++;
      else fail(saved.problems.map((p) => p.message).join(' '));
    });
  });
  return result;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** ACLED writes dates as 2021-06-20 (API) or "20 June 2021" (older exports). */
function isoDate(v: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const m = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(v);
  if (!m) return null;
  const month = MONTHS.findIndex((x) => x.startsWith(m[2]!.toLowerCase().slice(0, 3)));
  return month < 0 ? null : `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}
