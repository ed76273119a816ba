import type { EntityType, MentionType } from '../../contract/entities.js';
import type { ExchangeImportResult } from '../../contract/exports.js';
import { RELATION_TYPES, RelationInput } from '../../contract/relations.js';
import { plainIssue, plainIssues } from '../../contract/plainErrors.js';
import { writeTransaction } from '../../../db/open.js';
import type { Workspace } from '../workspace.js';
import { ownIds, uuidIn } from './ids.js';
import { anchor, applyEntityDetails, asArray, ENTITY_TYPES, geonamesIn, importReport, nameTypeOf, qidIn, type EntityDetails, type Json } from './importCommon.js';
import { fromCodePoints } from './offsets.js';

/**
 * W3C Web Annotations as we, Recogito, RecogitoJS and hypothes.is write them. Names: a tagging body
 * says the kind (in any case and common synonyms), an identifying body names the entity (ours, a
 * Wikidata or GeoNames URI, or Recogito's PLACE / PERSON), a georeferencing body places it.
 * Relations: a linking annotation whose targets are two entities (ours) or the ids of two name
 * annotations (RecogitoJS). Our own ids are recognised: the same entity, not a new one.
 */
export function importW3c(ws: Workspace, json: unknown): ExchangeImportResult {
  const items = annotationsIn(json);
  const { result, note, skip } = importReport('w3c');
  const byFingerprint = ws.db.prepare('SELECT a.id, b.body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.fingerprint = ?');
  const byUrl = ws.db.prepare('SELECT a.id, b.body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.url = ? ORDER BY a.id LIMIT 1');
  const ownEntities = ownIds(ws.db, 'entity');
  const ownRelations = ownIds(ws.db, 'relation');
  const isLink = (a: Json) => a.motivation === 'linking';
  // The entity each name annotation of the file landed on, by the annotation's id: RecogitoJS links name them.
  const entityOfAnnotation = new Map<string, number>();
  const sourceless = documentOfSourceless(ws, items);

  const findArticle = (target: Json) => {
    const source = typeof target.source === 'string' ? target.source : '';
    const fingerprint = source.startsWith('urn:awb:article:') ? source.slice('urn:awb:article:'.length) : null;
    const url = typeof target.scope === 'string' ? target.scope : /^https?:/.test(source) ? source : null;
    const found = ((fingerprint && byFingerprint.get(fingerprint)) || (url && byUrl.get(url)) || undefined) as { id: number; body: string } | undefined;
    return { source, article: found ?? (!source && !url ? sourceless : undefined) };
  };

  writeTransaction(ws.db, () => {
    items.forEach((raw, index) => {
      if (!isLink(raw)) importName(raw, index);
    });
    items.forEach((raw, index) => {
      if (isLink(raw)) importLink(raw, index);
    });
  });
  return result;

  /** The position of a target's quote: its TextPositionSelector read as code points (the standard), then as UTF-16 units (what browser tools often write), then the quote and its context. */
  function locate(body: string, target: Json): { start: number; end: number; exact: string } | null {
    const selectors = asArray(target.selector) as Json[];
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const cpStart = typeof position?.start === 'number' ? fromCodePoints(body)(position.start) : null;
    const cpEnd = typeof position?.end === 'number' ? fromCodePoints(body)(position.end) : null;
    const exact = typeof quote?.exact === 'string' ? quote.exact : cpStart !== null && cpEnd !== null && cpEnd > cpStart ? body.slice(cpStart, cpEnd) : '';
    if (!exact) return null;
    const prefix = String(quote?.prefix ?? '');
    const suffix = String(quote?.suffix ?? '');
    const rawStart = typeof position?.start === 'number' ? position.start : null;
    const start =
      cpStart !== null && body.slice(cpStart, cpStart + exact.length) === exact
        ? cpStart
        : rawStart !== null && body.slice(rawStart, rawStart + exact.length) === exact
          ? rawStart
          : anchor(body, exact, prefix, suffix, null);
    return start === null ? null : { start, end: start + exact.length, exact };
  }

  function importName(a: Json, index: number): void {
    const label = `Annotation ${index + 1}`;
    const target = (asArray(a.target)[0] ?? {}) as Json;
    const { source, article } = findArticle(typeof target === 'string' ? { source: target } : target);
    if (!article) return skip(`${label}: no article here matches its target (${source || 'no source given, and no article here holds its quotes'}).`);
    const span = locate(article.body, target);
    if (!span) return skip(`${label}: its quote is not in the article.`);
    const { start, end, exact } = span;
    const bodies = asArray(a.body).map((b) => (typeof b === 'string' ? { type: 'TextualBody', value: b } : b)) as Json[];
    // An export with suggestions marks them (see toW3c): a machine's guess is not brought in as the analyst's decision.
    if (bodies.some((b) => b.purpose === 'assessing' && b.value === 'suggested')) return skip(`${label}: “${exact.slice(0, 60)}” is a suggestion nobody reviewed; only decisions are imported.`);
    // A rejection (our export with rejections): not a name of that type here, so it is not suggested again.
    if (bodies.some((b) => b.purpose === 'assessing' && b.value === 'rejected')) {
      const said = bodies.filter((b) => b.purpose === 'tagging').map((b) => nameTypeOf(b.value)).find(Boolean);
      if (!said || said === 'date') return skip(`${label}: “${exact.slice(0, 60)}” is a rejection that does not say what kind of name it is not (person, organisation, place or group).`);
      const outcome = ws.entities.importMention(article.id, start, end, said, null, null, 'rejected');
      if (outcome === 'created') result.created++;
      else if (outcome === 'matched') result.matched++;
      else skip(`${label}: the rejection of “${exact.slice(0, 60)}” overlaps an annotation already decided here, which was kept.`);
      return;
    }
    const identifying = bodies.filter((b) => b.purpose === 'identifying');
    const ours = identifying.map((b) => (typeof b.source === 'object' && b.source !== null ? (b.source as Json) : null)).find((s) => s && ownEntities.has(uuidIn(s.id) ?? ''));
    const described = identifying.map((b) => (typeof b.source === 'object' && b.source !== null ? (b.source as Json) : null)).find((s) => s && typeof s.label === 'string');
    const uris = identifying.flatMap((b) => [b.source, b.value, b.id].filter((v): v is string => typeof v === 'string'));
    const geo = bodies.find((b) => b.purpose === 'georeferencing');
    const ownType = ours ? ((ws.db.prepare('SELECT type FROM entity WHERE id = ?').pluck().get(ownEntities.get(uuidIn(ours.id)!)) as MentionType | undefined) ?? null) : null;
    const type =
      ownType ??
      bodies.filter((b) => b.purpose === 'tagging' || b.purpose === 'classifying').map((b) => nameTypeOf(b.value)).find(Boolean) ??
      nameTypeOf(described?.type) ??
      uris.map((u): MentionType | null => (/geonames\.org|pleiades|whgazetteer/.test(u) || u === 'PLACE' ? 'place' : u === 'PERSON' ? 'person' : null)).find(Boolean) ??
      (geo ? 'place' : null);
    if (!type) return skip(`${label}: “${exact.slice(0, 60)}” does not say what kind of name it marks (person, organisation, place, group or date).`);
    let entity: { type: EntityType; name: string; place: ReturnType<Workspace['entities']['placeLink']>; id?: number } | null = null;
    const details: EntityDetails = {};
    if (type !== 'date') {
      const name = typeof described?.label === 'string' && described.label.trim() ? described.label.trim() : exact;
      const geonames = uris.map(geonamesIn).find(Boolean) ?? geonamesIn((geo?.source as Json | undefined)?.id);
      const geoSource = (geo?.source ?? geo) as Json | undefined;
      const place = type === 'place' ? placeOf(ws, geonames, geoSource, name) : null;
      const ownId = ours ? ownEntities.get(uuidIn(ours.id)!) : undefined;
      entity = { type, name, place, ...(ownId ? { id: ownId } : {}) };
      details.aliases = asArray(described?.altLabel).filter((x): x is string => typeof x === 'string');
      details.notes = typeof described?.description === 'string' ? described.description : null;
      details.wikidata = [...uris, ...asArray(described?.sameAs)].map(qidIn).find(Boolean) ?? null;
      details.geonamesId = geonames ?? null;
    }
    const date = bodies.find((b) => b.purpose === 'describing' && typeof b.value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(b.value as string))?.value as string | undefined;
    const adjectival = type === 'place' && bodies.some((b) => b.purpose === 'classifying' && b.value === 'adjectival');
    const outcome = ws.entities.importMention(article.id, start, end, type, entity, date ?? null, 'accepted', adjectival);
    if (outcome === 'created') result.created++;
    else if (outcome === 'matched') result.matched++;
    else return skip(`${label}: “${exact.slice(0, 60)}” overlaps an annotation already decided here, which was kept.`);
    const entityId = ws.db.prepare("SELECT entity_id FROM mention WHERE article_id = ? AND start = ? AND end = ? AND status = 'accepted'").pluck().get(article.id, start, end) as number | null | undefined;
    if (entityId) {
      applyEntityDetails(ws, entityId, details);
      if (typeof a.id === 'string') entityOfAnnotation.set(a.id, entityId);
    }
  }

  function importLink(a: Json, index: number): void {
    const label = `Annotation ${index + 1}`;
    const targets = asArray(a.target).map((t) => (typeof t === 'string' ? { id: t } : t)) as Json[];
    // Our shape: the two ends are entity resources (id, label, type); RecogitoJS's: the ids of two name annotations.
    const ends = targets
      .filter((t) => !t.selector)
      .slice(0, 2)
      .map((t) => {
        const own = ownEntities.get(uuidIn(t.id) ?? '');
        if (own) return own;
        if (typeof t.id === 'string' && entityOfAnnotation.has(t.id)) return entityOfAnnotation.get(t.id)!;
        const type = nameTypeOf(t.type);
        if (typeof t.label === 'string' && t.label.trim() && type && type !== 'date' && ENTITY_TYPES.includes(type)) {
          const id = ws.entities.entities.resolve(type, t.label.trim(), null, 'analyst');
          applyEntityDetails(ws, id, { aliases: asArray(t.altLabel).filter((x): x is string => typeof x === 'string'), notes: typeof t.description === 'string' ? t.description : null, wikidata: asArray(t.sameAs).map(qidIn).find(Boolean) ?? null });
          return id;
        }
        return null;
      });
    if (ends.length < 2 || ends.some((e) => e === null)) return skip(`${label}: a link needs two entities (two targets naming entities, or the ids of two name annotations of this file that were imported).`);
    const [from, to] = ends as [number, number];
    if (from === to) return skip(`${label}: both ends of the link are the same entity.`);
    const bodies = asArray(a.body).map((b) => (typeof b === 'string' ? { type: 'TextualBody', value: b, purpose: 'tagging' } : b)) as Json[];
    const tag = bodies.find((b) => (b.purpose === 'tagging' || b.purpose === 'classifying') && typeof b.value === 'string')?.value as string | undefined;
    if (!tag) return skip(`${label}: the link does not say what kind of relation it is.`);
    const described = (prefix: string) =>
      bodies.map((b) => (b.purpose === 'describing' && typeof b.value === 'string' ? new RegExp(`^${prefix} (\\d{4}(-\\d{2}(-\\d{2})?)?)$`).exec(b.value)?.[1] : undefined)).find(Boolean) ?? null;
    const evidence: { articleId: number; start: number; end: number }[] = [];
    for (const t of targets.filter((x) => x.selector)) {
      const { article } = findArticle(t);
      const span = article ? locate(article.body, t) : null;
      if (article && span) evidence.push({ articleId: article.id, start: span.start, end: span.end });
      else note(`${label}: a quote it cites has no matching article here; the relation is kept without it.`);
    }
    const known = (RELATION_TYPES as readonly string[]).includes(tag) && tag !== 'custom';
    const input = RelationInput.safeParse({
      sourceId: from,
      targetId: to,
      type: known ? tag : 'custom',
      label: known ? null : tag,
      startDate: described('from'),
      endDate: described('until'),
      notes: (bodies.find((b) => b.purpose === 'commenting' && typeof b.value === 'string')?.value as string | undefined) ?? null,
    }, { error: plainIssue });
    if (!input.success) return skip(`${label}: ${plainIssues(input.error.issues).replace(/\n/g, '; ')}`);
    const own = ownRelations.get(uuidIn(a.id) ?? '');
    const same =
      own ??
      (ws.db.prepare('SELECT id FROM relation WHERE source_id = ? AND target_id = ? AND type = ? AND label IS ?').pluck().get(input.data.sourceId, input.data.targetId, input.data.type, input.data.label) as number | undefined);
    if (same) {
      result.matched++;
      return;
    }
    ws.relations.create(input.data, evidence);
    result.created++;
  }
}

/** Annotations in any of the shapes tools write: a collection with its first page, a page, a list, hypothes.is's search result, one annotation. */
function annotationsIn(json: unknown): Json[] {
  const root = json as Json;
  const raw: unknown[] = Array.isArray(json)
    ? json
    : root.type === 'AnnotationCollection'
      ? asArray((root.first as Json | undefined)?.items ?? root.items)
      : root.type === 'AnnotationPage'
        ? asArray(root.items)
        : Array.isArray(root.rows)
          ? root.rows
          : [json];
  return raw.filter((x): x is Json => typeof x === 'object' && x !== null).map(fromHypothesis);
}

/** hypothes.is's own API shape (tags, text, uri) as a Web Annotation; a Web Annotation passes unchanged. */
function fromHypothesis(a: Json): Json {
  if (a.type === 'Annotation' || !('uri' in a || 'tags' in a)) return a;
  return {
    id: a.id,
    type: 'Annotation',
    body: [...asArray(a.tags).map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t })), ...(typeof a.text === 'string' && a.text ? [{ type: 'TextualBody', purpose: 'commenting', value: a.text }] : [])],
    target: asArray(a.target).map((t) => ({ source: a.uri, ...(t as Json) })),
  };
}

/**
 * The article that annotations without a source (RecogitoJS annotates one page and names none)
 * belong to: the one holding the most of their quotes, looked for through the search index.
 */
function documentOfSourceless(ws: Workspace, items: Json[]): { id: number; body: string } | undefined {
  const quotes = items
    .flatMap((a) => asArray(a.target) as Json[])
    .filter((t) => typeof t === 'object' && t !== null && !t.source && !t.scope && t.selector)
    .flatMap((t) => (asArray(t.selector) as Json[]).filter((s) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string').map((s) => s.exact as string));
  if (quotes.length === 0) return undefined;
  const phrase = (q: string) => `"${q.replace(/"/g, '""')}"`;
  const candidates = new Set<number>();
  const search = ws.db.prepare('SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT 20').pluck();
  for (const q of [...new Set(quotes)].filter((q) => /[\p{L}\p{N}]/u.test(q)).slice(0, 5)) {
    try {
      for (const id of search.all(phrase(q)) as number[]) candidates.add(id);
    } catch {
      // A quote FTS cannot read as a phrase: the others still find the article.
    }
  }
  let best: { id: number; body: string } | undefined;
  let bestHits = 0;
  for (const id of candidates) {
    const body = ws.db.prepare('SELECT body FROM article_body WHERE article_id = ?').pluck().get(id) as string;
    const hits = quotes.filter((q) => body.includes(q)).length;
    if (hits > bestHits) [best, bestHits] = [{ id, body }, hits];
  }
  return best;
}

/** A place link from a GeoNames id this gazetteer knows, else from the coordinates a georeferencing body gives (a custom place). */
function placeOf(ws: Workspace, geonames: number | null, source: Json | undefined, name: string) {
  if (geonames) {
    try {
      return ws.entities.placeLink({ gazetteerId: geonames });
    } catch {
      // Not in this gazetteer: fall back to the coordinates the file gives.
    }
  }
  const coords = ((source?.geometry as Json | undefined)?.coordinates ?? null) as number[] | null;
  if (!coords || coords.length < 2 || !coords.every(Number.isFinite) || Math.abs(coords[1]!) > 90 || Math.abs(coords[0]!) > 180) return null;
  const label = typeof source?.label === 'string' ? source.label.split(',')[0]!.trim() || name : name;
  const existing = ws.entities.entities.findCustomPlace(label, coords[1]!, coords[0]!);
  return existing ? ws.entities.placeLink({ gazetteerId: existing.id }) : ws.entities.placeLink({ custom: { name: label.slice(0, 200), lat: coords[1]!, lon: coords[0]! } });
}
