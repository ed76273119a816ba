import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractEntities, type ExtractContext } from '../../electron/services/entities/extract.js';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { loadNamesModel, namesModel, namesModelFile, resetNamesModel } from '../../electron/services/entities/tagger/index.js';
import { decodeModel, encodeModel } from '../../electron/services/entities/tagger/model.js';
import { predictNames } from '../../electron/services/entities/tagger/train.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';
import { tempDir } from '../tempDirs.js';

const fixture = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'kunduz-offensive.txt'), 'utf8');
// A stand-in for the gazetteer: the few names the tests need, so these stay unit tests.
const PLACES: Record<string, { kind: string; population: number }> = {
  Kabul: { kind: 'city', population: 3_000_000 },
  Afghanistan: { kind: 'country', population: 38_000_000 },
  Kunduz: { kind: 'city', population: 270_000 },
  Helmand: { kind: 'admin1', population: 1_400_000 },
};
const countryByName = new Map([
  ['afghanistan', 'AF'],
  ['united states', 'US'],
]);
const demonyms = new Map([
  ['afghan', 'AF'],
  ['american', 'US'],
]);
const lexicon: NameLexicon = { place: (name) => PLACES[name] ?? null, countryByName, demonyms };
const gazetteer: ExtractContext['gazetteer'] = { lookup: () => [], rank: () => [], countryByName, demonyms, countryNamesWithOf: new Set() };

const shipped = () => {
  const load = loadNamesModel(namesModelFile());
  if (!load.model) throw new Error(load.problem);
  return load.model;
};
const tagText = (text: string, model = shipped()) =>
  tokenizeSentences(text).flatMap((sentence) => {
    const words = sentence.map((t) => t.text);
    return predictNames(model, words, lexicon).map((n) => ({ name: words.slice(n.from, n.to + 1).join(' '), type: n.type, confidence: n.confidence }));
  });

describe('tokens', () => {
  it('splits as the news corpora do: initials and titles keep their dots, possessives stand alone', () => {
    const [first, second] = tokenizeSentences('Mr. Obama’s visit to the U.S. ended. Gen. Austin Miller left Kabul,Kunduz on 3.5 tonnes.');
    expect(first!.map((t) => t.text)).toEqual(['Mr.', 'Obama', '’s', 'visit', 'to', 'the', 'U.S.', 'ended', '.']);
    expect(second!.map((t) => t.text)).toEqual(['Gen.', 'Austin', 'Miller', 'left', 'Kabul', ',', 'Kunduz', 'on', '3.5', 'tonnes', '.']);
    // A company named by its web address is one word; a missing space after a full stop still splits the words.
    const [third] = tokenizeSentences('Amazon.com Inc hired staff in Kabul.Then it left.');
    expect(third!.map((t) => t.text)).toEqual(['Amazon.com', 'Inc', 'hired', 'staff', 'in', 'Kabul', '.', 'Then', 'it', 'left', '.']);
  });

  it('keeps offsets into the text and ends a sentence at a line break', () => {
    const text = 'KABUL, Afghanistan\nThe Taliban said';
    const sentences = tokenizeSentences(text);
    expect(sentences).toHaveLength(2);
    for (const t of sentences.flat()) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('the shipped name tagger', () => {
  it('reads the sample page the same way every time', () => {
    const first = tagText(fixture);
    // A second, separately decoded copy of the model gives exactly the same names and confidences.
    const again = tagText(fixture, decodeModel(encodeModel(shipped())));
    expect(again).toEqual(first);
    const typed = new Set(first.map((n) => `${n.type}:${n.name}`));
    for (const expected of ['PER:Ashraf Ghani', 'PER:Amruddin Wali', 'ORG:Taliban', 'ORG:New York Times', 'LOC:Afghanistan', 'LOC:Kunduz']) expect(typed).toContain(expected);
    for (const n of first) {
      expect(n.confidence).toBeGreaterThan(0);
      expect(n.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('reads a sports headline in capitals as words, not acronyms, and keeps a role out of a name', () => {
    const names = tagText('SOCCER - REAL MADRID BEAT BARCELONA\nDefender Hassan Abbas scored for Real Madrid in the second half.');
    expect(names.map((n) => n.name)).not.toContain('SOCCER');
    expect(names.find((n) => n.name.includes('Hassan Abbas'))?.type).toBe('PER');
  });
});

describe('a model file that cannot be used', () => {
  const dir = tempDir('awb-tagger-');
  const write = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  afterEach(() => {
    delete process.env.AWB_NAMES_MODEL;
    resetNamesModel();
    vi.restoreAllMocks();
  });

  it('is reported in words, whatever is wrong with it', () => {
    const good = fs.readFileSync(namesModelFile());
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['empty.awbm', '', /empty/],
      ['text.awbm', 'not a model at all', /not a compressed tagger model/],
      ['truncated.awbm', good.subarray(0, good.length >> 1), /not a compressed tagger model|truncated/],
      ['foreign.awbm', gzipSync(new TextEncoder().encode('PK\u0003\u0004 something else entirely')), /not a tagger model/],
    ];
    for (const [name, bytes, message] of cases) {
      const load = loadNamesModel(write(name, bytes));
      expect(load.model, name).toBeNull();
      expect(!load.model && load.problem, name).toMatch(message);
    }
    const missing = loadNamesModel(path.join(dir, 'nowhere.awbm'));
    expect(!missing.model && missing.problem).toBe('the model file is missing');
  });

  it('leaves extraction to the rules, with one warning and no crash', () => {
    process.env.AWB_NAMES_MODEL = write('corrupt.awbm', gzipSync(new TextEncoder().encode('AWBTAG2\n\u00ff\u00ff\u00ff\u00ff')));
    resetNamesModel();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(namesModel()).toBeNull();
    const found = extractEntities(fixture, { gazetteer, registry: new Map(), published: '2021-06-21' });
    extractEntities(fixture, { gazetteer, registry: new Map(), published: '2021-06-21' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/Name tagger not used: the model file is truncated.*rule-based extractor/);
    // The rule-based extractor's own reasons, and its names.
    expect(found.some((s) => s.text === 'Ashraf Ghani' && s.type === 'person')).toBe(true);
    expect(found.every((s) => !s.reason.includes('name tagger'))).toBe(true);
  });
});
