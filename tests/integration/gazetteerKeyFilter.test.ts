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

  it('answers names written joined or apart, and spelling skeletons, the same, and those no place has without a query', () => {
    expect(filtered.lookup('Zzyzx Qwvb Again Nowhere')).toEqual([]);
    expect((filtered as unknown as { keyFilter: unknown }).keyFilter).not.toBeNull();
    // Joined or split ("Dawlat Abad", "Lashkargah"), the skeleton ("Hodeidah"), and names that are none.
    const spellings = ['Dawlat Abad', 'Lashkargah', 'Mazari Sharif', 'Hodeidah', 'Zzyzxqwvb Nowhere', 'Qqqrrr Sss'];
    for (const name of spellings) {
      expect(filtered.lookupJoined(name), name).toEqual(plain.lookupJoined(name));
      expect(filtered.lookupSkeleton(name), name).toEqual(plain.lookupSkeleton(name));
    }
    expect(filtered.lookupJoined('Lashkargah').length).toBeGreaterThan(0);
    expect(filtered.lookupSkeleton('Hodeidah').length).toBeGreaterThan(0);
    // A name no place has, joined or by its skeleton, is answered without asking SQLite.
    const asked: string[] = [];
    const spy = (statement: string) => {
      const target = filtered as unknown as Record<string, { all: (...args: unknown[]) => unknown[] }>;
      const real = target[statement]!;
      target[statement] = { all: (...args: unknown[]) => (asked.push(statement), real.all(...args)) };
    };
    spy('byJoinedKey');
    spy('bySkeleton');
    expect(filtered.lookupJoined('Xqzvwk Plorbnest')).toEqual([]);
    expect(filtered.lookupSkeleton('Xqzvwk Plorbnest')).toEqual([]);
    expect(asked).toEqual([]);
  });
});
