import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerFile } from '../../electron/paths.js';
import { extractEntities } from '../../electron/services/entities/extract.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { repoRoot } from './helpers.js';

const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
afterAll(() => gazetteer.close());

/** Each suggestion but dates, as "quote: type → place (country)". */
function read(text: string): string[] {
  return extractEntities(text, { gazetteer, registry: new Map(), published: null })
    .filter((s) => s.type !== 'date')
    .map((s) => `${s.text}: ${s.type}${s.type === 'place' ? ` → ${s.places?.[0] ? `${s.places[0].name} (${s.places[0].country ?? '-'})` : '?'}` : ''}`);
}

describe('places whose shared name is written once', () => {
  it('reads "North and South Korea" as North Korea and South Korea, possessive or not', () => {
    expect(read('Talks between North and South Korea resumed in Seoul.')).toEqual(expect.arrayContaining(['North: place → North Korea (KP)', 'South Korea: place → South Korea (KR)']));
    expect(read("North and South Korea's leaders met at the border.")).toEqual(expect.arrayContaining(['North: place → North Korea (KP)', 'South Korea: place → South Korea (KR)']));
  });

  it('reads "Central and South America" as two places, not one organisation', () => {
    const found = read('Many species in the jungles of Central and South America have not been documented.');
    expect(found.filter((f) => f.includes('organisation'))).toEqual([]);
    expect(found.some((f) => f.startsWith('Central: place → Central America'))).toBe(true);
    expect(found.some((f) => f.startsWith('South America: place → South America'))).toBe(true);
  });

  it('reads states of one country so too, and leaves a longer name alone', () => {
    expect(read('Voters in North and South Carolina went to the polls.')).toEqual(expect.arrayContaining(['North: place → North Carolina (US)', 'South Carolina: place → South Carolina (US)']));
    expect(read('He spoke to the North and South Korea Friendship Society on Friday.').filter((f) => f.includes('North Korea'))).toEqual([]);
  });
});
