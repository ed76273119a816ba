import { describe, expect, it } from 'vitest';
import { aliasesOfPeople } from '../../electron/services/entities/tagger/aliases.js';
import type { TaggedName } from '../../electron/services/entities/tagger/decode.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';
import { taggedSentence } from './taggedSentence.js';

/** The names after the rule, as "TYPE:words", for one sentence and the names read in it (see taggedSentence). */
function aliases(sentence: string, read: string[]): string[] {
  const { tokens, names, shown } = taggedSentence(sentence, read);
  aliasesOfPeople(names, tokens);
  return shown();
}

describe('the name a person is known by', () => {
  it('is a person where the tagger doubted it as something else or left it unread', () => {
    // Written for this test, in the style of Sudan and Syria reporting. Before: "Hemedti" an organisation (38%).
    expect(aliases('RSF commander Mohamed Hamdan Dagalo, known as Hemedti, said his forces would stay.', ['ORG:RSF', 'PER:Mohamed Hamdan Dagalo', 'ORG:Hemedti@0.38'])).toEqual([
      'ORG:RSF',
      'PER:Mohamed Hamdan Dagalo',
      'PER:Hemedti',
    ]);
    expect(aliases('Sharaa, formerly known as Abu Mohammed al-Jolani, led the group.', ['PER:Sharaa'])).toEqual(['PER:Sharaa', 'PER:Abu Mohammed al-Jolani']);
    expect(aliases('Sharaa (also known as Abu Mohammed al-Jolani) led the group.', ['PER:Sharaa'])).toEqual(['PER:Sharaa', 'PER:Abu Mohammed al-Jolani']);
    expect(aliases('Joaquin Guzman, better known as El Chapo bin Laden, was extradited.', ['PER:Joaquin Guzman'])).toEqual(['PER:Joaquin Guzman', 'PER:El Chapo bin Laden']);
  });

  it("leaves a reading the tagger is sure of, a group's or an organisation's alias, and the analyst's names", () => {
    expect(aliases('Mohamed Dagalo, known as Hemedti, spoke.', ['PER:Mohamed Dagalo', 'LOC:Hemedti@0.8'])).toEqual(['PER:Mohamed Dagalo', 'LOC:Hemedti']);
    expect(aliases('The group, known as Wagner, left.', ['ORG:Wagner@0.5'])).toEqual(['ORG:Wagner']);
    expect(aliases('Ali Hassan, known as the Butcher, fled.', ['PER:Ali Hassan'])).toEqual(['PER:Ali Hassan']);
    const tokens = tokenizeSentences('Mohamed Dagalo, known as Hemedti, spoke.')[0]!;
    const names: TaggedName[] = [
      { from: 0, to: 1, type: 'PER', confidence: 0.9, remembered: false },
      { from: 5, to: 5, type: 'ORG', confidence: 0.4, remembered: true },
    ];
    aliasesOfPeople(names, tokens);
    expect(names[1]!.type).toBe('ORG');
  });
});
