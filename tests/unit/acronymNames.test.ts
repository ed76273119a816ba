import { describe, expect, it } from 'vitest';
import { namesDefinedByAcronym } from '../../electron/services/entities/acronymNames.js';
import type { Suggestion } from '../../electron/services/entities/extract.js';

/** A suggestion at the first place `quote` is written in `text`. */
function at(text: string, quote: string, type: Suggestion['type'], reason = 'read by the name tagger'): Suggestion {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length, text: quote, type, confidence: 0.4, reason };
}

const names = (text: string, suggestions: Suggestion[]) => namesDefinedByAcronym(text, suggestions).map(({ s, replaces }) => `${s.text} (${s.type}) for ${replaces.map((r) => r.text).join(' + ') || 'nothing'}`);

describe('a name spelled out before its acronym', () => {
  it('takes the whole name the capitals spell, over a cut or split reading, from after an article', () => {
    const sigar = 'The Special Inspector General for Afghanistan Reconstruction (SIGAR) said.';
    expect(names(sigar, [at(sigar, 'General for Afghanistan Reconstruction', 'organisation')])).toEqual([
      'Special Inspector General for Afghanistan Reconstruction (organisation) for General for Afghanistan Reconstruction',
    ]);
    const split = 'Fighters of Islamic State Khorasan Province (ISKP) attacked.';
    expect(names(split, [at(split, 'Islamic State', 'organisation'), at(split, 'Khorasan Province', 'place')])).toEqual([
      'Islamic State Khorasan Province (organisation) for Islamic State + Khorasan Province',
    ]);
    // A head word closing the name may give no letter.
    const acled = 'The Armed Conflict Location and Event Data Project (ACLED) recorded it.';
    expect(names(acled, [])).toEqual(['Armed Conflict Location and Event Data Project (organisation) for nothing']);
    expect(names('The Refugee Council Survey (RC) said.', [])).toEqual([]);
    // With no head word, the acronym read as an organisation says what the name is.
    const jnim = "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) said it attacked.";
    expect(names(jnim, [])).toEqual([]);
    expect(names(jnim, [at(jnim, 'JNIM', 'organisation')])).toEqual(["Jama'at Nusrat al-Islam wal-Muslimin (organisation) for nothing"]);
    // A possessive closing the name is no part of it (GeoVirus dev).
    const dec = "Department of Environment and Conservation's (DEC) coordinator Mike Fitzgerald said.";
    expect(names(dec, [at(dec, 'Department of Environment', 'organisation')])).toEqual(['Department of Environment and Conservation (organisation) for Department of Environment']);
    const nwfp = 'North-West Frontier Province (NWFP) officials said.';
    expect(names(nwfp, [at(nwfp, 'NWFP', 'place')])).toEqual([]);
    // Hyphenated parts and dotted initials give their letters; small words give none.
    const ttp = 'A Tehreek-e-Taliban Pakistan (TTP) commander and the U.S. Agency for International Development (USAID) spoke.';
    expect(names(ttp, [])).toEqual(['U.S. Agency for International Development (organisation) for nothing']);
    expect(names(ttp, [at(ttp, 'Tehreek-e-Taliban', 'person')])).toEqual([
      'Tehreek-e-Taliban Pakistan (organisation) for Tehreek-e-Taliban',
      'U.S. Agency for International Development (organisation) for nothing',
    ]);
  });

  it('starts where the tagger’s organisation starts when the name runs on before the letters', () => {
    const ocha = 'The U.N. Office for the Coordination of Humanitarian Affairs (OCHA) said.';
    expect(names(ocha, [at(ocha, 'U.N. Office', 'organisation'), at(ocha, 'Coordination of Humanitarian Affairs', 'organisation')])).toEqual([
      'U.N. Office for the Coordination of Humanitarian Affairs (organisation) for U.N. Office + Coordination of Humanitarian Affairs',
    ]);
    expect(names(ocha, [])).toEqual([]);
  });

  it('leaves a name read whole, a place alone, a date, the analyst’s own name, a letter too many and an unheaded run alone', () => {
    const whole = 'The National Directorate of Security (NDS) said.';
    expect(names(whole, [at(whole, 'National Directorate of Security', 'organisation')])).toEqual([]);
    const airport = 'Flights left Kabul International Airport (KIA) late.';
    expect(names(airport, [at(airport, 'Kabul', 'place')])).toEqual([]);
    const analyst = 'The Special Inspector General for Afghanistan Reconstruction (SIGAR) said.';
    expect(names(analyst, [at(analyst, 'General for Afghanistan Reconstruction', 'person', 'confirmed before in this workspace')])).toEqual([]);
    const ecowas = 'The Economic Community of West African States (ECOWAS) met.';
    expect(names(ecowas, [at(ecowas, 'Economic Community', 'organisation')])).toEqual([]);
    const line = 'Reported by Kabul Desk\nNational Police Force (NPF) said.';
    expect(names(line, [])).toEqual(['National Police Force (organisation) for nothing']);
    expect(names('They met Hamid Karzai (HK) there.', [])).toEqual([]);
  });
});
