import { describe, expect, it } from 'vitest';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { peopleOfTheirTowns } from '../../electron/services/entities/tagger/peopleOfPlaces.js';
import { taggedSentence } from './taggedSentence.js';

const lexicon: NameLexicon = {
  place: (name) => (['Shively', 'Wales', 'Qatar', 'Cape Town'].includes(name) ? { kind: 'city', population: 15_000 } : null),
  countryByName: new Map(),
  demonyms: new Map(),
};

/** The names after the rule, as "TYPE:words", for one sentence and the names read in it (see taggedSentence). */
function split(sentence: string, read: string[]): string[] {
  const { tokens, names, shown } = taggedSentence(sentence, read);
  peopleOfTheirTowns(names, tokens, lexicon);
  return shown();
}

// Written for these tests, in the style of local news; the "before" reading is the shipped tagger's.
describe('a person named with the town they are of', () => {
  it('is the person and the place', () => {
    // Before: one person, "Marcus Reed of Shively", at 30%.
    const { tokens, names, shown } = taggedSentence('The suspect, Marcus Reed of Shively, was held.', ['PER:Marcus Reed of Shively@0.3']);
    peopleOfTheirTowns(names, tokens, lexicon);
    expect(shown()).toEqual(['PER:Marcus Reed', 'LOC:Shively']);
    expect(names.map((n) => n.confidence)).toEqual([0.3, 0.6]);
    expect(split('Archbishop Desmond Tutu of Cape Town spoke.', ['PER:Archbishop Desmond Tutu of Cape Town@0.5'])).toEqual(['PER:Archbishop Desmond Tutu', 'LOC:Cape Town']);
  });

  it("leaves a ruler's title, a place the gazetteer lacks, one word before \"of\" and the analyst's names", () => {
    expect(split('Prince Charles of Wales visited.', ['PER:Prince Charles of Wales@0.5'])).toEqual(['PER:Prince Charles of Wales']);
    expect(split('Emir Tamim of Qatar spoke.', ['PER:Emir Tamim of Qatar@0.5'])).toEqual(['PER:Emir Tamim of Qatar']);
    expect(split('Joan Marie of Arcadia spoke.', ['PER:Joan Marie of Arcadia@0.5'])).toEqual(['PER:Joan Marie of Arcadia']);
    expect(split('Reed of Shively spoke.', ['PER:Reed of Shively@0.5'])).toEqual(['PER:Reed of Shively']);
    const { tokens, names } = taggedSentence('Marcus Reed of Shively spoke.', ['PER:Marcus Reed of Shively@0.3']);
    names[0]!.remembered = true;
    peopleOfTheirTowns(names, tokens, lexicon);
    expect(names).toHaveLength(1);
  });
});
