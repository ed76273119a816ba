import { describe, expect, it } from 'vitest';
import { gangsNamedInSpanish } from '../../electron/services/entities/tagger/cartels.js';
import type { TaggedName } from '../../electron/services/entities/tagger/decode.js';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';
import { taggedSentence } from './taggedSentence.js';

const places: Record<string, { kind: string; population: number }> = { 'Los Angeles': { kind: 'city', population: 3_900_000 }, 'Los Lobos': { kind: 'city', population: 2_000 } };
const lexicon: NameLexicon = { place: (name) => places[name] ?? null, countryByName: new Map(), demonyms: new Map() };

/** The names after the rule, as "TYPE:words", for one sentence and the names read in it (see taggedSentence). */
function gangs(sentence: string, read: string[]): string[] {
  const { tokens, names, shown } = taggedSentence(sentence, read);
  gangsNamedInSpanish(names, tokens, lexicon);
  return shown();
}

describe('a gang by its Spanish plural name', () => {
  it('is an organisation where the tagger read a person, or a doubted town listed with such a gang', () => {
    expect(gangs('Los Choneros fought on.', ['PER:Los Choneros@0.55'])).toEqual(['ORG:Los Choneros']);
    expect(gangs('Los Lobos and Los Choneros fought.', ['LOC:Los Lobos@0.44', 'PER:Los Choneros@0.55'])).toEqual(['ORG:Los Lobos', 'ORG:Los Choneros']);
  });

  it('leaves a large city, a town read surely or alone, one word, a singular and the analyst\'s names', () => {
    expect(gangs('Los Angeles fought on.', ['PER:Los Angeles@0.5'])).toEqual(['PER:Los Angeles']);
    expect(gangs('Los Lobos and Los Choneros fought.', ['LOC:Los Lobos@0.8', 'PER:Los Choneros@0.55'])).toEqual(['LOC:Los Lobos', 'ORG:Los Choneros']);
    expect(gangs('Los Lobos was quiet.', ['LOC:Los Lobos@0.44'])).toEqual(['LOC:Los Lobos']);
    expect(gangs('Los Mochis fought.', ['PER:Mochis@0.5'])).toEqual(['PER:Mochis']);
    expect(gangs('El Chapo fled.', ['PER:El Chapo@0.5'])).toEqual(['PER:El Chapo']);
    const tokens = tokenizeSentences('Los Choneros fought on.')[0]!;
    const names: TaggedName[] = [{ from: 0, to: 1, type: 'PER', confidence: 0.55, remembered: true }];
    gangsNamedInSpanish(names, tokens, lexicon);
    expect(names[0]!.type).toBe('PER');
  });
});
