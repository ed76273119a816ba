import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerFile } from '../../electron/paths.js';
import { extractEntities } from '../../electron/services/entities/extract.js';
import { distanceKm } from '../../electron/services/gazetteer/build.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { repoRoot } from './helpers.js';

const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
afterAll(() => gazetteer.close());

/** The place suggestions of a text, each with where it was put. */
const places = (text: string) =>
  extractEntities(text, { gazetteer, registry: new Map(), published: null })
    .filter((s) => s.type === 'place' && !s.adjectival)
    .map((s) => ({ text: s.text, place: s.places?.[0] ?? null }));

describe('disputed and breakaway areas as places (gazetteer 36, Natural Earth)', () => {
  it('places the areas news names that no town or province table holds, by their names and the other names news gives them', () => {
    // Written for this test. Before, each was suggested as a place and left off the map, or not suggested.
    const found = places(
      'Israeli jets struck Syria after rockets hit the Golan Heights. Azerbaijan retook Nagorno-Karabakh, and Armenians fled Karabakh. ' +
        'Japan protested after Chinese ships sailed near the Senkaku Islands, which China calls the Diaoyu Islands. Troops clashed in Abyei.',
    );
    const at = (name: string) => found.find((f) => f.text === name)?.place ?? null;
    // Reference points that are not Natural Earth's: Katzrin, Stepanakert, Uotsuri-jima, Abyei town.
    const near = (name: string, lat: number, lon: number) => distanceKm(at(name) ?? { lat: 0, lon: 0 }, { lat, lon });
    expect(near('Golan Heights', 32.99, 35.69)).toBeLessThan(25);
    expect(near('Nagorno-Karabakh', 39.82, 46.75)).toBeLessThan(25);
    expect(at('Karabakh')?.name).toBe('Nagorno-Karabakh');
    expect(near('Senkaku Islands', 25.74, 123.47)).toBeLessThan(25);
    expect(at('Diaoyu Islands')?.name).toBe('Senkaku Islands');
    expect(near('Abyei', 9.59, 28.44)).toBeLessThan(25);
    expect(at('Golan Heights')).toMatchObject({ kind: 'region', feature: 'PLAT' });
  });

  it('reads "the Turkish Republic of Northern Cyprus" as one place, not a nationality and an unplaced name', () => {
    const found = extractEntities('Ersin Tatar, leader of the Turkish Republic of Northern Cyprus, met UN envoys.', { gazetteer, registry: new Map(), published: null });
    const cyprus = found.filter((s) => s.type === 'place');
    expect(cyprus.map((s) => s.text)).toEqual(['Turkish Republic of Northern Cyprus']);
    expect(cyprus[0]!.places?.[0]).toMatchObject({ name: 'Northern Cyprus', kind: 'region' });
  });

  it('leaves a name a town or province had to that place', () => {
    // "Guantanamo Bay" is the naval base; "Guantanamo" stays the Cuban city, "Baikonur" the town.
    expect(places('Detainees at Guantanamo Bay were moved.')[0]?.place).toMatchObject({ name: 'Guantanamo Bay Naval Base' });
    expect(gazetteer.lookup('Guantanamo')[0]).toMatchObject({ kind: 'city', country: 'CU' });
    expect(gazetteer.lookup('Baikonur')[0]).toMatchObject({ kind: 'city', country: 'KZ' });
    // An area a province already is (Crimea, Abkhazia) is not a second place.
    expect(gazetteer.lookup('Crimea').map((p) => p.kind)).toEqual(['admin1']);
  });
});
