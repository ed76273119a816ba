import { describe, expect, it } from 'vitest';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { officesOfPlaces } from '../../electron/services/entities/tagger/officesOfPlaces.js';
import { readingsAfter, taggedSentence } from './taggedSentence.js';

const PLACES = new Set(['Canterbury', 'India', 'New York', 'New', 'London']);
const lexicon = { place: (name: string) => (PLACES.has(name) ? { kind: 'city', population: 1 } : null), countryByName: new Map(), demonyms: new Map() } as unknown as NameLexicon;

/** The names after the rule, as "TYPE:words@confidence" (see taggedSentence). */
const split = (sentence: string, read: string[]) => readingsAfter((names, tokens) => officesOfPlaces(names, tokens, lexicon), sentence, read);

// Every sentence here is written for these tests; the "before" readings are the shipped tagger's on them.
describe('an office held of a place, then its holder', () => {
  it('is the place and the person where the tagger ran them into one name', () => {
    // Before: "Canterbury Justin Welby" a person (32%), "India Narendra Modi" an organisation (44%).
    expect(split('Archbishop of Canterbury Justin Welby resigned.', ['PER:Canterbury Justin Welby@0.32'])).toEqual(['LOC:Canterbury@0.6', 'PER:Justin Welby@0.6']);
    expect(split('The Prime Minister of India Narendra Modi visited.', ['ORG:India Narendra Modi@0.44'])).toEqual(['LOC:India@0.6', 'PER:Narendra Modi@0.6']);
    // The longer place first; a sure person keeps its confidence.
    expect(split('The Mayor of New York Eric Adams spoke.', ['PER:New York Eric Adams@0.9'])).toEqual(['LOC:New York@0.6', 'PER:Eric Adams@0.9']);
  });

  it("leaves a name after no office, a holder's name of one word, words that head a name, an unknown place and the analyst's names", () => {
    expect(split('The people of Canterbury Justin Welby met.', ['PER:Canterbury Justin Welby@0.32'])).toEqual(['PER:Canterbury Justin Welby@0.32']);
    expect(split('The Mayor of London Sadiq spoke.', ['PER:London Sadiq@0.5'])).toEqual(['PER:London Sadiq@0.5']);
    expect(split('The Mayor of London Transport Authority spoke.', ['ORG:London Transport Authority@0.5'])).toEqual(['ORG:London Transport Authority@0.5']);
    expect(split('The Governor of Kunar Abdul Haq spoke.', ['PER:Kunar Abdul Haq@0.5'])).toEqual(['PER:Kunar Abdul Haq@0.5']);
    const { tokens, names } = taggedSentence('Archbishop of Canterbury Justin Welby resigned.', ['PER:Canterbury Justin Welby@0.32']);
    names[0]!.remembered = true;
    officesOfPlaces(names, tokens, lexicon);
    expect(names).toHaveLength(1);
  });
});
