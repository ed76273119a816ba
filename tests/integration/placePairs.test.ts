import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerFile } from '../../electron/paths.js';
import { extractEntities } from '../../electron/services/entities/extract.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { repoRoot } from './helpers.js';

const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
afterAll(() => gazetteer.close());

/** The places suggested, as "quote → place (kind, country)". */
function places(text: string): string[] {
  return extractEntities(text, { gazetteer, registry: new Map(), published: null })
    .filter((s) => s.type === 'place')
    .map((s) => `${s.text} → ${s.places?.[0] ? `${s.places[0].name} (${s.places[0].kind}, ${s.places[0].country})` : '?'}`);
}

describe('two places written as one word', () => {
  it('finds both countries of a pair, by name, abbreviation or former name, and a continent and an ocean', () => {
    expect(places('Talks on the India-Pakistan border and on US-China trade resumed.')).toEqual([
      'India → India (country, IN)',
      'Pakistan → Pakistan (country, PK)',
      'US → United States (country, US)',
      'China → China (country, CN)',
    ]);
    expect(places('Zaire/Congo has had the most outbreaks; other Asia-Pacific nations are worried.')).toEqual([
      // The country's former and present names: both the Democratic Republic.
      'Zaire → DR Congo (country, CD)',
      'Congo → DR Congo (country, CD)',
      'Asia → Asia (continent, null)',
      'Pacific → Pacific Ocean (region, null)',
    ]);
  });

  it('leaves one place’s own name whole, brands and towns to the tagger, and a longer name around a pair alone', () => {
    const found = places('Guinea-Bissau, Timor-Leste, Mercedes-Benz, Rolls-Royce and the US-China Business Council.');
    expect(found).toContain('Guinea-Bissau → Guinea-Bissau (country, GW)');
    expect(found.filter((f) => /^(?:Guinea|Bissau|Timor|Leste|US|China) →/.test(f))).toEqual([]);
  });
});
