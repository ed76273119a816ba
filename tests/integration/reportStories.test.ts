import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventInputRaw } from '../../electron/contract/index.js';
import { fixtures, tempDir, testCore } from './helpers.js';

const neardup = path.join(fixtures, 'neardup');
const t = testCore();
const { call } = t;
const spec = { title: 'Kunduz, June 2021', handling: 'TLP:GREEN' };
const clash = 'the Taliban clashed with security forces until Sunday night';
const bullets = 'At the moment I hear the sound of bullets';

/**
 * Two wire copies of one story (the second under a new headline and byline) and a different
 * story about the same night that quotes the same councillor: each has an event coded from it,
 * the copies from the same sentence, and one mention of the Taliban.
 */
beforeAll(async () => {
  const report = await t.core.imports.importNow({
    kind: 'paths',
    paths: ['kunduz-a-original.txt', 'kunduz-b-new-headline-byline-words.txt', 'different-kunduz-council.txt'].map((f) => path.join(neardup, f)),
  });
  const [original, copy, council] = report.outcomes.map((o) => o.articleId!);
  const taliban = (await call('entities.create', { type: 'organisation', name: 'Taliban' })).id;
  const forces = (await call('entities.create', { type: 'organisation', name: 'Military Forces of Afghanistan' })).id;
  const kunduz = (await call('places.entity', { place: { custom: { name: 'Kunduz', lat: 36.73, lon: 68.86 } } })).id;
  const span = async (articleId: number, text: string) => {
    const body = (await call('articles.get', { id: articleId })).body;
    const start = body.indexOf(text);
    if (start === -1) throw new Error(`not in article ${articleId}: ${text}`);
    return { articleId, start, end: start + text.length };
  };
  for (const [articleId, sentence] of [
    [original!, clash],
    [copy!, clash],
    [council!, bullets],
  ] as const) {
    const draft = await call('events.draft', await span(articleId, sentence));
    const saved = await call('events.create', {
      input: { ...(draft.input as object), date: '2021-06-20', timePrecision: 1, actor1: { entityId: taliban, type: 2 }, actor2: { entityId: forces, type: 1 }, locationId: kunduz, geoPrecision: 1, fatalities: 0 } as EventInputRaw,
      evidence: draft.evidence,
      acceptWarnings: true,
    });
    if (!saved.event) throw new Error(saved.problems.map((p) => p.message).join(' '));
    const { id } = await call('mentions.annotate', { ...(await span(articleId, 'Taliban')), type: 'organisation', scope: 'this' });
    await call('mentions.link', { id, entityId: taliban });
  }
}, 120_000);
afterAll(() => t.core.close());

const quotes = (html: string) => [...html.matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g)].map((m) => m[1]!);

describe('a report counts a story once unless the analyst says otherwise', () => {
  it('knows the two wire copies as one story and the council report as another', async () => {
    const rows = (await call('articles.page', { query: { sort: [{ column: 'copies', direction: 'desc' }] }, startRow: 0, endRow: 10 })).rows;
    expect(rows.map((r) => r.copies)).toEqual([2, 2, 1]);
  });

  it('by default: two source stories, the copies’ shared quote once, the mentions of one story once, and says so', async () => {
    const { html, events } = await call('reports.preview', { spec });
    // The same clash coded from both copies is one event (see eventCopies.test.ts).
    expect(events).toBe(2);
    expect(html).toContain('<div><strong>2</strong>source stories</div>');
    expect(html).toContain(
      'Copies of a story (wire copies, updates) are counted once in events, fatalities, sources, mentions and quotes: 2 stories told by 3 articles; 1 event coded again from another copy is listed but not counted again.',
    );
    const shown = quotes(html);
    expect(shown.filter((q) => q.includes(clash))).toEqual([expect.stringContaining(', also in 1 other copy (')]);
    // The council report's quote is in the wire story too, but that is another story: it is quoted on its own.
    expect(shown.filter((q) => q.includes(bullets))).toHaveLength(1);
    expect(html).toMatch(/<tr><td>Taliban<\/td><td>organisation<\/td><td class="num">2<\/td><td class="num">2<\/td><\/tr>/);
  });

  it('counts every copy when asked, and says so', async () => {
    const { html } = await call('reports.preview', { spec: { ...spec, everyCopy: true } });
    expect(html).toContain('<div><strong>3</strong>source articles</div>');
    expect(html).toContain('Every copy of a story is counted (wire copies, updates): 3 articles telling 2 stories.');
    const shown = quotes(html);
    expect(shown.filter((q) => q.includes(clash))).toHaveLength(2);
    expect(html).not.toContain('also in');
    expect(html).toMatch(/<tr><td>Taliban<\/td><td>organisation<\/td><td class="num">3<\/td><td class="num">3<\/td><\/tr>/);
  });

  it('says which way it counted in Markdown and Word too', async () => {
    const dir = tempDir('awb-report-stories-');
    const md = fs.readFileSync((await call('reports.save', { spec, format: 'md', path: path.join(dir, 'r.md') })).path, 'utf8');
    expect(md).toContain('· 2 source stories');
    expect(md).toContain(
      '*Copies of a story (wire copies, updates) are counted once in events, fatalities, sources, mentions and quotes: 2 stories told by 3 articles; 1 event coded again from another copy is listed but not counted again.*',
    );
    expect(md).toMatch(/, also in 1 other copy\*/);
    const every = fs.readFileSync((await call('reports.save', { spec: { ...spec, everyCopy: true }, format: 'md', path: path.join(dir, 'every.md') })).path, 'utf8');
    expect(every).toContain('· 3 source articles');
    const docx = unzipSync(new Uint8Array(fs.readFileSync((await call('reports.save', { spec: { ...spec, everyCopy: true }, format: 'docx', path: path.join(dir, 'every.docx') })).path)));
    const doc = new TextDecoder().decode(docx['word/document.xml']);
    expect(doc).toContain('3 source articles');
    expect(doc).toContain('Every copy of a story is counted (wire copies, updates): 3 articles telling 2 stories.');
  });
});
