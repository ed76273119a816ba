import { EventsRepository, type Located } from '../../../db/events.js';
import { writeTransaction, type Db } from '../../../db/open.js';
import type { ActorType } from '../../contract/acled.js';
import type { PlaceKind } from '../../contract/entities.js';
import type { EventInput, EvidenceInput, EventRecord, Problem } from '../../contract/events.js';
import { UserError } from '../errors.js';
import { adminAreasOf } from '../gazetteer/adminAreas.js';
import { countryAt } from '../gazetteer/countryAt.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import { validateEvent } from './validate.js';

/** Coding events: validation, derived location fields, evidence, the audit trail. */
export class EventService {
  readonly events: EventsRepository;

  constructor(
    private readonly db: Db,
    private readonly gazetteer: () => Gazetteer,
  ) {
    this.events = new EventsRepository(db);
  }

  private entity = (id: number) => {
    const e = this.db.prepare('SELECT name, type, place_id, lat FROM entity WHERE id = ?').get(id) as
      | { name: string; type: string; place_id: number | null; lat: number | null }
      | undefined;
    if (!e) return null;
    const placeKind: PlaceKind | null = e.place_id === null ? null : e.place_id < 0 ? 'custom' : (this.gazetteer().get(e.place_id)?.kind ?? null);
    return { name: e.name, type: e.type, placed: e.lat !== null, placeKind };
  };

  /** The type (inter code) the analyst gave this entity most often in coded events, if any. */
  knownActorType(entityId: number): ActorType | null {
    const row = this.db
      .prepare(
        `SELECT type FROM (SELECT actor1_type AS type FROM event WHERE actor1_id = ? UNION ALL SELECT actor2_type FROM event WHERE actor2_id = ?)
         WHERE type IS NOT NULL GROUP BY type ORDER BY count(*) DESC, type LIMIT 1`,
      )
      .pluck()
      .get(entityId, entityId) as ActorType | undefined;
    return row ?? null;
  }

  /** Admin areas and country of the location come from the gazetteer record it is linked to. */
  private locate(locationId: number | null): Located {
    if (locationId === null) return { lat: null, lon: null, admin1: null, admin2: null, country: null };
    const e = this.db.prepare('SELECT place_id, lat, lon FROM entity WHERE id = ?').get(locationId) as { place_id: number | null; lat: number | null; lon: number | null };
    const place = e.place_id !== null && e.place_id > 0 ? this.gazetteer().get(e.place_id) : null;
    const areas = place ? adminAreasOf(this.gazetteer(), place) : { admin1: null, admin2: null };
    // A custom place has no gazetteer record: its country is the one its point lies in.
    return { lat: e.lat, lon: e.lon, ...areas, country: place?.country ?? (e.lat !== null && e.lon !== null ? countryAt(e.lat, e.lon) : null) };
  }

  validate(input: EventInput, eventId: number | null, evidence: EvidenceInput[] = []): Problem[] {
    const cited = new Set([...evidence.map((e) => e.articleId), ...(eventId ? this.events.evidenceArticles(eventId).map((a) => a.articleId) : [])]);
    const sources = [...cited].map((id) => this.db.prepare('SELECT title, published FROM article WHERE id = ?').get(id) as { title: string; published: string | null }).filter(Boolean);
    return validateEvent(input, { entity: this.entity, sources, duplicates: this.events.duplicates(input, eventId) });
  }

  /**
   * The rules an event breaks, without looking for events it may repeat: an import that keeps
   * another tool's coding as written reports breaches, and the look-up grows with every event
   * already on that day and place.
   */
  rulesBroken(input: EventInput): Problem[] {
    return validateEvent(input, { entity: this.entity, sources: [], duplicates: [] }).filter((p) => p.severity === 'error');
  }

  create(input: EventInput, evidence: EvidenceInput[], acceptWarnings: boolean): { event: EventRecord | null; problems: Problem[] } {
    const problems = this.validate(input, null, evidence);
    if (problems.some((p) => p.severity === 'error') || (!acceptWarnings && problems.length)) return { event: null, problems };
    const id = this.events.create(input, this.locate(input.locationId), evidence);
    return { event: this.events.get(id), problems };
  }

  update(id: number, input: EventInput, acceptWarnings: boolean): { event: EventRecord | null; problems: Problem[] } {
    this.events.get(id);
    const problems = this.validate(input, id);
    if (problems.some((p) => p.severity === 'error') || (!acceptWarnings && problems.length)) return { event: null, problems };
    this.events.update(id, input, this.locate(input.locationId));
    return { event: this.events.get(id), problems };
  }

  addEvidence(eventId: number, evidence: EvidenceInput): EventRecord {
    this.events.get(eventId);
    const published = this.db.prepare('SELECT published FROM article WHERE id = ?').pluck().get(evidence.articleId) as string | null | undefined;
    const event = this.events.get(eventId);
    if (published && event.date > published.slice(0, 10)) {
      throw new UserError('invalid', `This article was published on ${published.slice(0, 10)}, before the event's date ${event.date}: it cannot report it.`);
    }
    this.events.addEvidence(eventId, evidence);
    return this.events.get(eventId);
  }

  /** Merging a duplicate: its evidence moves to the event kept, then it is deleted. */
  merge(sourceId: number, targetId: number): EventRecord {
    if (sourceId === targetId) throw new UserError('invalid', 'An event cannot be merged into itself.');
    return writeTransaction(this.db, () => {
      this.events.get(targetId);
      const source = this.events.get(sourceId);
      for (const e of source.evidence) this.events.addEvidence(targetId, { field: e.field, articleId: e.articleId, start: e.start, end: e.end });
      this.events.delete(sourceId);
      return this.events.get(targetId);
    });
  }
}
