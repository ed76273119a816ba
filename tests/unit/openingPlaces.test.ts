import { describe, expect, it } from 'vitest';
import { placesOpeningASentence } from '../../electron/services/entities/tagger/openingPlaces.js';
import { readingsAfter, taggedSentence } from './taggedSentence.js';

const WELL_KNOWN = new Set(['Kabul', 'Tokyo', 'Tehran', 'Paris', 'Kenya']);

/** The names after the rule, as "TYPE:words@confidence" (see taggedSentence). */
const opening = (sentence: string, read: string[], peopleWords: string[] = []) =>
  readingsAfter((names, tokens) => placesOpeningASentence(names, tokens, (word) => WELL_KNOWN.has(word), new Set(peopleWords)), sentence, read);

// Every sentence here is written for these tests; the "before" readings are the shipped tagger's on them.
describe('a capital, a great city or a country opening a sentence', () => {
  it('is that place where the tagger doubted another reading, doubted the place, or read nothing', () => {
    // Before: "Kabul" a person (62%), "Tokyo" a group (30%), "Tehran" a place (28%).
    expect(opening('Kabul was quiet on Friday.', ['PER:Kabul@0.62', 'LOC:Friday@0.3'])).toEqual(['LOC:Kabul@0.7', 'LOC:Friday@0.3']);
    expect(opening('Tokyo was concerned.', ['GRP:Tokyo@0.3'])).toEqual(['LOC:Tokyo@0.7']);
    expect(opening('Tehran was defiant.', ['LOC:Tehran@0.28'])).toEqual(['LOC:Tehran@0.7']);
    expect(opening('"Kenya is ready," he said.', [])).toEqual(['LOC:Kenya@0.7']);
    expect(opening("Tokyo's response was muted.", [])).toEqual(['LOC:Tokyo@0.7']);
  });

  it('leaves a sure reading, a longer name, a word the article names a person by, another word, and the analyst\'s names', () => {
    expect(opening('Kabul was quiet.', ['LOC:Kabul@0.9'])).toEqual(['LOC:Kabul@0.9']);
    expect(opening('Paris said she was happy.', ['PER:Paris@0.55'], ['paris', 'hilton'])).toEqual(['PER:Paris@0.55']);
    expect(opening('Tokyo Electric was fined.', ['ORG:Tokyo Electric@0.6'])).toEqual(['ORG:Tokyo Electric@0.6']);
    expect(opening('Tokyo Electric was fined.', [])).toEqual([]);
    expect(opening('Kandahar was quiet.', ['PER:Kandahar@0.4'])).toEqual(['PER:Kandahar@0.4']);
    expect(opening('On Friday Kabul was quiet.', [])).toEqual([]);
    const { tokens, names } = taggedSentence('Kabul was quiet.', ['PER:Kabul@0.4']);
    names[0]!.remembered = true;
    placesOpeningASentence(names, tokens, (word) => WELL_KNOWN.has(word), new Set());
    expect(names[0]!.type).toBe('PER');
  });
});
