import { describe, expect, it } from 'vitest';
import { readCompanySuffixes } from '../../electron/services/entities/tagger/companyCues.js';
import type { TaggedName } from '../../electron/services/entities/tagger/decode.js';
import type { NameMemory } from '../../electron/services/entities/tagger/memory.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';

/** The names after the rule, as "TYPE:words", for names given as [first word, last word, type] of the tagger. */
function read(text: string, tagged: [string, string, TaggedName['type']][], memory?: NameMemory): string[] {
  const sentence = tokenizeSentences(text)[0]!;
  const at = (word: string) => sentence.findIndex((t) => t.text === word);
  const names: TaggedName[] = tagged.map(([first, last, type]) => ({ from: at(first), to: at(last), type, confidence: 0.3, remembered: false }));
  readCompanySuffixes(names, sentence, memory);
  return names.map((n) => `${n.type}:${sentence.slice(n.from, n.to + 1).map((t) => t.text).join(' ')}`);
}

describe("a company's legal form", () => {
  it('makes the name it ends an organisation, taking the form the tagger left out and the name before it', () => {
    expect(read('Shares of Bayer AG rose.', [['Bayer', 'AG', 'ORG']])).toEqual(['ORG:Bayer AG']);
    expect(read('Miles Inc had done well.', [['Miles', 'Miles', 'PER']])).toEqual(['ORG:Miles Inc']);
    expect(read('Kuwait Petroleum Corp said.', [['Kuwait', 'Kuwait', 'LOC'], ['Petroleum', 'Corp', 'ORG']])).toEqual(['ORG:Kuwait Petroleum Corp']);
    // Case matters: "Sa" ends no company's name.
    expect(read('Visit Mount Sa today.', [['Mount', 'Sa', 'LOC']])).toEqual(['LOC:Mount Sa']);
  });

  it('leaves a name the analyst rejected as an organisation', () => {
    const memory: NameMemory = { marked: new Map(), rejected: new Map([['Kuwait Petroleum Corp', ['ORG']]]) };
    expect(read('Kuwait Petroleum Corp said.', [['Kuwait', 'Kuwait', 'LOC'], ['Petroleum', 'Corp', 'ORG']], memory)).toEqual(['LOC:Kuwait', 'ORG:Petroleum Corp']);
  });
});
