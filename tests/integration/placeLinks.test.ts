import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitReason } from '../../electron/contract/index.js';
import { gazetteerFile } from '../../electron/paths.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { fixtures, repoRoot, testCore } from './helpers.js';

/**
 * Places issue 13 found unlinked at extraction: "Dawlat Abad" (the gazetteer writes Dowlatabad),
 * "Bagram Airfield" (no airfield in the gazetteer) and "Hamid Karzai International Airport (HKIA)".
 */
const EVACUATION =
  'Evacuation flights resume\n\nKABUL, Afghanistan — Evacuation flights resumed on Monday at Hamid Karzai International Airport (HKIA) in Kabul, officials said. ' +
  'Crowds gathered at the gates of HKIA overnight, and troops at Bagram Airfield, north of the capital, were put on alert.';

const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
const t = testCore();
const { call } = t;
const articles: Record<string, number> = {};

beforeAll(async () => {
  const sources: [string, { kind: 'paths'; paths: string[] } | { kind: 'text'; text: string }][] = [
    ['sample', { kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] }],
    ['commandos', { kind: 'paths', paths: [path.join(fixtures, 'neardup', 'different-maimana-commandos.txt')] }],
    ['evacuation', { kind: 'text', text: EVACUATION }],
  ];
  for (const [name, source] of sources) {
    const report = await t.core.imports.importNow(source);
    articles[name] = report.outcomes[0]!.articleId!;
  }
  await call('mentions.suggest', { articleIds: Object.values(articles) });
}, 90_000);
afterAll(() => {
  t.core.close();
  gazetteer.close();
});

/** Why a suggestion was made, without the note of the model that made it. */
const why = (m: { reason: string | null } | undefined) => (m?.reason ? splitReason(m.reason).why : null);
const mentionsOf = async (article: string, quote: string) => (await call('mentions.list', { articleId: articles[article]! })).filter((m) => m.quote === quote);

describe('names written with their words apart or together', () => {
  it('finds Dowlatabad for "Dawlat Abad" and Lashkar Gah for "Lashkargah", as variants', () => {
    expect(gazetteer.lookup('Dawlat Abad')).toEqual([]);
    const dawlat = gazetteer.lookupJoined('Dawlat Abad');
    expect(dawlat.map((p) => `${p.name}, ${p.admin1Name}, ${p.country}`)).toEqual(expect.arrayContaining(['Dowlatābād, Faryab, AF', 'Dowlatābād, Balkh, AF']));
    expect(dawlat.every((p) => p.nameKind === 1)).toBe(true);
    expect(gazetteer.lookupJoined('Lashkargah').map((p) => p.name)).toContain('Lashkar Gāh');
    // Too short to say: "Al Bu" is no "Albu".
    expect(gazetteer.lookupJoined('Al Bu')).toEqual([]);
  });

  it('links "Dawlat Abad" in an article about Faryab to the Dowlatabad of Faryab', async () => {
    const [dawlat] = await mentionsOf('commandos', 'Dawlat Abad');
    expect(dawlat).toMatchObject({ type: 'place' });
    expect(dawlat!.place?.label).toBe('Dowlatābād, Faryab, AF');
  });

  it('finds Dowlatabad when the analyst types "Dawlat Abad" in the gazetteer search', async () => {
    const found = await call('places.search', { text: 'Dawlat Abad', articleId: articles.commandos! });
    expect(found.filter((p) => p.kind !== 'custom').slice(0, 2).map((p) => `${p.name}, ${p.country}`)).toEqual(['Dowlatābād, AF', 'Dowlatābād, AF']);
  });
});

describe('air facilities and the acronyms an article gives places', () => {
  it('places Bagram Airfield at Bagram, which it is named after, in the sample and in another article', async () => {
    for (const article of ['sample', 'evacuation']) {
      const [airfield] = await mentionsOf(article, 'Bagram Airfield');
      expect(airfield).toMatchObject({ type: 'place' });
      expect(why(airfield)).toBe('an air facility ("Airfield"), placed at Bagram, which it is named after');
      expect(airfield!.place?.label).toBe('Bagrām, Parwan, AF');
    }
  });

  it('places Hamid Karzai International Airport in Kabul, where the text puts it, and HKIA with it', async () => {
    const [airport] = await mentionsOf('evacuation', 'Hamid Karzai International Airport');
    expect(airport).toMatchObject({ type: 'place' });
    expect(why(airport)).toBe('an air facility ("Airport"), placed at Kabul, where the text puts it');
    expect(airport!.place?.label).toBe('Kabul, Kabul, AF');
    const hkia = await mentionsOf('evacuation', 'HKIA');
    expect(hkia).toHaveLength(2);
    for (const m of hkia) {
      expect(m).toMatchObject({ type: 'place', entityId: airport!.entityId });
      expect(why(m)).toBe('stands for “Hamid Karzai International Airport”, as the article says');
    }
  });

  it('places an air facility the analyst marks by hand as the extractor would: at the place it is named after', async () => {
    const report = await t.core.imports.importNow({ kind: 'text', text: 'Jets grounded\n\nNo jets took off from Shindand Air Base on Tuesday, a pilot said.' });
    const articleId = report.outcomes[0]!.articleId!;
    const body = (await call('articles.get', { id: articleId })).body;
    const start = body.indexOf('Shindand Air Base');
    const made = await call('mentions.annotate', { articleId, start, end: start + 'Shindand Air Base'.length, type: 'place', scope: 'this' });
    const mention = (await call('mentions.list', { articleId })).find((m) => m.id === made.id)!;
    expect(mention.candidates[0]).toMatchObject({ name: 'Shīnḏanḏ', country: 'AF' });
    expect(mention.place?.label).toMatch(/^Shīnḏanḏ, .*AF$/);
  });
});
