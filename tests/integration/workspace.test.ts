import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../db/open.js';
import { migrations } from '../../db/migrations/index.js';
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

  it('leaves a foreign SQLite file as it was: no WAL switch, no side files', () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'notes.sqlite');
    const raw = new Database(foreign);
    raw.exec("CREATE TABLE note (text TEXT); INSERT INTO note VALUES ('keep me')");
    raw.close();
    const before = fs.readFileSync(foreign);
    expect(() => openWorkspace(foreign)).toThrow(/not an Analyst Workbench workspace/);
    // Byte 18 of the header is the write version: 1 = rollback journal, 2 = WAL.
    expect(fs.readFileSync(foreign)[18]).toBe(1);
    expect(fs.readFileSync(foreign).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['notes.sqlite']);
  });

  it('upgrades an older workspace and removes the backup once the result checks out', () => {
    const file = path.join(tempDir(), 'old.awb');
    olderWorkspace(file, 4);
    const db = openWorkspace(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(db.prepare('SELECT title FROM article').pluck().get()).toBe('Taliban take Kunduz');
    db.close();
    expect(fs.existsSync(`${file}.v4.bak`)).toBe(false);
  });

  it('keeps the backup, and says where, when an upgrade fails', () => {
    const file = path.join(tempDir(), 'odd.awb');
    // A stray table that migration 5 would create: the upgrade fails half-way and rolls back.
    olderWorkspace(file, 4, 'CREATE TABLE relation (id INTEGER PRIMARY KEY)');
    expect(() => openWorkspace(file)).toThrow(/could not be upgraded.*unchanged\. The copy taken before the upgrade is kept at .*odd\.awb\.v4\.bak/);
    expect(fs.existsSync(`${file}.v4.bak`)).toBe(true);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(4);
    raw.close();
  });

  it('upgrades by migrations that only add without copying the workspace, and fills what they add', () => {
    const dir = tempDir();
    const file = path.join(dir, 'recent.awb');
    const last = migrations.at(-1)!;
    expect(last.onlyAdds).toBe(true);
    // From the last schema an upgrade had to copy for: every migration since only adds.
    const from = migrations.findLast((m) => !m.onlyAdds)!.version;
    olderWorkspace(
      file,
      from,
      `INSERT INTO article (title, words, format, fingerprint, imported_at, published) VALUES ('Dated', 1, 'text', 'f0', '2026-11-29T10:00:00Z', '2021-06-20T08:00:00Z');
       INSERT INTO entity (type, name, origin, created_at) VALUES ('place', 'Kunduz', 'auto', '2026-11-29');
       INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (1, 0, 1, 'x', '', '', 'place', 'suggested', 'auto', 1, '2026-11-29')`,
    );
    // Whatever lies where a copy would go is left alone: no copy is taken.
    const bak = `${file}.v${from}.bak`;
    fs.writeFileSync(bak, 'not ours');
    const db = openWorkspace(file);
    expect(db.pragma('user_version', { simple: true })).toBe(last.version);
    expect(db.prepare('SELECT day, n FROM article_day').all()).toEqual([{ day: '2021-06-20', n: 1 }]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'command_row_mentions'").pluck().get()).toBe(1);
    expect(db.prepare('SELECT entity_id, articles, first_seen, last_seen FROM entity_seen').all()).toEqual([{ entity_id: 1, articles: 1, first_seen: '2021-06-20', last_seen: '2021-06-20' }]);
    db.close();
    expect(fs.readFileSync(bak, 'utf8')).toBe('not ours');

    const odd = path.join(dir, 'odd.awb');
    olderWorkspace(odd, from, 'CREATE TABLE article_day (day TEXT)');
    expect(() => openWorkspace(odd)).toThrow(/could not be upgraded.*already exists.*it is unchanged\.$/);
    const raw = new Database(odd, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(from);
    raw.close();
  });

  it('uses WAL and enforces foreign keys', () => {
    const db = openWorkspace(path.join(tempDir(), 'w.awb'), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(() => db.prepare('INSERT INTO article_tag (article_id, tag_id) VALUES (1, 1)').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

/** A workspace as an older version left it: migrations up to `version`, one article. */
function olderWorkspace(file: string, version: number, extra = ''): void {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  for (const m of migrations.filter((m) => m.version <= version)) raw.exec(m.sql);
  raw.exec(extra);
  raw
    .prepare("INSERT INTO article (title, words, format, fingerprint, imported_at) VALUES ('Taliban take Kunduz', 3, 'text', 'f1', '2026-11-29T10:00:00Z')")
    .run();
  raw.pragma(`user_version = ${version}`);
  raw.close();
}

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
    // Suggest again replaces the suggestions, their counts changed once per entity for the batch
    // (db/mentionCounts.ts) with the per-row triggers standing aside; then undone and redone.
    const before = db.prepare('SELECT id, mention_count, accepted_count FROM entity ORDER BY id').all();
    await call('mentions.suggest', { articleIds: [id] });
    expect(drift()).toBe(0);
    expect(db.prepare('SELECT id, mention_count, accepted_count FROM entity ORDER BY id').all()).toEqual(before);
    await call('history.undo', {});
    expect(drift()).toBe(0);
    await call('history.redo', {});
    expect(drift()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM mention_counts_deferred').pluck().get()).toBe(0);
    const entity = db.prepare("SELECT mention_count, accepted_count FROM entity WHERE name = 'Taliban'").get() as { mention_count: number; accepted_count: number };
    // 16: the headline is part of the stored text now, with its "Taliban".
    expect(entity.accepted_count).toBe(16);
    await call('articles.delete', { target: { ids: [id] } });
    expect(drift()).toBe(0);
    expect(db.prepare("SELECT mention_count FROM entity WHERE name = 'Taliban'").pluck().get() ?? 0).toBe(0);
    core.close();
  });

  it('keep each entity\'s articles and first and last seen as mentions, entities and publication dates change', async () => {
    const { core, call } = testCore();
    const report = await core.imports.importNow({
      kind: 'paths',
      paths: ['kunduz-offensive.txt', 'folder/report-01.txt', 'folder/report-02.txt'].map((f) => path.join(fixtures, f)),
    });
    const [kunduz, herat, balkh] = report.outcomes.map((o) => o.articleId!);
    await call('articles.update', { id: kunduz!, patch: { published: '2021-06-21' } });
    await call('articles.update', { id: herat!, patch: { published: '2021-08-01' } });
    await call('mentions.suggest', { articleIds: [kunduz!, herat!, balkh!] });
    const db = core.session.current.db;
    // What migration 023's triggers keep, against a count of every mention with its article.
    const drift = () =>
      db
        .prepare(
          `SELECT e.id, e.name, s.articles, s.first_seen, s.last_seen, c.articles AS counted, c.first_seen AS counted_first, c.last_seen AS counted_last
           FROM entity e LEFT JOIN entity_seen s ON s.entity_id = e.id
           LEFT JOIN (SELECT m.entity_id, count(DISTINCT m.article_id) AS articles, min(substr(a.published, 1, 10)) AS first_seen, max(substr(a.published, 1, 10)) AS last_seen
                      FROM mention m JOIN article a ON a.id = m.article_id WHERE m.status <> 'rejected' AND m.entity_id IS NOT NULL GROUP BY m.entity_id) c ON c.entity_id = e.id
           WHERE coalesce(s.articles, 0) <> coalesce(c.articles, 0) OR s.first_seen IS NOT c.first_seen OR s.last_seen IS NOT c.last_seen
           UNION ALL SELECT s.entity_id, 'no such entity', s.articles, NULL, NULL, NULL, NULL, NULL FROM entity_seen s WHERE s.entity_id NOT IN (SELECT id FROM entity)
           UNION ALL SELECT p.entity_id, 'pair', p.n, p.day, NULL, c.n, c.day, NULL FROM entity_article p
             LEFT JOIN (SELECT m.entity_id, m.article_id, count(*) AS n, substr(a.published, 1, 10) AS day FROM mention m JOIN article a ON a.id = m.article_id
                        WHERE m.status <> 'rejected' AND m.entity_id IS NOT NULL GROUP BY 1, 2) c ON c.entity_id = p.entity_id AND c.article_id = p.article_id
             WHERE c.n IS NOT p.n OR c.day IS NOT p.day
           UNION ALL SELECT m.entity_id, 'pair missing', NULL, NULL, NULL, NULL, NULL, NULL FROM mention m
             WHERE m.status <> 'rejected' AND m.entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entity_article p WHERE p.entity_id = m.entity_id AND p.article_id = m.article_id)`,
        )
        .all();
    const seen = (name: string) =>
      db.prepare('SELECT s.articles, s.first_seen AS first, s.last_seen AS last FROM entity e JOIN entity_seen s ON s.entity_id = e.id WHERE e.name = ?').get(name);
    expect(drift()).toEqual([]);
    // In all three articles; the third is undated, so it adds an article and no day.
    expect(seen('Taliban')).toEqual({ articles: 3, first: '2021-06-21', last: '2021-08-01' });
    const steps: [string, () => Promise<unknown>][] = [
      ['redate the last', () => call('articles.update', { id: herat!, patch: { published: '2021-05-01' } })],
      ['undate the first', () => call('articles.update', { id: herat!, patch: { published: null } })],
      ['date the undated', () => call('articles.update', { id: balkh!, patch: { published: '2021-09-09' } })],
      [
        'reject every Taliban in one article',
        async () => {
          const taliban = (await call('mentions.list', { articleId: balkh! })).find((m) => m.quote === 'Taliban')!;
          return call('mentions.review', { id: taliban.id, action: 'reject', scope: 'article' });
        },
      ],
      ['undo the rejection', () => call('history.undo', {})],
      [
        'retype a mention to another entity',
        async () => {
          const herat1 = (await call('mentions.list', { articleId: herat! })).find((m) => m.quote === 'Herat' && m.type === 'place')!;
          return call('mentions.retype', { id: herat1.id, type: 'organisation' });
        },
      ],
      [
        'merge two entities, then undo the merge',
        async () => {
          const ids = db.prepare("SELECT id FROM entity WHERE name IN ('Taliban', 'Kunduz') ORDER BY name").pluck().all() as number[];
          const merged = await call('entities.merge', { sourceId: ids[0]!, targetId: ids[1]! });
          expect(drift()).toEqual([]);
          return call('entities.undoMerge', { undoId: merged.undoId });
        },
      ],
      ['delete an entity', () => call('entities.delete', { id: db.prepare("SELECT id FROM entity WHERE name = 'Taliban'").pluck().get() as number })],
      ['undo the deletion', () => call('history.undo', {})],
      ['delete an article', () => call('articles.delete', { target: { ids: [kunduz!] } })],
      ['undo the article deletion', () => call('history.undo', {})],
      ['redo it', () => call('history.redo', {})],
      ['suggest again', () => call('mentions.suggest', { articleIds: [herat!, balkh!] })],
      [
        'put a mention back before its article',
        async () => {
          const taliban = db.prepare("SELECT id FROM entity WHERE name = 'Taliban'").pluck().get() as number;
          db.transaction(() => {
            db.pragma('defer_foreign_keys = ON');
            const id = (db.prepare('SELECT max(id) FROM article').pluck().get() as number) + 1;
            db.prepare("INSERT INTO mention (article_id, start, end, quote, prefix, suffix, type, status, origin, entity_id, updated_at) VALUES (?, 0, 7, 'Taliban', '', '', 'organisation', 'accepted', 'auto', ?, '2026-12-04')").run(id, taliban);
            db.prepare("INSERT INTO article (id, title, words, format, fingerprint, imported_at, published) VALUES (?, 'Later', 1, 'text', 'later', '2026-12-04T10:00:00Z', '2021-10-10T08:00:00Z')").run(id);
          })();
        },
      ],
    ];
    for (const [step, run] of steps) {
      await run();
      expect({ step, drift: drift() }).toEqual({ step, drift: [] });
    }
    expect(seen('Taliban')).toEqual({ articles: 3, first: '2021-09-09', last: '2021-10-10' });
    core.close();
  });
});
