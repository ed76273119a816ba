import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../db/open.js';
import { fixtures, tempDir, testCore } from './helpers.js';

describe('workspaces', () => {
  it('creates, saves a copy, opens it and keeps a recent list', async () => {
    const { core, call, dir } = testCore();
    await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    const copy = await call('workspace.saveCopy', { path: path.join(dir, 'copy') });
    expect(copy.path).toBe(path.join(dir, 'copy.awb'));
    const created = await call('workspace.create', { path: path.join(dir, 'second.awb') });
    expect(created.articles).toBe(0);
    const opened = await call('workspace.open', { path: copy.path });
    expect(opened).toMatchObject({ name: 'copy', articles: 1 });
    expect(opened.recent.slice(0, 3)).toEqual([copy.path, path.join(dir, 'second.awb'), path.join(dir, 'test.awb')]);
    await expect(call('workspace.create', { path: copy.path })).rejects.toThrow(/already exists/);
    core.close();
  });

  it('refuses a file that is not a workspace and keeps the current one open', async () => {
    const { core, call, dir } = testCore();
    const notDb = path.join(dir, 'notes.awb');
    fs.writeFileSync(notDb, 'just some text, not a database at all'.repeat(100));
    await expect(call('workspace.open', { path: notDb })).rejects.toThrow(/not a workspace/);
    const foreign = path.join(dir, 'other.sqlite');
    new Database(foreign).exec('CREATE TABLE x (y)');
    await expect(call('workspace.open', { path: foreign })).rejects.toThrow(/not an Analyst Workbench workspace/);
    expect((await call('workspace.current', {})).name).toBe('test');
    core.close();
  });

  it('refuses a workspace from a newer version', () => {
    const file = path.join(tempDir(), 'future.awb');
    openWorkspace(file, { create: true }).close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openWorkspace(file)).toThrow(/newer Analyst Workbench/);
  });

  it('uses WAL and enforces foreign keys', () => {
    const db = openWorkspace(path.join(tempDir(), 'w.awb'), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(() => db.prepare('INSERT INTO article_tag (article_id, tag_id) VALUES (1, 1)').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('entity counters', () => {
  it('follow every mention write, cascades from deleted articles included', async () => {
    const { core, call } = testCore();
    const report = await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    const id = report.outcomes[0]!.articleId!;
    await call('mentions.suggest', { articleIds: [id] });
    const db = core.session.current.db;
    const drift = () =>
      db
        .prepare(
          `SELECT count(*) FROM entity e WHERE e.mention_count <> (SELECT count(*) FROM mention m WHERE m.entity_id = e.id AND m.status <> 'rejected')
             OR e.accepted_count <> (SELECT count(*) FROM mention m WHERE m.entity_id = e.id AND m.status = 'accepted')`,
        )
        .pluck()
        .get();
    const taliban = (await call('mentions.list', { articleId: id })).find((m) => m.quote === 'Taliban')!;
    await call('mentions.review', { id: taliban.id, action: 'accept', scope: 'article' });
    const kunduz = (await call('mentions.list', { articleId: id })).find((m) => m.quote === 'Kunduz')!;
    await call('mentions.review', { id: kunduz.id, action: 'reject', scope: 'this' });
    expect(drift()).toBe(0);
    const entity = db.prepare("SELECT mention_count, accepted_count FROM entity WHERE name = 'Taliban'").get() as { mention_count: number; accepted_count: number };
    expect(entity.accepted_count).toBe(15);
    await call('articles.delete', { target: { ids: [id] } });
    expect(drift()).toBe(0);
    expect(db.prepare("SELECT mention_count FROM entity WHERE name = 'Taliban'").pluck().get() ?? 0).toBe(0);
    core.close();
  });
});
