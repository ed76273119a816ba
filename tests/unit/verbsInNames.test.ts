import { describe, expect, it } from 'vitest';
import { splitPeopleAtVerbs } from '../../electron/services/entities/tagger/verbsInNames.js';
import { taggedSentence } from './taggedSentence.js';

/** The names after the rule, as "TYPE:words", for one sentence and the names read in it (see taggedSentence). */
function split(sentence: string, read: string[]): string[] {
  const { tokens, names, shown } = taggedSentence(sentence, read);
  splitPeopleAtVerbs(names, tokens);
  return shown();
}

// Written for these tests, in the style of Gulf news; the "before" reading is the shipped tagger's.
describe('two people the tagger ran into one across a verb', () => {
  it('are split at the verb, each as sure as the whole', () => {
    // Before: one person of eleven words at 21%.
    const { tokens, names, shown } = taggedSentence('Sheikh Mohammed bin Rashid Al Maktoum met Sheikh Tamim bin Hamad Al Thani in Doha.', [
      'PER:Mohammed bin Rashid Al Maktoum met Sheikh Tamim bin Hamad Al Thani@0.21',
      'LOC:Doha',
    ]);
    splitPeopleAtVerbs(names, tokens);
    expect(shown()).toEqual(['PER:Mohammed bin Rashid Al Maktoum', 'PER:Sheikh Tamim bin Hamad Al Thani', 'LOC:Doha']);
    expect(names.map((n) => n.confidence)).toEqual([0.21, 0.21, 0.9]);
  });

  it("leaves particles, sure readings, one-word sides, names in small letters and the analyst's names", () => {
    expect(split('Ursula von der Leyen met Guido delle Colonne.', ['PER:Ursula von der Leyen@0.3', 'PER:Guido delle Colonne@0.3'])).toEqual([
      'PER:Ursula von der Leyen',
      'PER:Guido delle Colonne',
    ]);
    expect(split('Ali Hassan met Omar Khan.', ['PER:Ali Hassan met Omar Khan@0.6'])).toEqual(['PER:Ali Hassan met Omar Khan']);
    expect(split('Ali met Omar Khan.', ['PER:Ali met Omar Khan@0.3'])).toEqual(['PER:Ali met Omar Khan']);
    expect(split('Ali Hassan met omar Khan.', ['PER:Ali Hassan met omar Khan@0.3'])).toEqual(['PER:Ali Hassan met omar Khan']);
    const { tokens, names } = taggedSentence('Ali Hassan met Omar Khan.', ['PER:Ali Hassan met Omar Khan@0.3']);
    names[0]!.remembered = true;
    splitPeopleAtVerbs(names, tokens);
    expect(names).toHaveLength(1);
  });
});
