import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, writeTransaction } from '../../db/open.js';
import { bundleCli } from './cliBundle.js';
import { fixtures, tempDir } from './helpers.js';

const ARTICLES = 1000;
const PASSPHRASE = 'a passphrase for the night shift';
const isPlainSqlite = (file: string) => fs.readFileSync(file).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

/** A workspace of some megabytes, so that writing it again takes long enough to be interrupted. */
function bigWorkspace(file: string): void {
  const text = fs.readFileSync(path.join(fixtures, 'kunduz-offensive.txt'), 'utf8');
  const db = openWorkspace(file, { create: true });
  writeTransaction(db, () => {
    const article = db.prepare("INSERT INTO article (title, words, format, fingerprint, imported_at) VALUES (?, 500, 'text', ?, '2026-11-29T10:00:00Z')");
    const body = db.prepare('INSERT INTO article_body (article_id, body) VALUES (?, ?)');
    for (let i = 1; i <= ARTICLES; i++) {
      const id = article.run(`Kunduz report ${i}`, `fingerprint-${i}`).lastInsertRowid;
      body.run(id, `${text}\n\nUpdate ${i}.`);
    }
  });
  db.close();
}

function articleCount(file: string, passphrase: string | null): number {
  const db = openWorkspace(file, { passphrase });
  try {
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT count(*) FROM article').pluck().get() as number;
  } finally {
    db.close();
  }
}

const rekeyCopies = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.rekey-'));

describe('encrypting a workspace from the command line', () => {
  let cli = '';
  let remove = () => {};
  beforeAll(async () => ({ cli, remove } = await bundleCli()), 60_000);
  afterAll(() => remove());

  /** `awb passphrase` on the workspace; killed (SIGKILL) the moment its new copy appears beside the file, when `kill` is set. */
  function encrypt(file: string, kill: boolean): Promise<{ code: number | null; signal: string | null; sawCopy: boolean }> {
    const secret = path.join(tempDir(), 'new-passphrase');
    fs.writeFileSync(secret, `${PASSPHRASE}\n`, { mode: 0o600 });
    const child = spawn(process.execPath, [cli, 'passphrase', '--workspace', file, '--new-passphrase-file', secret], {
      stdio: 'ignore',
      env: { ...process.env, AWB_DATA_DIR: tempDir() },
    });
    let sawCopy = false;
    const watch = setInterval(() => {
      if (sawCopy || !kill) return;
      if (rekeyCopies(path.dirname(file)).length) {
        sawCopy = true;
        child.kill('SIGKILL');
      }
    }, 1);
    return new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        clearInterval(watch);
        resolve({ code, signal, sawCopy });
      }),
    );
  }

  it('leaves the old file whole when killed while writing the encrypted copy, and the copy is cleared', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'night.awb');
    bigWorkspace(file);

    const killed = await encrypt(file, true);
    expect(killed).toMatchObject({ signal: 'SIGKILL', sawCopy: true });
    expect(isPlainSqlite(file)).toBe(true);
    expect(articleCount(file, null)).toBe(ARTICLES);
    // Opening the workspace removed the copy the killed run left (it may hold the text in plain).
    expect(rekeyCopies(dir)).toEqual([]);

    const finished = await encrypt(file, false);
    expect(finished.code).toBe(0);
    expect(isPlainSqlite(file)).toBe(false);
    expect(() => articleCount(file, null)).toThrow(/encrypted/);
    expect(articleCount(file, PASSPHRASE)).toBe(ARTICLES);
    expect(rekeyCopies(dir)).toEqual([]);
  }, 120_000);

  it('opens an encrypted workspace with the passphrase from AWB_PASSPHRASE or a file, and says what is missing without it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sealed.awb');
    openWorkspace(file, { create: true, passphrase: PASSPHRASE }).close();
    const awb = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, AWB_DATA_DIR: dir, ...env } });

    const without = awb(['stats', '--workspace', file]);
    expect(without.status).toBe(2);
    expect(without.stderr.trim()).toBe(`awb: ${file} is encrypted: give its passphrase in AWB_PASSPHRASE or with --passphrase-file FILE`);
    const wrong = awb(['stats', '--workspace', file], { AWB_PASSPHRASE: 'not it at all' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toBe('awb: The passphrase is wrong.');
    expect(JSON.parse(awb(['stats', '--workspace', file], { AWB_PASSPHRASE: PASSPHRASE }).stdout)).toMatchObject({ articles: 0 });
    const secret = path.join(dir, 'passphrase.txt');
    fs.writeFileSync(secret, `${PASSPHRASE}\n`, { mode: 0o600 });
    const removed = awb(['passphrase', '--workspace', file, '--passphrase-file', secret, '--remove']);
    expect(removed.stdout.trim()).toBe(`decrypted ${file}: it is a plain file now`);
    expect(isPlainSqlite(file)).toBe(true);
  }, 180_000);
});
