import { EntitiesRepository, placeLinkOf, type PlaceLink } from '../../../db/entities.js';
import { MentionsRepository, type NewMention } from '../../../db/mentions.js';
import { MentionCounts } from '../../../db/mentionCounts.js';
import { nowIso, writeTransaction, type Db } from '../../../db/open.js';
import { A_TYPE, type BasemapLabels, type EntityType, type MentionType, type PlaceCandidate, type PlacePick, type PlaceScope } from '../../contract/entities.js';
import { trimSpan, type Span } from '../../contract/spanEdges.js';
import { clash } from '../../contract/mentionNesting.js';
import { UserError } from '../errors.js';
import type { Gazetteer, Place } from '../gazetteer/gazetteer.js';
import { nameKey } from '../gazetteer/normalise.js';
import { NATURAL_WORD } from '../gazetteer/regions.js';
import { resolveToponyms } from '../gazetteer/resolve.js';
import { acceptSuggested, linkName } from './acceptSuggested.js';
import { placeableMention, placeEntity } from './placeEntity.js';
import { facilityLookupName } from './placeLinks.js';
import { readArticles, type ArticleToRead, type ReadResult } from './readArticles.js';
import { dateOfSpan, type SpanDate } from './spanDates.js';
import { suggestionModel, withModelLabel } from './tagger/learner.js';

/** Bumped when the extractor changes enough that old suggestions should be redone. */
export const EXTRACTOR_VERSION = 4;
/** More suggestions than this in one article cannot be reviewed by a person. */
export const MAX_SUGGESTIONS = 5_000;

const FACILITIES: Record<string, PlaceCandidate['facility']> = { AIRP: 'airport', AIRB: 'air base' };

const toCandidate = (p: Omit<Place, 'feature'> & { feature?: string | null; score?: number }): PlaceCandidate => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  country: p.country,
  admin1Name: p.admin1Name,
  lat: p.lat,
  lon: p.lon,
  population: p.population,
  geonamesId: p.geonamesId ?? null,
  ...(p.score === undefined ? {} : { score: Math.round(p.score * 100) / 100 }),
  ...(p.feature && FACILITIES[p.feature] ? { facility: FACILITIES[p.feature] } : {}),
  ...(p.kind === 'region' && p.feature && NATURAL_WORD[p.feature] ? { natural: NATURAL_WORD[p.feature] } : {}),
});

/** Suggestions, the analyst's review of them, and the links from mentions to entities. */
export class EntityService {
  readonly mentions: MentionsRepository;
  readonly entities: EntitiesRepository;

  constructor(
    private readonly db: Db,
    readonly gazetteer: () => Gazetteer,
  ) {
    this.mentions = new MentionsRepository(db);
    this.entities = new EntitiesRepository(db);
  }

  /** (Re-)runs the extractor on articles. Decisions already made are kept; only suggestions are redone. */
  suggest(articleIds: number[]): { articles: number; suggestions: number; failed: { articleId: number; reason: string }[] } {
    const articles = this.articlesToRead(articleIds);
    // The workspace's own name model when it has learnt one from the analyst's decisions; each suggestion says which.
    const names = suggestionModel(this.db);
    const results = readArticles(articles, { gazetteer: this.gazetteer(), registry: this.registry(), namesModel: names.model });
    return this.storeSuggestions(articles, results.map((r) => ('suggestions' in r ? { ...r, suggestions: withModelLabel(r.suggestions, names.label) } : r)));
  }

  /** The workspace's confirmed names, which the extractor finds again wherever they appear. */
  registry(): Map<string, EntityType> {
    return this.entities.registry();
  }

  articlesToRead(articleIds: number[]): ArticleToRead[] {
    const read = this.db.prepare('SELECT a.published, b.body FROM article a JOIN article_body b ON b.article_id = a.id WHERE a.id = ?');
    return articleIds.flatMap((articleId) => {
      const article = read.get(articleId) as { published: string | null; body: string } | undefined;
      return article ? [{ articleId, body: article.body, published: article.published }] : [];
    });
  }

  /**
   * Stores what the extractor read, in one transaction for the batch: each article's old suggestions
   * are replaced, its decisions kept. An article deleted or changed since it was read is left for
   * the next run; one the extractor could not read is marked done all the same (with the reason
   * returned), so the background queue never takes it up again until the extractor changes.
   */
  storeSuggestions(articles: readonly ArticleToRead[], results: readonly ReadResult[]): { articles: number; suggestions: number; failed: { articleId: number; reason: string }[] } {
    const current = this.db.prepare('SELECT body FROM article_body WHERE article_id = ?').pluck();
    let suggestions = 0;
    const failed: { articleId: number; reason: string }[] = [];
    // Only entities that lost a suggestion here can have become orphans: pruning just those keeps a
    // batch's cost independent of the registry's size.
    const replaced: (number | null)[] = [];
    // A name repeats within an article and across a batch ("Taliban" ten times): it is looked up
    // (and its alias written) once per transaction, which halves the cost of storing suggestions.
    const linked = new Map<string, number>();
    writeTransaction(this.db, () => {
      // Each entity's counts change once for the batch, not once per mention (db/mentionCounts.ts).
      const counts = new MentionCounts(this.db);
      const at = nowIso();
      results.forEach((result, i) => {
        const { articleId, body } = articles[i]!;
        if (current.get(articleId) !== body) return;
        if ('error' in result) {
          failed.push({ articleId, reason: result.error });
          this.mentions.markExtracted(articleId, EXTRACTOR_VERSION);
          return;
        }
        let found = result.suggestions;
        if (found.length > MAX_SUGGESTIONS) {
          // A list or a dump, not an article: review would be impossible. Keep the first ones and say so.
          failed.push({ articleId, reason: `${found.length.toLocaleString('en')} names found; only the first ${MAX_SUGGESTIONS.toLocaleString('en')} were kept as suggestions.` });
          found = found.slice(0, MAX_SUGGESTIONS);
        }
        const cleared = this.mentions.clearSuggestions(articleId);
        for (const id of cleared) counts.deleted(id, 'suggested', articleId);
        replaced.push(...cleared);
        const decided = this.mentions.decided(articleId);
        const people = new Map<string, number>();
        for (const s of found) {
          if (decided.some((d) => clash(d, s))) continue;
          const candidates = (s.places ?? []).map(toCandidate);
          const entityId = s.type === 'date' ? null : this.link(s.type, linkName(s.text, !!s.adjectival, candidates[0]), candidates[0] ?? null, people, linked);
          const mention: NewMention = { start: s.start, end: s.end, type: s.type, status: 'suggested', origin: 'auto', entityId, confidence: s.confidence, reason: s.reason, date: s.date ?? null, candidates, adjectival: s.adjectival };
          this.mentions.insert(articleId, body, mention, at);
          counts.inserted(entityId, 'suggested', articleId);
          suggestions++;
        }
        this.mentions.markExtracted(articleId, EXTRACTOR_VERSION);
      });
      counts.apply();
      this.entities.pruneOrphans([...new Set(replaced)]);
    });
    return { articles: articles.length, suggestions, failed };
  }

  /**
   * The entity a mention's words name. A person named by surname after the full name ("Ghani"
   * after "Ashraf Ghani") is the same person. An entity made here only to hold a mention is
   * 'auto' even when the analyst drew, stretched or retyped the span: it is the registry's, and
   * goes when its last mention goes (pruneOrphans). The analyst makes an entity by creating,
   * editing, placing, splitting or merging it.
   */
  private link(type: EntityType, name: string, place: PlaceCandidate | null, people: Map<string, number>, linked?: Map<string, number>): number {
    const key = nameKey(name);
    if (type === 'person') {
      for (const [full, id] of people) if (full.endsWith(` ${key}`)) return id;
    }
    const memo = `${type}\u0000${key}\u0000${place?.id ?? ''}`;
    const id = linked?.get(memo) ?? this.entities.resolve(type, name, place ? placeLinkOf(place) : null, 'auto');
    linked?.set(memo, id);
    if (type === 'person') people.set(key, id);
    return id;
  }

  review(mentionId: number, action: 'accept' | 'reject', scope: 'this' | 'article' | 'all'): number {
    return writeTransaction(this.db, () => {
      const m = this.mustGet(mentionId);
      let entityId = m.entityId;
      if (action === 'accept' && entityId === null && m.type !== 'date') entityId = this.link(m.type, linkName(m.quote, m.adjectival, m.candidates[0]), m.candidates[0] ?? null, new Map());
      this.mentions.update(mentionId, { status: action === 'accept' ? 'accepted' : 'rejected', entityId });
      let changed = 1;
      if (scope !== 'this') {
        for (const o of this.mentions.occurrences(m.quote, scope === 'article' ? m.articleId : null)) {
          const overlapping = this.mentions.overlapping(o.articleId, o.start, o.end, m.type);
          if (overlapping.some((x) => x.id === mentionId)) continue;
          const exact = overlapping.length === 1 ? this.mentions.get(overlapping[0]!.id)! : null;
          if (exact && exact.start === o.start && exact.end === o.end && exact.status === 'suggested') {
            this.mentions.update(exact.id, {
              status: action === 'accept' ? 'accepted' : 'rejected',
              type: m.type,
              entityId: action === 'accept' ? entityId : exact.entityId,
              // Read as the decided mention is: a "Russian" the tagger took for a group becomes an adjective of Russia too.
              ...(action === 'accept' ? { adjectival: m.adjectival } : {}),
              ...(action === 'accept' && m.type === 'date' && exact.type !== 'date' ? { date: this.dateAt(o.articleId, o.start, o.end, o.body) } : {}),
            });
            changed++;
          } else if (overlapping.length === 0 && action === 'accept') {
            // "Sunday" in another article is the Sunday before that article's publication.
            const date = m.type === 'date' ? this.dateAt(o.articleId, o.start, o.end, o.body) : null;
            this.mentions.insert(o.articleId, o.body, { start: o.start, end: o.end, type: m.type, status: 'accepted', origin: 'analyst', entityId, date, candidates: m.candidates, adjectival: m.adjectival });
            changed++;
          }
        }
      }
      this.entities.pruneOrphans();
      return changed;
    });
  }

  /**
   * Accepts every suggestion the extractor was at least this sure of, as review() accepts one (linked
   * to its entity, the analyst's decision from then on), in one transaction. Accepting only adds
   * links, so no entity is left without mentions: nothing to prune.
   */
  acceptSuggested(minConfidence: number, type: MentionType | null, articleId: number | null = null): number {
    return acceptSuggested(this.db, this.mentions, this.entities, minConfidence, type, articleId);
  }

  /** Change the type of a mention (and what it links to); an analyst decision. */
  retype(mentionId: number, type: MentionType): void {
    writeTransaction(this.db, () => {
      const m = this.mustGet(mentionId);
      // Only an organisation holds a place inside it: as another type it must not share its text with one.
      this.claimSpan(this.body(m.articleId), m.start, m.end, type, m.articleId, mentionId);
      const entityId = type === 'date' ? null : this.link(type, m.quote, type === 'place' ? (m.candidates[0] ?? null) : null, new Map());
      // A date is read from its words; a mention retyped away from a date keeps no day.
      const date = type === 'date' ? { date: this.dateAt(m.articleId, m.start, m.end) } : m.type === 'date' ? { date: null } : {};
      // Retyped by the analyst, it is read as written: "Russian" as a group is no adjectival mention of Russia.
      this.mentions.update(mentionId, { type, entityId, status: 'accepted', adjectival: false, ...date });
      this.entities.pruneOrphans([m.entityId]);
    });
  }

  /** Stretch or shrink a span. */
  respan(mentionId: number, from: number, to: number): void {
    writeTransaction(this.db, () => {
      const m = this.mustGet(mentionId);
      const body = this.body(m.articleId);
      const { start, end } = this.claimAnalystSpan(body, from, to, m.type, m.articleId, mentionId);
      const quote = body.slice(start, end);
      const entityId = m.type === 'date' ? null : this.link(m.type, quote, m.type === 'place' ? (m.candidates[0] ?? null) : null, new Map());
      const date = m.type === 'date' ? { date: this.dateAt(m.articleId, start, end, body) } : {};
      this.mentions.update(mentionId, { start, end, body, entityId, status: 'accepted', adjectival: false, ...date });
      this.entities.pruneOrphans([m.entityId]);
    });
  }

  /** The analyst marks a span by hand. */
  annotate(articleId: number, from: number, to: number, type: MentionType, scope: 'this' | 'article' | 'all'): number {
    return writeTransaction(this.db, () => {
      const body = this.body(articleId);
      const { start, end } = this.claimAnalystSpan(body, from, to, type, articleId);
      const quote = body.slice(start, end);
      const candidates = type === 'place' ? this.placeCandidates(articleId, body, start, end) : [];
      const entityId = type === 'date' ? null : this.link(type, quote, candidates[0] ?? null, new Map());
      const date = type === 'date' ? this.dateAt(articleId, start, end, body) : null;
      const id = this.mentions.insert(articleId, body, { start, end, type, status: 'accepted', origin: 'analyst', entityId, candidates, date });
      if (scope !== 'this') this.review(id, 'accept', scope);
      return id;
    });
  }

  /**
   * An annotation read from an exchange file (W3C Web Annotation): accepted as the analyst's, linked
   * to the named entity. "matched" when the same span and type are already accepted here; "overlap"
   * when another decision covers part of it (that decision is kept). A file that says the mention
   * was only suggested, or rejected (our FtM export), keeps that status, as the machine's.
   */
  importMention(
    articleId: number,
    start: number,
    end: number,
    type: MentionType,
    entity: { type: EntityType; name: string; place: PlaceLink | null; id?: number } | null,
    date: string | null,
    status: 'accepted' | 'suggested' | 'rejected' = 'accepted',
    adjectival = false,
  ): 'created' | 'matched' | 'overlap' {
    return writeTransaction(this.db, () => {
      const body = this.body(articleId);
      const same = this.mentions.overlapping(articleId, start, end, type).map((o) => this.mentions.get(o.id)!);
      if (same.some((m) => m.start === start && m.end === end && m.type === type && m.status === status)) return 'matched';
      try {
        this.claimSpan(body, start, end, type, articleId);
      } catch (error) {
        if (error instanceof UserError && error.code === 'overlap') return 'overlap';
        throw error;
      }
      const entityId = entity && type !== 'date' ? (entity.id ?? this.entities.resolve(entity.type, entity.name, entity.place, 'analyst')) : null;
      if (entityId !== null && !adjectival && body.slice(start, end) !== entity!.name) this.entities.addAlias(entityId, body.slice(start, end));
      this.mentions.insert(articleId, body, {
        start,
        end,
        type,
        status,
        origin: status === 'accepted' ? 'analyst' : 'auto',
        entityId,
        date: date ? { value: date, until: null, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year' } : null,
        adjectival,
      });
      return 'created';
    });
  }

  linkEntity(mentionId: number, entityId: number): void {
    writeTransaction(this.db, () => {
      const m = this.mustGet(mentionId);
      const e = this.entities.get(entityId);
      if (m.type !== e.type) throw new UserError('type_mismatch', `This mention is ${A_TYPE[m.type]}; "${e.name}" is ${A_TYPE[e.type]}.`);
      // "Russian" is no name of Russia: the registry would find it again as the country's name.
      if (!m.adjectival) this.entities.addAlias(entityId, m.quote);
      this.mentions.update(mentionId, { entityId, status: 'accepted' });
      this.entities.pruneOrphans([m.entityId]);
    });
  }

  placeLink(pick: PlacePick): PlaceLink | null {
    if ('none' in pick) return null;
    // The same name at the same point is the same custom place, as a GeoJSON import keeps it.
    if ('custom' in pick) return placeLinkOf(this.entities.findCustomPlace(pick.custom.name, pick.custom.lat, pick.custom.lon) ?? this.entities.createCustomPlace(pick.custom.name, pick.custom.lat, pick.custom.lon));
    const place = pick.gazetteerId < 0 ? this.entities.customPlace(pick.gazetteerId) : this.gazetteer().get(pick.gazetteerId);
    if (!place) throw new UserError('not_found', 'That place is not in the gazetteer.');
    return placeLinkOf(toCandidate(place));
  }

  /**
   * The gazetteer's places of that name: those in the countries of the article being read first
   * (when there is one), then those of the workspace, then the biggest.
   */
  searchPlaces(text: string, articleId: number | null = null): PlaceCandidate[] {
    const countries = [...new Set([...(articleId === null ? [] : this.entities.articlePlaceCountries(articleId)), ...this.entities.placeCountries()])];
    return [...this.entities.customPlaces(text), ...this.gazetteer().search(text, 20, countries).map(toCandidate)];
  }

  /**
   * The analyst chooses where a place mention is, at one of three reaches: this mention alone, or
   * every mention of its entity in this article, moves to the entity of the chosen record (made if
   * the registry has none), leaving the entity and its other articles as they were; or the entity
   * itself is re-placed, with every mention of it everywhere (merged into the entity that already
   * holds the chosen record, when there is one). Returns the entity that now holds the mention and
   * how many mentions moved.
   */
  placeMention(mentionId: number, pick: PlacePick, scope: PlaceScope): { entityId: number; moved: number } {
    return writeTransaction(this.db, () => {
      const m = placeableMention(this.mentions, mentionId);
      const link = this.placeLink(pick);
      if (scope === 'entity' && m.entityId !== null) return placeEntity(this.db, this.mentions, this.entities, mentionId, link)!;
      if (!link || link.placeId === null) throw new UserError('invalid_place', 'Choose a place from the gazetteer or give a custom place its name and coordinates.');
      // Made for the mentions it holds: the registry's, gone again when they move on (pruneOrphans).
      const target = this.entities.ofPlace(m.quote, { ...link, placeId: link.placeId }, 'auto');
      const moving =
        scope === 'article' && m.entityId !== null
          ? this.mentions.forArticle(m.articleId).filter((o) => o.entityId === m.entityId && o.status !== 'rejected')
          : [m];
      for (const o of moving) {
        this.entities.addAlias(target, o.quote);
        this.mentions.update(o.id, { entityId: target, status: 'accepted' });
      }
      this.entities.pruneOrphans([m.entityId]);
      return { entityId: target, moved: moving.length };
    });
  }

  /**
   * The registry's entity for a gazetteer record or a custom place (the event form's location
   * picker): the one that already holds it, or a new one.
   */
  placeEntity(pick: PlacePick): number {
    return writeTransaction(this.db, () => {
      const link = this.placeLink(pick);
      if (!link || link.placeId === null) throw new UserError('invalid_place', 'Choose a place from the gazetteer or give a custom place its name and coordinates.');
      const name = 'custom' in pick ? pick.custom.name : link.label!.split(',')[0]!;
      return this.entities.ofPlace(name, { ...link, placeId: link.placeId }, 'analyst');
    });
  }

  /** Country and city names for the basemap's labels. */
  basemapLabels(): BasemapLabels {
    return this.gazetteer().basemapLabels();
  }

  /**
   * Candidates for a span the analyst marks as a place, ranked as the extractor ranks them: with
   * the article's other places (and its dateline, demonyms, "City, State" pairs) as context.
   */
  private placeCandidates(articleId: number, body: string, start: number, end: number): PlaceCandidate[] {
    const others = this.mentions.forArticle(articleId).filter((m) => m.type === 'place' && m.status !== 'rejected' && (m.end <= start || m.start >= end));
    const text = body.slice(start, end);
    // An air facility marked by hand is placed as the extractor places one: at its own record, else the airport or place it is named after.
    const lookupName = this.gazetteer().lookup(text).length ? undefined : facilityLookupName(text, this.gazetteer())?.lookupName;
    const spans = [...others.map((m) => ({ start: m.start, end: m.end, text: m.quote })), { start, end, text, lookupName }];
    return resolveToponyms(body, spans, this.gazetteer()).at(-1)!.slice(0, 5).map(toCandidate);
  }

  /**
   * After the article's publication date changed: every date mention is read again against it, so
   * that "on Sunday" names the Sunday before the new date, whoever decided the mention. A mention
   * whose words name no date (one read from a file, say) keeps the day it has. Returns how many changed.
   */
  redate(articleId: number): number {
    return writeTransaction(this.db, () => {
      const body = this.body(articleId);
      const published = this.published(articleId);
      let changed = 0;
      for (const m of this.mentions.forArticle(articleId)) {
        if (m.type !== 'date') continue;
        const date = dateOfSpan(body, m.start, m.end, published);
        if (!date || (date.value === m.date?.value && date.until === m.date?.until && date.precision === m.date?.precision)) continue;
        this.mentions.update(m.id, { date });
        changed++;
      }
      return changed;
    });
  }

  /** The date a span of this article names, against its publication date (spanDates.ts). */
  private dateAt(articleId: number, start: number, end: number, body = this.body(articleId)): SpanDate | null {
    return dateOfSpan(body, start, end, this.published(articleId));
  }

  private published(articleId: number): string | null {
    return (this.db.prepare('SELECT published FROM article WHERE id = ?').pluck().get(articleId) as string | null | undefined) ?? null;
  }

  private body(articleId: number): string {
    const body = this.db.prepare('SELECT body FROM article_body WHERE article_id = ?').pluck().get(articleId) as string | undefined;
    if (body === undefined) throw new UserError('not_found', `Article ${articleId} does not exist.`);
    return body;
  }

  /**
   * Makes room for a span the analyst drew (a new one, or an old one stretched or shrunk) and gives it
   * back trimmed: a span never starts or ends on white space or punctuation ("Kabul," → "Kabul"), but
   * keeps an abbreviation's stop ("U.S."). A span read from a file is claimed as the file gives it.
   */
  private claimAnalystSpan(body: string, from: number, to: number, type: MentionType, articleId: number, exceptId?: number): Span {
    const { start, end } = trimSpan(body, from, to);
    if (to > from && end <= start) throw new UserError('invalid_span', 'The span holds only spaces and punctuation.');
    this.claimSpan(body, start, end, type, articleId, exceptId);
    return { start, end };
  }

  /**
   * Makes room for an analyst's span: refuses a bad span or one over another decision, and removes
   * the automatic suggestions and rejected marks it covers. A place inside an organisation's name,
   * and the organisation around places, share their text (contract/mentionNesting.ts).
   */
  private claimSpan(body: string, start: number, end: number, type: MentionType, articleId: number, exceptId?: number): void {
    if (start < 0 || end > body.length || end <= start) throw new UserError('invalid_span', 'The span must cover some text of the article.');
    if (end - start > 300) throw new UserError('invalid_span', 'A name cannot be longer than 300 characters.');
    if (!/[\p{L}\p{N}]/u.test(body.slice(start, end))) throw new UserError('invalid_span', 'The span holds no letters or digits.');
    const overlapping = this.mentions.overlapping(articleId, start, end, type, exceptId);
    const replaceable = (o: { status: string; origin: string }) => o.status === 'rejected' || (o.status === 'suggested' && o.origin === 'auto');
    if (overlapping.some((o) => !replaceable(o))) throw new UserError('overlap', 'That span overlaps another annotation; shrink or remove that one first.');
    for (const o of overlapping) this.db.prepare('DELETE FROM mention WHERE id = ?').run(o.id);
  }

  private mustGet(id: number) {
    const m = this.mentions.get(id);
    if (!m) throw new UserError('not_found', `Annotation ${id} does not exist (it may have been replaced by a re-run).`);
    return m;
  }
}
