import type { ExportArticle, ExportMention, ExportModel } from '../../../db/exportModel.js';
import type { RelationRecord } from '../../contract/relations.js';
import { withoutNested } from '../../contract/mentionNesting.js';
import { urnOf, type ExportIdentity } from './ids.js';
import { toCodePoints } from './offsets.js';
import { safeUrl, wikidataId } from './safeText.js';

/** The article an annotation targets: by its text's fingerprint, so the same text in another workspace is found again. */
export const articleUrn = (a: { fingerprint: string }) => `urn:awb:article:${a.fingerprint}`;

/**
 * The page of a quote in a paged document (PDF, multi-page scan), as the W3C model says a part of a
 * PDF is named: a FragmentSelector conforming to RFC 3778 ("page=7"). Other articles get none, so
 * their annotations are written exactly as before.
 */
const pageSelectors = (page: number | null) => (page === null ? [] : [{ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${page}` }]);

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const map = new Map<K, T[]>();
  for (const r of rows) (map.get(key(r)) ?? map.set(key(r), []).get(key(r))!).push(r);
  return map;
};

/**
 * An entity as a W3C resource: its id, name and type, and what must survive a round trip through
 * another tool (aliases as altLabel, notes as description, Wikidata and GeoNames as sameAs).
 */
function entityResource(
  e: { id: number; name: string; type: string; aliases?: string[]; notes?: string | null; wikidata?: string | null; geonamesId?: number | null },
  entityUrn: (id: number) => string,
): object {
  const wikidata = wikidataId(e.wikidata);
  const sameAs = [...(wikidata ? [`http://www.wikidata.org/entity/${wikidata}`] : []), ...(e.geonamesId ? [`https://sws.geonames.org/${e.geonamesId}/`] : [])];
  return {
    id: entityUrn(e.id),
    label: e.name,
    type: e.type,
    ...(e.aliases?.length ? { altLabel: e.aliases } : {}),
    ...(e.notes ? { description: e.notes } : {}),
    ...(sameAs.length ? { sameAs } : {}),
  };
}

/**
 * W3C Web Annotation (JSON-LD): each accepted annotation targets its article by a TextQuote and a
 * TextPosition selector; its bodies tag the type, identify the entity (Wikidata where known) and,
 * for places, georeference it (GeoNames where known, and a GeoJSON point).
 */
export function* w3cChunks(model: ExportModel, ids: ExportIdentity): Generator<string> {
  const entities = byId(model.entities);
  const articles = byId(model.articles);
  // Mentions come article by article, so one article's code points are kept at a time, not every article's.
  let counted: { id: number; cp: (offset: number) => number } | undefined;
  const codePointsOf = (article: ExportArticle) => (counted?.id === article.id ? counted : (counted = { id: article.id, cp: toCodePoints(model.body(article.id)) })).cp;
  const entityUrn = (id: number) => urnOf(ids.uuid('entity', id));
  /** Where a mention stands: its article, its quote with context, and its span. */
  const mentionTarget = (m: Omit<ExportMention, 'status'>) => {
    const article = articles.get(m.articleId)!;
    const cp = codePointsOf(article);
    return {
      source: articleUrn(article),
      ...(safeUrl(article.url) ? { scope: safeUrl(article.url) } : {}),
      selector: [
        { type: 'TextQuoteSelector', exact: m.quote, prefix: m.prefix, suffix: m.suffix },
        // The Web Annotation model counts a selector's characters as Unicode code points.
        { type: 'TextPositionSelector', start: cp(m.start), end: cp(m.end) },
        ...pageSelectors(model.pageOf(m.articleId, m.start)),
      ],
    };
  };
  const item = (m: ExportMention) => {
    const time = ids.time('mention', m.id);
    const entity = m.entityId ? entities.get(m.entityId) : undefined;
    const bodies: object[] = [{ type: 'TextualBody', purpose: 'tagging', value: m.type }];
    if (entity) {
      bodies.push({ type: 'SpecificResource', purpose: 'identifying', source: entityResource(entity, entityUrn) });
      const wikidata = wikidataId(entity.wikidata);
      if (wikidata) bodies.push({ type: 'SpecificResource', purpose: 'identifying', source: `http://www.wikidata.org/entity/${wikidata}` });
      if (entity.type === 'place' && entity.lat !== null && entity.lon !== null) {
        bodies.push({
          type: 'SpecificResource',
          purpose: 'georeferencing',
          source: {
            id: entity.geonamesId ? `https://sws.geonames.org/${entity.geonamesId}/` : `${entityUrn(entity.id)}#place`,
            label: entity.placeLabel ?? entity.name,
            geometry: { type: 'Point', coordinates: [entity.lon, entity.lat] },
          },
        });
      }
    }
    if (m.dateValue) bodies.push({ type: 'TextualBody', purpose: 'describing', value: m.dateValue, format: 'text/plain' });
    // "Russian" of Russia: the place is named by an adjective, which our import reads back.
    if (m.adjectival) bodies.push({ type: 'TextualBody', purpose: 'classifying', value: 'adjectival', format: 'text/plain' });
    // A suggestion says so in an assessing body, so a reader (or our own import) can tell it from a decision.
    if (m.status === 'suggested') bodies.push({ type: 'TextualBody', purpose: 'assessing', value: 'suggested', format: 'text/plain' });
    return {
      id: urnOf(ids.uuid('mention', m.id)),
      type: 'Annotation',
      motivation: m.type === 'date' ? 'tagging' : 'identifying',
      created: time.created,
      modified: time.modified,
      body: bodies,
      target: mentionTarget(m),
    };
  };
  // Relations as linking annotations (as Recogito writes them): the two entities are the first two
  // targets, in order; each span that says so is a further target; the type is a tagging body.
  const relation = (r: RelationRecord) => ({
    id: urnOf(ids.uuid('relation', r.id)),
    type: 'Annotation',
    motivation: 'linking',
    created: ids.time('relation', r.id).created,
    modified: ids.time('relation', r.id).modified,
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: r.type === 'custom' ? (r.label ?? 'related to') : r.type },
      ...(r.startDate ? [{ type: 'TextualBody', purpose: 'describing', value: `from ${r.startDate}` }] : []),
      ...(r.endDate ? [{ type: 'TextualBody', purpose: 'describing', value: `until ${r.endDate}` }] : []),
      ...(r.notes ? [{ type: 'TextualBody', purpose: 'commenting', value: r.notes }] : []),
    ],
    target: [
      entityResource(entities.get(r.source.id) ?? r.source, entityUrn),
      entityResource(entities.get(r.target.id) ?? r.target, entityUrn),
      ...r.evidence.flatMap((e) => {
        const article = articles.get(e.articleId);
        if (!article) return [];
        const cp = codePointsOf(article);
        return [
          {
            source: articleUrn(article),
            selector: [
              { type: 'TextQuoteSelector', exact: e.quote, prefix: model.body(article.id).slice(Math.max(0, e.start - 32), e.start), suffix: model.body(article.id).slice(e.end, e.end + 32) },
              { type: 'TextPositionSelector', start: cp(e.start), end: cp(e.end) },
              ...pageSelectors(model.pageOf(e.articleId, e.start)),
            ],
          },
        ];
      }),
    ],
  });
  // A rejection: the span and the type the analyst said it is not, so a workspace that reads the file
  // does not suggest that name there again. No entity: a rejected name identifies nothing.
  const rejection = (m: Omit<ExportMention, 'status'>) => {
    const time = ids.time('mention', m.id);
    return {
      id: urnOf(ids.uuid('mention', m.id)),
      type: 'Annotation',
      motivation: 'assessing',
      created: time.created,
      modified: time.modified,
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: m.type },
        { type: 'TextualBody', purpose: 'assessing', value: 'rejected', format: 'text/plain' },
      ],
      target: mentionTarget(m),
    };
  };
  // The same bytes as JSON.stringify(collection, null, 1), one annotation at a time.
  const total = model.mentions.length + model.rejected.length + model.relations.length;
  yield `{\n "@context": "http://www.w3.org/ns/anno.jsonld",\n "id": ${JSON.stringify(urnOf(ids.workspace))},\n "type": "AnnotationCollection",\n "label": "Analyst Workbench annotations",\n "total": ${total},\n "first": {\n  "type": "AnnotationPage",\n  "startIndex": 0,\n  "items": [`;
  let written = 0;
  const annotation = (o: object) => (written++ ? ',\n   ' : '\n   ') + JSON.stringify(o, null, 1).replace(/\n/g, '\n   ');
  for (const m of model.mentions) yield annotation(item(m));
  for (const m of model.rejected) yield annotation(rejection(m));
  for (const r of model.relations) yield annotation(relation(r));
  yield total ? '\n  ]\n }\n}' : ']\n }\n}';
}

const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
const BRAT_TYPE: Record<string, string> = { person: 'Person', organisation: 'Organisation', place: 'Place', group: 'Group', date: 'Date' };
const bratLabel = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'Other';

/** A span as brat fragments: brat's text-bound annotations may not cross a line break. */
function fragments(text: string, start: number, end: number, cp: (i: number) => number): string {
  const parts: string[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      if (i > s && text.slice(s, i).trim()) parts.push(`${cp(s)} ${cp(i)}`);
      s = i + 1;
    }
  }
  return parts.join(';');
}

/**
 * brat standoff: per article a .txt and an .ann with T (entities and event triggers), E (events with
 * their actors and place as arguments), R (relations) and N (normalisations to Wikidata, GeoNames and
 * our registry) lines; plus the annotation.conf that tells brat these types.
 */
export function toBrat(model: ExportModel, ids: ExportIdentity): { files: Map<string, string>; conf: string } {
  const entities = byId(model.entities);
  const mentionsOf = groupBy(model.mentions, (m) => m.articleId);
  const files = new Map<string, string>();
  const relationTypes = new Set<string>();
  const eventTypes = new Set<string>();
  for (const article of model.articles) {
    const text = model.body(article.id);
    const cp = toCodePoints(text);
    const lines: string[] = [];
    let t = 0;
    let n = 0;
    const firstT = new Map<number, string>();
    for (const m of mentionsOf.get(article.id) ?? []) {
      const frag = fragments(text, m.start, m.end, cp);
      if (!frag) continue;
      const id = `T${++t}`;
      lines.push(`${id}\t${BRAT_TYPE[m.type] ?? 'Other'} ${frag}\t${text.slice(m.start, m.end).replace(/\n/g, ' ')}`);
      const entity = m.entityId ? entities.get(m.entityId) : undefined;
      if (!entity) continue;
      if (!firstT.has(entity.id)) firstT.set(entity.id, id);
      // A tab or a line break in a name would start another field or line of the .ann file.
      const name = oneLine(entity.name);
      lines.push(`N${++n}\tReference ${id} AWB:${ids.uuid('entity', entity.id)}\t${name}`);
      const wikidata = wikidataId(entity.wikidata);
      if (wikidata) lines.push(`N${++n}\tReference ${id} Wikidata:${wikidata}\t${name}`);
      if (entity.geonamesId) lines.push(`N${++n}\tReference ${id} GeoNames:${entity.geonamesId}\t${oneLine(entity.placeLabel ?? entity.name)}`);
    }
    let e = 0;
    for (const ev of model.events) {
      const spans = ev.evidence.filter((x) => x.articleId === article.id);
      const trigger = spans.find((x) => x.field === 'eventType') ?? spans[0];
      if (!trigger) continue;
      const frag = fragments(text, trigger.start, trigger.end, cp);
      if (!frag) continue;
      const type = bratLabel(ev.subEventType);
      eventTypes.add(type);
      const tid = `T${++t}`;
      lines.push(`${tid}\t${type} ${frag}\t${text.slice(trigger.start, trigger.end).replace(/\n/g, ' ')}`);
      const args = [
        ['Actor1', ev.actor1?.entityId],
        ['Actor2', ev.actor2?.entityId],
        ['Place', ev.location?.entityId],
      ]
        .map(([role, id]) => (id && firstT.has(id as number) ? `${role}:${firstT.get(id as number)}` : null))
        .filter(Boolean);
      lines.push(`E${++e}\t${type}:${tid}${args.length ? ' ' + args.join(' ') : ''}`);
    }
    let r = 0;
    for (const rel of model.relations) {
      if (!rel.evidence.some((x) => x.articleId === article.id)) continue;
      const a = firstT.get(rel.source.id);
      const b = firstT.get(rel.target.id);
      if (!a || !b) continue;
      const type = bratLabel(rel.type === 'custom' ? (rel.label ?? 'related_to') : rel.type);
      relationTypes.add(type);
      lines.push(`R${++r}\t${type} Arg1:${a} Arg2:${b}`);
    }
    files.set(`${article.id}.txt`, text);
    files.set(`${article.id}.ann`, lines.length ? lines.join('\n') + '\n' : '');
  }
  const conf = [
    '[entities]',
    ...Object.values(BRAT_TYPE),
    '',
    '[relations]',
    ...[...relationTypes].map((r) => `${r}\tArg1:<ENTITY>, Arg2:<ENTITY>`),
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    ...[...eventTypes].map((ev) => `${ev}\tActor1?:<ENTITY>, Actor2?:<ENTITY>, Place?:Place`),
    '',
    '[attributes]',
    '',
  ].join('\n');
  return { files, conf };
}

const CONLL_TAG: Record<string, string> = { person: 'PER', organisation: 'ORG', place: 'LOC', group: 'MISC' };
const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/**
 * CoNLL-2003 with IOB2 tags (PER, ORG, LOC, MISC for groups): one token a line as
 * "token -X- -X- TAG", a blank line between sentences, a -DOCSTART- line before each article.
 * Dates have no CoNLL-2003 class and stay O.
 */
export function* conllChunks(model: ExportModel): Generator<string> {
  const mentionsOf = groupBy(model.mentions, (m) => m.articleId);
  // An empty export is one empty line, as it has always been.
  if (model.articles.length === 0) yield '\n';
  for (const article of model.articles) {
    const out = ['-DOCSTART- -X- -X- O', ''];
    // IOB2 cannot nest: a place named inside an organisation's name is left to the organisation.
    const spans = withoutNested((mentionsOf.get(article.id) ?? []).filter((m) => CONLL_TAG[m.type]));
    let k = 0;
    let current: ExportMention | null = null;
    let sentence: string[] = [];
    const flush = () => {
      if (sentence.length) out.push(...sentence, '');
      sentence = [];
    };
    let lastEnd = 0;
    const body = model.body(article.id);
    for (const match of body.matchAll(TOKEN)) {
      const start = match.index;
      const end = start + match[0].length;
      if (/\n\s*\n/.test(body.slice(lastEnd, start))) flush();
      lastEnd = end;
      while (k < spans.length && spans[k]!.end <= start) k++;
      const span = spans[k];
      let tag = 'O';
      // A token that overlaps an annotation belongs to it ("Taliban’s" is tagged as the Taliban).
      if (span && span.start < end && start < span.end) {
        tag = `${current === span ? 'I' : 'B'}-${CONLL_TAG[span.type]}`;
        current = span;
      } else current = null;
      sentence.push(`${match[0]} -X- -X- ${tag}`);
      if (/^[.!?]$/.test(match[0]) && tag === 'O') flush();
    }
    flush();
    yield out.join('\n') + '\n';
  }
}

