import Database from 'better-sqlite3-multiple-ciphers';
import { unzipSync } from 'fflate';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { openWorkspace } from '../../db/open.js';
import type { CallInput, CallName, CallOutput } from '../../electron/contract/index.js';
import { Core } from '../../electron/dispatch.js';
import { gazetteerFile } from '../../electron/paths.js';
import type { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { WorkspaceSession } from '../../electron/services/workspace.js';
import { repoRoot, tempDir, testCore } from './helpers.js';

// Made-up words that occur nowhere else: one in the title, one in the body.
const TITLE_WORD = 'Vellmarquaine';
const BODY_WORD = 'Qzxtrombulous';
const BODY = `KUNDUZ, Afghanistan – The ${BODY_WORD} convoy crossed the river at dawn, a district official said on Monday.

Residents said the crossing had been closed for two days while fighters moved through the villages on the bank.`;
const PASSPHRASE = 'correct horse battery staple';

/** Every way a word can sit in a file: as written, lower-cased by the search index, or as the tail of a prefix-compressed index term. */
function traces(bytes: Buffer, word: string): string[] {
  const text = bytes.toString('latin1').toLowerCase();
  return [word.toLowerCase(), word.toLowerCase().slice(3)].filter((f) => text.includes(f));
}

/** The workspace file and its -wal, as they lie on disk. */
const onDisk = (file: string) => Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const isPlainSqlite = (file: string) => fs.readFileSync(file).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

/** A core on an existing workspace file, with a typed call that rejects with the error's code. */
function coreOn(file: string, passphrase: string | null = null) {
  const core = new Core({
    dataDir: tempDir(),
    gazetteerFile: gazetteerFile(repoRoot),
    suggestOnImport: false,
    workspace: file,
    sampleDir: path.join(repoRoot, 'assets/samples'),
    mode: 'browser',
    version: 'test',
    passphrase,
  });
  const call: Call = async (name, input) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as never;
  };
  return { core, call };
}

async function importBody(core: Core, call: Call) {
  const report = await core.imports.importNow({ kind: 'text', text: BODY, title: 'River crossing' });
  const id = report.outcomes[0]!.articleId!;
  // An edit puts the title word into the change log as well.
  await call('articles.update', { id, patch: { title: `${TITLE_WORD} river crossing` } });
  return id;
}

const searchCount = async (call: Call, text: string) => (await call('articles.page', { query: { search: text }, startRow: 0, endRow: 10 })).rows.length;

describe('encryption at rest', () => {
  afterEach(() => void vi.useRealTimers());

  it('keeps none of an article’s words in the file, its -wal or its lock, and searches under the key', async () => {
    const { core, call, dir } = testCore();
    const file = path.join(dir, 'sealed.awb');
    const info = await call('workspace.create', { path: file, passphrase: PASSPHRASE });
    expect(info).toMatchObject({ encrypted: true, locked: false });
    await importBody(core, call);
    expect(await searchCount(call, BODY_WORD)).toBe(1);
    expect(await searchCount(call, `${TITLE_WORD.slice(0, 6)}*`)).toBe(1);
    // While open, the newest pages are in the -wal: it is encrypted too.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(traces(onDisk(file), BODY_WORD)).toEqual([]);
    expect(traces(onDisk(file), TITLE_WORD)).toEqual([]);
    const lock = fs.readFileSync(`${file}.lock`, 'utf8');
    expect(lock).not.toContain(PASSPHRASE);
    expect(traces(Buffer.from(lock), BODY_WORD)).toEqual([]);
    // A copy and an archive carry the encryption with them (same passphrase).
    const copy = (await call('workspace.saveCopy', { path: path.join(dir, 'copy.awb') })).path;
    expect(isPlainSqlite(copy)).toBe(false);
    expect(traces(fs.readFileSync(copy), BODY_WORD)).toEqual([]);
    expect(() => openWorkspace(copy)).toThrow(/encrypted/);
    openWorkspace(copy, { passphrase: PASSPHRASE }).close();
    const archive = path.join(dir, 'archive.awbz');
    await call('exports.run', { format: 'archive', path: archive });
    const inside = Buffer.from(unzipSync(new Uint8Array(fs.readFileSync(archive)))['workspace.awb']!);
    expect(inside.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(traces(inside, BODY_WORD)).toEqual([]);
    await expect(call('workspace.restoreArchive', { archive, target: path.join(dir, 'restored.awb') })).rejects.toMatchObject({ code: 'passphrase_needed' });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('restored'))).toEqual([]);
    core.close();

    expect(isPlainSqlite(file)).toBe(false);
    expect(traces(onDisk(file), BODY_WORD)).toEqual([]);
    expect(traces(onDisk(file), TITLE_WORD)).toEqual([]);
    // No leftovers beside it: the -wal and the lock go when the workspace closes.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('sealed.awb'))).toEqual(['sealed.awb']);
  });

  it('refuses a wrong passphrase with a clear message and leaves the file exactly as it was', async () => {
    const { core, call, dir } = testCore();
    const file = path.join(dir, 'sealed.awb');
    await call('workspace.create', { path: file, passphrase: PASSPHRASE });
    await importBody(core, call);
    core.close();
    const before = sha256(file);
    const mtime = fs.statSync(file).mtimeMs;

    expect(() => openWorkspace(file, { passphrase: 'not the passphrase' })).toThrow(/^The passphrase is wrong\.$/);
    expect(() => openWorkspace(file)).toThrow(/sealed\.awb is encrypted: enter its passphrase/);
    const locked = coreOn(file);
    expect(locked.core.session.locked).toBe(true);
    expect(await locked.call('workspace.current', {})).toMatchObject({ locked: true, encrypted: true, articles: 0 });
    await expect(locked.call('articles.page', { query: {}, startRow: 0, endRow: 10 })).rejects.toMatchObject({ code: 'workspace_locked' });
    await expect(locked.call('workspace.unlock', { passphrase: 'Correct horse battery staple' })).rejects.toMatchObject({ code: 'passphrase_wrong', message: 'The passphrase is wrong.' });
    expect(sha256(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);

    expect(await locked.call('workspace.unlock', { passphrase: PASSPHRASE })).toMatchObject({ locked: false, encrypted: true, articles: 1 });
    expect(await searchCount(locked.call, BODY_WORD)).toBe(1);
    // Locking now closes it: nothing can be read until it is unlocked again.
    expect(await locked.call('workspace.lock', {})).toMatchObject({ locked: true });
    await expect(locked.call('articles.stats', {})).rejects.toMatchObject({ code: 'workspace_locked' });
    locked.core.close();
  });

  it('opens a plain workspace as before, with no passphrase asked, even when one is given', async () => {
    const { core, call } = testCore();
    expect(await call('workspace.current', {})).toMatchObject({ encrypted: false, locked: false });
    const file = core.session.current.file;
    await importBody(core, call);
    core.close();
    expect(isPlainSqlite(file)).toBe(true);
    // The command line may have AWB_PASSPHRASE set for other workspaces: a plain one ignores it.
    const withKey = coreOn(file, PASSPHRASE);
    expect(await searchCount(withKey.call, BODY_WORD)).toBe(1);
    withKey.core.close();
    expect(isPlainSqlite(file)).toBe(true);
    const again = coreOn(file);
    await expect(again.call('workspace.lock', {})).rejects.toMatchObject({ code: 'not_encrypted' });
    again.core.close();
  });

  it('encrypts a plain workspace, changes the passphrase and removes it, keeping every record and the search', async () => {
    const { core, call } = testCore();
    const file = core.session.current.file;
    await importBody(core, call);
    core.session.current.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(traces(fs.readFileSync(file), BODY_WORD)).not.toEqual([]);

    expect(await call('workspace.setPassphrase', { next: PASSPHRASE })).toMatchObject({ encrypted: true, articles: 1 });
    expect(traces(onDisk(file), BODY_WORD)).toEqual([]);
    expect(traces(onDisk(file), TITLE_WORD)).toEqual([]);
    expect(await searchCount(call, BODY_WORD)).toBe(1);

    // A wrong current passphrase changes nothing.
    core.session.current.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha256(file);
    await expect(call('workspace.setPassphrase', { current: 'a wrong guess', next: 'another passphrase' })).rejects.toMatchObject({ code: 'passphrase_wrong' });
    await expect(call('workspace.setPassphrase', { next: 'another passphrase' })).rejects.toMatchObject({ code: 'passphrase_needed' });
    expect(sha256(file)).toBe(before);
    expect(await searchCount(call, BODY_WORD)).toBe(1);

    await call('workspace.setPassphrase', { current: PASSPHRASE, next: 'another passphrase' });
    expect(sha256(file)).not.toBe(before);
    expect(() => openWorkspace(file, { passphrase: PASSPHRASE })).toThrow(/passphrase is wrong/);
    expect(await call('history.verify', {})).toMatchObject({ ok: true });

    expect(await call('workspace.setPassphrase', { current: 'another passphrase', next: null })).toMatchObject({ encrypted: false, articles: 1 });
    expect(await searchCount(call, BODY_WORD)).toBe(1);
    core.close();
    expect(isPlainSqlite(file)).toBe(true);
    expect(traces(fs.readFileSync(file), BODY_WORD)).not.toEqual([]);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.rekey-'))).toEqual([]);
  });

  it('keeps the backup taken before an upgrade encrypted', () => {
    const file = path.join(tempDir(), 'old.awb');
    const raw = new Database(file);
    raw.pragma("cipher = 'sqlcipher'");
    raw.pragma('legacy = 4');
    raw.key(Buffer.from(PASSPHRASE));
    raw.pragma('journal_mode = WAL');
    for (const m of migrations.filter((m) => m.version <= 4)) raw.exec(m.sql);
    // A stray table that migration 5 would create: the upgrade fails and the backup is kept.
    raw.exec('CREATE TABLE relation (id INTEGER PRIMARY KEY)');
    raw.prepare("INSERT INTO article (title, words, format, fingerprint, imported_at) VALUES (?, 3, 'text', 'f1', '2026-11-29T10:00:00Z')").run(`${TITLE_WORD} crossing`);
    raw.pragma('user_version = 4');
    raw.close();

    expect(() => openWorkspace(file, { passphrase: PASSPHRASE })).toThrow(/kept at .*old\.awb\.v4\.bak/);
    const backup = `${file}.v4.bak`;
    expect(isPlainSqlite(backup)).toBe(false);
    expect(traces(fs.readFileSync(backup), TITLE_WORD)).toEqual([]);
    const opened = new Database(backup, { readonly: true });
    opened.pragma("cipher = 'sqlcipher'");
    opened.pragma('legacy = 4');
    opened.key(Buffer.from(PASSPHRASE));
    expect(opened.prepare('SELECT title FROM article').pluck().get()).toBe(`${TITLE_WORD} crossing`);
    opened.close();
  });

  it('locks an encrypted workspace after the idle time, and never a plain one', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const dataDir = tempDir();
    const noGazetteer = (): Gazetteer => {
      throw new Error('not needed');
    };
    const session = new WorkspaceSession(dataDir, path.join(dataDir, 'sealed.awb'), noGazetteer, true, PASSPHRASE);
    const plain = new WorkspaceSession(tempDir(), undefined, noGazetteer, true);
    let told = 0;
    session.onIdleLock = () => told++;
    session.setIdleLock(10);
    plain.setIdleLock(10);
    vi.advanceTimersByTime(8 * 60_000);
    session.activity();
    vi.advanceTimersByTime(8 * 60_000);
    expect(session.locked).toBe(false);
    vi.advanceTimersByTime(3 * 60_000);
    expect(session.locked).toBe(true);
    expect(told).toBe(1);
    expect(plain.locked).toBe(false);
    expect(session.unlock(PASSPHRASE)).toMatchObject({ locked: false, idleLockMinutes: 10 });
    session.close();
    plain.close();
  });
});
