import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArticlesRepository, FIRST_ROWS } from '../../db/articles.js';
import { openWorkspace } from '../../db/open.js';
import { Core } from '../../electron/dispatch.js';
import { gazetteerFile } from '../../electron/paths.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import { WriterJobs } from '../../electron/services/writerJobs.js';
import { bundleEntry } from './cliBundle.js';
import { repoRoot, tempDir } from './helpers.js';

let worker: Awaited<ReturnType<typeof bundleEntry>>;
beforeAll(async () => {
  worker = await bundleEntry('electron/services/writerWorker.ts');
}, 120_000);
afterAll(() => worker?.remove());

const words = 'fighters district road convoy officials governor police checkpoint market school bridge river village council talks'.split(' ');
const ALL = {};

/** A workspace of `n` articles of a few hundred words, so that undoing their deletion writes for a while. */
function workspace(n: number, passphrase: string | null = null): string {
  const file = path.join(tempDir(), 'writer.awb');
  const db = openWorkspace(file, { create: true, passphrase });
  const repo = new ArticlesRepository(db);
  for (let at = 0; at < n; at += 500) {
    repo.insertMany(
      Array.from({ length: Math.min(500, n - at) }, (_, i) => {
        const k = at + i;
        const body = Array.from({ length: 300 }, (_, j) => words[(k * 31 + j * j) % words.length]).join(' ');
        return articleFromText(`Report ${k}\n\nPublished 2026-0${1 + (k % 9)}-1${k % 10}\n\nStory ${k}. ${body}.`, 'text', `a${k}.txt`);
      }),
    );
  }
  db.close();
  return file;
}

/** A core on `file`, with the writer worker (or, `writer` false, without one: every write on its thread). */
function core(file: string, passphrase: string | null = null, writer = true): Core {
  const dir = tempDir();
  return new Core({ dataDir: dir, gazetteerFile: gazetteerFile(repoRoot), workspace: file, sampleDir: dir, mode: 'browser', version: 'test', suggestOnImport: false, lockWorkspace: false, writerWorker: writer ? worker.file : null, passphrase });
}

async function call<T>(c: Core, name: string, input: unknown = {}): Promise<T> {
  const result = await c.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const articleCount = async (c: Core) => (await call<{ articles: number; taggedArticles: number }>(c, 'articles.stats')).articles;
const rowCount = async (c: Core) => (await call<{ rows: unknown[] }>(c, 'articles.page', { query: ALL, startRow: 0, endRow: 1000 })).rows.length;

describe('long writes on the writer connection (electron/services/writerJobs.ts)', () => {
  it('answers the window’s reads while an undo writes, from the state before it, and holds its writes till the undo is in', async () => {
    const c = core(workspace(3000));
    try {
      expect(c.session.current.writer).toBeInstanceOf(WriterJobs);
      // The delete too is written on the worker: counted meanwhile, every article is still there.
      const deleting = call(c, 'articles.delete', { target: { query: ALL } });
      expect(await articleCount(c)).toBe(3000);
      expect(await deleting).toEqual({ deleted: 3000 });
      expect(await articleCount(c)).toBe(0);
      const deleted = (await call<{ entries: { label: string }[] }>(c, 'history.list', { limit: 1 })).entries[0]!.label;
      const order: string[] = [];
      const undo = call<{ done: { label: string } | null }>(c, 'history.undo').then((v) => (order.push('undo'), v));
      const read = rowCount(c).then((n) => (order.push('read'), n));
      const write = call<{ id: number }>(c, 'tags.create', { name: 'Checked', color: '#3366cc' }).then((v) => (order.push('write'), v));
      // The read was answered while the undo was still being written, and saw none of it.
      expect(await read).toBe(0);
      expect(order).toEqual(['read']);
      expect((await undo).done?.label).toBe(`Undo: ${deleted}`);
      await write;
      // Which answer reached the caller first is a matter of microtasks; the history below says which write came first.
      expect(order.sort()).toEqual(['read', 'undo', 'write']);
      expect(await rowCount(c)).toBe(1000);
      expect((await call<{ articles: number }>(c, 'articles.stats')).articles).toBe(3000);
      // On the record in the order they were made, with the chain intact.
      const history = await call<{ entries: { label: string }[]; undo: { label: string } | null; redo: unknown }>(c, 'history.list', { limit: 3 });
      expect(history.entries.map((e) => e.label)).toEqual([expect.stringContaining('Checked'), `Undo: ${deleted}`, deleted]);
      expect((await call<{ ok: boolean }>(c, 'history.verify')).ok).toBe(true);
      // The tag's creation undone on the worker too.
      expect((await call<{ done: { label: string } }>(c, 'history.undo')).done.label).toContain('Checked');
      expect(await call(c, 'tags.list')).toEqual([]);
      expect((await call<{ ok: boolean }>(c, 'history.verify')).ok).toBe(true);
    } finally {
      c.close();
    }
  }, 60_000);

  it('tags and untags a search’s articles on the worker, with the same refusals and the same undo', async () => {
    const c = core(workspace(2000));
    try {
      const tagged = async () => (await call<{ taggedArticles: number }>(c, 'articles.stats')).taggedArticles;
      const tag = await call<{ id: number }>(c, 'tags.create', { name: 'Northern offensive', color: '#aa3300' });
      const tagging = call(c, 'tags.assign', { target: { query: ALL }, tagIds: [tag.id] });
      expect(await tagged()).toBe(0);
      expect(await tagging).toEqual({ changed: 2000 });
      expect(await tagged()).toBe(2000);
      expect(await call(c, 'tags.unassign', { target: { ids: [1, 2, 3, 99_999] }, tagIds: [tag.id] })).toEqual({ changed: 3 });
      expect(await tagged()).toBe(1997);
      const labels = (await call<{ entries: { label: string }[] }>(c, 'history.list', { limit: 3 })).entries.map((e) => e.label);
      expect(labels).toEqual([expect.stringMatching(/^Remove .*Northern offensive.* from /), expect.stringMatching(/^Tag .* with .*Northern offensive/), expect.stringContaining('Northern offensive')]);
      await call(c, 'history.undo');
      expect(await tagged()).toBe(2000);
      // A tag that is not there: refused with the tag's own message, and nothing written.
      const refused = await c.dispatch('tags.assign', { target: { ids: [1] }, tagIds: [4242] });
      expect(refused).toEqual({ ok: false, error: { code: 'tag', message: 'Tag 4242 does not exist (it may have been merged or deleted).' } });
      expect((await call<{ entries: unknown[] }>(c, 'history.list', { limit: 10 })).entries).toHaveLength(4);
      expect((await call<{ ok: boolean }>(c, 'history.verify')).ok).toBe(true);
    } finally {
      c.close();
    }
  }, 60_000);

  it('accepts every suggestion above a confidence on the worker, linked as on the core’s thread', async () => {
    const file = workspace(300);
    const db = openWorkspace(file);
    const mention = db.prepare(
      `INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, confidence, updated_at)
       VALUES (?, ?, ?, ?, '', '', ?, 'suggested', 'auto', NULL, ?, '2026-12-04')`,
    );
    db.transaction(() => {
      for (let a = 1; a <= 300; a++) {
        mention.run(a, 0, 6, `Report`, 'organisation', 0.3);
        mention.run(a, 10, 20, `Commander ${a % 7}`, 'person', 0.9);
        mention.run(a, 30, 40, a % 2 ? 'Kunduz Police' : 'Baghlan Council', 'organisation', 0.8);
      }
    })();
    db.close();
    const copy = path.join(tempDir(), 'copy.awb');
    fs.copyFileSync(file, copy);
    const state = (f: string) => {
      const d = openWorkspace(f, { readOnly: true });
      const rows = {
        mentions: d.prepare('SELECT m.id, m.status, e.type, e.name FROM mention m LEFT JOIN entity e ON e.id = m.entity_id ORDER BY m.id').raw().all(),
        entities: d.prepare('SELECT type, name, mention_count, accepted_count FROM entity ORDER BY type, name').raw().all(),
      };
      d.close();
      return rows;
    };
    const onWorker = core(file);
    const here = new Core({ dataDir: tempDir(), gazetteerFile: gazetteerFile(repoRoot), workspace: copy, sampleDir: tempDir(), mode: 'browser', version: 'test', suggestOnImport: false, lockWorkspace: false });
    try {
      // The reader's accept: one article's.
      const accepting = call(onWorker, 'mentions.acceptSuggested', { minConfidence: 0.5, articleId: 2 });
      // Read meanwhile: nothing accepted yet, no entity made.
      expect((await call<{ status: string }[]>(onWorker, 'mentions.list', { articleId: 2 })).map((m) => m.status)).toEqual(['suggested', 'suggested', 'suggested']);
      expect(await accepting).toEqual({ accepted: 2 });
      expect((await call<{ status: string }[]>(onWorker, 'mentions.list', { articleId: 2 })).map((m) => m.status)).toEqual(['suggested', 'accepted', 'accepted']);
      expect((await call<{ status: string }[]>(onWorker, 'mentions.list', { articleId: 3 })).map((m) => m.status)).toEqual(['suggested', 'suggested', 'suggested']);
      // The command line's: every article's.
      expect(await call(onWorker, 'mentions.acceptSuggested', { minConfidence: 0.5 })).toEqual({ accepted: 598 });
      expect(await call(here, 'mentions.acceptSuggested', { minConfidence: 0.5 })).toEqual({ accepted: 600 });
    } finally {
      onWorker.close();
      here.close();
    }
    const made = state(file);
    expect(made).toEqual(state(copy));
    expect(made.entities).toEqual([
      ['organisation', 'Baghlan Council', 150, 150],
      ['organisation', 'Kunduz Police', 150, 150],
      ...Array.from({ length: 7 }, (_, k) => ['person', `Commander ${k}`, expect.any(Number), expect.any(Number)]),
    ]);
  }, 60_000);

  /**
   * 400 articles, each naming entities 1 and 2 of `type` once (at 0 and at 10) as `names` (the
   * registry's names too), and entity 3, an organisation no article names.
   */
  function twoNamed(type: 'group' | 'place', names: [string, string]): string {
    const file = workspace(400);
    const db = openWorkspace(file);
    db.transaction(() => {
      const entity = db.prepare("INSERT INTO entity (id, type, name, origin, created_at) VALUES (?, ?, ?, 'auto', '2026-12-04')");
      entity.run(1, type, names[0]);
      entity.run(2, type, names[1]);
      entity.run(3, 'organisation', 'Taliban Media Office');
      const mention = db.prepare(
        `INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, confidence, updated_at)
         VALUES (?, ?, ?, ?, '', '', ?, 'accepted', 'auto', ?, 0.9, '2026-12-04')`,
      );
      for (let a = 1; a <= 400; a++) names.forEach((name, k) => mention.run(a, 10 * k, 10 * k + name.length, name, type, k + 1));
    })();
    db.close();
    return file;
  }
  /** Undoes the last `times` changes, and checks that `read` gives `before` again and that the history still verifies. */
  async function undoneTo<T>(c: Core, read: () => Promise<T>, before: T, times = 1) {
    for (let k = 0; k < times; k++) await call(c, 'history.undo');
    expect(await read()).toEqual(before);
    expect((await call<{ ok: boolean }>(c, 'history.verify')).ok).toBe(true);
  }
  const taliban = () => twoNamed('group', ['Taliban', 'the Taliban']);
  const entityCounts = async (c: Core) => (await call<{ rows: { name: string; mentions: number }[] }>(c, 'entities.page', { query: {}, startRow: 0, endRow: 10 })).rows.map((r) => [r.name, r.mentions]);

  it('merges two much-named entities on the worker, refuses a merge across types in the same words, and undoes it', async () => {
    const file = taliban();
    const c = core(file);
    try {
      const counts = () => entityCounts(c);
      const before = await counts();
      expect(before).toEqual(expect.arrayContaining([['Taliban', 400], ['the Taliban', 400]]));
      const merging = call<{ entity: { name: string }; undoId: number }>(c, 'entities.merge', { sourceId: 2, targetId: 1 });
      // Read meanwhile: both still there.
      expect(await counts()).toEqual(before);
      expect((await merging).entity.name).toBe('Taliban');
      expect(await counts()).toEqual(expect.arrayContaining([['Taliban', 800]]));
      expect((await counts()).some(([name]) => name === 'the Taliban')).toBe(false);
      const refused = await c.dispatch('entities.merge', { sourceId: 1, targetId: 3 });
      expect(refused).toEqual({ ok: false, error: { code: 'entity', message: 'A group cannot be merged into an organisation; change its type first.' } });
      await undoneTo(c, counts, before);
    } finally {
      c.close();
    }
  }, 60_000);

  it('splits and deletes a much-named entity on the worker, reads answered from the state before, each undone', async () => {
    const c = core(taliban());
    try {
      const before = await entityCounts(c);
      const mentionIds = Array.from({ length: 200 }, (_, k) => 2 * k + 1);
      const splitting = call<{ newId: number }>(c, 'entities.split', { id: 1, mentionIds, name: 'Taliban (Doha office)' });
      expect(await entityCounts(c)).toEqual(before);
      const { newId } = await splitting;
      expect(await entityCounts(c)).toEqual(expect.arrayContaining([['Taliban', 200], ['Taliban (Doha office)', 200]]));
      expect((await c.dispatch('entities.split', { id: 1, mentionIds: [2], name: 'x' })).ok).toBe(false);
      await call(c, 'entities.delete', { id: newId });
      expect((await entityCounts(c)).some(([name]) => name === 'Taliban (Doha office)')).toBe(false);
      const refused = await c.dispatch('entities.delete', { id: 999 });
      expect(refused).toEqual({ ok: false, error: { code: 'entity', message: 'Entity 999 does not exist.' } });
      await undoneTo(c, () => entityCounts(c), before, 2);
    } finally {
      c.close();
    }
  }, 60_000);

  it('re-places a much-named place on the worker, merged into the entity that holds the record, and undoes it', async () => {
    const file = twoNamed('place', ['Kunduz', 'Kondoz']);
    const c = core(file);
    try {
      const [kunduz] = await call<{ id: number; name: string }[]>(c, 'places.search', { text: 'Kunduz' });
      expect(kunduz!.name).toBe('Kunduz');
      await call(c, 'mentions.place', { id: 1, place: { gazetteerId: kunduz!.id }, scope: 'entity' });
      const before = await entityCounts(c);
      expect(before).toEqual(expect.arrayContaining([['Kunduz', 400], ['Kondoz', 400]]));
      const placing = call<{ entityId: number; moved: number }>(c, 'mentions.place', { id: 2, place: { gazetteerId: kunduz!.id }, scope: 'entity' });
      // Read meanwhile: both still there.
      expect(await entityCounts(c)).toEqual(before);
      expect(await placing).toEqual({ entityId: 1, moved: 400 });
      expect(await entityCounts(c)).toEqual([['Kunduz', 800]]);
      const refused = await c.dispatch('mentions.place', { id: 99_999, place: { gazetteerId: kunduz!.id }, scope: 'entity' });
      expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_found' }) });
      await undoneTo(c, () => entityCounts(c), before);
    } finally {
      c.close();
    }
  }, 60_000);

  it('imports an exchange file on the worker, linked as on the core’s thread, refuses a broken one in the same words, and undoes it', async () => {
    const [header, ...rows] = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/acled/current-export.csv'), 'utf8').trim().split('\n');
    // The fixture's rows again and again, each with an id of its own: a file of 3,000 events.
    const text = [header, ...Array.from({ length: 3000 }, (_, k) => rows[k % rows.length]!.replace(/^([A-Z]{3})\d+/, `$1${900000 + k}`))].join('\n');
    const eventCount = async (c: Core) => (await call<{ total: number }>(c, 'events.page', { query: {}, startRow: 0, endRow: 1 })).total;
    const onThread = core(workspace(5), null, false);
    const c = core(workspace(5));
    try {
      const importing = call<{ created: number; skipped: number }>(c, 'imports.exchange', { name: 'many.csv', text });
      // Read meanwhile: no event yet.
      expect(await eventCount(c)).toBe(0);
      const result = await importing;
      expect(result).toMatchObject({ created: 3000, skipped: 0 });
      const expected = await call(onThread, 'imports.exchange', { name: 'many.csv', text });
      expect(result).toEqual(expected);
      const places = async (k: Core) => (await call<{ rows: { name: string; mentions: number }[] }>(k, 'entities.page', { query: { types: ['place'] }, startRow: 0, endRow: 50 })).rows;
      expect(await places(c)).toEqual(await places(onThread));
      const refused = await c.dispatch('imports.exchange', { name: 'bundle.json', text: '{"type": "bundle", "objects": [' });
      expect(refused).toEqual({ ok: false, error: { code: 'bad_json', message: expect.stringMatching(/^bundle\.json is not valid JSON/) } });
      await undoneTo(c, () => eventCount(c), 0);
    } finally {
      c.close();
      onThread.close();
    }
  }, 120_000);

  it('stores an import’s articles on the worker, as on the core’s thread, and the table’s kept order takes them in', async () => {
    // 700 short stories (two of them twice), and e-mail whose attachments point at their messages across slices.
    const dir = tempDir();
    for (let k = 0; k < 700; k++) {
      const body = Array.from({ length: 60 }, (_, j) => words[(k * 7 + j * 3) % words.length]).join(' ');
      fs.writeFileSync(path.join(dir, `s${String(k).padStart(4, '0')}.txt`), `Report ${k % 698}\n\nStory ${k % 698} from the district. ${body}.`);
    }
    for (const f of ['message.eml', 'thread.mbox', 'bundle.zip']) fs.copyFileSync(path.join(repoRoot, 'tests/fixtures/documents', f), path.join(dir, f));
    const stores: number[] = [];
    const run = WriterJobs.prototype.run;
    const spy = vi.spyOn(WriterJobs.prototype, 'run').mockImplementation(function (this: WriterJobs, job) {
      if (job.kind === 'store') stores.push(job.articles.length);
      return run.call(this, job);
    });
    const onThread = core(workspace(5), null, false);
    const c = core(workspace(5));
    try {
      // The order by import time, newest first, is kept once a block past the first rows is read
      // (db/articles.ts), and the first page is then read from it: the new rows must join it.
      const byImport = { sort: [{ column: 'imported', direction: 'desc' }] };
      const newest = async (k: Core) => (await call<{ rows: { title: string }[] }>(k, 'articles.page', { query: byImport, startRow: 0, endRow: 3 })).rows.map((r) => r.title);
      await call(c, 'articles.page', { query: byImport, startRow: FIRST_ROWS, endRow: FIRST_ROWS + 100 });
      expect(await newest(c)).toEqual(['a4', 'a3', 'a2']);
      const report = await c.imports.importNow({ kind: 'paths', paths: [dir] });
      const expected = await onThread.imports.importNow({ kind: 'paths', paths: [dir] });
      expect(stores.reduce((a, b) => a + b, 0)).toBe(report.imported + report.duplicates);
      const outcomes = (r: typeof report) => r.outcomes.map((o) => `${o.name} ${o.status} ${o.articleId} ${o.message}`);
      expect(report.duplicates).toBe(2);
      expect(outcomes(report)).toEqual(outcomes(expected));
      const stored = (k: Core) =>
        k.session.current.db
          .prepare('SELECT a.id, a.title, d.parent_id AS parent FROM article a LEFT JOIN article_document d ON d.article_id = a.id ORDER BY a.id')
          .all() as { id: number; title: string; parent: number | null }[];
      expect(stored(c).filter((a) => a.parent !== null).length).toBeGreaterThan(0);
      expect(stored(c)).toEqual(stored(onThread));
      expect(await newest(c)).toEqual(await newest(onThread));
      // Found by a search as on the core's thread.
      const found = async (k: Core) => (await call<{ total: number }>(k, 'articles.page', { query: { search: 'district' }, startRow: 0, endRow: 1 })).total;
      expect(await found(c)).toBe(await found(onThread));
      expect(await found(c)).toBeGreaterThan(690);
    } finally {
      spy.mockRestore();
      c.close();
      onThread.close();
    }
  }, 120_000);

  it('says why the history refuses a job, as on the core’s thread, and writes nothing', async () => {
    const c = core(workspace(5));
    try {
      const refused = await c.dispatch('history.undoTo', { id: 999 });
      expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'history', message: 'There is no change 999 in the history.' }) });
      expect(await call(c, 'history.redo')).toEqual({ done: null });
      expect((await call<{ entries: unknown[] }>(c, 'history.list', { limit: 10 })).entries).toEqual([]);
    } finally {
      c.close();
    }
  }, 60_000);

  it('opens an encrypted workspace with its passphrase', async () => {
    const c = core(workspace(20, 'a long passphrase'), 'a long passphrase');
    try {
      await call(c, 'articles.delete', { target: { query: ALL } });
      expect((await call<{ undone: number }>(c, 'history.undoTo', { id: 1 })).undone).toBe(1);
      expect(await rowCount(c)).toBe(20);
      expect((await call<{ done: { label: string } }>(c, 'history.redo')).done.label).toMatch(/^Redo: /);
      expect(await rowCount(c)).toBe(0);
      expect(c.session.current.writer?.usable).toBe(true);
      expect((await call<{ ok: boolean }>(c, 'history.verify')).ok).toBe(true);
    } finally {
      c.close();
    }
  }, 60_000);
});
