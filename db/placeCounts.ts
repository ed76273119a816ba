import type { MapLayer } from '../electron/contract/entities.js';
import { articlesEditedSince, entitiesEditedSince } from './mentionEdits.js';
import type { Db } from './open.js';

/** What the map asks of a filter: the places its articles mention (see EntitiesRepository.mapPlaces). */
export interface PlaceCountsRequest {
  /** Selects the ids of the filter's articles (one column), with its parameters. */
  idsSql: string;
  params: unknown[];
  /** Only these articles of the filter's (the map's selection); null: all of them. */
  within: number[] | null;
  includeSuggested: boolean;
  /** Whether nationality adjectives ("Russian forces") count as mentions of their country. */
  includeAdjectival: boolean;
  bbox: [number, number, number, number] | null;
  labels: number;
}

/** Thrown by PlaceCounts.layer once its caller no longer wants the answer. */
export class PlacesNoLongerWanted extends Error {}

class NotInSnapshot extends Error {}

/** More articles edited than this since the last snapshot (an accept of a whole batch), and it is read whole: quicker than by article. */
const EDITED_ARTICLES_MAX = 20_000;

/** Articles or places counted between two asks whether the answer is still wanted. */
const ASK_EVERY = 4096;

/** The mapped places (entities of type place with a point) in id order, and their mentions grouped by place. */
interface Snapshot {
  placeIds: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  names: string[];
  /** Mentions of place k are at first[k] .. first[k + 1] - 1 of `article` and `flags`. */
  first: Int32Array;
  article: Int32Array;
  /** Per mention: ACCEPTED when accepted (else only suggested), ADJECTIVAL for a nationality adjective. */
  flags: Uint8Array;
  /** One past the highest article id a mention names: the size of a filter's bitmap. */
  articleLimit: number;
  /** What the snapshot has seen: place_mention_edits' count, and the highest mention and entity ids then. */
  edits: number;
  lastMention: number;
  lastEntity: number;
}

/** A place's point and name, as the snapshot reads them. */
type PlaceRow = [id: number, lat: number, lon: number, name: string];
/** A mention of a place: its entity, its article, and its flags. */
type MentionRow = [entityId: number, articleId: number, flags: number];
const ACCEPTED = 1;
const ADJECTIVAL = 2;
/** A mention's flags, in SQL. */
const FLAGS_SQL = `(m.status = 'accepted') | (m.adjectival << 1)`;

const PLACES_SQL = "SELECT id, lat, lon, name FROM entity WHERE type = 'place' AND lat IS NOT NULL";
const MENTIONS_SQL = `SELECT m.entity_id, m.article_id, ${FLAGS_SQL} FROM mention m
  WHERE m.entity_id IN (SELECT id FROM entity WHERE type = 'place' AND lat IS NOT NULL) AND m.status <> 'rejected' ORDER BY m.entity_id`;

/**
 * The map's places for a filter of the tables, counted in memory. In SQL each of the filter's
 * articles was a lookup of its mentions: at a million articles, 0.4 s for a tenth of them and 2.2 s
 * for half. Here the place mentions (not rejected) are read once, grouped by place (0.75 s at a million,
 * through the covering index mention_by_entity), and a filter is a bitmap of its articles: counting
 * every place is one pass over the mentions. The mentions are read again only after another
 * connection committed (PRAGMA data_version), and a filter's bitmap is kept until then too, so a
 * second view of the same filter reads nothing. After a commit that only added mentions and places
 * (an import's suggestions, see migration 017), only those are read and merged in: at a million
 * mentions the whole read took about a second after every batch of a long import. After a decision
 * only the decided mentions' articles are read again (migration 026): the same second, before.
 *
 * For a connection that never writes (the reader's): data_version does not change for its own writes.
 */
export class PlaceCounts {
  private snapshot: Snapshot | null = null;
  /** How many times the snapshot was read whole, only what was added, and the edited articles again: for tests and benchmarks. */
  readonly reads = { whole: 0, added: 0, edited: 0 };
  private version: number | null = null;
  private filter: { key: string; bitmap: Uint8Array } | null = null;

  constructor(private readonly db: Db) {}

  /**
   * The places of a request. `stillWanted` is asked every few thousand articles and places read; once
   * it says no, the count stops with PlacesNoLongerWanted. The mentions' snapshot, which the next
   * request needs as much, is always read to its end.
   */
  layer(request: PlaceCountsRequest, stillWanted: () => boolean = () => true): MapLayer {
    const version = Number(this.db.pragma('data_version', { simple: true }));
    // The snapshot is brought up to date in the count's transaction, below: not thrown away here.
    const changed = version !== this.version;
    if (changed) {
      this.filter = null;
      this.version = version;
    }
    // One snapshot of the file for the mentions and the filter's articles: a commit between the two
    // reads could otherwise pair a filter with mentions it never saw (data_version catches it next time).
    const check = () => {
      if (!stillWanted()) throw new PlacesNoLongerWanted('The map asked for another view or filter.');
    };
    return this.db.transaction(() => {
      if (!this.snapshot || changed) {
        const before = this.snapshot;
        // Null until brought up to date, so that a read that fails is made whole next time.
        this.snapshot = null;
        this.snapshot = before ? this.update(before) : this.read();
      }
      return this.count(this.snapshot, request, check);
    })();
  }

  private count(snap: Snapshot, { idsSql, params, within, includeSuggested, includeAdjectival, bbox, labels }: PlaceCountsRequest, check: () => void): MapLayer {
    const key = `${idsSql}\u0000${JSON.stringify(params)}`;
    if (this.filter?.key !== key) this.filter = { key, bitmap: this.bitmap(idsSql, params, snap.articleLimit, check) };
    let chosen = this.filter.bitmap;
    if (within) {
      chosen = new Uint8Array(snap.articleLimit);
      for (const id of within) if (id < snap.articleLimit && this.filter.bitmap[id]) chosen[id] = 1;
    }
    const [w, s, e, n] = bbox ?? [-180, -90, 180, 90];
    const counted: { k: number; mentions: number }[] = [];
    const { placeIds, lat, lon, first, article, flags } = snap;
    // A mention counts when none of these flags is missing and none of those is present.
    const required = includeSuggested ? 0 : ACCEPTED;
    const excluded = includeAdjectival ? 0 : ADJECTIVAL;
    for (let k = 0; k < placeIds.length; k++) {
      if ((k & (ASK_EVERY - 1)) === 0) check();
      if (!(lat[k]! >= s && lat[k]! <= n && lon[k]! >= w && lon[k]! <= e)) continue;
      let mentions = 0;
      const end = first[k + 1]!;
      for (let m = first[k]!; m < end; m++) if (chosen[article[m]!] && (flags[m]! & required) === required && !(flags[m]! & excluded)) mentions++;
      if (mentions > 0) counted.push({ k, mentions });
    }
    const packed = counted.map(({ k, mentions }) => `${placeIds[k]},${lat[k]},${lon[k]},${mentions}`).join(';');
    const names = counted
      .slice()
      .sort((a, b) => b.mentions - a.mentions || placeIds[a.k]! - placeIds[b.k]!)
      .slice(0, labels)
      .map(({ k }) => [placeIds[k]!, snap.names[k]!] as [number, string]);
    return { packed, names };
  }

  private bitmap(idsSql: string, params: unknown[], limit: number, check: () => void): Uint8Array {
    const bitmap = new Uint8Array(limit);
    let read = 0;
    for (const id of this.db.prepare(idsSql).pluck().iterate(...params) as Iterable<number>) {
      if ((++read & (ASK_EVERY - 1)) === 0) check();
      if (id < limit) bitmap[id] = 1;
    }
    return bitmap;
  }

  /** Every place and place mention, in one pass through the covering index mention_by_entity. */
  private read(): Snapshot {
    this.reads.whole++;
    const seen = this.seen();
    const places = this.db.prepare(`${PLACES_SQL} ORDER BY id`).raw().all() as PlaceRow[];
    const mentions = this.db.prepare(MENTIONS_SQL).raw().iterate() as Iterable<MentionRow>;
    return { ...grouped(places, mentions, null), ...seen };
  }

  /**
   * The snapshot after a commit. Mentions and places added since are read and merged in; the
   * articles whose mentions were decided, moved, deleted or put back (migration 026) have theirs
   * taken out and read again. After a place itself changed, or too many articles, all is read.
   */
  private update(snap: Snapshot): Snapshot {
    const seen = this.seen();
    if (seen.edits === snap.edits && seen.lastMention === snap.lastMention && seen.lastEntity === snap.lastEntity) return snap;
    let edited: number[] = [];
    if (seen.edits !== snap.edits) {
      if (entitiesEditedSince(this.db, snap.edits)) return this.read();
      edited = articlesEditedSince(this.db, snap.edits, snap.lastMention);
      if (edited.length > EDITED_ARTICLES_MAX) return this.read();
    }
    // New entities have ids above every old one: the places stay in id order with them at the end.
    const places = this.db.prepare(`${PLACES_SQL} AND id > ? ORDER BY id`).raw().all(snap.lastEntity) as PlaceRow[];
    // By rowid from the last one seen, each one's entity looked up: through mention_by_entity, or with
    // the places as a list (an IN), SQLite would read every place or every place mention again.
    let mentions = this.db
      .prepare(
        `SELECT m.entity_id, m.article_id, ${FLAGS_SQL} FROM mention m CROSS JOIN entity e ON e.id = m.entity_id
         WHERE m.id > ? AND m.status <> 'rejected' AND e.type = 'place' AND e.lat IS NOT NULL`,
      )
      .raw()
      .all(snap.lastMention) as MentionRow[];
    let base = snap;
    if (edited.length) {
      this.reads.edited++;
      const gone = new Uint8Array(Math.max(snap.articleLimit, ...edited) + 1);
      for (const a of edited) gone[a] = 1;
      base = withoutArticles(snap, gone);
      // The edited articles' mentions, new ones among them, read by article.
      mentions = mentions
        .filter(([, article]) => !gone[article])
        .concat(
          this.db
            .prepare(
              `SELECT m.entity_id, m.article_id, ${FLAGS_SQL} FROM mention m CROSS JOIN entity e ON e.id = m.entity_id
               WHERE m.article_id IN (SELECT value FROM json_each(?)) AND m.status <> 'rejected' AND e.type = 'place' AND e.lat IS NOT NULL`,
            )
            .raw()
            .all(JSON.stringify([...new Set(edited)])) as MentionRow[],
        );
    } else this.reads.added++;
    try {
      return { ...grouped(places, mentions, base), ...seen };
    } catch (error) {
      // A change the edits count did not see (a place the snapshot lacks): read it all, as before it.
      if (error instanceof NotInSnapshot) return this.read();
      throw error;
    }
  }

  private seen(): Pick<Snapshot, 'edits' | 'lastMention' | 'lastEntity'> {
    const [edits, lastMention, lastEntity] = this.db
      .prepare('SELECT (SELECT n FROM place_mention_edits WHERE id = 1), (SELECT max(id) FROM mention), (SELECT max(id) FROM entity)')
      .raw()
      .get() as [number, number | null, number | null];
    return { edits, lastMention: lastMention ?? 0, lastEntity: lastEntity ?? 0 };
  }
}

/**
 * Places (in id order) and their mentions grouped by place, with those of `before` first: `before`
 * holds every place with an id below the new ones'. Mentions of one place need not come together.
 */
function grouped(places: PlaceRow[], mentions: Iterable<MentionRow>, before: Snapshot | null): Omit<Snapshot, 'edits' | 'lastMention' | 'lastEntity'> {
  const oldPlaces = before ? before.placeIds.length : 0;
  const placeIds = new Int32Array(oldPlaces + places.length);
  const lat = new Float64Array(placeIds.length);
  const lon = new Float64Array(placeIds.length);
  if (before) {
    placeIds.set(before.placeIds);
    lat.set(before.lat);
    lon.set(before.lon);
  }
  const slot = new Map<number, number>();
  places.forEach(([id, la, lo], i) => {
    placeIds[oldPlaces + i] = id;
    lat[oldPlaces + i] = la;
    lon[oldPlaces + i] = lo;
    slot.set(id, oldPlaces + i);
  });
  const slotOf = (entityId: number): number => slot.get(entityId) ?? binarySearch(placeIds, oldPlaces, entityId);
  // The mentions read, as slots, articles and flags.
  let slots = new Int32Array(1 << 12);
  let articles = new Int32Array(slots.length);
  let flags = new Uint8Array(slots.length);
  let added = 0;
  let articleLimit = before?.articleLimit ?? 1;
  let lastEntity = -1;
  let lastSlot = -1;
  let inOrder = true;
  for (const [entityId, articleId, mentionFlags] of mentions) {
    if (added === slots.length) {
      slots = grow(slots, new Int32Array(added * 2));
      articles = grow(articles, new Int32Array(added * 2));
      flags = grow(flags, new Uint8Array(added * 2));
    }
    // A whole read comes grouped by place, in order: one lookup a place, and no sort below.
    if (entityId !== lastEntity) {
      const k = slotOf(entityId);
      if (k < lastSlot) inOrder = false;
      lastEntity = entityId;
      lastSlot = k;
    }
    slots[added] = lastSlot;
    articles[added] = articleId;
    flags[added] = mentionFlags;
    added++;
    if (articleId >= articleLimit) articleLimit = articleId + 1;
  }
  // Each place's count, then where its mentions start.
  const first = new Int32Array(placeIds.length + 1);
  for (let k = 0; k < oldPlaces; k++) first[k + 1] = before!.first[k + 1]! - before!.first[k]!;
  for (let i = 0; i < added; i++) first[slots[i]! + 1]!++;
  for (let k = 1; k < first.length; k++) first[k]! += first[k - 1]!;
  const names = before ? before.names.concat(places.map(([, , , name]) => name)) : places.map(([, , , name]) => name);
  // A whole read, in place order: the mentions as read are the snapshot's.
  if (!before && inOrder) return { placeIds, lat, lon, names, first, article: articles.subarray(0, added), flags: flags.subarray(0, added), articleLimit };
  const total = first[placeIds.length]!;
  const article = new Int32Array(total);
  const flagsAll = new Uint8Array(total);
  // The new mentions in place order; the old ones between them are copied a run of places at a time
  // (a commit of an import adds hundreds of mentions to a snapshot of a million).
  const order = Int32Array.from({ length: added }, (_, i) => i);
  if (!inOrder) order.sort((a, b) => slots[a]! - slots[b]! || a - b);
  const oldTotal = before ? before.first[oldPlaces]! : 0;
  let from = 0;
  let to = 0;
  const copyOld = (until: number) => {
    if (until > from) {
      article.set(before!.article.subarray(from, until), to);
      flagsAll.set(before!.flags.subarray(from, until), to);
      to += until - from;
      from = until;
    }
  };
  for (const i of order) {
    const k = slots[i]!;
    // The old mentions of every place up to this one, this one's included: the new go after them.
    copyOld(k < oldPlaces ? before!.first[k + 1]! : oldTotal);
    article[to] = articles[i]!;
    flagsAll[to] = flags[i]!;
    to++;
  }
  copyOld(oldTotal);
  return {
    placeIds,
    lat,
    lon,
    names,
    first,
    article,
    flags: flagsAll,
    articleLimit,
  };
}

/** The snapshot without the mentions in these articles (a bitmap by article id). */
function withoutArticles(snap: Snapshot, gone: Uint8Array): Snapshot {
  const first = new Int32Array(snap.first.length);
  const article = new Int32Array(snap.article.length);
  const flags = new Uint8Array(snap.flags.length);
  let to = 0;
  for (let k = 0; k < snap.placeIds.length; k++) {
    first[k] = to;
    for (let m = snap.first[k]!; m < snap.first[k + 1]!; m++) {
      if (gone[snap.article[m]!]) continue;
      article[to] = snap.article[m]!;
      flags[to] = snap.flags[m]!;
      to++;
    }
  }
  first[snap.placeIds.length] = to;
  return { ...snap, first, article: article.subarray(0, to), flags: flags.subarray(0, to) };
}

/** The slot of a place id among the first `length` of ids sorted ascending (it is there: its mention names it). */
function binarySearch(ids: Int32Array, length: number, id: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else if (ids[mid]! > id) hi = mid - 1;
    else return mid;
  }
  throw new NotInSnapshot(`The map's snapshot has no place ${id}.`);
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
