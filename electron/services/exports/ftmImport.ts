import { keepIdentity, type KeptKind } from '../../../db/identity.js';
import { nowIso, writeTransaction } from '../../../db/open.js';
import { readActorType, SUB_EVENT_TYPES, type ActorType, type SubEventType } from '../../contract/acled.js';
import { ArticlePatch } from '../../contract/articles.js';
import type { EntityType, MentionType } from '../../contract/entities.js';
import type { ExchangeImportResult } from '../../contract/exports.js';
import { RELATION_TYPES, RelationInput, type RelationInput as RelationInputType } from '../../contract/relations.js';
import { UserError } from '../errors.js';
import { nameKey } from '../gazetteer/normalise.js';
import type { Workspace } from '../workspace.js';
import { placeNear } from './acledImport.js';
import { ownIds, uuidIn } from './ids.js';
import { readCitedQuote } from './citation.js';
import { fromCodePoints } from './offsets.js';
import { addMissingRelationEvidence, applyEntityDetails, codeReadEvent, geonamesIn, importReport, placeByLabel, qidIn, quoteAtSource, verbatimArticle, type Json } from './importCommon.js';

/**
 * FollowTheMoney entities, one JSON object a line (or a JSON list), ours and other tools'
 * (OpenSanctions, Aleph): people, organisations and addresses become entities; Article its text,
 * verbatim; Mention a mention of the resolved entity in that text (where our export's
 * x_awb_span says it stands, else found by its name), with the review status x_awb_status gives; the interval schemata
 * (Membership, Representation, Directorship, UnknownLink and the others) relations; Event an event
 * when it says what ACLED coding needs (our export writes actor types and precisions in its
 * description), else it is reported, never coded with guessed values. A record made here keeps its
 * FtM id (a UUID), so exporting it again names it as the file did.
 */
export function importFtm(ws: Workspace, text: string, fileName: string): ExchangeImportResult {
  const records = ftmRecordsIn(text);
  const { result, note, skip } = importReport('ftm');
  const own = { entity: ownIds(ws.db, 'entity'), relation: ownIds(ws.db, 'relation'), event: ownIds(ws.db, 'event') };
  const entityOf = new Map<string, number>();
  const articleOf = new Map<string, { id: number; body: string; title: string }>();
  // Where the last mention of each article ended: other tools' FtM mentions carry no offsets, and are written in text order.
  const readTo = new Map<number, number>();
  const made: { kind: KeptKind; id: number; ftmId: string }[] = [];
  const label = (r: Json, i: number) => `Line ${i + 1} (${String(r.schema)}${first(r, 'name') ? ` “${first(r, 'name')!.slice(0, 60)}”` : ''})`;
  const left = new Map<string, number>();
  const ambiguous = new Set<string>();

  writeTransaction(ws.db, () => {
    records.forEach((r, i) => {
      if (ENTITY_SCHEMATA[r.schema as string]) importEntity(r, i);
      else if (r.schema === 'Article' || r.schema === 'Document' || r.schema === 'PlainText' || r.schema === 'HyperText') importArticle(r, i);
    });
    records.forEach((r, i) => {
      if (r.schema === 'Mention') importMention(r, i);
      else if (LINKS[r.schema as string]) importLink(r, i);
      else if (r.schema === 'Event') importEvent(r, i);
      else if (!ENTITY_SCHEMATA[r.schema as string] && !['Article', 'Document', 'PlainText', 'HyperText'].includes(r.schema as string)) left.set(String(r.schema), (left.get(String(r.schema)) ?? 0) + 1);
    });
    const at = nowIso();
    for (const m of made) keepIdentity(ws.db, m.kind, m.id, { uuid: uuidIn(m.ftmId)!, created: null, modified: null, at });
  });
  for (const [schema, n] of left) note(`Not imported: ${n} ${schema} record${n === 1 ? '' : 's'} (nothing here holds them).`);
  return result;

  function keep(kind: KeptKind, id: number, r: Json): void {
    if (uuidIn(r.id) && uuidIn(r.id) === String(r.id).toLowerCase()) made.push({ kind, id, ftmId: String(r.id) });
  }

  function importEntity(r: Json, i: number): void {
    const name = first(r, 'name')?.trim();
    if (!name) return skip(`${label(r, i)}: has no name.`);
    const type = ENTITY_SCHEMATA[r.schema as string]!;
    const details = {
      aliases: values(r, 'alias'),
      notes: values(r, 'notes').join('\n') || null,
      wikidata: values(r, 'wikidataId').map(qidIn).find(Boolean) ?? null,
      geonamesId: values(r, 'geonamesId').map(geonamesIn).find(Boolean) ?? null,
    };
    const existing = own.entity.get(uuidIn(r.id) ?? '');
    if (existing !== undefined) {
      entityOf.set(String(r.id), existing);
      applyEntityDetails(ws, existing, details);
      result.matched++;
      return;
    }
    let place = null;
    if (type === 'place') {
      const lat = Number(first(r, 'latitude'));
      const lon = Number(first(r, 'longitude'));
      if (first(r, 'latitude') && first(r, 'longitude') && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
        place = placeByLabel(ws, name, lat, lon, first(r, 'full') ?? null) ?? placeNear(ws, name.slice(0, 200), lat, lon);
      } else note(`${label(r, i)}: an address without coordinates; kept as a place without a point.`);
    }
    const before = ws.db.prepare('SELECT coalesce(max(id), 0) FROM entity').pluck().get() as number;
    // An entity only the machine suggested stays the machine's, so accepting a mention of it is still the analyst's call.
    const status = statusOf(r, i, ENTITY_STATUSES);
    const id = ws.entities.entities.resolve(type, name.slice(0, 200), place, status === 'suggested' ? 'auto' : 'analyst');
    applyEntityDetails(ws, id, details);
    entityOf.set(String(r.id), id);
    if (id > before) {
      result.created++;
      keep('entity', id, r);
    } else result.matched++;
  }

  function importArticle(r: Json, i: number): void {
    const body = first(r, 'bodyText');
    const title = first(r, 'title') ?? first(r, 'fileName') ?? first(r, 'name') ?? fileName;
    if (!body?.trim()) return skip(`${label(r, i)}: has no text (bodyText).`);
    const article = verbatimArticle(ws, body, fileName, title);
    if (article.created) {
      const patch = ArticlePatch.partial().safeParse({
        source: first(r, 'publisher') ?? null,
        url: first(r, 'sourceUrl') ?? null,
        author: first(r, 'author') ?? null,
        published: first(r, 'publishedAt') ?? null,
      });
      if (patch.success) ws.articles.update(article.id, patch.data);
      else note(`${label(r, i)}: ${patch.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}; left empty.`);
      result.created++;
    } else result.matched++;
    articleOf.set(String(r.id), { id: article.id, body: article.body, title });
  }

  function importMention(r: Json, i: number): void {
    const quote = first(r, 'name');
    const article = articleOf.get(first(r, 'document') ?? '');
    if (!quote || !article) return skip(`${label(r, i)}: its document is not an article of this file.`);
    const status = statusOf(r, i, MENTION_STATUSES);
    if (status === 'rejected') return importRejection(r, i, quote, article);
    const resolvedRef = first(r, 'resolved');
    const schema = first(r, 'detectedSchema') ?? '';
    const type: MentionType | null = resolvedRef ? (entityTypeOfId(resolvedRef) ?? null) : (ENTITY_SCHEMATA[schema] ?? null);
    if (!type) return skip(`${label(r, i)}: does not say what it names (resolved or detectedSchema).`);
    // A place is an Address, which FtM's Mention cannot resolve to: the file's place of that name that cites this article.
    const entityId = resolvedRef ? (entityOf.get(resolvedRef) ?? own.entity.get(uuidIn(resolvedRef) ?? '')) : (placeMarked(r) ?? placeCiting(quote, article.id, label(r, i)));
    if (entityId === undefined || entityId === null) return skip(`${label(r, i)}: “${quote.slice(0, 60)}” names no entity of this file.`);
    const at = markedAt(r, article.body, quote) ?? searchedAt(article, quote);
    if (at === -1) return skip(`${label(r, i)}: “${quote.slice(0, 60)}” is not in its article's text.`);
    readTo.set(article.id, at + quote.length);
    const outcome = ws.entities.importMention(article.id, at, at + quote.length, type, { type: type as EntityType, name: quote, place: null, id: entityId }, null, status);
    if (outcome === 'created') result.created++;
    else if (outcome === 'matched') result.matched++;
    else skip(`${label(r, i)}: “${quote.slice(0, 60)}” overlaps an annotation already decided here, which was kept.`);
  }

  /**
   * The analyst's "not a name of this type here" (our export with rejections): it replaces a
   * suggestion at that span, so this workspace's extraction does not suggest the name there again.
   * It resolves to nothing; its type is ours beside the properties (FtM has no group), else the
   * schema it was detected as.
   */
  function importRejection(r: Json, i: number, quote: string, article: { id: number; body: string }): void {
    const said = typeof r.x_awb_type === 'string' ? r.x_awb_type : undefined;
    const type = REJECTABLE.find((t) => t === said) ?? ENTITY_SCHEMATA[first(r, 'detectedSchema') ?? ''];
    if (!type) return skip(`${label(r, i)}: “${quote.slice(0, 60)}” is a rejection that does not say what kind of name it is not (person, organisation, place or group).`);
    const at = markedAt(r, article.body, quote) ?? searchedAt(article, quote);
    if (at === -1) return skip(`${label(r, i)}: “${quote.slice(0, 60)}” is not in its article's text.`);
    readTo.set(article.id, at + quote.length);
    const outcome = ws.entities.importMention(article.id, at, at + quote.length, type, null, null, 'rejected');
    if (outcome === 'created') result.created++;
    else if (outcome === 'matched') result.matched++;
    else skip(`${label(r, i)}: the rejection of “${quote.slice(0, 60)}” overlaps an annotation already decided here, which was kept.`);
  }

  /**
   * Whether the analyst accepted the record or the machine only suggested it (or, for a mention,
   * the analyst rejected it), as our export writes it beside the properties; another tool's record,
   * which says nothing, is accepted. A status not understood is reported with its line and read
   * as a suggestion, which asks the analyst to decide rather than deciding for them.
   */
  function statusOf<S extends string>(r: Json, i: number, known: readonly S[]): S | 'accepted' | 'suggested' {
    const said = r.x_awb_status;
    if (said === undefined || said === null) return 'accepted';
    const status = typeof said === 'string' ? known.find((k) => k === said.trim().toLowerCase()) : undefined;
    if (status !== undefined) return status;
    note(`${label(r, i)}: its review status (x_awb_status) “${String(typeof said === 'object' ? JSON.stringify(said) : said).slice(0, 60)}” is not one of ${known.join(', ')}; kept as a suggestion to review.`);
    return 'suggested';
  }

  /** Where our export said the mention stands (x_awb_span, in code points), when the text there is its name. */
  function markedAt(r: Json, body: string, quote: string): number | null {
    const span = r.x_awb_span as Json | undefined;
    if (typeof span !== 'object' || span === null || typeof span.start !== 'number') return null;
    const start = fromCodePoints(body)(span.start);
    return start !== null && body.startsWith(quote, start) ? start : null;
  }

  /** Another tool's Mention says only the name: the next occurrence after the article's last mention, else the first. */
  function searchedAt(article: { id: number; body: string }, quote: string): number {
    const start = article.body.indexOf(quote, readTo.get(article.id) ?? 0);
    return start === -1 ? article.body.indexOf(quote) : start;
  }

  function entityTypeOfId(ref: string): EntityType | undefined {
    const id = entityOf.get(ref) ?? own.entity.get(uuidIn(ref) ?? '');
    return id === undefined ? undefined : (ws.db.prepare('SELECT type FROM entity WHERE id = ?').pluck().get(id) as EntityType | undefined);
  }

  /** The place our export named beside the Mention (x_awb_place), which FtM's `resolved` cannot hold. */
  function placeMarked(r: Json): number | null {
    return typeof r.x_awb_place === 'string' ? (entityOf.get(r.x_awb_place) ?? null) : null;
  }

  /**
   * The file's place that a mention of an Address means (another tool's file): one that cites the article and goes by
   * that name. Two such places (the town and the province of Kunduz) cannot be told apart by a
   * Mention, which carries no offsets: the first is taken, and the report says so.
   */
  function placeCiting(quote: string, articleId: number, line: string): number | null {
    const ids = records
      .filter((r) => r.schema === 'Address' && values(r, 'proof').some((p) => articleOf.get(p)?.id === articleId))
      .map((r) => entityOf.get(String(r.id)))
      .filter((id): id is number => id !== undefined);
    const named = ids.filter((id) => (ws.db.prepare('SELECT count(*) FROM entity_alias WHERE entity_id = ? AND key = ?').pluck().get(id, nameKey(quote)) as number) > 0);
    if (named.length > 1 && !ambiguous.has(`${articleId}\u0000${nameKey(quote)}`)) {
      ambiguous.add(`${articleId}\u0000${nameKey(quote)}`);
      note(`${line}: “${quote.slice(0, 60)}” may be any of ${named.length} places of this file that its article names; its mentions there are linked to the first. Check them in the article.`);
    }
    return named[0] ?? null;
  }

  function endOf(ref: string | undefined): number | null {
    if (!ref) return null;
    return entityOf.get(ref) ?? own.entity.get(uuidIn(ref) ?? '') ?? null;
  }

  function importLink(r: Json, i: number): void {
    const [defaultType, fromProp, toProp] = LINKS[r.schema as string]!;
    const from = endOf(first(r, fromProp));
    const to = endOf(first(r, toProp));
    if (from === null || to === null) return skip(`${label(r, i)}: its ${fromProp} or ${toProp} is not an entity of this file or workspace.`);
    if (from === to) return skip(`${label(r, i)}: both ends are the same entity.`);
    const role = first(r, 'role')?.trim() ?? '';
    // The role names the relation where it is one of ours; else the schema does (a Directorship is
    // "leader of", its role "Owner and director" kept in the notes), else the role is a custom type.
    const named = RELATION_TYPES.find((t) => t !== 'custom' && t === role.toLowerCase());
    const known = named ?? defaultType;
    const custom = role || (r.schema === 'UnknownLink' ? 'related to' : String(r.schema).toLowerCase());
    const notes = [...values(r, 'summary'), ...(known && !named && role ? [`Role: ${role}`] : [])].join('\n');
    const input = RelationInput.safeParse({
      sourceId: from,
      targetId: to,
      type: known ?? 'custom',
      label: known ? null : custom.slice(0, 100),
      startDate: first(r, 'startDate') ?? first(r, 'date') ?? null,
      endDate: first(r, 'endDate') ?? null,
      notes: notes || null,
    });
    if (!input.success) return skip(`${label(r, i)}: ${input.error.issues.map((x) => x.message).join(' ')}`);
    const same =
      own.relation.get(uuidIn(r.id) ?? '') ??
      (ws.db.prepare('SELECT id FROM relation WHERE source_id = ? AND target_id = ? AND type = ? AND label IS ?').pluck().get(from, to, input.data.type, input.data.label) as number | undefined);
    if (same !== undefined) {
      // A relation held here already: the file's quotes it lacks join it (the same span once).
      addMissingRelationEvidence(ws, same, evidenceOf(r, label(r, i)));
      result.matched++;
      return;
    }
    keep('relation', ws.relations.create(input.data, evidenceOf(r, label(r, i))), r);
    result.created++;
  }

  /**
   * Our export writes a relation's quotes as “quote” — article title (with ", p. 7" for a page of
   * a PDF or scan): found again in the file's articles.
   */
  function evidenceOf(r: Json, line: string): { articleId: number; start: number; end: number }[] {
    const out: { articleId: number; start: number; end: number }[] = [];
    const sources = Array.isArray(r.x_awb_evidence) ? (r.x_awb_evidence as unknown[]) : [];
    values(r, 'description').forEach((d, n) => {
      const cited = readCitedQuote(d);
      const titled = (title: string) => [...articleOf.values()].find((a) => a.title === title);
      const article = cited ? (titled(cited.title) ?? titled(cited.title.replace(/, p\. \d+$/, ''))) : undefined;
      // Where our export said the quote stands, else its first occurrence in the article of that title.
      const at = cited ? (quoteAtSource(ws, sources[n], cited.quote) ?? (article ? { articleId: article.id, start: article.body.indexOf(cited.quote) } : null)) : null;
      if (at && at.start !== -1) out.push({ articleId: at.articleId, start: at.start, end: at.start + cited!.quote.length });
      else note(`${line}: the quote “${d.slice(0, 60)}” has no article of this file to stand in; the relation is kept without it.`);
    });
    return out;
  }

  function importEvent(r: Json, i: number): void {
    if (own.event.get(uuidIn(r.id) ?? '') !== undefined) {
      result.matched++;
      return;
    }
    const name = first(r, 'name') ?? '';
    const sub = [...SUB_EVENT_TYPES].sort((a, b) => b.length - a.length).find((s) => name.toLowerCase() === s.toLowerCase() || name.toLowerCase().startsWith(`${s.toLowerCase()} in `)) as SubEventType | undefined;
    if (!sub) return skip(`${label(r, i)}: its name does not begin with an ACLED sub-event type.`);
    const said = describedEvent(first(r, 'description') ?? '');
    const missing = [said.timePrecision === null && 'time precision', said.geoPrecision === null && 'geo precision', said.fatalities === null && 'fatalities', said.actor1 === null && 'actor 1’s type'].filter(Boolean);
    if (missing.length) return skip(`${label(r, i)}: its description does not give ${missing.join(', ')} (ACLED coding needs them; nothing is guessed).`);
    const organizer = endOf(first(r, 'organizer'));
    const involved = values(r, 'involved').map(endOf);
    if (organizer === null || involved.includes(null)) return skip(`${label(r, i)}: its organizer or someone involved is not an entity of this file.`);
    const others = (involved as number[]).filter((id, n) => !(n === 0 && id === organizer));
    const actor2 = said.actor2 !== null ? others.shift() : undefined;
    if (said.actor2 !== null && actor2 === undefined) return skip(`${label(r, i)}: its description names an actor 2, but only one actor is involved.`);
    if (others.length !== said.associates1 + said.associates2) return skip(`${label(r, i)}: its description counts ${said.associates1 + said.associates2} associated actors, but ${others.length} are involved.`);
    const location = first(r, 'addressEntity');
    const locationId = location ? endOf(location) : null;
    if (location && locationId === null) return skip(`${label(r, i)}: its address is not a place of this file.`);
    const date = first(r, 'date') ?? '';
    const outcome = codeReadEvent(ws, {
      date: /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date.slice(0, 10),
      timePrecision: said.timePrecision,
      subEventType: sub,
      actor1: { entityId: organizer, type: said.actor1 },
      actor2: actor2 !== undefined ? { entityId: actor2, type: said.actor2 } : null,
      associates1: others.slice(0, said.associates1),
      associates2: others.slice(said.associates1),
      civilianTargeting: said.civilianTargeting,
      locationId,
      geoPrecision: said.geoPrecision,
      fatalities: said.fatalities,
      notes: values(r, 'summary').join('\n') || null,
    });
    if ('refused' in outcome) return skip(`${label(r, i)}: ${outcome.refused}`);
    if ('matched' in outcome) {
      result.matched++;
      return;
    }
    keep('event', outcome.created, r);
    result.created++;
  }
}

const ENTITY_STATUSES = ['accepted', 'suggested'] as const;
const MENTION_STATUSES = ['accepted', 'suggested', 'rejected'] as const;
/** The kinds of name a rejection can say a span is not (a date is not rejected in FtM, which has no date mention). */
const REJECTABLE: readonly EntityType[] = ['person', 'organisation', 'place', 'group'];

/** FtM schemata that are a person, an organisation or a place here (FtM has no group: groups leave as Organization). */
const ENTITY_SCHEMATA: Record<string, EntityType> = {
  Person: 'person',
  Organization: 'organisation',
  Company: 'organisation',
  PublicBody: 'organisation',
  LegalEntity: 'organisation',
  Address: 'place',
};

/** Interval schemata as relations: the type when no role says otherwise, and the properties holding the two ends. */
const LINKS: Record<string, [type: RelationInputType['type'] | undefined, from: string, to: string]> = {
  Membership: ['member of', 'member', 'organization'],
  Representation: ['spokesman for', 'agent', 'client'],
  Directorship: ['leader of', 'director', 'organization'],
  UnknownLink: [undefined, 'subject', 'object'],
  Associate: [undefined, 'person', 'associate'],
  Family: [undefined, 'person', 'relative'],
  Employment: [undefined, 'employee', 'employer'],
  Ownership: [undefined, 'owner', 'asset'],
  Succession: [undefined, 'predecessor', 'successor'],
};

/** What our FtM export's event description says (graph.ts ftmEventDescription); null where it says nothing. */
export function describedEvent(description: string) {
  const parts = description.split(';').map((p) => p.trim());
  const number = (re: RegExp) => {
    const m = parts.map((p) => re.exec(p)).find(Boolean);
    return m ? Number(m[1]) : null;
  };
  const precision = (re: RegExp) => {
    const n = number(re);
    return n === 1 || n === 2 || n === 3 ? n : null;
  };
  const actor = (n: 1 | 2): ActorType | null => {
    const p = parts.find((x) => x.toLowerCase().startsWith(`actor ${n}:`));
    return p ? readActorType(p.slice(`actor ${n}:`.length).trim()) : null;
  };
  const associates = /^associates: (\d+) with actor 1, (\d+) with actor 2$/i.exec(parts.find((p) => /^associates:/i.test(p)) ?? '');
  return {
    fatalities: number(/^(\d+) fatalit(?:y|ies)$/i),
    geoPrecision: precision(/^geo precision (\d)$/i),
    timePrecision: precision(/^time precision (\d)$/i),
    actor1: actor(1),
    actor2: actor(2),
    associates1: associates ? Number(associates[1]) : 0,
    associates2: associates ? Number(associates[2]) : 0,
    civilianTargeting: parts.some((p) => p.toLowerCase() === 'civilian targeting'),
  };
}

const values = (r: Json, prop: string): string[] => {
  const v = (r.properties as Json | undefined)?.[prop];
  return (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter((x): x is string => typeof x === 'string');
};
const first = (r: Json, prop: string): string | undefined => values(r, prop)[0];

/**
 * The records of a JSON-lines file (or a JSON list of them). A line that is not JSON, or not an
 * FtM record (id, schema, properties), refuses the whole file before anything is written.
 */
function ftmRecordsIn(text: string): Json[] {
  const trimmed = text.trim();
  let records: unknown[];
  if (trimmed.startsWith('[')) {
    try {
      records = JSON.parse(trimmed) as unknown[];
    } catch (error) {
      throw new UserError('bad_ftm', `This FollowTheMoney file is not valid JSON: ${(error as Error).message}. Nothing was imported.`);
    }
  } else {
    records = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((line, n) => {
      if (!line.trim()) return;
      try {
        records.push(JSON.parse(line));
      } catch {
        throw new UserError('bad_ftm', `Line ${n + 1} of this FollowTheMoney file is not JSON (“${line.trim().slice(0, 60)}”). Nothing was imported.`);
      }
    });
  }
  const bad = records.findIndex((r) => typeof r !== 'object' || r === null || typeof (r as Json).schema !== 'string' || typeof (r as Json).id !== 'string' || typeof (r as Json).properties !== 'object' || (r as Json).properties === null);
  if (bad !== -1) throw new UserError('bad_ftm', `Record ${bad + 1} of this FollowTheMoney file has no id, schema or properties. Nothing was imported.`);
  const seen = new Map<string, number>();
  (records as Json[]).forEach((r, i) => {
    if (seen.has(r.id as string)) throw new UserError('bad_ftm', `Records ${seen.get(r.id as string)! + 1} and ${i + 1} of this FollowTheMoney file have the same id (${String(r.id).slice(0, 80)}). Nothing was imported.`);
    seen.set(r.id as string, i);
  });
  return records as Json[];
}
