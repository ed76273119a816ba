import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/dispatch.js';
import { gazetteerFile, parseWorkerFile } from '../../electron/paths.js';
import { BANDS, storySignature } from '../../electron/services/duplicates/nearDuplicates.js';
import { documentsFromFile, Refusal, type ParsedDocument } from '../../electron/services/extract/article.js';
import { CANCELLED, ParsePool } from '../../electron/services/extract/parsePool.js';
import { fixtures, repoRoot, tempDir } from './helpers.js';

const worker = parseWorkerFile(repoRoot);

describe.skipIf(!fs.existsSync(worker))('parsing articles in a worker thread', () => {
  const paths = [path.join(fixtures, 'folder'), path.join(fixtures, 'hostile'), path.join(fixtures, 'cp1252.txt'), path.join(fixtures, 'utf16.txt'), path.join(fixtures, 'empty.txt')];
  const run = async (parseWorker: string | null) => {
    const dir = tempDir();
    const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(repoRoot), workspace: path.join(dir, 'w.awb'), sampleDir: dir, mode: 'browser', version: 'test', suggestOnImport: false, parseWorker });
    try {
      const report = await core.imports.importNow({ kind: 'paths', paths });
      const articles = core.session.current.db
        .prepare(
          `SELECT a.title, a.published, a.source, a.fingerprint, b.body, sc.story_id, sc.signature, sc.shingles,
                  (SELECT group_concat(band) FROM (SELECT band FROM story_band WHERE article_id = a.id ORDER BY band)) AS bands
           FROM article a JOIN article_body b ON b.article_id = a.id LEFT JOIN story_copy sc ON sc.article_id = a.id ORDER BY a.id`,
        )
        .all();
      return { outcomes: report.outcomes.map((o) => [path.basename(o.name), o.status, o.message]), articles };
    } finally {
      core.close();
    }
  };

  it('imports the same articles, with the same refusals, as parsing on the main thread', async () => {
    const inWorker = await run(worker);
    const inline = await run(null);
    expect(inWorker).toEqual(inline);
    expect(inWorker.outcomes.some(([, status]) => status === 'failed')).toBe(true);
    expect(inWorker.articles.length).toBeGreaterThan(10);
  });

  it('parses in the worker exactly as on this thread, refusals included', async () => {
    const pool = new ParsePool(worker);
    try {
      expect(await pool.ready()).toBe(true);
      const files = ['folder/report-01.txt', 'folder/report-10.txt', 'hostile/hostile.html', 'cp1252.txt', 'utf16.txt', 'empty.txt'].map((f) => path.join(fixtures, f));
      const settle = (p: Promise<unknown>) => p.then((article) => ({ article }), (error: Error) => ({ error: error.message, refusal: error instanceof Refusal }));
      const inWorker = await Promise.all(files.map((f) => settle(pool.parse(f, fs.readFileSync(f)))));
      const inline = await Promise.all(files.map((f) => settle(documentsFromFile(f, fs.readFileSync(f)))));
      expect(inWorker).toEqual(inline);
      expect(inWorker.filter((r) => 'refusal' in r && r.refusal)).toHaveLength(2);
      // The near-duplicate signature comes made with the article, so the core's thread does not make it as it stores.
      const [parsed] = (inWorker[0] as { article: ParsedDocument[] }).article;
      if (!parsed || !('article' in parsed)) throw new Error('report-01.txt gave no article');
      expect(parsed.article.story).toEqual(storySignature(parsed.article.body));
      expect(parsed.article.story!.bands).toHaveLength(BANDS);
    } finally {
      pool.close();
    }
  });

  it('keeps files sent while the workers load for them, so the thread that answers the window never parses an import', async () => {
    // A worker that takes a while to load and answers in a way this thread never would.
    const slow = path.join(tempDir(), 'slow-worker.mjs');
    fs.writeFileSync(
      slow,
      `import { parentPort } from 'node:worker_threads';
       setTimeout(() => parentPort.postMessage({ ready: true }), 300);
       parentPort.on('message', (m) => m.id && parentPort.postMessage({ id: m.id, documents: [{ readBy: 'worker', name: m.name }] }));`,
    );
    const pool = new ParsePool(slow, 1);
    try {
      const bytes = fs.readFileSync(path.join(fixtures, 'folder/report-01.txt'));
      const cancel = new AbortController();
      const cancelled = pool.parse('b.txt', bytes, undefined, cancel.signal);
      const read = pool.parse('a.txt', bytes);
      cancel.abort();
      await expect(cancelled).rejects.toThrow(CANCELLED);
      expect(await read).toEqual([{ readBy: 'worker', name: 'a.txt' }]);
    } finally {
      pool.close();
    }
  });

  it('falls back to this thread when the worker cannot start', async () => {
    const broken = path.join(tempDir(), 'broken-worker.mjs');
    fs.writeFileSync(broken, 'throw new Error("no worker here");');
    const pool = new ParsePool(broken);
    expect(await pool.ready()).toBe(false);
    pool.close();
    expect(await run(broken)).toEqual(await run(null));
  });
});
