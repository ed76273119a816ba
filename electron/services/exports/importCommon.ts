import { placeLinkOf } from '../../../db/entities.js';
import { EventError } from '../../../db/events.js';
import { UserError } from '../errors.js';
import { fingerprintOf } from '../extract/article.js';
import { wordCount } from '../extract/plainText.js';
import type { EntityType, MentionType } from '../../contract/entities.js';
import { EventInput, type EvidenceInput } from '../../contract/events.js';
import type { ExchangeImportResult } from '../../contract/exports.js';
import { plainIssue, plainIssues } from '../../contract/plainErrors.js';
import type { Workspace } from '../workspace.js';
import { readQuoteSource } from './citation.js';
import { fromCodePoints } from './offsets.js';
import { wikidataId } from './safeText.js';

/** What the importers of other tools' files share: the report, name types in their many spellings, entity details, verbatim articles. */

export type Json = Record<string, unknown>;
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** A report that lists at most 50 messages (a file of 10,000 bad rows must not produce a 10,000-line dialog). */
export function importReport(kind: ExchangeImportResult['kind']) {
  const result: ExchangeImportResult = { kind, created: 0, matched: 0, skipped: 0, messages: [] };
  const note = (message: string) => {
    if (result.messages.length < 50) result.messages.push(message);
    else if (result.messages.length === 50) result.messages.push('… and more; only the first 50 messages are listed.');
  };
  const skip = (why: string) => {
    result.skipped++;
    note(why);
  };
  return { result, note, skip };
}

/**
 * The kinds of name other tools tag, in any case: CoNLL's and spaCy's labels (PER, ORG, LOC, GPE,
 * NORP), brat's and Recogito's words (Person, Organization, Place, Location), TEI's element names.
 */
const NAME_TYPES: Record<string, MentionType> = {
  person: 'person', per: 'person', pers: 'person', persname: 'person', people: 'person', individual: 'person',
  organisation: 'organisation', organization: 'organisation', org: 'organisation', orgname: 'organisation', company: 'organisation', institution: 'organisation',
  place: 'place', location: 'place', loc: 'place', gpe: 'place', placename: 'place', geo: 'place', city: 'place', country: 'place', fac: 'place', facility: 'place',
  group: 'group', norp: 'group', nationality: 'group',
  date: 'date', time: 'date', timex: 'date', timex3: 'date',
};

/** The mention type a tag names, or null (MISC, EVENT and the like say nothing we can keep). */
export function nameTypeOf(tag: unknown): MentionType | null {
  if (typeof tag !== 'string') return null;
  return NAME_TYPES[tag.trim().toLowerCase().replace(/[\s_-]+/g, '')] ?? null;
}

export const ENTITY_TYPES: EntityType[] = ['person', 'organisation', 'place', 'group'];

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

/** What a file says about an entity beyond its name: kept on the entity, never overwriting what the analyst wrote. */
export interface EntityDetails {
  aliases?: string[];
  notes?: string | null;
  wikidata?: string | null;
  geonamesId?: number | null;
}

export function applyEntityDetails(ws: Workspace, entityId: number, details: EntityDetails): void {
  const reg = ws.entities.entities;
  for (const alias of details.aliases ?? []) if (alias.trim()) reg.addAlias(entityId, alias.trim().slice(0, 200));
  const row = ws.db.prepare('SELECT notes, wikidata, geonames_id AS geonamesId FROM entity WHERE id = ?').get(entityId) as { notes: string | null; wikidata: string | null; geonamesId: number | null } | undefined;
  if (!row) return;
  const patch: { notes?: string; wikidata?: string; geonamesId?: number } = {};
  if (!row.notes && details.notes?.trim()) patch.notes = details.notes.trim();
  const qid = wikidataId(details.wikidata ?? null);
  if (!row.wikidata && qid) patch.wikidata = qid;
  if (row.geonamesId === null && details.geonamesId && Number.isInteger(details.geonamesId)) patch.geonamesId = details.geonamesId;
  if (Object.keys(patch).length) reg.update(entityId, patch);
}

/** A Wikidata id in a URL or as a bare Q-number; a GeoNames id in a GeoNames URL. */
export const qidIn = (v: unknown): string | null => (typeof v === 'string' ? (/(?:^|\/)(Q\d+)$/.exec(v.trim())?.[1] ?? null) : null);
export const geonamesIn = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  if (typeof v !== 'string') return null;
  const m = /geonames\.org\/(\d+)/.exec(v) ?? /^(\d+)$/.exec(v.trim());
  return m ? Number(m[1]) : null;
};

/** The article of this workspace whose text has this fingerprint, with its text. */
const articleByFingerprint = (ws: Workspace, fingerprint: string) =>
  ws.db.prepare('SELECT a.id, b.body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.fingerprint = ?').get(fingerprint) as { id: number; body: string } | undefined;

/**
 * An article whose text is exactly `text`, byte for byte, so offsets written by another tool stay
 * valid: the one already here with that very text, else a new one stored verbatim (not cleaned as
 * an imported page is). Null when an article of the same fingerprint but different spacing or
 * punctuation is here: the caller then re-anchors by quote.
 */
export function verbatimArticle(ws: Workspace, text: string, fileName: string, title: string): { id: number; created: boolean; body: string } {
  const fingerprint = fingerprintOf(text);
  const existing = articleByFingerprint(ws, fingerprint);
  if (existing) return { id: existing.id, created: false, body: existing.body };
  const stored = ws.articles.insertMany([
    { title: title.slice(0, 500), source: null, url: null, author: null, published: null, dateline: null, words: wordCount(text), format: 'text', fileName, fingerprint, body: text },
  ]);
  const outcome = [...stored.values()][0]!;
  return { id: 'id' in outcome ? outcome.id : outcome.duplicateOf, created: 'id' in outcome, body: text };
}

/**
 * Where a quote stands by the source our exports write beside it (quoteSource: the text's
 * fingerprint and the span in code points), when this workspace holds that text and the quote is
 * there; null otherwise, and the caller falls back to the cited title.
 */
export function quoteAtSource(ws: Workspace, source: unknown, quote: string): { articleId: number; start: number } | null {
  const at = typeof source === 'string' ? readQuoteSource(source) : null;
  if (!at) return null;
  const article = articleByFingerprint(ws, at.fingerprint);
  const start = article ? fromCodePoints(article.body)(at.start) : null;
  return article && start !== null && article.body.startsWith(quote, start) ? { articleId: article.id, start } : null;
}

/**
 * The gazetteer record our export described by name, point and label ("Kunduz, Kunduz, AF" is the
 * town, "Kunduz, AF" the province at the same point), when there is one; null otherwise.
 */
export function placeByLabel(ws: Workspace, name: string, lat: number, lon: number, label: string | null) {
  if (!label) return null;
  const same = ws.entities.searchPlaces(name).find((p) => placeLinkOf(p).label === label && Math.abs(p.lat - lat) < 1e-4 && Math.abs(p.lon - lon) < 1e-4);
  return same ? ws.entities.placeLink({ gazetteerId: same.id }) : null;
}

/**
 * The quotes of a file that an event of this workspace lacks, added to it: the same field backed by
 * the same span of the same article is the same quote, so reading a file twice adds nothing. A
 * quote the event cannot take (its article was published before the event) is refused with why.
 */
export function addMissingEvidence(ws: Workspace, eventId: number, evidence: EvidenceInput[]): { added: number; refused: string[] } {
  const has = ws.db.prepare('SELECT 1 FROM event_evidence WHERE event_id = ? AND field = ? AND article_id = ? AND start = ? AND end = ?').pluck();
  const out = { added: 0, refused: [] as string[] };
  for (const e of evidence) {
    if (has.get(eventId, e.field, e.articleId, e.start, e.end)) continue;
    try {
      ws.events.addEvidence(eventId, e);
      out.added++;
    } catch (error) {
      if (!(error instanceof UserError || error instanceof EventError)) throw error;
      out.refused.push(error.message);
    }
  }
  return out;
}

/** The quotes of a file that a relation of this workspace lacks (the same span of the same article is the same quote), added; returns how many. */
export function addMissingRelationEvidence(ws: Workspace, relationId: number, evidence: { articleId: number; start: number; end: number }[]): number {
  const has = ws.db.prepare('SELECT 1 FROM relation_evidence WHERE relation_id = ? AND article_id = ? AND start = ? AND end = ?').pluck();
  let added = 0;
  for (const e of evidence) {
    if (has.get(relationId, e.articleId, e.start, e.end)) continue;
    ws.relations.addEvidence(relationId, e);
    added++;
  }
  return added;
}

/**
 * An event read from another tool's file, coded as the event form would code it (with the quotes
 * of evidence the file gives, when their articles are here): refused with its reasons in the
 * analyst's words, matched when the workspace already holds it (that event's id), or created.
 */
export function codeReadEvent(ws: Workspace, input: unknown, evidence: EvidenceInput[] = []): { refused: string } | { matched: number } | { created: number } {
  const parsed = EventInput.safeParse(input, { error: plainIssue });
  if (!parsed.success) return { refused: plainIssues(parsed.error.issues) };
  const problems = ws.events.validate(parsed.data, null, evidence);
  const duplicate = problems.find((p) => p.duplicateOf !== undefined);
  if (duplicate) return { matched: duplicate.duplicateOf! };
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) return { refused: errors.map((p) => p.message).join(' ') };
  const { event } = ws.events.create(parsed.data, evidence, true);
  return event ? { created: event.id } : { refused: 'it could not be coded here.' };
}
