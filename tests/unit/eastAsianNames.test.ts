import { describe, expect, it } from 'vitest';
import { eastAsianPeople } from '../../electron/services/entities/tagger/eastAsianNames.js';
import { sentenceFacts, type NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';
import { taggedSentence } from './taggedSentence.js';

/** A gazetteer of two places named like people. */
const lexicon: NameLexicon = {
  place: (name) => (name === 'Hong Kong' || name === 'Ma On Shan' ? { kind: 'city', population: 200_000 } : null),
  countryByName: new Map([['china', 'CN']]),
  demonyms: new Map(),
};

/** The names after the rule, as "TYPE:words" (with "@confidence" where `confidences`), for one sentence and the names read in it. */
function people(sentence: string, read: string[], confidences = false): string[] {
  const { tokens, names, shown } = taggedSentence(sentence, read);
  eastAsianPeople(names, tokens, lexicon, (name) => name === 'Shin Bet');
  return confidences ? shown().map((s, k) => `${s}@${names[k]!.confidence}`) : shown();
}

// Every sentence here is written for these tests, in the style of East Asian news; the "before"
// readings are the shipped tagger's on them.
describe('names of China, Korea and Vietnam', () => {
  it('are people, where the tagger read another kind, part of the name or nothing', () => {
    // Before: "Kim Jong Un" an organisation (63%), "Un" being read as the UN.
    expect(people('On Sunday, Kim Jong Un oversaw the test.', ['ORG:Kim Jong Un@0.63'])).toEqual(['PER:Kim Jong Un']);
    expect(people('Vietnam sent To Lam to Hanoi.', ['LOC:Vietnam', 'PER:Lam@0.34', 'LOC:Hanoi'])).toEqual(['LOC:Vietnam', 'PER:To Lam', 'LOC:Hanoi']);
    expect(people('Defence chief Dong Jun spoke.', [])).toEqual(['PER:Dong Jun']);
    expect(people('Taiwan rebuked Ma Ying-jeou and Xi Jinping.', ['LOC:Taiwan', 'PER:Ying-jeou@0.4'])).toEqual(['LOC:Taiwan', 'PER:Ma Ying-jeou', 'PER:Xi Jinping']);
    expect(people('Taiwan rebuked Ma Ying-jeou.', ['LOC:Taiwan', 'ORG:Ying-jeou@0.4'])).toEqual(['LOC:Taiwan', 'ORG:Ying-jeou']);
    expect(people('Nguyen Thi Kim Ngan chaired it.', ['PER:Nguyen@0.5', 'LOC:Thi Kim Ngan@0.3'])).toEqual(['PER:Nguyen Thi Kim Ngan']);
  });

  it('are surer people where the tagger doubted them', () => {
    // Before: "Park Geun-hye" a person at 31%, "Nguyen Phu Trong" at 25%.
    expect(people('Park Geun-hye was pardoned.', ['PER:Park Geun-hye@0.31'], true)).toEqual(['PER:Park Geun-hye@0.8']);
    expect(people('Nguyen Phu Trong died.', ['PER:Nguyen Phu Trong@0.95'], true)).toEqual(['PER:Nguyen Phu Trong@0.95']);
  });

  it('leave places, longer names, words that are family names too, and what the analyst decided', () => {
    expect(people('Protests spread in Hong Kong and Ma On Shan.', ['LOC:Hong Kong@0.4', 'LOC:Ma On Shan@0.3'])).toEqual(['LOC:Hong Kong', 'LOC:Ma On Shan']);
    expect(people('Officers of Shin Bet arrived.', ['ORG:Shin Bet@0.5'])).toEqual(['ORG:Shin Bet']);
    expect(people('She studied at Sun Yat-sen University.', ['ORG:Sun Yat-sen University'])).toEqual(['ORG:Sun Yat-sen University']);
    expect(people('Floods along the Huang He rose.', ['LOC:Huang He@0.7'])).toEqual(['LOC:Huang He']);
    // "To", "An", "Ma" open other names too: only where the tagger read a person there.
    expect(people('They sang To Have Done and visited An Khe.', ['ORG:To Have Done@0.4'])).toEqual(['ORG:To Have Done']);
    expect(people('They visited An Khe.', [])).toEqual([]);
    const { tokens, names } = taggedSentence('Kim Jong Un spoke.', ['ORG:Kim Jong Un@0.4']);
    names[0]!.remembered = true;
    eastAsianPeople(names, tokens, lexicon, () => false);
    expect(names[0]!.type).toBe('ORG');
  });
});

describe('the tagger lexicon', () => {
  it('reads a short acronym only in capitals: "UN", "U.N.", not the "Un" of "Kim Jong Un"', () => {
    const tags = (sentence: string) => sentenceFacts(tokenizeSentences(sentence)[0]!.map((t) => t.text), lexicon).lexicon;
    expect(tags('Kim Jong Un met the UN envoy and U.N. staff .')).toEqual(['', '', '', '', '', 'B-org', '', '', 'B-org', '', '']);
  });
});
