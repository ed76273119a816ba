import type { EntityColumn } from '../electron/contract/entities.js';
import { articlesEditedSince } from './mentionEdits.js';
import type { Db } from './open.js';

/** An entity's id and counts over the mentions in a set of articles, as read: [id, accepted, suggested, articles, first seen, last seen]. */
export type ScopedStats = [number, number | null, number | null, number | null, string | null, string | null];

/**
 * Article and entity ids below this fit one packed number with the status (2^26 · 2^26 · 2 < 2^53).
 * A workspace with larger ids is counted in SQL instead (see countInArticles).
 */
const PACK = 2 ** 26;

const FIELD: Partial<Record<EntityColumn, 1 | 2 | 3 | 4 | 5>> = { mentions: 1, suggested: 2, articles: 3, firstSeen: 4, lastSeen: 5 };

/**
 * Each entity's mentions that are not rejected in these articles, counted here rather than by a
 * GROUP BY: the same figures as the SQL (STATS in entities.ts), in a third of the time. Over 10,000
 * ticked articles of a 100,000-article workspace (100,000 mentions) the GROUP BY with each article's
 * day took 190–290 ms, sorting every mention in a temporary b-tree; one number a mention read in
 * index order and summed here takes 50–60 ms. Null when an id is too large to pack.
 */
export function countInArticles(db: Db, articleIds: number[], kept?: KeptMentions): ScopedCounts | null {
  const largest = db.prepare('SELECT max(coalesce((SELECT max(id) FROM article), 0), coalesce((SELECT max(id) FROM entity), 0))').pluck().get() as number;
  if (largest >= PACK) return null;
  const ids = JSON.stringify(articleIds);
  const packed = kept ? kept.read(db, ids) : readMentions(db, ids);
  // Seen when the articles say so: an undated article's import day is not a date of the story.
  // In id order too, so each article's day is found by walking along with the mentions.
  const days = db
    .prepare('SELECT id, substr(published, 1, 10) FROM article WHERE id IN (SELECT value FROM json_each(?)) AND published IS NOT NULL ORDER BY id')
    .raw()
    .all(ids) as [number, string][];
  const counts = new ScopedCounts(largest, packed.length);
  let next = 0;
  let article = -1;
  let day: string | null = null;
  for (const p of packed) {
    const accepted = p % 2;
    const pair = (p - accepted) / 2;
    const entity = pair % PACK;
    const at = (pair - entity) / PACK;
    if (at !== article) {
      article = at;
      while (next < days.length && days[next]![0] < article) next++;
      day = next < days.length && days[next]![0] === article ? days[next]![1] : null;
    }
    counts.add(entity, article, accepted === 1, day);
  }
  return counts;
}

/** The mentions that count in these articles (a JSON list of ids), one packed number each, in the order of mention_by_article, so an entity's mentions in one article come together. */
function readMentions(db: Db, ids: string): number[] {
  return db
    .prepare(
      `SELECT (m.article_id * ${PACK} + m.entity_id) * 2 + (m.status = 'accepted') FROM mention m
       WHERE m.article_id IN (SELECT value FROM json_each(?)) AND m.status <> 'rejected' AND m.entity_id IS NOT NULL
       ORDER BY m.article_id`,
    )
    .pluck()
    .all(ids) as number[];
}

/**
 * The last articles' mentions read, kept and brought up to date: reading them is most of a count
 * (55–65 ms of 95 for 100,000 mentions), and most changes while the analyst reads the Entities table
 * over ticked articles touch none of them (a tag, a note, an article's fields) or a few (a decision).
 * A mention decided, moved, deleted or put back notes its article with place_mention_edits' count
 * (migration 026), so only the ticked articles noted since the last read are read again; a new
 * mention is found by its id. The articles' days are read again each time, since a date may change.
 */
export class KeptMentions {
  private kept: { ids: string; articles: Set<number>; edits: number; largest: number; packed: number[] } | null = null;

  read(db: Db, ids: string): number[] {
    // Read before the mentions: a change committed in between is then taken in by the next read.
    const [edits, largest] = db.prepare('SELECT (SELECT n FROM place_mention_edits WHERE id = 1), coalesce((SELECT max(id) FROM mention), 0)').raw().get() as [number, number];
    const kept = this.kept;
    if (kept?.ids !== ids) {
      this.kept = { ids, articles: new Set(JSON.parse(ids) as number[]), edits, largest, packed: readMentions(db, ids) };
      return this.kept.packed;
    }
    if (kept.edits === edits && kept.largest === largest) return kept.packed;
    const changed = this.changedArticles(db, kept);
    // When many changed (an accept of every suggestion above a threshold), one read of them all is as quick.
    if (changed.size > Math.max(1_000, kept.articles.size / 4)) kept.packed = readMentions(db, ids);
    else if (changed.size) kept.packed = replaceArticles(kept.packed, changed, readMentions(db, JSON.stringify([...changed])));
    kept.edits = edits;
    kept.largest = largest;
    return kept.packed;
  }

  /** The kept articles whose mentions changed since it was read. */
  private changedArticles(db: Db, kept: { articles: Set<number>; edits: number; largest: number }): Set<number> {
    const touched = articlesEditedSince(db, kept.edits, kept.largest).concat(db.prepare('SELECT article_id FROM mention WHERE id > ?').pluck().all(kept.largest) as number[]);
    return new Set(touched.filter((a) => kept.articles.has(a)));
  }
}

/** The packed mentions with those of the changed articles replaced by a new read of them, both in article order. */
function replaceArticles(packed: number[], changed: Set<number>, fresh: number[]): number[] {
  const articleOf = (p: number): number => Math.floor(p / (2 * PACK));
  const out: number[] = [];
  let f = 0;
  for (const p of packed) {
    const article = articleOf(p);
    while (f < fresh.length && articleOf(fresh[f]!) < article) out.push(fresh[f++]!);
    if (!changed.has(article)) out.push(p);
  }
  while (f < fresh.length) out.push(fresh[f++]!);
  return out;
}

/**
 * The counts, kept in arrays by the order each entity was first met (its slot): a Map of tuples
 * keyed by id took 60–120 ms to fill over 100,000 mentions, these 20–40 ms.
 */
export class ScopedCounts {
  /** Entity ids, by slot. */
  readonly ids: number[] = [];
  private readonly slotOf: Int32Array;
  private readonly fields: [Int32Array, Int32Array, Int32Array];
  private readonly lastArticle: Int32Array;
  private readonly firstSeen: (string | null)[] = [];
  private readonly lastSeen: (string | null)[] = [];

  constructor(largestId: number, mentions: number) {
    // One slot more than the largest id: slot 0 means "not met", so slots are stored one up.
    this.slotOf = new Int32Array(largestId + 1);
    const size = Math.min(mentions, largestId) + 1;
    this.fields = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
    this.lastArticle = new Int32Array(size);
  }

  add(entity: number, article: number, accepted: boolean, day: string | null): void {
    let slot = this.slotOf[entity]! - 1;
    if (slot < 0) {
      slot = this.ids.length;
      this.ids.push(entity);
      this.slotOf[entity] = slot + 1;
      this.firstSeen.push(null);
      this.lastSeen.push(null);
    }
    this.fields[accepted ? 0 : 1][slot]!++;
    if (this.lastArticle[slot] === article) return;
    this.lastArticle[slot] = article;
    this.fields[2][slot]!++;
    if (day === null) return;
    const first = this.firstSeen[slot]!;
    if (first === null || day < first) this.firstSeen[slot] = day;
    const last = this.lastSeen[slot]!;
    if (last === null || day > last) this.lastSeen[slot] = day;
  }

  /** The entity's counts, or undefined when none of its mentions counted here. */
  of(entity: number): ScopedStats | undefined {
    const slot = entity < this.slotOf.length ? this.slotOf[entity]! - 1 : -1;
    if (slot < 0) return undefined;
    return [entity, this.fields[0][slot]!, this.fields[1][slot]!, this.fields[2][slot]!, this.firstSeen[slot]!, this.lastSeen[slot]!];
  }

  hasAccepted(entity: number): boolean {
    return this.fields[0][this.slotOf[entity]! - 1]! > 0;
  }

  /**
   * These ids (all counted here) in the order SQLite gives `ORDER BY <count> <direction>, e.id`
   * (a null before every value), or by mentions of both kinds, most first, with no column.
   */
  sort(ids: number[], column: EntityColumn | undefined, direction: 'asc' | 'desc'): number[] {
    // Each entity's place as one number, rank · 2^26 + id, sorted natively: a comparator over the
    // counts took 20–35 ms for 35,000 entities.
    const field = column && FIELD[column];
    const sign = direction === 'desc' ? -1 : 1;
    const [accepted, suggested, articles] = this.fields;
    let rank: (slot: number) => number;
    if (!field) rank = (slot) => -(accepted[slot]! + suggested[slot]!);
    else if (field <= 3) {
      const values = [accepted, suggested, articles][field - 1]!;
      rank = (slot) => sign * values[slot]!;
    } else {
      // Days by their place among the days seen, a null (no dated article) before every day.
      const values = field === 4 ? this.firstSeen : this.lastSeen;
      const order = new Map([...new Set(values)].filter((d) => d !== null).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((d, i) => [d, i + 1]));
      rank = (slot) => sign * (values[slot] === null ? 0 : order.get(values[slot]!)!);
    }
    const keys = Float64Array.from(ids, (id) => rank(this.slotOf[id]! - 1) * PACK + id).sort();
    return Array.from(keys, (key) => ((key % PACK) + PACK) % PACK);
  }
}

/** Whether this order is by a count (or a day) rather than by the entity row's own name or type. */
export const ordersByCount = (column: EntityColumn | undefined): boolean => column === undefined || column in FIELD;
