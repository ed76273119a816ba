import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { areCopies, bandKeysOf, minHashOf, MIN_SHINGLES, resemblance, signatureBytes, storySignature, storyTextOf } from '../../electron/services/duplicates/nearDuplicates.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const kunduz = read('kunduz-offensive.txt');
const copy = (name: string) => read(path.join('neardup', name));
const sharedBands = (a: string, b: string) => {
  const kb = new Set(storySignature(b).bands);
  return storySignature(a).bands.filter((k) => kb.has(k)).length;
};

describe('near-duplicate stories', () => {
  it('sees through case, punctuation and spacing, and hashes the same text the same way every time', () => {
    const story = storyTextOf('The Taliban invaded two provincial capitals on Sunday.');
    expect(story.shingles).toEqual(storyTextOf('the  TALIBAN invaded two — provincial capitals, on Sunday').shingles);
    expect(storyTextOf('one two three four').shingles).toHaveLength(0);
    expect(storyTextOf('one two three four five six').shingles).toHaveLength(2);
    // Names: capitalised inside a sentence ("Taliban", "Sunday"), not "The" that opens it.
    expect(story.names).toEqual(storyTextOf('the Taliban. On Sunday').names);
    expect(story.names).toHaveLength(2);
    expect(storySignature(kunduz).bands).toEqual(storySignature(kunduz).bands);
  });

  it('groups a wire copy with a new headline, a byline and changed words, a reordered and cut copy, an update and a re-titled paste', () => {
    for (const base of ['kunduz', 'maimana', 'helmand', 'sudan']) {
      const original = storyTextOf(copy(`${base}-a-original.txt`));
      for (const variant of ['b-new-headline-byline-words', 'c-reordered-cut-last', 'd-update', 'e-pasted-new-title']) {
        const edited = storyTextOf(copy(`${base}-${variant}.txt`));
        expect(areCopies(original, edited), `${base} ${variant}: ${JSON.stringify(resemblance(original.shingles, edited.shingles))}`).toBe(true);
      }
    }
  });

  it('does not group different stories about the same battle, even when they quote the same people', () => {
    // The ministry story quotes the spokesman's sentence from the original word for word.
    const quoted = resemblance(storyTextOf(copy('kunduz-a-original.txt')).shingles, storyTextOf(copy('different-kunduz-ministry.txt')).shingles);
    expect(quoted.containment).toBeGreaterThan(0.05);
    const pairs: [string, string][] = [
      ['kunduz-a-original.txt', 'different-kunduz-council.txt'],
      ['kunduz-a-original.txt', 'different-kunduz-ministry.txt'],
      ['kunduz-a-original.txt', 'different-kunduz-hospital.txt'],
      ['different-kunduz-council.txt', 'different-kunduz-hospital.txt'],
      ['maimana-a-original.txt', 'different-maimana-residents.txt'],
      ['maimana-a-original.txt', 'different-maimana-commandos.txt'],
      ['sheberghan-a-original.txt', 'different-sheberghan-dostum.txt'],
      ['sheberghan-a-original.txt', 'different-sheberghan-refugees.txt'],
      ['helmand-a-original.txt', 'different-helmand-hospital.txt'],
    ];
    for (const [a, b] of pairs) {
      const sa = storyTextOf(copy(a));
      const sb = storyTextOf(copy(b));
      expect(areCopies(sa, sb), `${a} ${b}: ${JSON.stringify(resemblance(sa.shingles, sb.shingles))}`).toBe(false);
    }
  });

  it('does not group templated reports that differ only in the place and the figures', () => {
    const herat = storyTextOf(read('folder/report-01.txt'));
    const balkh = storyTextOf(read('folder/report-02.txt'));
    expect(resemblance(herat.shingles, balkh.shingles).jaccard).toBeGreaterThan(0.5);
    expect(areCopies(herat, balkh)).toBe(false);
  });

  it('does not call a brief quoted inside a long feature a copy of it', () => {
    const feature = storyTextOf(kunduz);
    const brief = storyTextOf(kunduz.split('\n\n').slice(6, 8).join('\n\n'));
    expect(brief.shingles.length).toBeGreaterThanOrEqual(MIN_SHINGLES);
    expect(resemblance(feature.shingles, brief.shingles).containment).toBe(1);
    expect(areCopies(feature, brief)).toBe(false);
  });

  it('makes copies share an LSH band and unrelated stories share none', () => {
    expect(sharedBands(copy('kunduz-a-original.txt'), copy('kunduz-c-reordered-cut-last.txt'))).toBeGreaterThan(0);
    expect(sharedBands(copy('kunduz-a-original.txt'), copy('kunduz-e-pasted-new-title.txt'))).toBeGreaterThan(0);
    expect(sharedBands(copy('kunduz-a-original.txt'), copy('goma-a-original.txt'))).toBe(0);
  });

  it('estimates resemblance from the MinHash signature', () => {
    const a = storyTextOf(copy('kunduz-a-original.txt')).shingles;
    const b = storyTextOf(copy('kunduz-d-update.txt')).shingles;
    const [sa, sb] = [minHashOf(a), minHashOf(b)];
    const estimate = sa.filter((v, i) => v === sb[i]).length / sa.length;
    expect(Math.abs(estimate - resemblance(a, b).jaccard)).toBeLessThan(0.2);
    expect(bandKeysOf(sa)).toHaveLength(20);
  });

  it('makes signatures that travel light: a parsed article posts its own to the core, counted in the import\'s read-ahead', () => {
    const signature = storySignature(kunduz);
    // The names in a buffer of their own, not a view of one as long as every word of the text.
    expect(signature.text.names.buffer.byteLength).toBe(signature.text.names.byteLength);
    expect(signatureBytes(signature)).toBeGreaterThan(signature.text.shingles.byteLength);
    expect(signatureBytes(signature)).toBeLessThan(kunduz.length * 2);
  });

  it('leaves texts too short to judge out of the index', () => {
    expect(storySignature('Fighting reported near Herat. Residents fled.').bands).toEqual([]);
  });
});

describe('texts without names', () => {
  it('are judged on their wording alone', () => {
    // Lower case and without figures: no word is a name.
    const plain = (name: string) => storyTextOf(copy(name).toLowerCase().replace(/\d+/g, ''));
    const lower = plain('kunduz-a-original.txt');
    expect(lower.names).toHaveLength(0);
    expect(areCopies(lower, plain('kunduz-c-reordered-cut-last.txt'))).toBe(true);
    expect(areCopies(lower, plain('different-kunduz-ministry.txt'))).toBe(false);
  });
});
