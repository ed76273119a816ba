import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerFile } from '../../electron/paths.js';
import { extractEntities } from '../../electron/services/entities/extract.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { repoRoot } from './helpers.js';

const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
afterAll(() => gazetteer.close());

const organisations = (text: string) =>
  extractEntities(text, { gazetteer, registry: new Map(), published: null })
    .filter((s) => s.type === 'organisation')
    .map((s) => s.text);

describe('organisations of the lexicon, as news writes them', () => {
  it('finds hyphenated names with no head word that the tagger missed or cut', () => {
    // Before: the first two were not suggested at all, the last read as an organisation and a place.
    expect(organisations("Pakistan's Inter-Services Intelligence denied involvement.")).toEqual(['Inter-Services Intelligence']);
    expect(organisations('Lashkar-e-Taiba denied it, and Hezb-e-Islami fighters attacked.')).toEqual(['Lashkar-e-Taiba', 'Hezb-e-Islami']);
    expect(organisations('Tehrik-i-Taliban Pakistan claimed the attack.')).toEqual(['Tehrik-i-Taliban Pakistan']);
    // Split at its "and" before.
    expect(organisations('The Group for the Support of Islam and Muslims (JNIM) claimed the attack.')).toEqual(['Group for the Support of Islam and Muslims', 'JNIM']);
  });

  it('takes a short one only in capitals, and leaves a longer name around one alone', () => {
    expect(organisations('Isi Leota scored twice for the club.')).toEqual([]);
    expect(organisations('Officials of the ISI met in Islamabad.')).toEqual(['ISI']);
    expect(organisations('The United Nations Security Council met on Monday.')).toEqual(['United Nations Security Council']);
  });
});
