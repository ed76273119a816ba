import { describe, expect, it } from 'vitest';
import { bodiesNamedInRomanceLanguages } from '../../electron/services/entities/tagger/romanceNames.js';
import { readingsAfter, taggedSentence } from './taggedSentence.js';

const PLACES = new Set(['Corte Madera']);

/** The names after the rule, as "TYPE:words@confidence" (see taggedSentence). */
const bodies = (sentence: string, read: string[]) => readingsAfter((names, tokens) => bodiesNamedInRomanceLanguages(names, tokens, (name) => PLACES.has(name)), sentence, read);

// Every sentence here is written for these tests; the "before" readings are the shipped tagger's on them.
describe('a body named in Spanish, Portuguese, French or Italian', () => {
  it('is one organisation over what the tagger read inside it, or where it read nothing', () => {
    // Before: "Banco" a place (52%) and "Brasil" an organisation (56%); "Ministerio de Defensa" a person (32%); "Corte Suprema de Justicia" unread.
    expect(bodies('Officials at Banco do Brasil agreed.', ['LOC:Banco@0.52', 'ORG:Brasil@0.56'])).toEqual(['ORG:Banco do Brasil@0.7']);
    expect(bodies('The Ministerio de Defensa said so.', ['PER:Ministerio de Defensa@0.32'])).toEqual(['ORG:Ministerio de Defensa@0.7']);
    expect(bodies('The Corte Suprema de Justicia de la Nacion agreed.', [])).toEqual(['ORG:Corte Suprema de Justicia de la Nacion@0.7']);
    // With its article, and accents written or not.
    expect(bodies('She taught at El Colegio de México.', ['LOC:El Colegio de México@0.86'])).toEqual(['ORG:El Colegio de México@0.7']);
    // An organisation read doubtfully is made as sure; one read surely keeps its confidence.
    expect(bodies('The Universite de Montreal commented.', ['ORG:Universite de Montreal@0.41'])).toEqual(['ORG:Universite de Montreal@0.7']);
    expect(bodies('The Partido Socialista won.', ['ORG:Partido Socialista@0.95'])).toEqual(['ORG:Partido Socialista@0.95']);
  });

  it("leaves a head alone, small words at the end, names running on past it, a sure known place, other words, and the analyst's names", () => {
    expect(bodies('Banco said so.', ['PER:Banco@0.4'])).toEqual(['PER:Banco@0.4']);
    expect(bodies('Grupo de trabajo met.', [])).toEqual([]);
    expect(bodies('She moved to Corte Madera last year.', ['LOC:Corte Madera@0.8'])).toEqual(['LOC:Corte Madera@0.8']);
    expect(bodies('He lives on Plaza de Mayo.', ['LOC:Plaza de Mayo@0.57'])).toEqual(['LOC:Plaza de Mayo@0.57']);
    expect(bodies('A Banco Santander spokesman said.', [])).toEqual(['ORG:Banco Santander@0.7']);
    expect(bodies('Pedro Banco Santos spoke.', ['PER:Pedro Banco Santos@0.9'])).toEqual(['PER:Pedro Banco Santos@0.9']);
    const { tokens, names } = taggedSentence('The Banco Central met.', ['PER:Banco Central@0.4']);
    names[0]!.remembered = true;
    bodiesNamedInRomanceLanguages(names, tokens, () => false);
    expect(names.map((n) => n.type)).toEqual(['PER']);
  });
});
