import type { MapLayer } from '../electron/contract/entities.js';
import type { Db } from './open.js';

/** What the map asks of a filter: the places its articles mention (see EntitiesRepository.mapPlaces). */
export interface PlaceCountsRequest {
  /** Selects the ids of the filter's articles (one column), with its parameters. */
  idsSql: string;
  params: unknown[];
  /** Only these articles of the filter's (the map's selection); null: all of them. */
  within: number[] | null;
  includeSuggested: boolean;
  bbox: [number, number, number, number] | null;
  labels: number;
}

/** Thrown by PlaceCounts.layer once its caller no longer wants the answer. */
export class PlacesNoLongerWanted extends Error {}

/** Articles or places counted between two asks whether the answer is still wanted. */
const ASK_EVERY = 4096;

/** The mapped places (entities of type place with a point) in id order, and their mentions grouped by place. */
interface Snapshot {
  placeIds: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  names: string[];
  /** Mentions of place k are at first[k] .. first[k + 1] - 1 of `article` and `accepted`. */
  first: Int32Array;
  article: Int32Array;
  accepted: Uint8Array;
  /** One past the highest article id a mention names: the size of a filter's bitmap. */
  articleLimit: number;
}

/**
 * The map's places for a filter of the tables, counted in memory. In SQL each of the filter's
 * articles was a lookup of its mentions: at a million articles, 0.4 s for a tenth of them and 2.2 s
 * for half. Here the place mentions (not rejected) are read once, grouped by place (0.75 s at a million,
 * through the covering index mention_by_entity), and a filter is a bitmap of its articles: counting
 * every place is one pass over the mentions. The mentions are read again only after another
 * connection committed (PRAGMA data_version), and a filter's bitmap is kept until then too, so a
 * second view of the same filter reads nothing.
 *
 * For a connection that never writes (the reader's): data_version does not change for its own writes.
 */
export class PlaceCounts {
  private snapshot: Snapshot | null = null;
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
    if (version !== this.version) {
      this.snapshot = null;
      this.filter = null;
      this.version = version;
    }
    // One snapshot of the file for the mentions and the filter's articles: a commit between the two
    // reads could otherwise pair a filter with mentions it never saw (data_version catches it next time).
    const check = () => {
      if (!stillWanted()) throw new PlacesNoLongerWanted('The map asked for another view or filter.');
    };
    return this.db.transaction(() => this.count(request, check))();
  }

  private count({ idsSql, params, within, includeSuggested, bbox, labels }: PlaceCountsRequest, check: () => void): MapLayer {
    const snap = (this.snapshot ??= this.read());
    const key = `${idsSql}\u0000${JSON.stringify(params)}`;
    if (this.filter?.key !== key) this.filter = { key, bitmap: this.bitmap(idsSql, params, snap.articleLimit, check) };
    let chosen = this.filter.bitmap;
    if (within) {
      chosen = new Uint8Array(snap.articleLimit);
      for (const id of within) if (id < snap.articleLimit && this.filter.bitmap[id]) chosen[id] = 1;
    }
    const [w, s, e, n] = bbox ?? [-180, -90, 180, 90];
    const counted: { k: number; mentions: number }[] = [];
    const { placeIds, lat, lon, first, article, accepted } = snap;
    for (let k = 0; k < placeIds.length; k++) {
      if ((k & (ASK_EVERY - 1)) === 0) check();
      if (!(lat[k]! >= s && lat[k]! <= n && lon[k]! >= w && lon[k]! <= e)) continue;
      let mentions = 0;
      const end = first[k + 1]!;
      for (let m = first[k]!; m < end; m++) if (chosen[article[m]!] && (includeSuggested || accepted[m])) mentions++;
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

  private read(): Snapshot {
    const places = this.db.prepare("SELECT id, lat, lon, name FROM entity WHERE type = 'place' AND lat IS NOT NULL ORDER BY id").raw().all() as [number, number, number, string][];
    const slot = new Map<number, number>();
    places.forEach(([id], k) => slot.set(id, k));
    const perPlace = new Int32Array(places.length + 1);
    let article = new Int32Array(1 << 16);
    let accepted = new Uint8Array(1 << 16);
    let count = 0;
    let articleLimit = 1;
    let k = -1;
    let last = -1;
    // Ordered by place through the covering index: each place's mentions come together.
    const mentions = this.db
      .prepare(
        `SELECT m.entity_id, m.article_id, m.status = 'accepted' FROM mention m
         WHERE m.entity_id IN (SELECT id FROM entity WHERE type = 'place' AND lat IS NOT NULL) AND m.status <> 'rejected'
         ORDER BY m.entity_id`,
      )
      .raw()
      .iterate() as Iterable<[number, number, number]>;
    for (const [entityId, articleId, isAccepted] of mentions) {
      if (entityId !== last) {
        last = entityId;
        k = slot.get(entityId)!;
      }
      if (count === article.length) {
        article = grow(article, new Int32Array(count * 2));
        accepted = grow(accepted, new Uint8Array(count * 2));
      }
      article[count] = articleId;
      accepted[count] = isAccepted;
      count++;
      perPlace[k + 1]!++;
      if (articleId >= articleLimit) articleLimit = articleId + 1;
    }
    // Mentions come grouped in id order, as the places are: counts summed give each place's first.
    for (let i = 1; i < perPlace.length; i++) perPlace[i]! += perPlace[i - 1]!;
    return {
      placeIds: Int32Array.from(places, ([id]) => id),
      lat: Float64Array.from(places, ([, la]) => la),
      lon: Float64Array.from(places, ([, , lo]) => lo),
      names: places.map(([, , , name]) => name),
      first: perPlace,
      article: article.subarray(0, count),
      accepted: accepted.subarray(0, count),
      articleLimit,
    };
  }
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
