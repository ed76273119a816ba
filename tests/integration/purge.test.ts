import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactValue } from '../../db/purge.js';
import { Core } from '../../electron/dispatch.js';
import { gazetteerFile } from '../../electron/paths.js';
import { OrderReader } from '../../electron/services/orderReader.js';
import { bundleEntry } from './cliBundle.js';
import { fixtures, repoRoot, tempDir, testCore } from './helpers.js';

// Made-up words that occur nowhere else: one only in the title, one only in the body.
const TITLE_WORD = 'Oxtravannen';
const BODY_WORD = 'Qzxvrelmorphic';
const BODY = `KABUL, Afghanistan – The ${BODY_WORD} convoy left the ferry crossing at dawn, a district official said on Monday.

Residents said the crossing had been closed for two days while fighters moved through the villages on the river bank.`;

/** Every way a word can sit in the file: as written, lower-cased by the search index, or as the tail of a prefix-compressed index term. */
function traces(bytes: Buffer, word: string): string[] {
  const text = bytes.toString('latin1').toLowerCase();
  const forms = [word.toLowerCase(), word.toLowerCase().slice(3)];
  return forms.filter((f) => text.includes(f));
}

function fileBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

describe('purging deleted data', () => {
  it('leaves no trace of a deleted article in the workspace file or its log', async () => {
    const { core, call } = testCore();
    const file = core.session.current.file;
    const db = core.session.current.db;
    await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    const report = await core.imports.importNow({ kind: 'text', text: BODY, title: `Ferry report` });
    const id = report.outcomes[0]!.articleId!;
    // An edit puts the title word into the change log too (before and after values).
    await call('articles.update', { id, patch: { title: `${TITLE_WORD} ferry report`, source: `${TITLE_WORD} Gazette` } });
    const tag = await call('tags.create', { name: 'Ferry crossings', color: '#2e86de' });
    await call('tags.assign', { target: { ids: [id] }, tagIds: [tag.id] });
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(traces(fs.readFileSync(file), BODY_WORD)).not.toEqual([]);

    await call('articles.delete', { target: { ids: [id] } });
    db.pragma('wal_checkpoint(TRUNCATE)');
    // Not yet purged: an FTS5 delete only writes a tombstone, and the change log and the undo
    // history keep what was deleted (by design, until purge).
    expect(traces(fs.readFileSync(file), BODY_WORD)).not.toEqual([]);
    expect(traces(fs.readFileSync(file), TITLE_WORD)).not.toEqual([]);

    const purged = await call('workspace.purge', {});
    expect(purged.redactedChanges).toBeGreaterThanOrEqual(2);
    expect(purged.walEmptied).toBe(true);
    // The rest of the workspace is intact and searchable.
    expect((await call('articles.page', { query: { search: 'Kunduz' }, startRow: 0, endRow: 10 })).rows).toHaveLength(1);
    expect((await call('articles.page', { query: { search: BODY_WORD }, startRow: 0, endRow: 10 })).rows).toHaveLength(0);
    const deletion = db.prepare("SELECT before FROM change_log WHERE action = 'delete' AND subject = 'article' AND subject_id = ?").pluck().get(id) as string;
    expect(JSON.parse(deletion)).toEqual({ id, title: null, source: null, fingerprint: null });
    core.close();

    const bytes = fileBytes(file);
    expect(traces(bytes, BODY_WORD)).toEqual([]);
    expect(traces(bytes, TITLE_WORD)).toEqual([]);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'ferry'").pluck().get()).toBe(0);
    reopened.close();
  });

  it('overwrites freed content on every connection (secure_delete), so a checkpoint leaves no copy', () => {
    const { core } = testCore();
    const file = core.session.current.file;
    const db = core.session.current.db;
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    // Written and deleted straight through the connection, outside any recorded command.
    const id = db.prepare("INSERT INTO custom_place (name, lat, lon, notes, created_at) VALUES ('Qarawelltor checkpoint', 36.7, 68.8, ?, '2026-11-29')").run(`${BODY_WORD} `.repeat(50)).lastInsertRowid;
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).toString('latin1').includes('Qarawelltor')).toBe(true);
    db.prepare('DELETE FROM custom_place WHERE id = ?').run(id);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const text = fs.readFileSync(file).toString('latin1');
    expect(text.includes('Qarawelltor')).toBe(false);
    expect(text.includes(BODY_WORD)).toBe(false);
    core.close();
  });

  it('keeps the change log of subjects that still exist, merge undo included', async () => {
    const { core, call } = testCore();
    const db = core.session.current.db;
    const a = await call('entities.create', { type: 'person', name: 'Zabihullah Mujahid' });
    const b = await call('entities.create', { type: 'person', name: 'Mujahid' });
    const merged = await call('entities.merge', { sourceId: b.id, targetId: a.id });
    const gone = await call('entities.create', { type: 'organisation', name: 'Brindlewick Militia' });
    await call('entities.delete', { id: gone.id });
    await call('workspace.purge', {});
    const logOf = (subjectId: number) => db.prepare("SELECT action, before FROM change_log WHERE subject = 'entity' AND subject_id = ?").all(subjectId) as { action: string; before: string | null }[];
    expect(logOf(gone.id).find((r) => r.action === 'delete')!.before).not.toContain('Brindlewick');
    expect(logOf(a.id).find((r) => r.action === 'merge')!.before).toContain('Mujahid');
    const { restoredId } = await call('entities.undoMerge', { undoId: merged.undoId });
    expect((await call('entities.get', { id: restoredId })).name).toBe('Mujahid');
    core.close();
  });

  it('redaction keeps field names, ids and counts and drops text', () => {
    expect(redactValue({ id: 4, title: 'Kunduz falls', tags: ['a'], articleIds: [1, 2], nested: { quote: 'x', start: 3 }, flag: true })).toEqual({
      id: 4,
      title: null,
      tags: [null],
      articleIds: [1, 2],
      nested: { quote: null, start: 3 },
      flag: true,
    });
  });
});

describe('purging with the app’s background threads on the file', () => {
  let checkpointWorker: Awaited<ReturnType<typeof bundleEntry>>;
  let readerWorker: Awaited<ReturnType<typeof bundleEntry>>;
  beforeAll(async () => {
    checkpointWorker = await bundleEntry('electron/services/checkpointWorker.ts');
    readerWorker = await bundleEntry('electron/services/readerWorker.ts');
  }, 120_000);
  afterAll(() => {
    checkpointWorker?.remove();
    readerWorker?.remove();
  });

  it('rewrites the file with the checkpoint and reader threads let go of it, and starts them again after', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'purge.awb');
    const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(repoRoot), workspace: file, sampleDir: dir, mode: 'browser', version: 'test', suggestOnImport: false, lockWorkspace: false, checkpointWorker: checkpointWorker.file, readerWorker: readerWorker.file });
    try {
      await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
      const report = await core.imports.importNow({ kind: 'text', text: BODY, title: 'Ferry report' });
      const deleted = await core.dispatch('articles.delete', { target: { ids: [report.outcomes[0]!.articleId!] } });
      expect(deleted.ok).toBe(true);
      const ws = core.session.current;
      const db = ws.db;
      const reader = () => (ws as unknown as { reader: OrderReader }).reader;
      // The core's connection leaves checkpoints to the worker once it runs (0), and takes them up again when it stops (1000).
      await expect.poll(() => db.pragma('wal_autocheckpoint', { simple: true }), { timeout: 10_000 }).toBe(0);
      const before = reader();
      expect(before.usable).toBe(true);
      const exec = db.exec.bind(db);
      let whileRewritten: unknown[] = [];
      db.exec = (sql: string) => {
        if (sql === 'VACUUM') whileRewritten = [db.pragma('wal_autocheckpoint', { simple: true }), before.usable];
        return exec(sql);
      };
      // A checkpoint of the worker's at the moment the log is emptied made the emptying fail, and the file kept the deleted text.
      const purged = await core.dispatch('workspace.purge', {});
      expect(purged.ok && (purged.value as { walEmptied: boolean }).walEmptied).toBe(true);
      expect(whileRewritten).toEqual([1000, false]);
      expect(traces(fileBytes(file), BODY_WORD)).toEqual([]);
      // Both threads again, each on a connection of its own.
      await expect.poll(() => db.pragma('wal_autocheckpoint', { simple: true }), { timeout: 10_000 }).toBe(0);
      expect(reader()).not.toBe(before);
      expect(reader().usable).toBe(true);
      const page = await core.dispatch('articles.page', { query: { sort: [{ column: 'title', direction: 'asc' }] }, startRow: 0, endRow: 10 });
      expect(page.ok).toBe(true);
    } finally {
      core.close();
    }
  }, 60_000);
});
