import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../../db/articles.js';
import { expandPrefixes } from '../../db/ftsPrefixes.js';
import { openWorkspace } from '../../db/open.js';
import { articleFromText } from '../../electron/services/extract/article.js';
import { fixtures, tempDir, testCore } from './helpers.js';

// A prefix longer than the index keeps ("govern*") is searched as the terms it stands for, which
// FTS5 reads lazily (336 ms → under 100 ms at a million articles): the articles found must not change.
const all = { search: '', tagIds: [] as number[], filters: {}, sort: [] };
const t = testCore();
const db = () => t.core.session.current.db;

beforeAll(async () => {
  await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'folder'), path.join(fixtures, 'kunduz-offensive.txt')] });
});
afterAll(() => t.core.close());

const ids = async (search: string) => (await t.call('articles.page', { query: { ...all, search }, startRow: 0, endRow: 100 })).rows.map((r) => r.id).sort((a, b) => a - b);
/** The articles FTS5 itself finds for the query as typed. */
const byIndex = (query: string) => (db().prepare('SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid').pluck().all(query) as number[]);

describe('long prefixes searched as their terms', () => {
  it('writes a long prefix as the index terms it begins', () => {
    const written = expandPrefixes(db(), 'Provinc*');
    expect(written).toMatch(/^\("provinc\w*"( OR "provinc\w*")*\)$/);
    expect(written).toContain('"provincial"');
    expect(expandPrefixes(db(), 'taliban AND title:Kandah*')).toBe('taliban AND title:("kandahar")');
    expect(expandPrefixes(db(), '"Kandah"*')).toBe('("kandahar")');
  });

  it('finds exactly the articles the prefix finds, in the table as in FTS5', async () => {
    for (const search of ['provinc*', 'Kandah*', 'fight* AND provinc*', 'provinc* NOT Kunduz', 'title:Kandah*']) {
      const expected = byIndex(search);
      expect(expected.length, search).toBeGreaterThan(0);
      expect(await ids(search), search).toEqual(expected);
      expect(byIndex(expandPrefixes(db(), search)), search).toEqual(expected);
    }
    expect((await t.call('articles.page', { query: { ...all, search: 'Kandah*' }, startRow: 0, endRow: 10 })).rows[0]!.snippet).toContain('\u0002Kandahar\u0003');
  });

  it('leaves alone what an OR cannot stand for or the index answers well', () => {
    for (const query of ['gov*', 'Ka*', '"provincial counc"*', 'NEAR(provinc* council, 5)', '^Kandah*', 'zzzzqq*', 'Kandahär*', 'provinc']) {
      expect(expandPrefixes(db(), query), query).toBe(query);
    }
    // After a NEAR group the rest of the query is written as usual.
    expect(expandPrefixes(db(), 'NEAR(provinc* council) OR Kandah*')).toBe('NEAR(provinc* council) OR ("kandahar")');
  });

  it('leaves a prefix of more than a hundred terms as typed', async () => {
    const dir = tempDir();
    const word = (i: number) => `zebraword${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
    fs.writeFileSync(path.join(dir, 'many.txt'), `Many words\n\n${Array.from({ length: 101 }, (_, i) => word(i)).join(' ')}.\n`);
    await t.core.imports.importNow({ kind: 'paths', paths: [dir] });
    expect(expandPrefixes(db(), 'zebraword*')).toBe('zebraword*');
    expect(await ids('zebraword*')).toHaveLength(1);
    // A hundred terms or fewer are written out: the index is read at the time of the search.
    expect(expandPrefixes(db(), 'zebrawordaa*')).toBe('("zebrawordaa")');
  });

  it('reads the terms of a prefix once while the workspace is unchanged, and again after any write to it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'kandahari.txt'), 'Kandahari traders\n\nKandahari traders met in the city.\n');
    await t.core.imports.importNow({ kind: 'paths', paths: [dir] });
    expect(expandPrefixes(db(), 'Kandah*')).toBe('("kandahar" OR "kandahari")');
    // Answered from what was read: the index's term list is not read again (with it gone, a read leaves the prefix as typed).
    db().exec('DROP TABLE temp.article_fts_terms');
    try {
      expect(expandPrefixes(db(), 'Kandah*')).toBe('("kandahar" OR "kandahari")');
      expect(expandPrefixes(db(), 'Provinc*')).toBe('Provinc*');
    } finally {
      db().exec("CREATE VIRTUAL TABLE temp.article_fts_terms USING fts5vocab(main, 'article_fts', 'row')");
    }
    // A write by another connection (the CLI, another window) is seen as well.
    const other = openWorkspace(db().name, {});
    try {
      new ArticlesRepository(other).insertMany([articleFromText('Kandaharis return\n\nKandaharis returned home.', 'text', 'k.txt')]);
    } finally {
      other.close();
    }
    expect(expandPrefixes(db(), 'Kandah*')).toBe('("kandahar" OR "kandahari" OR "kandaharis")');
    expect(await ids('Kandah*')).toEqual(byIndex('Kandah*'));
  });
});
