import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../db/open.js';
import { bundleCli } from './cliBundle.js';
import { fixtures, tempDir, testCore } from './helpers.js';

let cli: Awaited<ReturnType<typeof bundleCli>>;
beforeAll(async () => {
  cli = await bundleCli();
}, 60_000);
afterAll(() => cli?.remove());

function awb(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { AWB_RUN_AS: runAs, ...rest } = env;
    const ids = runAs ? { uid: Number(runAs), gid: Number(runAs) } : {};
    const child = spawn(process.execPath, [cli.cli, ...args], { env: { ...process.env, ...rest }, ...ids });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `count` copies of the sample page, each made distinct by a closing sentence (so none is a duplicate). */
function articleFolder(dir: string, set: string, count: number): string {
  const sample = fs.readFileSync(path.join(fixtures, 'kunduz-offensive.txt'), 'utf8');
  const folder = path.join(dir, set);
  fs.mkdirSync(folder);
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(folder, `${set}-${String(i).padStart(4, '0')}.txt`), `${sample}\n\nThis is copy ${i} of set ${set}, filed for the two-writer test.\n`);
  }
  return folder;
}

describe('two writers on one workspace', () => {
  it('two imports at once into one workspace both store every article', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'shared.awb');
    openWorkspace(file, { create: true }).close();
    // Over a batch (250) each, so both processes store several batches while the other writes.
    const per = 400;
    const [a, b] = [articleFolder(dir, 'A', per), articleFolder(dir, 'B', per)];
    const env = { AWB_DATA_DIR: path.join(dir, 'data') };
    const runs = await Promise.all([awb(['import', '--workspace', file, a], env), awb(['import', '--workspace', file, b], env)]);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain(`${per} imported, 0 duplicate, 0 failed`);
      expect(run.status).toBe(0);
    }
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM article').pluck().get()).toBe(2 * per);
    expect(db.prepare("SELECT count(*) FROM article_fts WHERE article_fts MATCH '\"set B\"'").pluck().get()).toBe(per);
    db.close();
  }, 180_000);
});

describe('one app instance per workspace', () => {
  it('a second instance opens the workspace read-only, says who holds it, and refuses changes plainly', async () => {
    const first = testCore();
    const file = first.core.session.current.file;
    await first.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    expect((await first.call('workspace.current', {})).readOnly).toBeNull();

    const second = testCore(file);
    const info = await second.call('workspace.current', {});
    expect(info.readOnly).toMatch(/open in another Analyst Workbench \(process \d+/);
    expect(info.articles).toBe(1);
    const page = await second.call('articles.page', { query: { search: 'Kunduz' }, startRow: 0, endRow: 10 });
    expect(page.rows).toHaveLength(1);
    await expect(second.call('tags.create', { name: 'Northern offensive', color: '#c0392b' })).rejects.toThrow(/read-only.*cannot be saved/);
    await expect(second.call('imports.start', { source: { kind: 'text', text: 'Another report.' } })).rejects.toThrow(/open in another Analyst Workbench.*Changes cannot be saved/);
    await expect(second.call('workspace.purge', {})).rejects.toThrow(/read-only/);
    // Once the first closes, opening the workspace again gets it to write, as does the next instance.
    first.core.close();
    expect((await second.call('workspace.open', { path: file })).readOnly).toBeNull();
    second.core.close();
    const third = testCore(file);
    expect((await third.call('workspace.current', {})).readOnly).toBeNull();
    await third.call('tags.create', { name: 'Northern offensive', color: '#c0392b' });
    third.core.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over the lock of a process that died', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'crashed.awb');
    openWorkspace(file, { create: true }).close();
    // A pid that cannot be running: pids stop well below 2^22 on Linux and macOS.
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 17, host: (await import('node:os')).hostname(), since: '2026-11-01T10:00:00Z' }));
    const t = testCore(file);
    expect((await t.call('workspace.current', {})).readOnly).toBeNull();
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    t.core.close();
  });

  it('the command line writes beside a running app (it takes no lock)', async () => {
    const app = testCore();
    const file = app.core.session.current.file;
    const run = await awb(['import', '--workspace', file, path.join(fixtures, 'kunduz-offensive.txt')], { AWB_DATA_DIR: app.dir });
    expect(run.stdout).toContain('1 imported');
    expect(fs.existsSync(`${file}.lock`)).toBe(true);
    app.core.close();
  }, 120_000);
});

describe('a workspace that cannot be written', () => {
  // Root ignores file permissions, so as root the command line runs as "nobody" to meet them.
  const other = process.getuid?.() === 0 ? { AWB_RUN_AS: '65534' } : {};

  it('is read from read-only media, and an import is refused in one plain line', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const media = path.join(dir, 'media');
    const file = path.join(media, 'case.awb');
    const t = testCore(file);
    await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    t.core.close();
    // Closed cleanly (no -wal, no -shm), then the folder and file lose their write permission.
    expect(fs.readdirSync(media).sort()).toEqual(['case.awb']);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(media, 0o555);
    const data = path.join(dir, 'data');
    fs.mkdirSync(data, { mode: 0o777 });
    fs.chmodSync(data, 0o777);
    try {
      const env = { AWB_DATA_DIR: data, ...other };
      const stats = await awb(['stats', '--workspace', file], env);
      expect(stats.stderr).toBe('');
      expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 1 });
      const search = await awb(['search', '--workspace', file, 'Kunduz'], env);
      expect(search.stdout.trim().split('\n')).toHaveLength(1);
      const imported = await awb(['import', '--workspace', file, path.join(fixtures, 'kunduz-offensive.txt')], env);
      expect(imported.stderr.trim()).toBe(
        'awb: This workspace file is read-only (its permissions, or read-only media), so it is shown read-only. It is read from a temporary copy. Changes cannot be saved.',
      );
      expect(imported.status).toBe(1);
      expect(fs.readdirSync(media)).toEqual(['case.awb']);
    } finally {
      fs.chmodSync(media, 0o755);
    }
  }, 120_000);

  it('awb purge compacts a workspace after a deletion', async () => {
    const t = testCore();
    const file = t.core.session.current.file;
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    await t.call('articles.delete', { target: { ids: [report.outcomes[0]!.articleId!] } });
    t.core.close();
    const run = await awb(['purge', '--workspace', file], { AWB_DATA_DIR: t.dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^purged {4}[1-9]\d* change-log records redacted; [\d,]+ → [\d,]+ bytes\n$/);
    expect(run.status).toBe(0);
  }, 120_000);
});
