import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerFile } from '../../electron/paths.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { repoRoot } from './helpers.js';

describe('names that are no place, answered from the key filter during a long reading', () => {
  const plain = new Gazetteer(gazetteerFile(repoRoot));
  // As the extraction workers open it, but reading the filter after three names found nowhere.
  const filtered = new Gazetteer(gazetteerFile(repoRoot), 3);
  afterAll(() => {
    plain.close();
    filtered.close();
  });

  it('gives every name the same places as a gazetteer without it, before and after the filter is read', () => {
    const names = ['Kunduz', 'Not A Place Anywhere', 'Lashkar Gāh', 'Zzyzx Qwvb', 'The Ministry Of Truthiness', 'Mazar-i-Sharif', 'Qqq Rrr', 'Lebanon', 'Georgia', 'Springfield', 'Kabul', 'Nebraska', 'Kan.', 'کابل', 'Xylophone Province', ''];
    const before = names.map((name) => filtered.lookup(name));
    expect((filtered as unknown as { keyFilter: unknown }).keyFilter).not.toBeNull();
    for (const [i, name] of names.entries()) {
      expect(before[i], name).toEqual(plain.lookup(name));
      expect(filtered.lookup(name), name).toEqual(plain.lookup(name));
    }
    expect(filtered.lookup('Kunduz').length).toBeGreaterThan(0);
    expect(filtered.lookup('Zzyzx Qwvb')).toEqual([]);
  });
});
