import { describe, expect, it } from 'vitest';
import { sortInSlices } from '../../electron/services/sortInSlices.js';

describe('sorting a folder listing in slices', () => {
  it('gives exactly the order of a plain sort, across many runs, duplicates and non-Latin names', async () => {
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const alphabet = ['a', 'B', 'z', '0', '9', '-', ' ', 'é', 'ß', 'ک', 'ی', '文', '😀', '/'];
    const names = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join(''));
    names.push(...names.slice(0, 500));
    expect(await sortInSlices(names)).toEqual([...names].sort());
  });

  it('handles an empty list, one name and a list shorter than a run', async () => {
    expect(await sortInSlices([])).toEqual([]);
    expect(await sortInSlices(['only.txt'])).toEqual(['only.txt']);
    expect(await sortInSlices(['b.txt', 'a.txt', 'c.txt'])).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });
});
