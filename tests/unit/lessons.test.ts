import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDelta, runToEnd, type DecidedSentence } from '../../electron/services/entities/tagger/adapt.js';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { loadNamesModel } from '../../electron/services/entities/tagger/index.js';
import { checkedAdaptation, NAMES_TO_JUDGE } from '../../electron/services/entities/tagger/lessons.js';
import type { TaggerModel } from '../../electron/services/entities/tagger/model.js';
import { predictNames } from '../../electron/services/entities/tagger/train.js';

const shipped = loadNamesModel(path.join(import.meta.dirname, '..', '..', 'assets', 'models', 'names.awbm'));
if (!shipped.model) throw new Error(`The shipped name model is needed here: ${shipped.problem}`);
const base = shipped.model;
const lexicon: NameLexicon = {
  place: (name) => (name === 'Kunduz' ? { kind: 'city', population: 270_000 } : null),
  countryByName: new Map(),
  demonyms: new Map(),
};

const PLACES = ['Kunduz', 'the river', 'the market', 'the border', 'the airport'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A decided sentence naming Zorblat (marked as `type`, or left outside any name when null), and Kunduz as a place. */
function sentence(i: number, type: 'ORG' | 'PER' | null): DecidedSentence {
  const place = PLACES[i % PLACES.length]!;
  const words = ['Officials', 'said', 'Zorblat', 'had', 'been', 'seen', 'near', ...place.split(' '), 'on', DAYS[i % DAYS.length]!, '.'];
  const tags = words.map((w, k) => (k === 2 ? (type ? `B-${type}` : 'O') : w === 'Kunduz' ? 'B-LOC' : 'O'));
  return { words, tags };
}

/** "Contact US …" with "US" rejected as a place. */
const rejection = (): DecidedSentence => ({
  words: ['Contact', 'US', 'to', 'see', 'the', 'full', 'report', '.'],
  tags: ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O'],
  rejected: [{ from: 1, to: 1, type: 'LOC' }],
});

const read = (model: TaggerModel, text: string) => {
  const words = text.split(' ');
  return predictNames(model, words, lexicon).map((n) => `${words.slice(n.from, n.to + 1).join(' ')}/${n.type}`);
};
const unseen = 'Residents said Zorblat fighters had left the village .';

describe('which lessons of the decisions a workspace model keeps', () => {
  it('keeps the memory of a name the analyst marks the same way throughout, once enough names are decided to judge', () => {
    expect(read(base, unseen)).toEqual([]);
    const decided = Array.from({ length: 2 * NAMES_TO_JUDGE + 4 }, (_, i) => sentence(i, 'ORG'));
    const checked = runToEnd(checkedAdaptation(base, decided, lexicon));
    expect(checked.scores).not.toBeNull();
    expect(['memory', 'all']).toContain(checked.lessons);
    expect(checked.scores![checked.lessons]).toBeGreaterThan(checked.scores!.rejections);
    expect(read(runToEnd(applyDelta(base, checked.delta)), unseen)).toEqual(['Zorblat/ORG']);
  });

  it('keeps only the rejections when what was learnt from one half of the decisions reads the other half worse', () => {
    // The older articles mark Zorblat as an organisation, the newer as a person: either lesson misreads the other half.
    const half = NAMES_TO_JUDGE + 2;
    const decided = [
      rejection(),
      ...Array.from({ length: half }, (_, i) => sentence(i, 'PER')),
      ...Array.from({ length: half }, (_, i) => sentence(i, 'ORG')),
      rejection(),
    ];
    const checked = runToEnd(checkedAdaptation(base, decided, lexicon));
    expect(checked.lessons).toBe('rejections');
    expect(checked.scores!.memory).toBeLessThan(checked.scores!.rejections);
    const model = runToEnd(applyDelta(base, checked.delta));
    // The shipped model's reading, with the shipped weights…
    expect(read(model, unseen)).toEqual(read(base, unseen));
    expect(checked.delta.hashes.length).toBe(0);
    expect(checked.delta.memory.marked.size).toBe(0);
    // …but a rejected suggestion does not come back.
    expect(read(base, 'Contact US to see the full report .')).toContain('US/LOC');
    expect(read(model, 'Contact US to see the full report .')).not.toContain('US/LOC');
  });

  it('takes a few decisions as given: too few names to judge keeps every lesson', () => {
    const decided = Array.from({ length: 6 }, (_, i) => sentence(i, 'ORG'));
    const checked = runToEnd(checkedAdaptation(base, decided, lexicon));
    expect(checked.scores).toBeNull();
    expect(checked.lessons).toBe('all');
    expect(read(runToEnd(applyDelta(base, checked.delta)), unseen)).toEqual(['Zorblat/ORG']);
  });
});
