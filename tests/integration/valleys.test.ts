import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerFile } from '../../electron/paths.js';
import { extractEntities } from '../../electron/services/entities/extract.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { repoRoot } from './helpers.js';

const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
afterAll(() => gazetteer.close());

/** The top place of each valley suggested in the text, as "name kind country", or "none". */
const valleys = (text: string) =>
  extractEntities(text, { gazetteer, registry: new Map(), published: null })
    .filter((s) => s.type === 'place' && s.text.endsWith('Valley'))
    .map((s) => (s.places?.[0] ? `${s.text}: ${s.places[0].name} ${s.places[0].kind} ${s.places[0].country}` : `${s.text}: none`));

describe('a valley named after a province or district', () => {
  it('is placed at that province or district', () => {
    // Both were suggested with no point on the map.
    expect(valleys("Ahmad Massoud's forces held out in the Panjshir Valley.")).toEqual(['Panjshir Valley: Panjshir admin1 AF']);
    expect(valleys('Militants fled to the Arghandab Valley near Kandahar.')).toEqual(['Arghandab Valley: Arghandāb admin2 AF']);
    // Read as an organisation by the tagger before.
    expect(valleys('The Taliban returned to the Swat Valley in Pakistan.')).toEqual(['Swat Valley: Swat admin2 PK']);
  });

  it('is left unplaced when that area is in another country than the article’s places, or the name is a country’s', () => {
    expect(valleys('Fires burned in the San Fernando Valley north of Los Angeles.')).toEqual(['San Fernando Valley: none']);
    expect(valleys('Israel plans to annex the Jordan Valley.')).toEqual(['Jordan Valley: none']);
  });
});
