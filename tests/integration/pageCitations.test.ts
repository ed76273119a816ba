import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventInputRaw } from '../../electron/contract/index.js';
import { closedAfterEach, fixtures } from './helpers.js';

const make = closedAfterEach();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the files are read as loose JSON, as another tool would
type Loose = Record<string, any>;

/** A workspace with the PDF report and a plain text article, a place marked and an event coded in each. */
async function codedPdfAndText() {
  const t = make();
  const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'documents', 'report.pdf'), path.join(fixtures, 'kunduz-offensive.txt')] });
  const [pdfId, textId] = report.outcomes.map((o) => o.articleId!);
  const pdf = await t.call('articles.get', { id: pdfId! });
  const text = await t.call('articles.get', { id: textId! });
  const place = (await t.call('entities.create', { type: 'place', name: 'Baghlan-e Jadid' })).id;
  await t.call('entities.setPlace', { id: place, place: { custom: { name: 'Baghlan-e Jadid', lat: 36.13, lon: 68.7 } } });
  const actor = (await t.call('entities.create', { type: 'organisation', name: 'Humanitarian organisations' })).id;
  const other = (await t.call('entities.create', { type: 'organisation', name: 'Checkpoint staff' })).id;
  const mark = async (articleId: number, body: string, quote: string) => {
    const start = body.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    const { id } = await t.call('mentions.annotate', { articleId, start, end: start + quote.length, type: 'place', scope: 'this' });
    await t.call('mentions.link', { id, entityId: place });
    return start;
  };
  // Page 2 of the report; the plain article has no pages.
  const onPage2 = await mark(pdfId!, pdf.body, 'Baghlan-e Jadid');
  const kunduz = text.body.indexOf('Kunduz');
  await t.call('mentions.annotate', { articleId: textId!, start: kunduz, end: kunduz + 'Kunduz'.length, type: 'place', scope: 'this' });
  const code = async (articleId: number, body: string, sentence: string, date: string) => {
    const start = body.indexOf(sentence);
    const draft = await t.call('events.draft', { articleId, start, end: start + sentence.length });
    const saved = await t.call('events.create', {
      input: { ...(draft.input as object), date, timePrecision: 1, actor1: { entityId: actor, type: 8 }, actor2: { entityId: other, type: 8 }, locationId: place, geoPrecision: 2, fatalities: 0 } as EventInputRaw,
      evidence: draft.evidence,
      acceptWarnings: true,
    });
    return saved;
  };
  await code(pdfId!, pdf.body, 'Humanitarian organisations reported that access to the districts north of Baghlan-e Jadid improved', '2024-03-01');
  await code(textId!, text.body, text.body.split('\n\n').find((p) => p.length > 80)!.slice(0, 80), '2024-03-02');
  return { t, pdfId: pdfId!, textId: textId!, onPage2 };
}

describe('page citations in exports', () => {
  it('names the page of a quote from a PDF in W3C annotations (RFC 3778 fragment) and GeoJSON events, and nothing for unpaged articles', async () => {
    const { t, onPage2 } = await codedPdfAndText();
    const w3cPath = path.join(t.dir, 'annotations.jsonld');
    await t.call('exports.run', { format: 'w3c', path: w3cPath });
    const w3c = JSON.parse(fs.readFileSync(w3cPath, 'utf8')) as Loose;
    const items = w3c.first.items as Loose[];
    const selectors = (a: Loose) => a.target.selector as Loose[];
    const fromPdf = items.find((a) => selectors(a).some((s) => s.exact === 'Baghlan-e Jadid'))!;
    expect(selectors(fromPdf)).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'Baghlan-e Jadid' }),
      expect.objectContaining({ type: 'TextPositionSelector', start: onPage2 }),
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' },
    ]);
    const fromText = items.find((a) => selectors(a).some((s) => s.exact === 'Kunduz'))!;
    expect(selectors(fromText).map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);

    const geoPath = path.join(t.dir, 'events.geojson');
    await t.call('exports.run', { format: 'geojson', path: geoPath });
    const events = (JSON.parse(fs.readFileSync(geoPath, 'utf8')) as Loose).features.filter((f: Loose) => f.properties.kind === 'event') as Loose[];
    const byDate = new Map(events.map((f) => [f.properties.when, f.properties]));
    expect(byDate.get('2024-03-01')!.evidencePages).toEqual(['Civilian Harm in the Northern Provinces: Quarterly Protection Update, p. 2']);
    expect(byDate.get('2024-03-02')).not.toHaveProperty('evidencePages');

    // Our own W3C comes back in with the page selector beside the others.
    const again = make();
    await again.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'documents', 'report.pdf'), path.join(fixtures, 'kunduz-offensive.txt')] });
    const result = await again.call('imports.exchange', { name: 'annotations.jsonld', text: fs.readFileSync(w3cPath, 'utf8') });
    expect(result).toMatchObject({ kind: 'w3c', skipped: 0 });
    expect(result.created + result.matched).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
