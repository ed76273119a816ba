// The shortcuts that keep reading fast (decode.ts's weight table and per-word sums, features.ts's
// per-word facts, dates.ts's windows for chrono) must give exactly what the plain computation
// gives: the same scores to the last bit, the same dates.
import fs from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { chronoDates, isCalendarDate } from '../../electron/services/entities/dates.js';
import { emissions } from '../../electron/services/entities/tagger/decode.js';
import { sentenceFacts, tokenFeatures, type NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { loadNamesModel, namesModelFile } from '../../electron/services/entities/tagger/index.js';
import { decodeModel, encodeModel, FeatureIndex, type TaggerModel } from '../../electron/services/entities/tagger/model.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
const texts = [
  path.join(fixtures, 'kunduz-offensive.txt'),
  ...['folder', 'eval'].flatMap((dir) =>
    fs
      .readdirSync(path.join(fixtures, dir))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(fixtures, dir, f)),
  ),
].map((file) => fs.readFileSync(file, 'utf8'));
const headline = 'SOCCER - REAL MADRID BEAT BARCELONA\nKABUL, Afghanistan — NATO and the U.N. said on Sunday that Kabul’s airport reopened.';

const PLACES: Record<string, { kind: string; population: number }> = {
  Kabul: { kind: 'city', population: 3_000_000 },
  Afghanistan: { kind: 'country', population: 38_000_000 },
  Kunduz: { kind: 'city', population: 270_000 },
  Barcelona: { kind: 'city', population: 1_600_000 },
};
const lexicon: NameLexicon = { place: (name) => PLACES[name] ?? null, countryByName: new Map([['afghanistan', 'AF']]), demonyms: new Map([['afghan', 'AF']]) };

const shipped = () => {
  const load = loadNamesModel(namesModelFile());
  if (!load.model) throw new Error(load.problem);
  return load.model;
};

/** Emission scores as their definition says: every feature's weights, looked up and added in order. */
function plainEmissions(model: TaggerModel, words: string[]): Float32Array {
  const T = model.tags.length;
  const facts = sentenceFacts(words, lexicon);
  const scores = new Float32Array(words.length * T);
  for (let i = 0; i < words.length; i++) {
    const features: number[] = [];
    tokenFeatures(facts, i, features);
    for (const f of features) {
      const row = model.features.get(f);
      if (row < 0) continue;
      for (let t = 0; t < T; t++) scores[i * T + t] = scores[i * T + t]! + model.weights[row * T + t]!;
    }
  }
  return scores;
}

/** The same model with one more feature, hashed to 0 (the weight table's free-slot mark). */
function withFeatureZero(model: TaggerModel): TaggerModel {
  const T = model.tags.length;
  const hashes = model.features.hashes();
  const features = new FeatureIndex(hashes.length + 1);
  for (const h of hashes) features.add(h);
  features.add(0);
  const weights = new Float32Array((hashes.length + 1) * T);
  weights.set(model.weights);
  weights.fill(0.5, hashes.length * T);
  return { ...model, features, weights };
}

describe('emission scores', () => {
  it('are, to the last bit, the sum of every feature’s weights, for each of several models read in turn', () => {
    const model = shipped();
    const halved = { ...model, weights: model.weights.map((w) => w / 2) };
    const models = [model, decodeModel(encodeModel(model)), halved, withFeatureZero(model)];
    const sentences = [...texts, headline].flatMap((text) => tokenizeSentences(text).map((s) => s.map((t) => t.text)));
    expect(sentences.length).toBeGreaterThan(100);
    // Twice over, sentence by sentence with the models interleaved: the per-word sums are kept for
    // one model at a time and must follow the model they are read with.
    for (let round = 0; round < 2; round++) {
      for (const words of sentences) {
        for (const m of models) {
          const fast = emissions(m, sentenceFacts(words, lexicon));
          const plain = plainEmissions(m, words);
          if (!fast.every((v, i) => Object.is(v, plain[i]))) expect({ words, fast: [...fast] }).toEqual({ words, fast: [...plain] });
        }
      }
    }
  });
});

describe('a word’s facts', () => {
  it('are its own whatever the sentence read before: a word in a capitals headline, in prose, and as a known acronym', () => {
    const prose = sentenceFacts(['Kabul', 'is', 'calm', '.'], lexicon);
    const caps = sentenceFacts(['KABUL', 'IS', 'CALM'], lexicon);
    const dateline = sentenceFacts(['KABUL', ',', 'Afghanistan', '—', 'NATO', 'said'], lexicon);
    expect(caps.words).toEqual(['Kabul', 'Is', 'Calm']);
    expect(caps.capsLine).toBe(true);
    expect(dateline.words).toEqual(['Kabul', ',', 'Afghanistan', '—', 'NATO', 'said']);
    expect(dateline.gazetteer.slice(0, 3)).toEqual(['B-city6', '', 'B-country']);
    expect(dateline.lexicon[4]).toBe('B-org');
    expect(sentenceFacts(['Kabul', 'is', 'calm', '.'], lexicon)).toEqual(prose);
    expect(prose.h).toEqual(sentenceFacts(['KABUL', 'is', 'calm', '.'], lexicon).h);
  });
});

describe('dates read by chrono', () => {
  const reference = new Date(Date.UTC(2021, 5, 20));
  const whole = (text: string) =>
    chrono
      .parse(text, reference, { forwardDate: false })
      .map((r) => ({ index: r.index, text: r.text.replace(/[\s,.;:]+$/, ''), start: r.start }))
      .filter((r) => isCalendarDate(r.text));
  const filler = (words: number) => Array.from({ length: words }, (_, i) => ['the', 'convoy', 'reached', 'a', 'checkpoint', 'where', 'elders', 'gathered'][i % 8]).join(' ');

  it('are the dates chrono finds in the whole text, though it reads only the text around years, numeric dates and month or weekday names', () => {
    const synthetic = [
      'On 5 June 2021 the talks opened.',
      filler(60),
      'They met from June 5 to June 9, 2021, and again at 7:42 AM, Saturday, August 7, 2021 (CDT).',
      filler(40),
      'Three months ago, on Tuesday night, and 2.5 seconds before noon on 12/06/2021;',
      filler(80),
      'the 1990s, since 2019, the third of March, last Friday',
      filler(30),
      // Lone numbers are no hint; the dates among them still are found, and "common" or "Africa" hold no weekday.
      '12 people died and 45 were hurt when 300 fighters attacked; 7 of them, aged 19 to 23, were common men from Africa, 3 sources said on 14.6.2021 and 5/7, at 6 and at 10 pm.',
    ].join(' ');
    let dates = 0;
    // Long runs without white space (a link, a blob of data) with hints all along them.
    const run = `See https://example.org/${'a1b2c3'.repeat(60)} on 5 June 2021 and ${'x9'.repeat(5_000)} on Monday.`;
    for (const text of [...texts, headline, synthetic, run, 'Monday', '7 June', '']) {
      const expected = whole(text);
      dates += expected.length;
      expect(chronoDates(text, reference)).toEqual(expected);
    }
    expect(dates).toBeGreaterThan(30);
  });
});

describe('sentences', () => {
  const sentences = (text: string) => tokenizeSentences(text).map((s) => s.map((t) => t.text).join(' '));

  it('end after a full stop, and after the quote or bracket that closes right after it', () => {
    expect(sentences('“We will fight.” The army said so. (It left.) Then he spoke!\nNew line')).toEqual(['“ We will fight . ”', 'The army said so .', '( It left . )', 'Then he spoke !', 'New line']);
    expect(sentences('He left.’ Then Mr. Obama’s aides\r\nwent home')).toEqual(['He left . ’', 'Then Mr. Obama ’s aides', 'went home']);
  });
});
