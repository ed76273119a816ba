import { describe, expect, it } from 'vitest';
import { demonymsOf } from '../../electron/services/gazetteer/demonyms.js';

describe('demonyms of the country list', () => {
  it('gives each member of a listed demonym, keeps the first claim, and adds the forms news writes', () => {
    const demonyms = demonymsOf([
      { code: 'CD', demonym: 'Congolese', demonym_f: 'Congolese' },
      { code: 'CG', demonym: 'Congolese', demonym_f: 'Congolese' },
      { code: 'BA', demonym: 'Bosnian, Herzegovinian', demonym_f: 'Bosnian, Herzegovinian' },
      { code: 'KN', demonym: 'Kittitian or Nevisian', demonym_f: null },
      { code: 'SA', demonym: 'Saudi Arabian', demonym_f: 'Saudi Arabian' },
    ]);
    expect(Object.fromEntries(demonyms)).toEqual({
      congolese: 'CD',
      bosnian: 'BA',
      herzegovinian: 'BA',
      kittitian: 'KN',
      nevisian: 'KN',
      'saudi arabian': 'SA',
      saudi: 'SA',
    });
  });
});
