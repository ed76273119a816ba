import { describe, expect, it } from 'vitest';
import { closesCompanyName, companiesByTheirLastWord } from '../../electron/services/entities/tagger/companyLastWords.js';
import { readingsAfter, taggedSentence } from './taggedSentence.js';

/** The names after the rule, as "TYPE:words@confidence" (see taggedSentence). */
const companies = (sentence: string, read: string[]) => readingsAfter(companiesByTheirLastWord, sentence, read);

// Written for these tests, in the style of market reports; the "before" readings are the shipped tagger's.
describe('a company named by the last word of its name', () => {
  it('is an organisation where the tagger read nothing, a doubted place or person, or a doubted organisation', () => {
    // Before: "Advanced Micro Devices" unread, "Palo Alto Networks" a place (50%), "Spirit AeroSystems" an organisation at 24%.
    expect(companies('Advanced Micro Devices and Broadcom rose.', ['ORG:Broadcom@0.56'])).toEqual(['ORG:Advanced Micro Devices@0.6', 'ORG:Broadcom@0.56']);
    expect(companies('Shares in Palo Alto Networks fell.', ['LOC:Palo Alto Networks@0.5'])).toEqual(['ORG:Palo Alto Networks@0.6']);
    expect(companies('Analysts said Spirit AeroSystems would recover.', ['ORG:Spirit AeroSystems@0.24'])).toEqual(['ORG:Spirit AeroSystems@0.6']);
    expect(companies('The Texas Instruments plant closed.', [])).toEqual(['ORG:Texas Instruments@0.6']);
    expect(companies('Palo Alto Networks fell.', ['LOC:Palo Alto@0.9'])).toEqual(['ORG:Palo Alto Networks@0.6']);
    // No person's name ends so, however sure the tagger. Before: "Duke Energy" a person (62%).
    expect(companies('Outages hit Duke Energy customers.', ['PER:Duke Energy@0.62'])).toEqual(['ORG:Duke Energy@0.6']);
    // Before: "MGM Resorts" unread.
    expect(companies('The group targeted MGM Resorts last year.', [])).toEqual(['ORG:MGM Resorts@0.6']);
    expect(companies('Regulators said Kazan Shipping owned the tankers.', [])).toEqual(['ORG:Kazan Shipping@0.6']);
  });

  it("leaves sure readings, one word, longer names, titles, what a body is about and the analyst's names", () => {
    expect(companies('General Motors gained.', ['ORG:General Motors@0.8'])).toEqual(['ORG:General Motors@0.8']);
    expect(companies('Systems failed.', [])).toEqual([]);
    expect(companies('Palo Alto Networks Inc said.', [])).toEqual([]);
    expect(companies('She read His Dark Materials again.', [])).toEqual([]);
    expect(companies('He chaired the Conference on Neural Information Processing Systems.', [])).toEqual([]);
    expect(companies('The Ministry of Energy said.', ['ORG:Ministry of Energy@0.4'])).toEqual(['ORG:Ministry of Energy@0.4']);
    expect(companies('Drones hit Kenya Airways Tower.', ['LOC:Kenya Airways Tower@0.4'])).toEqual(['LOC:Kenya Airways Tower@0.4']);
    const { tokens, names } = taggedSentence('Palo Alto Networks fell.', ['LOC:Palo Alto Networks@0.3']);
    names[0]!.remembered = true;
    companiesByTheirLastWord(names, tokens);
    expect(names[0]!.type).toBe('LOC');
  });

  it('knows the last words, and words with a capital inside that end in one', () => {
    expect(['Devices', 'Networks', 'AeroSystems', 'BioTherapeutics', 'Energy'].map(closesCompanyName)).toEqual([true, true, true, true, true]);
    expect(['Bank', 'Group', 'Systematic', 'Ecosystems'].map(closesCompanyName)).toEqual([false, false, false, false]);
  });
});
