import { describe, expect, it } from 'vitest';
import type { TaggedName } from '../../electron/services/entities/tagger/decode.js';
import { joinOrganisationsOfTwoThings, openOrganisationsOfTwoThings } from '../../electron/services/entities/tagger/ofTwoThings.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';

/** The names after the join, as "TYPE:words", for one sentence and the names the tagger read in it ("ORG:Institute of Medicine"). */
function join(sentence: string, read: string[], remembered = false, rule = joinOrganisationsOfTwoThings): string[] {
  const tokens = tokenizeSentences(sentence)[0]!;
  const words = tokens.map((t) => t.text);
  const names: TaggedName[] = read.map((r) => {
    const [type, text] = r.split(':') as [TaggedName['type'], string];
    const from = words.join(' ').slice(0, words.join(' ').indexOf(text)).split(' ').length - 1;
    return { from, to: from + text.split(' ').length - 1, type, confidence: type === 'ORG' ? 0.8 : 0.4, remembered };
  });
  rule(names, tokens);
  return names.map((n) => `${n.type}:${words.slice(n.from, n.to + 1).join(' ')}`);
}

describe('an organisation named for two things after "of" and "and"', () => {
  it('takes in the second thing, read apart as a doubted name or not read at all', () => {
    expect(join('The Philippine Institute of Volcanology and Seismology said so.', ['ORG:Philippine Institute of Volcanology', 'PER:Seismology'])).toEqual([
      'ORG:Philippine Institute of Volcanology and Seismology',
    ]);
    expect(join('The Ministry of Health and Family Welfare said so.', ['ORG:Ministry of Health'])).toEqual(['ORG:Ministry of Health and Family Welfare']);
  });

  it('leaves a name without a head word before "of", an organisation after "and", a run of capitals that goes on, and the analyst\'s names', () => {
    expect(join('Fans of House of Blues and Royals left.', ['ORG:House of Blues', 'PER:Royals'])).toEqual(['ORG:House of Blues', 'PER:Royals']);
    expect(join('The Bank of England and Barclays met.', ['ORG:Bank of England', 'ORG:Barclays'])).toEqual(['ORG:Bank of England', 'ORG:Barclays']);
    expect(join('The Ministry of Health and Family Welfare Board met.', ['ORG:Ministry of Health'])).toEqual(['ORG:Ministry of Health']);
    expect(join('The Institute of Medicine and Seismology met.', ['ORG:Institute of Medicine', 'PER:Seismology'], true)).toEqual(['ORG:Institute of Medicine', 'PER:Seismology']);
  });
});

describe('an organisation named for two things before its head word', () => {
  const open = (sentence: string, read: string[], remembered = false) => join(sentence, read, remembered, openOrganisationsOfTwoThings);

  it('takes in the first thing the tagger left, after "the" or at the opening of the sentence', () => {
    expect(open('The Food and Drug Administration approved it.', ['ORG:Drug Administration'])).toEqual(['ORG:Food and Drug Administration']);
    expect(open('Fish and Wildlife Service rangers came.', ['ORG:Wildlife Service'])).toEqual(['ORG:Fish and Wildlife Service']);
  });

  it('leaves a word another name holds, a name without a head word, a capitalised word before the first thing, and the analyst\'s names', () => {
    expect(open('Britain and European Union officials met.', ['LOC:Britain', 'ORG:European Union'])).toEqual(['LOC:Britain', 'ORG:European Union']);
    expect(open('The Food and Drug Testing approved it.', ['ORG:Drug Testing'])).toEqual(['ORG:Drug Testing']);
    expect(open('Acme Food and Drug Administration approved it.', ['ORG:Drug Administration'])).toEqual(['ORG:Drug Administration']);
    expect(open('But and Drug Administration approved it.', ['ORG:Drug Administration'])).toEqual(['ORG:Drug Administration']);
    expect(open('The Food and Drug Administration approved it.', ['ORG:Drug Administration'], true)).toEqual(['ORG:Drug Administration']);
  });
});
