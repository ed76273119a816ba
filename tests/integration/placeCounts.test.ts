import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../../db/articles.js';
import { EntitiesRepository } from '../../db/entities.js';
import { openReaderConnection, openWorkspace, type Db } from '../../db/open.js';
import { PlaceCounts } from '../../db/placeCounts.js';
import { ArticleQuery, decodeMapLayer, type ArticleQueryInput, type MapLayer } from '../../electron/contract/index.js';
import { Core } from '../../electron/dispatch.js';
import { gazetteerFile } from '../../electron/paths.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import { OrderReader } from '../../electron/services/orderReader.js';
import { bundleEntry } from './cliBundle.js';
import { repoRoot, tempDir } from './helpers.js';

let worker: Awaited<ReturnType<typeof bundleEntry>>;
beforeAll(async () => {
  worker = await bundleEntry('electron/services/readerWorker.ts');
}, 120_000);
afterAll(() => worker?.remove());

const sources = ['Reuters', 'BBC', 'Pajhwok'];
/**
 * 600 articles, 40 places (one without a point), and 1,500 mentions of them: accepted, suggested and
 * rejected; every fifth a nationality adjective ("Russian" of Russia), which the map may leave out.
 */
function workspace(): { db: Db; file: string } {
  const file = path.join(tempDir(), 'places.awb');
  const db = openWorkspace(file, { create: true });
  new ArticlesRepository(db).insertMany(
    Array.from({ length: 600 }, (_, k) =>
      articleFromText(`Report ${k} from the north\n\nSource: ${sources[k % 3]}\n\nStory ${k}: ${'fighting near the road '.repeat(5 + (k % 40))}.`, 'text', `a${k}.txt`),
    ),
  );
  const now = '2024-01-01T00:00:00Z';
  const place = db.prepare("INSERT INTO entity (type, name, origin, lat, lon, created_at) VALUES ('place', ?, 'auto', ?, ?, ?)");
  const places = Array.from({ length: 40 }, (_, i) => Number(place.run(`Place ${i}`, i === 7 ? null : 30 + (i % 10), 60 + i, now).lastInsertRowid));
  const mention = db.prepare(
    "INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, adjectival, updated_at) VALUES (?, 0, 5, 'Place', '', '', 'place', ?, 'auto', ?, ?, ?)",
  );
  const statuses = ['accepted', 'suggested', 'suggested', 'rejected'];
  for (let i = 0; i < 1500; i++) mention.run(1 + ((i * 7919) % 600), statuses[i % 4], places[(i * i) % 40], i % 5 === 0 ? 1 : 0, now);
  return { db, file };
}

/** A layer as a comparable value: its places by id, and the names of its labels. */
const plain = (layer: MapLayer) => ({
  places: decodeMapLayer(layer)
    .map(({ entityId, lat, lon, mentions }) => ({ entityId, lat, lon, mentions }))
    .sort((a, b) => a.entityId - b.entityId),
  labelled: layer.names.map(([id]) => id).sort((a, b) => a - b),
});

const queries: [string, ArticleQueryInput][] = [
  ['one source', { filters: { source: { filterType: 'text', type: 'equals', filter: 'BBC' } } }],
  ['long articles', { filters: { words: { filterType: 'number', type: 'greaterThan', filter: 150 } } }],
  ['a search', { search: 'Story' }],
  ['nothing', { filters: { title: { filterType: 'text', type: 'contains', filter: 'zeppelin' } } }],
];

/** The core's repositories on a new workspace, and the counts on a reader's connection to it. */
function withReader(run: (c: { db: Db; articles: ArticlesRepository; entities: EntitiesRepository; counts: PlaceCounts }) => void): void {
  const { db, file } = workspace();
  const reader = openReaderConnection(file, null);
  try {
    run({ db, articles: new ArticlesRepository(db), entities: new EntitiesRepository(db), counts: new PlaceCounts(reader) });
  } finally {
    reader.close();
    db.close();
  }
}

/** A check that the reader's count of a query's places is what SQL counts now, with and without suggestions. */
function sameAsSql({ articles, entities, counts }: { articles: ArticlesRepository; entities: EntitiesRepository; counts: PlaceCounts }, query: ArticleQuery) {
  return (what: string) => {
    for (const includeSuggested of [true, false]) {
      for (const includeAdjectival of [true, false]) {
        const expected = plain(entities.mapPlaces(null, articles.ids({ query }), includeSuggested, includeAdjectival));
        expect(plain(counts.layer({ ...articles.idsQuery(query), within: null, includeSuggested, includeAdjectival, bbox: null, labels: 2000 })), what).toEqual(expected);
      }
    }
  };
}

describe('the map’s places of a filter, counted by the reader', () => {
  it('are the places SQL counts, for every filter, with and without suggestions and adjectives, in a view and within a selection', () =>
    withReader(({ articles, entities, counts }) => {
      for (const [label, q] of queries) {
        const query = ArticleQuery.parse(q);
        const ids = articles.ids({ query });
        const within = ids.filter((id) => id % 3 === 0);
        for (const includeSuggested of [true, false]) {
          for (const includeAdjectival of [true, false]) {
            for (const bbox of [null, [62, 31, 80, 35]] as ([number, number, number, number] | null)[]) {
              const what = `${label}, suggested ${includeSuggested}, adjectival ${includeAdjectival}, ${bbox ? 'view' : 'world'}`;
              const expected = ids.length ? plain(entities.mapPlaces(bbox, ids, includeSuggested, includeAdjectival)) : plain({ packed: '', names: [] });
              const got = plain(counts.layer({ ...articles.idsQuery(query), within: null, includeSuggested, includeAdjectival, bbox, labels: 2000 }));
              expect(got, what).toEqual(expected);
              if (label !== 'nothing' && includeSuggested && !bbox) expect(got.places.length, label).toBeGreaterThan(0);
              const inSelection = plain(counts.layer({ ...articles.idsQuery(query), within, includeSuggested, includeAdjectival, bbox, labels: 2000 }));
              expect(inSelection, `${what}, within a selection`).toEqual(
                within.length ? plain(entities.mapPlaces(bbox, within, includeSuggested, includeAdjectival)) : plain({ packed: '', names: [] }),
              );
            }
          }
        }
      }
      // Without a filter the map reads the entities' counters, less the adjectives when it leaves them out.
      const all = articles.ids({ query: ArticleQuery.parse({}) });
      for (const includeSuggested of [true, false]) {
        for (const includeAdjectival of [true, false]) {
          const viaCounters = plain(entities.mapPlaces(null, [], includeSuggested, includeAdjectival));
          expect(viaCounters, `counters, suggested ${includeSuggested}, adjectival ${includeAdjectival}`).toEqual(plain(entities.mapPlaces(null, all, includeSuggested, includeAdjectival)));
        }
      }
      const withAdjectives = plain(entities.mapPlaces(null, [], true, true)).places;
      const without = plain(entities.mapPlaces(null, [], true, false)).places;
      expect(without.reduce((n, p) => n + p.mentions, 0)).toBeLessThan(withAdjectives.reduce((n, p) => n + p.mentions, 0));
      // The label budget names the most-mentioned places.
      const query = ArticleQuery.parse(queries[1]![1]);
      const few = counts.layer({ ...articles.idsQuery(query), within: null, includeSuggested: true, includeAdjectival: true, bbox: null, labels: 3 });
      const most = decodeMapLayer(few).sort((a, b) => b.mentions - a.mentions);
      expect(few.names).toHaveLength(3);
      expect(few.names.map(([id]) => id)).toEqual(most.slice(0, 3).map((p) => p.entityId));
      expect(few.names[0]![1]).toBe(most[0]!.name);
    }));

  it('follow what the core commits after they were counted: mentions accepted, rejected, moved and added, articles edited', () =>
    withReader(({ db, articles, entities, counts }) => {
      const query = ArticleQuery.parse(queries[0]![1]);
      const check = sameAsSql({ articles, entities, counts }, query);
      check('at first');
      const bbc = articles.ids({ query });
      const some = db.prepare("SELECT id FROM mention WHERE article_id = ? AND status = 'suggested'").pluck();
      const [first, second] = bbc.map((id) => some.get(id) as number | undefined).filter((id): id is number => id !== undefined);
      db.prepare("UPDATE mention SET status = 'accepted' WHERE id = ?").run(first);
      check('a mention accepted');
      db.prepare("UPDATE mention SET status = 'rejected' WHERE id = ?").run(second);
      check('a mention rejected');
      const elsewhere = db.prepare("SELECT id FROM entity WHERE name = 'Place 39'").pluck().get() as number;
      db.prepare('UPDATE mention SET entity_id = ? WHERE id = ?').run(elsewhere, first);
      check('a mention moved to another place');
      db.prepare("UPDATE entity SET lat = 5, lon = 5 WHERE name = 'Place 39'").run();
      check('a place moved');
      db.prepare("INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (?, 10, 15, 'Place', '', '', 'place', 'accepted', 'analyst', ?, '2024-01-02')").run(bbc[0], elsewhere);
      check('a mention added');
      db.prepare('UPDATE mention SET adjectival = 1 - adjectival WHERE id = ?').run(first);
      check('a mention marked adjectival');
      articles.update(bbc[1]!, { source: 'Reuters' });
      check('an article left the filter');
    }));

  it('take in what an import adds and what a decision changes without reading every mention again, and read them all again after a place changed', () =>
    withReader(({ db, articles, entities, counts }) => {
      const query = ArticleQuery.parse(queries[0]![1]);
      const check = sameAsSql({ articles, entities, counts }, query);
      check('at first');
      expect(counts.reads).toEqual({ whole: 1, added: 0, edited: 0 });
      // An import's batch: new articles, new places, and suggestions of new and old places.
      const added = articles.insertMany(
        Array.from({ length: 30 }, (_, k) => articleFromText(`Later report ${k}\n\nSource: BBC\n\nStory ${k}: fighting near the road went on through the day and into the night, officials said.`, 'text', `later${k}.txt`)),
      );
      const newIds = [...added.values()].flatMap((r) => ('id' in r ? [r.id] : []));
      const now = '2024-01-03T00:00:00Z';
      const place = db.prepare("INSERT INTO entity (type, name, origin, lat, lon, created_at) VALUES ('place', ?, 'auto', ?, ?, ?)");
      const mention = db.prepare(
        "INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, adjectival, updated_at) VALUES (?, 0, 5, 'Place', '', '', 'place', ?, 'auto', ?, ?, ?)",
      );
      const oldPlace = db.prepare("SELECT id FROM entity WHERE name = 'Place 3'").pluck().get() as number;
      db.transaction(() => {
        const fresh = [place.run('Later place A', 12, 44, now).lastInsertRowid, place.run('Later place B', 13, 45, now).lastInsertRowid].map(Number);
        newIds.forEach((id, k) => {
          mention.run(id, k % 2 ? 'suggested' : 'accepted', fresh[k % 2], k % 3 === 0 ? 1 : 0, now);
          mention.run(id, 'suggested', oldPlace, k % 4 === 0 ? 1 : 0, now);
          if (k % 5 === 0) mention.run(id, 'rejected', fresh[0], 0, now);
        });
      })();
      check('an import added articles, places and suggestions');
      // A commit that adds nothing the map shows (an article alone) reads no mention either.
      articles.insertMany([articleFromText('Quiet report\n\nSource: BBC\n\nStory: the road was quiet through the day and into the night, officials said, and nobody was hurt.', 'text', 'quiet.txt')]);
      check('an article added alone');
      expect(counts.reads).toEqual({ whole: 1, added: 1, edited: 0 });

      const last = db.prepare("SELECT * FROM mention WHERE status <> 'rejected' ORDER BY id DESC LIMIT 1 OFFSET 3").get() as Record<string, unknown>;
      db.prepare('DELETE FROM mention WHERE id = ?').run(last.id);
      check('a mention deleted');
      // Put back under its old id (an undo), below mentions added since.
      db.prepare(`INSERT INTO mention (${Object.keys(last).join(', ')}) VALUES (${Object.keys(last).map(() => '?').join(', ')})`).run(...Object.values(last));
      check('a mention put back under its old id');
      const suggested = db.prepare("SELECT id FROM mention WHERE status = 'suggested' AND entity_id = ? LIMIT 2").pluck().all(oldPlace) as number[];
      db.prepare("UPDATE mention SET status = 'accepted' WHERE id = ?").run(suggested[0]);
      check('a suggestion accepted');
      db.prepare("UPDATE mention SET status = 'rejected' WHERE id = ?").run(suggested[1]);
      check('a suggestion rejected');
      const other = db.prepare("SELECT id FROM entity WHERE name = 'Later place A'").pluck().get() as number;
      db.prepare('UPDATE mention SET entity_id = ? WHERE id = (SELECT min(id) FROM mention WHERE entity_id = ?)').run(other, oldPlace);
      check('a mention moved to another place');
      // The last mention deleted, and a new one in another article under its freed id.
      const top = db.prepare('SELECT * FROM mention ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
      db.prepare('DELETE FROM mention WHERE id = ?').run(top.id);
      const elsewhere = db.prepare('SELECT min(article_id) FROM mention').pluck().get() as number;
      expect(Number(mention.run(elsewhere, 'accepted', oldPlace, 0, now).lastInsertRowid)).toBe(top.id);
      check('a new mention under the id of the last one deleted');
      expect(counts.reads).toEqual({ whole: 1, added: 1, edited: 6 });
      db.prepare("UPDATE entity SET name = 'Renamed place' WHERE id = ?").run(oldPlace);
      check('a place renamed');
      expect(counts.reads.whole).toBe(2);
      db.prepare("UPDATE entity SET type = 'organisation' WHERE name = 'Later place B'").run();
      check('a place that is not one');
      expect(counts.reads.whole).toBe(3);
      db.prepare("UPDATE entity SET lat = NULL, lon = NULL WHERE id = ?").run(other);
      check('a place without its point');
      expect(counts.reads).toEqual({ whole: 4, added: 1, edited: 6 });
    }));
});

describe('the map in the app', () => {
  it('counts a filter’s places on the reader, and the window’s map gets what the core would count', async () => {
    const { db, file } = workspace();
    const articles = new ArticlesRepository(db);
    const entities = new EntitiesRepository(db);
    const q = queries[1]![1];
    const expected = plain(entities.mapPlaces(null, articles.ids({ query: ArticleQuery.parse(q) }), true));
    db.close();
    const dir = tempDir();
    const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(repoRoot), workspace: file, sampleDir: dir, mode: 'browser', version: 'test', suggestOnImport: false, lockWorkspace: false, readerWorker: worker.file });
    try {
      const reader = (core.session.current as unknown as { reader: OrderReader }).reader;
      expect(reader).toBeInstanceOf(OrderReader);
      let counted = 0;
      const places = reader.places.bind(reader);
      reader.places = (request) => (counted++, places(request));
      const layer = await core.dispatch('map.places', { articleQuery: q });
      expect(layer.ok && plain(layer.value as MapLayer)).toEqual(expected);
      expect(counted).toBe(1);
      // Asked again and again while it counts (an import's batches, each a refresh): one count in
      // progress, one queued behind it for every later ask, all answered alike.
      const asks = await Promise.all([1, 2, 3, 4].map(() => core.dispatch('map.places', { articleQuery: q })));
      expect(counted).toBe(3);
      for (const ask of asks) expect(ask.ok && plain(ask.value as MapLayer)).toEqual(expected);
      // Without a reader (it stopped), the core counts them itself: the same places.
      reader.stop();
      const again = await core.dispatch('map.places', { articleQuery: q });
      expect(again.ok && plain(again.value as MapLayer)).toEqual(expected);
    } finally {
      core.close();
    }
  });
});
