import { describe, expect, it } from 'vitest';
import { gangsNamedInSpanish } from '../../electron/services/entities/tagger/cartels.js';
import type { TaggedName } from '../../electron/services/entities/tagger/decode.js';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';

const places: Record<string, { kind: string; population: number }> = { 'Los Angeles': { kind: 'city', population: 3_900_000 }, 'Los Lobos': { kind: 'city', population: 2_000 } };
const lexicon: NameLexicon = { place: (name) => places[name] ?? null, countryByName: new Map(), demonyms: new Map() };

/** The names after the rule, as "TYPE:words", for one sentence and the names read in it ("TYPE:words@confidence"). */
function gangs(sentence: string, read: string[]): string[] {
  const tokens = tokenizeSentences(sentence)[0]!;
  const words = tokens.map((t) => t.text);
  let after = 0;
  const names: TaggedName[] = read.map((r) => {
    const [type, rest] = r.split(':') as [TaggedName['type'], string];
    const [text, confidence] = rest.split('@') as [string, string | undefined];
    const from = words.findIndex((_, i) => i >= after && words.slice(i, i + text.split(' ').length).join(' ') === text);
    after = from + 1;
    return { from, to: from + text.split(' ').length - 1, type, confidence: Number(confidence ?? 0.9), remembered: false };
  });
  gangsNamedInSpanish(names, tokens, lexicon);
  return names.map((n) => `${n.type}:${words.slice(n.from, n.to + 1).join(' ')}`);
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
