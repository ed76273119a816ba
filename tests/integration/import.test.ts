import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedAfterEach, fixtures, tempDir } from './helpers.js';

const all = { search: '', tagIds: [], filters: {}, sort: [] };
const make = closedAfterEach();

describe('importing articles', () => {
  it('imports the sample page clean, and reports the second import as a duplicate', async () => {
    const { core, call } = make();
    const first = await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
    expect(first.outcomes).toEqual([expect.objectContaining({ status: 'imported' })]);
    const id = first.outcomes[0]!.articleId!;
    const article = await call('articles.get', { id });
    expect(article.title).toBe('After a brief offensive, the Taliban invade important cities in northern Afghanistan');
    expect(article.dateline).toBe('KABUL, Afghanistan');
    // The headline is stored with the text (searchable, its names markable), then the first paragraph.
    expect(article.body).toMatch(/^After a brief offensive, the Taliban invade important cities in northern Afghanistan\n\nKABUL, Afghanistan – The Taliban invaded two provincial capitals/);
    expect(article.published).toBeNull();
    for (const junk of ['Shopping Cart', 'No products in the cart.', 'Go to top', 'Leave Comments']) expect(article.body).not.toContain(junk);

    const again = await core.imports.importNow({ kind: 'text', text: fs.readFileSync(path.join(fixtures, 'kunduz-offensive.txt'), 'utf8').toUpperCase() });
    expect(again.outcomes[0]).toMatchObject({ status: 'duplicate', articleId: id });
    expect((await call('articles.stats', {})).articles).toBe(1);
  });

  it('imports nine files of a folder where the tenth is broken, and says why', async () => {
    const { core } = make();
    const report = await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'folder')] });
    expect(report.outcomes.filter((o) => o.status === 'imported')).toHaveLength(9);
    const failed = report.outcomes.filter((o) => o.status === 'failed');
    expect(failed).toEqual([expect.objectContaining({ name: expect.stringContaining('report-10.txt'), message: expect.stringMatching(/binary/) })]);
  });

  it('imports every file of a folder tree, folder by folder, and names each by its whole path', async () => {
    // Node 20's recursive folder reading left files out of a tree like this one (3,768 of 15,000).
    const { core, call } = make();
    const root = tempDir('awb-tree-');
    const expected: string[] = [];
    for (const folder of ['', 'a', 'a/deeper', 'b', '.hidden-folder']) {
      fs.mkdirSync(path.join(root, folder), { recursive: true });
      for (let i = 0; i < 300; i++) {
        const file = path.join(root, folder, `f${i}.txt`);
        fs.writeFileSync(file, `Report ${folder || 'top'} ${i}\n\nOfficials in Kunduz said item ${i} of folder ${folder || 'top'} was filed on time and the convoy reached the bridge.`);
        expected.push(file);
      }
    }
    fs.writeFileSync(path.join(root, 'a', '.hidden.txt'), 'Hidden\n\nA hidden file is not an article to import, whatever it holds.');
    fs.writeFileSync(path.join(root, 'b', 'notes.xyz'), 'Not a type the workbench reads.');
    // Given with a trailing separator: the names are written without a doubled one.
    const report = await core.imports.importNow({ kind: 'paths', paths: [root + path.sep] });
    expect(report.outcomes.map((o) => o.name).sort()).toEqual([...expected].sort());
    expect(report.outcomes.every((o) => o.status === 'imported')).toBe(true);
    expect((await call('articles.stats', {})).articles).toBe(1500);
  });

  it('reads Windows-1252 and UTF-16 text and refuses an empty file, a huge file and an unknown type', async () => {
    const { core, call } = make();
    const dir = tempDir();
    const huge = path.join(dir, 'huge.txt');
    fs.writeFileSync(huge, Buffer.alloc(60 * 1024 * 1024, 'a'));
    const other = path.join(dir, 'layers.psd');
    fs.writeFileSync(other, '8BPS');
    const report = await core.imports.importNow({
      kind: 'paths',
      paths: ['cp1252.txt', 'utf16.txt', 'empty.txt'].map((f) => path.join(fixtures, f)).concat([huge, other]),
    });
    const byName = Object.fromEntries(report.outcomes.map((o) => [path.basename(o.name), o]));
    expect(byName['cp1252.txt']).toMatchObject({ status: 'imported', message: expect.stringMatching(/windows-1252/) });
    expect((await call('articles.get', { id: byName['cp1252.txt']!.articleId! })).body).toContain('Café owners in the old city of Herat');
    expect(byName['utf16.txt']).toMatchObject({ status: 'imported', message: null });
    expect((await call('articles.get', { id: byName['utf16.txt']!.articleId! })).dateline).toBe('DOHA, Qatar');
    expect(byName['empty.txt']).toMatchObject({ status: 'failed', message: 'The file is empty.' });
    expect(byName['huge.txt']).toMatchObject({ status: 'failed', message: expect.stringMatching(/60 MB.*refused/) });
    expect(byName['layers.psd']).toMatchObject({ status: 'failed', message: expect.stringMatching(/not imported/) });
  });

  it('extracts the article of a hostile web page as text, metadata included, and nothing active survives', async () => {
    const { core, call } = make();
    const report = await core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'hostile/hostile.html')] });
    const article = await call('articles.get', { id: report.outcomes[0]!.articleId! });
    expect(article).toMatchObject({
      title: 'Convoy ambushed on the road to Mazar-i-Sharif',
      source: 'Example News',
      published: '2021-06-19',
      dateline: 'MAZAR-I-SHARIF, Afghanistan',
      format: 'html',
    });
    expect(article.body.startsWith('Convoy ambushed on the road to Mazar-i-Sharif\n\nMAZAR-I-SHARIF, Afghanistan – Gunmen ambushed a supply convoy')).toBe(true);
    expect(article.body).toContain('Traffic resumed in the afternoon');
    expect(article.body).not.toMatch(/__pwned|<script|javascript:|evil\.example|onerror/);
  });

  it('imports bytes sent by a window and pasted text', async () => {
    const { core, call } = make();
    const report = await core.imports.importNow({
      kind: 'files',
      files: [{ name: 'note.md', base64: Buffer.from('---\ntitle: Ceasefire talks\ndate: 2021-07-02\nsource: Field notes\n---\n\nThe **talks** ended without agreement, a [mediator](http://example.org) said on Friday evening in Doha.\n').toString('base64') }],
    });
    const md = await call('articles.get', { id: report.outcomes[0]!.articleId! });
    expect(md).toMatchObject({ title: 'Ceasefire talks', published: '2021-07-02', source: 'Field notes', format: 'markdown' });
    expect(md.body).toBe('Ceasefire talks\n\nThe talks ended without agreement, a mediator said on Friday evening in Doha.');

    const pasted = await core.imports.importNow({ kind: 'text', text: 'Roads reopen\n\nThe main road between the two cities reopened on Monday after a week of fighting, traders said.' });
    expect((await call('articles.get', { id: pasted.outcomes[0]!.articleId! })).title).toBe('Roads reopen');
  });

  it('stops a cancelled import and keeps what was stored', async () => {
    const { call } = make();
    const files = Array.from({ length: 600 }, (_, i) => ({
      name: `a${i}.txt`,
      base64: Buffer.from(`Report number ${i}\n\nOfficials said that report number ${i} describes a separate incident on the northern highway, with ${i} vehicles involved.`).toString('base64'),
    }));
    const { jobId } = await call('imports.start', { source: { kind: 'files', files } });
    await call('imports.cancel', { jobId });
    await new Promise((r) => setTimeout(r, 300));
    const report = await call('imports.report', { jobId });
    expect(report.state).toBe('cancelled');
    expect(report.done).toBeLessThan(600);
    const stored = (await call('articles.stats', {})).articles;
    expect(stored).toBe(report.outcomes.filter((o) => o.status === 'imported').length);
    expect((await call('articles.page', { query: all, startRow: 0, endRow: 10 })).total).toBe(stored);
  });

  it('stores a scraped page from its headline down, finds the headline by search and marks its names', async () => {
    const { core, call } = make();
    const report = await core.imports.importNow({ kind: 'paths', paths: ['sheberghan-scraped.txt', 'maimana-hardwrapped.txt'].map((f) => path.join(fixtures, 'pages', f)) });
    expect(report.outcomes.map((o) => [o.status, o.message])).toEqual([
      ['imported', null],
      ['imported', null],
    ]);
    const [scraped, wrapped] = report.outcomes.map((o) => o.articleId!);

    // "crumble" is printed only in the headline: the hit lies in the stored text, before the first paragraph.
    const hits = await call('articles.page', { query: { ...all, search: 'crumble' }, startRow: 0, endRow: 10 });
    expect(hits.rows.map((r) => r.id)).toEqual([scraped]);
    const page = await call('articles.get', { id: scraped!, search: 'crumble' });
    expect(page).toMatchObject({ title: 'Taliban fighters push into Sheberghan as Jowzjan defences crumble', author: 'Jane Holloway', published: '2021-08-07', source: 'Associated Press' });
    expect(page.highlights.length).toBeGreaterThan(0);
    const [start, end] = page.highlights[0]!;
    expect(page.body.slice(start, end).toLowerCase()).toBe('crumble');
    expect(end).toBeLessThan(page.body.indexOf('KABUL, Afghanistan (AP)'));
    expect(page.body).not.toMatch(/Share this article|newsletter|Comments are closed|may not be published/);

    // The hard-wrapped story is stored as paragraphs: a name broken over two lines is whole again.
    const story = await call('articles.get', { id: wrapped! });
    expect(story).toMatchObject({ title: 'Afghan forces retake Maimana road after Taliban assault', dateline: 'MAIMANA, Afghanistan', published: '2021-06-22', author: 'Sarah Lindqvist' });
    expect(story.body).toContain('the Ministry of Defence said.');
    expect(story.body.split('\n\n').every((p) => !p.includes('\n'))).toBe(true);

    // The extractor reads the whole stored text: names in the headlines are suggested where they stand.
    await call('mentions.suggest', { articleIds: [scraped!, wrapped!] });
    const headlineEnd = page.body.indexOf('\n\n');
    const inHeadline = (await call('mentions.list', { articleId: scraped! })).filter((m) => m.end <= headlineEnd).map((m) => m.quote);
    expect(inHeadline).toContain('Taliban');
    expect(inHeadline.filter((q) => q === 'Sheberghan' || q === 'Jowzjan').length).toBeGreaterThan(0);
    const wrappedHeadlineEnd = story.body.indexOf('\n\n');
    const inWrappedHeadline = (await call('mentions.list', { articleId: wrapped! })).filter((m) => m.end <= wrappedHeadlineEnd).map((m) => m.quote);
    expect(inWrappedHeadline).toContain('Maimana');
    expect((await call('mentions.list', { articleId: wrapped! })).map((m) => m.quote)).toContain('Sarah Lindqvist');
  }, 60_000);

  it('refuses a page of navigation only and says why, but keeps it when pasted, with the warning', async () => {
    const { core, call } = make();
    const file = path.join(fixtures, 'pages', 'navigation-only.txt');
    const report = await core.imports.importNow({ kind: 'paths', paths: [file] });
    expect(report.outcomes).toEqual([expect.objectContaining({ status: 'failed', articleId: null, message: expect.stringMatching(/^No article body: the page holds only navigation/) })]);
    const pasted = await core.imports.importNow({ kind: 'text', text: fs.readFileSync(file, 'utf8') });
    expect(pasted.outcomes[0]).toMatchObject({ status: 'imported', message: expect.stringMatching(/No article body/) });
    expect((await call('articles.stats', {})).articles).toBe(1);
  });
});
