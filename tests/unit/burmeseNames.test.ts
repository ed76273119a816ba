import { describe, expect, it } from 'vitest';
import { burmesePeople, mayNameBurmesePeople } from '../../electron/services/entities/tagger/burmeseNames.js';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { taggedSentence } from './taggedSentence.js';

/** A gazetteer of one place named with name words. */
const lexicon: NameLexicon = {
  place: (name) => (name === 'Nay Pyi Taw' || name === 'Kyaw Zin' ? { kind: 'city', population: 900_000 } : null),
  countryByName: new Map(),
  demonyms: new Map(),
};

function people(sentence: string, read: string[]): string[] {
  const { tokens, names, shown } = taggedSentence(sentence, read);
  burmesePeople(names, tokens, lexicon);
  return shown().map((s, k) => `${s}@${names[k]!.confidence}`);
}

// Every sentence here is written for these tests, in the style of news from Myanmar; the "before"
// readings are the shipped tagger's on them.
describe('Burmese names', () => {
  it('are people, where the tagger doubted them, read part of them or another kind', () => {
    // Before: "Aung Hlaing" a person at 48%, "Min" left out.
    expect(people('Min Aung Hlaing, the junta chief, spoke.', ['PER:Aung Hlaing@0.48'])).toEqual(['PER:Min Aung Hlaing@0.8']);
    expect(people('Aung San Suu Kyi remains in detention.', ['PER:Aung San Suu Kyi@0.66'])).toEqual(['PER:Aung San Suu Kyi@0.8']);
    // After "U" or "Daw", which stay outside the name; one word is enough there.
    expect(people("U Thant's grandson spoke.", ['ORG:U Thant@0.56'])).toEqual(['PER:Thant@0.8']);
    expect(people('Daw Sint Sint Aung was freed.', [])).toEqual(['PER:Sint Sint Aung@0.8']);
    expect(people('Thein Sein spoke.', ['LOC:Thein Sein@0.3'])).toEqual(['PER:Thein Sein@0.8']);
  });

  it('leave sure readings, places, longer names, single words and what the analyst decided', () => {
    expect(people('Win Myint spoke.', ['PER:Win Myint@0.95'])).toEqual(['PER:Win Myint@0.95']);
    expect(people('They met in Nay Pyi Taw and Kyaw Zin.', ['LOC:Nay Pyi Taw@0.4'])).toEqual(['LOC:Nay Pyi Taw@0.4']);
    expect(people('The Aung San Stadium opened.', ['LOC:Aung San Stadium@0.6'])).toEqual(['LOC:Aung San Stadium@0.6']);
    expect(people('Fighting near Kyaw Tun closed the road.', ['LOC:Kyaw Tun@0.7'])).toEqual(['LOC:Kyaw Tun@0.7']);
    expect(people('Win the vote.', [])).toEqual([]);
    expect(people('Thein Sein spoke.', ['ORG:Thein Sein@0.3!'])).toEqual(['ORG:Thein Sein@0.3']);
  });

  it('are read only in articles about Myanmar', () => {
    expect(mayNameBurmesePeople('The junta in Naypyitaw said…')).toBe(true);
    expect(mayNameBurmesePeople('Win Tin and Than Shwe…')).toBe(false);
  });
});
