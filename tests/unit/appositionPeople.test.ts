import { describe, expect, it } from 'vitest';
import { peopleByApposition } from '../../electron/services/entities/tagger/appositionPeople.js';
import type { TaggedName } from '../../electron/services/entities/tagger/decode.js';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import type { NameMemory } from '../../electron/services/entities/tagger/memory.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';

/** A gazetteer of three names: a town, a first-order area and a country. */
const lexicon: NameLexicon = {
  place: (name) => ({ Dole: { kind: 'city', population: 23_000 }, Helmand: { kind: 'admin1', population: 1_400_000 }, Chora: { kind: 'city', population: 5_000 } })[name] ?? null,
  countryByName: new Map([['britain', 'GB']]),
  demonyms: new Map(),
};

/** The types after the rule of the first name in `text`, which the tagger is taken to have read as `type`. */
function typeOfFirst(text: string, type: TaggedName['type'] = 'LOC', confidence = 0.4, memory?: NameMemory): string {
  const sentence = tokenizeSentences(text)[0]!;
  const first = sentence.findIndex((t) => /^\p{Lu}/u.test(t.text) && !['In', 'Near'].includes(t.text));
  const names: TaggedName[] = [{ from: first, to: first, type, confidence, remembered: false }];
  peopleByApposition(names, sentence, lexicon, memory);
  return names[0]!.type;
}

describe('a person by apposition', () => {
  it("is a name followed by ', the/a' and a person's role", () => {
    expect(typeOfFirst('Dole, the Republican nominee, attacked the plan.')).toBe('PER');
    expect(typeOfFirst('Dole, a former senator, attacked the plan.')).toBe('PER');
    expect(typeOfFirst('Dole, the former senator, spoke.', 'ORG', 0.5)).toBe('PER');
  });

  it('is not a place where the role speaks, a word before puts a place, or the name is a country or an area', () => {
    expect(typeOfFirst('Chora, a resident said, had fallen.')).toBe('LOC');
    expect(typeOfFirst('In Chora, the governor of the district met elders.')).toBe('LOC');
    expect(typeOfFirst('Helmand, the governor of the province, is calm.')).toBe('LOC');
    expect(typeOfFirst('Britain, a member of NATO, agreed.')).toBe('LOC');
    // An organisation the tagger was sure of, and one the analyst marked, stay.
    expect(typeOfFirst('Lukoil, the market leader, said.', 'ORG', 0.9)).toBe('ORG');
    expect(typeOfFirst('Dole, the Republican nominee, attacked the plan.', 'LOC', 0.4, { marked: new Map(), rejected: new Map([['Dole', ['PER']]]) })).toBe('LOC');
  });
});
