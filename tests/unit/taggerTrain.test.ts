import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConll } from '../../electron/services/entities/tagger/corpora.js';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { decodeModel, encodeModel } from '../../electron/services/entities/tagger/model.js';
import { goldNames, predictNames, trainTagger, type TrainOptions } from '../../electron/services/entities/tagger/train.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'tagger');
const PLACES = new Map([
  ['Herat', { kind: 'city', population: 436_000 }],
  ['Kabul', { kind: 'city', population: 3_000_000 }],
  ['Syria', { kind: 'country', population: 18_000_000 }],
  ['Lebanon', { kind: 'country', population: 6_000_000 }],
]);
const lexicon: NameLexicon = {
  place: (name) => PLACES.get(name) ?? null,
  countryByName: new Map([
    ['syria', 'SY'],
    ['lebanon', 'LB'],
    ['kenya', 'KE'],
  ]),
  demonyms: new Map([
    ['afghan', 'AF'],
    ['turkish', 'TR'],
    ['kenyan', 'KE'],
    ['mozambican', 'MZ'],
  ]),
};
const options: TrainOptions = { epochs: 20, seed: 7, minCount: 1, prune: 0 };
const corpus = () => readConll(fs.readFileSync(path.join(fixtures, 'tiny.conll'), 'utf8'), lexicon, 'tiny');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('reading a corpus', () => {
  it('keeps documents apart and maps its classes to the workbench types', () => {
    const docs = corpus();
    expect(docs).toHaveLength(4);
    const [first] = docs[0]!.sentences;
    expect(goldNames(first!.tags).map((n) => [first!.words.slice(n.from, n.to + 1).join(' '), n.type])).toEqual([
      ['Ayesha Rahimi', 'PER'],
      ['World Food Programme', 'ORG'],
      ['Herat', 'LOC'],
    ]);
    // MISC names that are nationalities become groups ("Afghan", "Kenyans"); the title stays out of a name.
    const tags = (d: number, s: number) => docs[d]!.sentences[s]!;
    expect(tags(0, 2).tags[0]).toBe('B-GRP');
    expect(tags(1, 1).tags[0]).toBe('B-GRP');
    const police = tags(1, 0);
    expect(police.tags[police.words.indexOf('Inspector')]).toBe('O');
  });
});

describe('training', () => {
  const sentences = () => corpus().flatMap((d) => d.sentences);

  it('gives the same model bytes for the same corpus and options', () => {
    const a = encodeModel(trainTagger(sentences(), lexicon, options));
    const b = encodeModel(trainTagger(sentences(), lexicon, options));
    expect(sha256(a)).toBe(sha256(b));
    // The seed is part of what is reproduced: another order of sentences gives other weights.
    const c = encodeModel(trainTagger(sentences(), lexicon, { ...options, seed: 8 }));
    expect(sha256(c)).not.toBe(sha256(a));
  });

  it('learns its training sentences, and a saved model reads back to the same bytes', () => {
    const model = trainTagger(sentences(), lexicon, options);
    const bytes = encodeModel(model);
    const loaded = decodeModel(bytes);
    expect(sha256(encodeModel(loaded))).toBe(sha256(bytes));
    for (const s of sentences()) {
      const found = predictNames(loaded, s.words, lexicon).map(({ from, to, type }) => ({ from, to, type }));
      expect(found, s.words.join(' ')).toEqual(goldNames(s.tags));
    }
  });

  it('refuses a tag it does not know', () => {
    expect(() => trainTagger([{ words: ['Kabul'], tags: ['B-CITY'] }], lexicon, options)).toThrow(/Unknown tag "B-CITY"/);
  });
});
