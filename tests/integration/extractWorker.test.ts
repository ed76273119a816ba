import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/dispatch.js';
import { gazetteerFile } from '../../electron/paths.js';
import { ExtractPool, modelParts } from '../../electron/services/entities/extractPool.js';
import { readArticles } from '../../electron/services/entities/readArticles.js';
import { namesModel } from '../../electron/services/entities/tagger/index.js';
import type { NameMemory } from '../../electron/services/entities/tagger/memory.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { EXTRACTOR_VERSION } from '../../electron/services/entities/service.js';
import { bundleEntry } from './cliBundle.js';
import { fixtures, repoRoot, tempDir } from './helpers.js';

let worker: Awaited<ReturnType<typeof bundleEntry>>;
beforeAll(async () => {
  worker = await bundleEntry('electron/services/entities/extractWorker.ts');
}, 120_000);
afterAll(() => worker?.remove());

/** Imports the fixture folder with suggestions on, and returns every mention as the reader would list it. */
async function importWithSuggestions(extractWorker: string | null) {
  const dir = tempDir();
  const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(repoRoot), workspace: path.join(dir, 'w.awb'), sampleDir: dir, mode: 'browser', version: 'test', extractWorker });
  try {
    await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'folder'), path.join(fixtures, 'kunduz-offensive.txt')] });
    await core.extraction.idle();
    const ws = core.session.current;
    expect(ws.entities.mentions.countNotExtracted(EXTRACTOR_VERSION)).toBe(0);
    return ws.db
      .prepare(
        `SELECT m.article_id AS article, m.start, m.end, m.type, m.status, m.confidence, m.reason, e.name AS entity, e.lat, e.lon
         FROM mention m LEFT JOIN entity e ON e.id = m.entity_id ORDER BY m.article_id, m.start, m.end`,
      )
      .all();
  } finally {
    core.close();
  }
}

describe('reading articles for names in worker threads', () => {
  it('stores exactly the suggestions that reading on the core thread stores', async () => {
    const inWorkers = await importWithSuggestions(worker.file);
    const here = await importWithSuggestions(null);
    expect(inWorkers.length).toBeGreaterThan(100);
    expect(inWorkers).toEqual(here);
  }, 120_000);

  it('reads a batch in a worker with the registry it is given', async () => {
    const pool = new ExtractPool(worker.file, gazetteerFile(repoRoot), 1);
    try {
      await pool.ready();
      expect(pool.size).toBe(1);
      const article = { articleId: 1, body: 'The Kunduz provincial council met on Sunday. Officials of the Kunduz provincial council said the road was closed.', published: '2021-06-20' };
      const plain = await pool.extract([article], new Map());
      const withRegistry = await pool.extract([article], new Map([['kunduz provincial council', 'organisation']]));
      const names = (r: typeof plain) => ('suggestions' in r[0]! ? r[0].suggestions.filter((s) => s.type === 'organisation').map((s) => s.text) : []);
      expect(names(withRegistry)).toEqual(['Kunduz provincial council', 'Kunduz provincial council']);
      expect(names(plain)).not.toEqual(names(withRegistry));
    } finally {
      pool.close();
    }
  }, 60_000);

  it('reads with a workspace name model in a worker exactly as on the core thread', async () => {
    const shipped = namesModel()!;
    // A "learnt" model: the shipped one with every weight of the person tags halved, and a memory of
    // decisions (Maimana marked as an organisation, Amruddin Wali rejected as a person).
    const T = shipped.tags.length;
    const weights = shipped.weights.map((w, i) => (shipped.tags[i % T]!.endsWith('PER') ? w / 2 : w));
    const memory: NameMemory = { marked: new Map([['Maimana', 'ORG']]), rejected: new Map([['Amruddin Wali', ['PER']]]) };
    const learnt = { ...shipped, weights, memory };
    const article = { articleId: 1, body: fs.readFileSync(path.join(fixtures, 'kunduz-offensive.txt'), 'utf8'), published: '2021-06-20' };
    const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
    const pool = new ExtractPool(worker.file, gazetteerFile(repoRoot), 1);
    try {
      await pool.ready();
      const inWorker = await pool.extract([article], new Map(), { key: 'learnt', parts: () => modelParts('learnt', learnt) });
      const here = readArticles([article], { gazetteer, registry: new Map(), namesModel: learnt });
      const withShipped = await pool.extract([article], new Map());
      expect(inWorker).toEqual(here);
      expect(inWorker).not.toEqual(withShipped);
      const names = 'suggestions' in inWorker[0]! ? inWorker[0].suggestions.map((s) => `${s.text}/${s.type}`) : [];
      expect(names).toContain('Maimana/organisation');
      expect(names).not.toContain('Amruddin Wali/person');
    } finally {
      pool.close();
      gazetteer.close();
    }
  }, 60_000);

  it('reads on the core thread when the worker cannot start', async () => {
    const broken = path.join(tempDir(), 'broken-worker.mjs');
    fs.writeFileSync(broken, 'throw new Error("no worker here");');
    const pool = new ExtractPool(broken, gazetteerFile(repoRoot), 1);
    await pool.ready();
    expect(pool.size).toBe(0);
    await expect(pool.extract([{ articleId: 1, body: 'Kabul', published: null }], new Map())).rejects.toThrow(/No extraction worker/);
    pool.close();
  }, 60_000);

  it('marks an article it cannot read as done, so the queue does not take it up forever', async () => {
    const dir = tempDir();
    const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(repoRoot), workspace: path.join(dir, 'w.awb'), sampleDir: dir, mode: 'browser', version: 'test', suggestOnImport: false });
    try {
      const huge = 'Fighting was reported near Kunduz. '.repeat(60_000);
      await core.imports.importNow({ kind: 'text', text: huge, title: 'A dump' });
      const ws = core.session.current;
      expect(ws.entities.mentions.countNotExtracted(EXTRACTOR_VERSION)).toBe(1);
      await core.extraction.start();
      expect(ws.entities.mentions.countNotExtracted(EXTRACTOR_VERSION)).toBe(0);
      expect(ws.db.prepare('SELECT count(*) FROM mention').pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  }, 60_000);

  describe('"Suggest again" on chosen articles', () => {
    /** A workspace with the sample page read once by the workers (start waits for them to be ready). */
    async function coreWithWorkers() {
      const dir = tempDir();
      const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(repoRoot), workspace: path.join(dir, 'w.awb'), sampleDir: dir, mode: 'browser', version: 'test', suggestOnImport: false, extractWorker: worker.file });
      const report = await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
      await core.extraction.start();
      return { core, id: report.outcomes[0]!.articleId! };
    }
    const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };

    it('is read in a worker: a call made while it reads is answered first, and its suggestions are stored as one command', async () => {
      const { core, id } = await coreWithWorkers();
      try {
        const before = core.session.current.db.prepare("SELECT count(*) FROM mention WHERE status = 'suggested'").pluck().get();
        const order: string[] = [];
        const suggesting = core.dispatch('mentions.suggest', { articleIds: [id] }).then((r) => (order.push('suggest'), ok(r) as { articles: number; suggestions: number }));
        // On the core's thread, the tagger held it until the suggestions were stored: nothing else ran meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
        ok(await core.dispatch('articles.get', { id }));
        order.push('read');
        const result = await suggesting;
        expect(order).toEqual(['read', 'suggest']);
        expect(result.articles).toBe(1);
        expect(result.suggestions).toBeGreaterThan(20);
        expect(core.session.current.db.prepare("SELECT count(*) FROM mention WHERE status = 'suggested'").pluck().get()).toBe(before);
        const history = ok(await core.dispatch('history.list', {})) as { entries: { name: string; label: string }[] };
        expect(history.entries[0]).toMatchObject({ name: 'mentions.suggest', label: 'Suggest entities in an article' });
      } finally {
        core.close();
      }
    }, 120_000);

    it('stores nothing for an article deleted while it was read, and says so in its count', async () => {
      const { core, id } = await coreWithWorkers();
      try {
        const suggesting = core.dispatch('mentions.suggest', { articleIds: [id] });
        await new Promise((resolve) => setImmediate(resolve));
        ok(await core.dispatch('articles.delete', { target: { ids: [id] } }));
        expect(ok(await suggesting)).toEqual({ articles: 0, suggestions: 0, failed: [] });
        expect(core.session.current.db.prepare('SELECT count(*) FROM mention').pluck().get()).toBe(0);
      } finally {
        core.close();
      }
    }, 120_000);
  });
});
