import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../electron/services/entities/extract.js';
import { abbreviates, linkAcronyms } from '../../electron/services/entities/documentNames.js';
import { airFacility, facilityLookupName, placeAirFacilities, type PendingPlace } from '../../electron/services/entities/placeLinks.js';
import type { Place } from '../../electron/services/gazetteer/gazetteer.js';

/** A gazetteer that knows a few Afghan places by name. */
const KNOWN: Record<string, Place> = {
  bagram: { id: 1, name: 'Bagrām', kind: 'admin2', feature: 'ADM2', country: 'AF', admin1Name: 'Parwan', lat: 35.0, lon: 69.3, population: 0 },
  kabul: { id: 2, name: 'Kabul', kind: 'city', feature: 'PPLC', country: 'AF', admin1Name: 'Kabul', lat: 34.53, lon: 69.17, population: 4_434_550 },
  kandahar: { id: 3, name: 'Kandahār', kind: 'city', feature: 'PPLA', country: 'AF', admin1Name: 'Kandahar', lat: 31.61, lon: 65.71, population: 391_190 },
  kunduz: { id: 4, name: 'Kunduz', kind: 'city', feature: 'PPLA', country: 'AF', admin1Name: 'Kunduz', lat: 36.73, lon: 68.86, population: 161_902 },
};
const gazetteer = { lookup: (name: string) => (KNOWN[name.toLowerCase()] ? [KNOWN[name.toLowerCase()]!] : []) };

/** Suggestions for the listed names, as the tagger would give them (first occurrence after the previous). */
function suggest(text: string, names: [string, Suggestion['type']][]): Suggestion[] {
  let from = 0;
  return names.map(([name, type]) => {
    const start = text.indexOf(name, from);
    if (start === -1) throw new Error(`"${name}" is not in the text`);
    from = start + name.length;
    return { start, end: start + name.length, text: name, type, confidence: 0.8, reason: `${type}, read by the name tagger (80%)`, ...(type === 'place' ? { places: [] } : {}) };
  });
}
const pendingOf = (suggestions: Suggestion[]): PendingPlace[] => suggestions.filter((s) => s.type === 'place' && !airFacility(s.text)).map((s) => ({ s, wantsAdminArea: false }));

describe('air facilities', () => {
  it('knows the head words news uses, and the name before them', () => {
    expect(airFacility('Bagram Airfield')).toEqual({ namedAfter: 'Bagram', head: 'Airfield' });
    expect(airFacility('Shindand Air Base')).toEqual({ namedAfter: 'Shindand', head: 'Air Base' });
    expect(airFacility('Hamid Karzai International Airport')).toEqual({ namedAfter: 'Hamid Karzai', head: 'Airport' });
    expect(airFacility('Kabul Airport Authority')).toBeNull();
    expect(airFacility('Airport')).toBeNull();
  });

  it('places one named after a place at that place, whatever the tagger read it as', () => {
    const text = 'American troops are stationed at Bagram Air Base and at Kandahar Airfield.';
    const suggestions = suggest(text, [['Bagram Air Base', 'organisation'], ['Kandahar Airfield', 'place']]);
    const pending = pendingOf(suggestions);
    placeAirFacilities(text, suggestions, pending, gazetteer);
    expect(suggestions.map((s) => s.type)).toEqual(['place', 'place']);
    expect(pending.map((p) => [p.s.text, p.lookupName])).toEqual([
      ['Bagram Air Base', 'Bagram'],
      ['Kandahar Airfield', 'Kandahar'],
    ]);
    expect(suggestions[0]!.reason).toBe('an air facility ("Air Base"), placed at Bagram, which it is named after');
    // Resolution fills the candidates in: the empty list ("leave it to the analyst") is gone.
    expect(suggestions[0]!.places).toBeUndefined();
  });

  it('places one named after a person where the text puts it, before or after', () => {
    for (const [text, names] of [
      ['Crowds gathered at Hamid Karzai International Airport (HKIA) in Kabul on Monday.', [['Hamid Karzai International Airport', 'organisation'], ['Kabul', 'place']]],
      ["Crowds gathered at Kabul's Hamid Karzai International Airport on Monday.", [['Hamid Karzai International Airport', 'organisation']]],
    ] as [string, [string, Suggestion['type']][]][]) {
      const suggestions = suggest(text, names);
      const pending = pendingOf(suggestions);
      placeAirFacilities(text, suggestions, pending, gazetteer);
      expect(pending.find((p) => p.s.text === 'Hamid Karzai International Airport')).toMatchObject({ lookupName: 'Kabul', s: { type: 'place', reason: 'an air facility ("Airport"), placed at Kabul, where the text puts it' } });
    }
  });

  it('leaves one it cannot place to the analyst, as a place with no candidates', () => {
    const text = 'Flights resumed at Hamid Karzai International Airport on Monday.';
    const suggestions = suggest(text, [['Hamid Karzai International Airport', 'organisation']]);
    const pending: PendingPlace[] = [];
    placeAirFacilities(text, suggestions, pending, gazetteer);
    expect(pending).toEqual([]);
    expect(suggestions[0]).toMatchObject({ type: 'place', places: [], reason: 'an air facility ("Airport"), not in the gazetteer' });
  });

  it('keeps the type the analyst gave a name, in the registry or in what the name model remembers', () => {
    const text = 'Bagram Airfield was quiet.';
    for (const reason of ['confirmed before in this workspace', 'an organisation, as the analyst marked it before in this workspace']) {
      const suggestions: Suggestion[] = [{ start: 0, end: 15, text: 'Bagram Airfield', type: 'organisation', confidence: 0.95, reason }];
      placeAirFacilities(text, suggestions, [], gazetteer);
      expect(suggestions[0]!.type).toBe('organisation');
    }
  });
});

/** The same gazetteer with two airports, as the real one names them ("<town> Airport"), and their codes. */
const airport = (id: number, name: string, country: string, lat: number, lon: number): Place => ({ id, name, kind: 'city', feature: 'AIRP', country, admin1Name: null, lat, lon, population: 0, prominence: 100 });
const AIRPORTS: Record<string, Place> = {
  'kabul airport': airport(10, 'Kabul International Airport', 'AF', 34.57, 69.21),
  'kunduz airport': airport(11, 'Kunduz Airport', 'AF', 36.67, 68.91),
  // A namesake far away: no airport of Kandahar, Afghanistan.
  'kandahar airport': airport(12, 'Kandahar Airport', 'US', 40.0, -90.0),
};
const CODES: Record<string, Place & { municipality: string; foundAs: string }> = {
  KBL: { ...AIRPORTS['kabul airport']!, municipality: 'Kabul', foundAs: 'Kabul International Airport' },
  HTS: { ...airport(13, 'Tri-State Airport', 'US', 38.37, -82.56), municipality: 'Huntington', foundAs: 'Tri-State Airport' },
};
const withAirports = {
  lookup: (name: string) => {
    const key = name.toLowerCase();
    return [...(KNOWN[key] ? [KNOWN[key]!] : []), ...(AIRPORTS[key] ? [AIRPORTS[key]!] : [])];
  },
  lookupCode: (code: string) => (CODES[code] ? [CODES[code]!] : []),
};

describe('airports the gazetteer knows', () => {
  it('takes the airport of the town a facility is named after, when that airport is near a town of the name', () => {
    expect(facilityLookupName('Kunduz Airfield', withAirports)).toEqual({ lookupName: 'Kunduz Airport', how: 'the airport of Kunduz' });
    // Kandahar Airport is in the United States: the airfield named after Kandahar, Afghanistan is placed at the town.
    expect(facilityLookupName('Kandahar Airfield', withAirports)).toEqual({ lookupName: 'Kandahar', how: 'placed at Kandahar, which it is named after' });
    expect(facilityLookupName('Nowhere Airfield', withAirports)).toBeNull();
  });

  it("takes the airport of the town the text puts a facility in, not of the town it is near", () => {
    const inKabul = 'Crowds gathered at Ahmad Shah Massoud Airport in Kabul on Monday.';
    const nearKabul = 'Jets left Ahmad Shah Massoud Airfield near Kabul on Monday.';
    for (const [text, name, lookupName, reason] of [
      [inKabul, 'Ahmad Shah Massoud Airport', 'Kabul Airport', 'an air facility ("Airport"), the airport of Kabul, where the text puts it'],
      [nearKabul, 'Ahmad Shah Massoud Airfield', 'Kabul', 'an air facility ("Airfield"), placed at Kabul, where the text puts it'],
    ] as const) {
      const suggestions = suggest(text, [[name, 'organisation'], ['Kabul', 'place']]);
      const pending = pendingOf(suggestions);
      placeAirFacilities(text, suggestions, pending, withAirports);
      expect(pending.find((p) => p.s.text === name)).toMatchObject({ lookupName, s: { type: 'place', reason } });
    }
  });

  it('links a code written alone when the article names the town its airport serves', () => {
    // The town in any case, and after a word that merely holds its name ("Kabulis").
    for (const [text, town] of [
      ['A cargo plane flew from KBL on Monday, officials in Kabul said.', 'Kabul'],
      ['Kabulis watched a cargo plane leave KBL. KABUL, Monday.', 'KABUL'],
    ] as const) {
      const suggestions = suggest(text, [['KBL', 'organisation'], [town, 'place']]);
      const pending = pendingOf(suggestions);
      placeAirFacilities(text, suggestions, pending, withAirports);
      expect(pending.find((p) => p.s.text === 'KBL')).toMatchObject({ lookupName: 'Kabul International Airport', s: { type: 'place', reason: 'the code of Kabul International Airport' } });
    }
  });

  it("leaves a code alone when the article does not name the airport's town, or when it is an organisation's name", () => {
    for (const [text, names] of [
      ['Flights from KBL resumed on Monday.', [['KBL', 'organisation']]],
      // The town's name only inside longer words.
      ['Flights from KBL resumed on Monday, Kabulis said.', [['KBL', 'organisation']]],
      // HTS is Huntington's airport in IATA's list, and Hayat Tahrir al-Sham in news from Syria.
      ['HTS fighters entered Huntington Street in Idlib.', [['HTS', 'organisation']]],
    ] as [string, [string, Suggestion['type']][]][]) {
      const suggestions = suggest(text, names);
      const pending: PendingPlace[] = [];
      placeAirFacilities(text, suggestions, pending, withAirports);
      expect(pending).toEqual([]);
      expect(suggestions[0]!.type).toBe('organisation');
    }
  });
});

describe('acronyms an article defines for a place', () => {
  it('tells an acronym of a name from one that is not', () => {
    expect(abbreviates('HKIA', 'Hamid Karzai International Airport')).toBe(true);
    expect(abbreviates('KAF', 'Kandahar Airfield')).toBe(true);
    expect(abbreviates('DRC', 'Democratic Republic of the Congo')).toBe(true);
    expect(abbreviates('UAE', 'United Arab Emirates')).toBe(true);
    // "KABUL, Afghanistan (AP)": a wire service's credit after a place is no name of it.
    expect(abbreviates('AP', 'Afghanistan')).toBe(false);
    expect(abbreviates('HKIA', 'Hamid Karzai International Airport Authority Services')).toBe(false);
    expect(abbreviates('IA', 'Kabul Airport')).toBe(false);
  });

  it('links every use of the acronym to the place it stands for', () => {
    const text = 'Crowds gathered at Hamid Karzai International Airport (HKIA) in Kabul. Flights left HKIA on Monday; HKIAX is no use of it.';
    const suggestions = suggest(text, [['Hamid Karzai International Airport', 'place'], ['HKIA', 'organisation'], ['Kabul', 'place']]);
    suggestions[0]!.places = [{ ...KNOWN.kabul!, score: 9 }];
    linkAcronyms(text, suggestions);
    const uses = suggestions.filter((s) => s.text === 'HKIA');
    expect(uses.map((s) => text.indexOf('HKIA', s.start) === s.start)).toEqual([true, true]);
    for (const s of uses) expect(s).toMatchObject({ type: 'place', places: [expect.objectContaining({ id: 2 })], reason: 'stands for “Hamid Karzai International Airport”, as the article says' });
    expect(suggestions).toHaveLength(4);
  });

  it('does not take a credit line for an acronym of the dateline', () => {
    const text = 'KABUL, Afghanistan (AP) — The AP reported fighting.';
    const suggestions = suggest(text, [['KABUL', 'place'], ['Afghanistan', 'place'], ['AP', 'organisation'], ['AP', 'organisation']]);
    linkAcronyms(text, suggestions);
    expect(suggestions.filter((s) => s.text === 'AP').map((s) => s.type)).toEqual(['organisation', 'organisation']);
  });
});
