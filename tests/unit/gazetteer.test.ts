import { describe, expect, it } from 'vitest';
import { keepAlternate } from '../../electron/services/gazetteer/build.js';
import type { Place } from '../../electron/services/gazetteer/gazetteer.js';
import { nameKey } from '../../electron/services/gazetteer/normalise.js';
import { kindNamed, rankCandidates, resolveToponyms, type PlaceSource, type RankContext } from '../../electron/services/gazetteer/resolve.js';

const place = (p: Partial<Place> & Pick<Place, 'id' | 'name' | 'kind'>): Place => ({
  feature: p.kind === 'admin1' ? 'ADM1' : p.kind === 'country' ? 'PCLI' : 'PPL',
  country: null,
  admin1: null,
  admin1Name: null,
  lat: 0,
  lon: 0,
  population: 0,
  nameKind: 0,
  ...p,
});

const none: RankContext = { countries: new Map(), admin1s: new Map(), near: [], wants: null, containers: [] };

const lebanonCountry = place({ id: 1, name: 'Lebanon', kind: 'country', country: 'LB', lat: 33.8, lon: 35.8, population: 4_000_000 });
const lebanonOhio = place({ id: 2, name: 'Lebanon', kind: 'city', country: 'US', admin1: 'US.OH', admin1Name: 'Ohio', lat: 39.4, lon: -84.2, population: 20_000, feature: 'PPLA2' });
const ohio = place({ id: 3, name: 'Ohio', kind: 'admin1', country: 'US', admin1: 'US.OH', admin1Name: 'Ohio', lat: 40.3, lon: -82.7, population: 9_000_000 });
const kunduzCity = place({ id: 4, name: 'Kunduz', kind: 'city', country: 'AF', admin1: 'AF.24', lat: 36.73, lon: 68.86, population: 161_902, feature: 'PPLA' });
const kunduzProvince = place({ id: 5, name: 'Kunduz', kind: 'admin1', country: 'AF', admin1: 'AF.24', lat: 36.86, lon: 68.95, population: 275_899 });
const georgiaState = place({ id: 8, name: 'Georgia', kind: 'admin1', country: 'US', admin1: 'US.GA', lat: 32.9, lon: -83.3, population: 4_718_281 });
const georgiaCountry = place({ id: 9, name: 'Georgia', kind: 'country', country: 'GE', lat: 42, lon: 43.5, population: 2_425_399 });

describe('alternate names kept in the gazetteer', () => {
  const areas = new Map([[nameKey('Nebraska'), new Set(['US.NE'])], [nameKey('New York'), new Set(['US.NY'])]]);
  it('drops an area\'s name on a town outside that area, short names and romanised keys', () => {
    expect(keepAlternate('Nebraska', 'US', 'US.VA', areas)).toBe(false);
    expect(keepAlternate('Kan', 'CN', 'CN.03', areas)).toBe(false);
    expect(keepAlternate('kun dou shi', 'AF', 'AF.24', areas)).toBe(false);
    expect(keepAlternate('Кундуз', 'AF', 'AF.24', areas)).toBe(false);
  });
  it('keeps written variants, and an area\'s name on a town inside it', () => {
    expect(keepAlternate('Konduz', 'AF', 'AF.24', areas)).toBe(true);
    expect(keepAlternate('New York', 'US', 'US.NY', areas)).toBe(true);
  });
});

describe('the kind of place the text names', () => {
  const around = (text: string, name: string) => kindNamed(text, text.indexOf(name), text.indexOf(name) + name.length);
  it('reads province, district, city and country words on either side', () => {
    expect(around('fighting in Kunduz province', 'Kunduz')).toBe('admin1');
    expect(around('the province of Kunduz', 'Kunduz')).toBe('admin1');
    expect(around('the Kunduz provincial capital', 'Kunduz')).toBe('city');
    expect(around('in Dasht-e Archi district', 'Dasht-e Archi')).toBe('district');
    expect(around('the city of Kunduz', 'Kunduz')).toBe('city');
    expect(around('the country of Georgia', 'Georgia')).toBe('country');
    expect(around('Kunduz fell on Sunday', 'Kunduz')).toBeNull();
  });
});

describe('ranking candidates', () => {
  it('ranks a country above a town of its name by size alone, with no fixed bonus', () => {
    expect(rankCandidates([lebanonOhio, lebanonCountry], none)[0]!.id).toBe(lebanonCountry.id);
  });

  it('lets the article\'s country and admin area outweigh size between places of a size', () => {
    const england = place({ id: 10, name: 'Birmingham', kind: 'city', country: 'GB', admin1: 'GB.ENG', lat: 52.48, lon: -1.89, population: 1_144_919 });
    const alabama = place({ id: 11, name: 'Birmingham', kind: 'city', country: 'US', admin1: 'US.AL', lat: 33.52, lon: -86.8, population: 212_461 });
    expect(rankCandidates([england, alabama], none)[0]!.id).toBe(england.id);
    expect(rankCandidates([england, alabama], { ...none, countries: new Map([['US', 2]]), admin1s: new Map([['US.AL', 1]]) })[0]!.id).toBe(alabama.id);
  });

  it('keeps a country above a small town of its name by the article\'s countries and areas alone, not where the text ties them', () => {
    const ohioArticle = { ...none, countries: new Map([['US', 2]]), admin1s: new Map([['US.OH', 1]]) };
    expect(rankCandidates([lebanonOhio, lebanonCountry], ohioArticle).map((p) => p.id)).toEqual([lebanonCountry.id, lebanonOhio.id]);
    expect(rankCandidates([lebanonOhio, lebanonCountry], { ...ohioArticle, tied: new Set([lebanonOhio.id]) })[0]!.id).toBe(lebanonOhio.id);
  });

  it('places a town by the area written after it', () => {
    expect(rankCandidates([lebanonOhio, lebanonCountry], { ...none, containers: [[ohio]] })[0]!.id).toBe(lebanonOhio.id);
  });

  it('takes a name shared by a seat and its area for the seat, unless the text says province', () => {
    expect(rankCandidates([kunduzProvince, kunduzCity], none)[0]!.id).toBe(kunduzCity.id);
    expect(rankCandidates([kunduzProvince, kunduzCity], { ...none, wants: 'admin1' })[0]!.id).toBe(kunduzProvince.id);
  });

  it('trusts a place\'s own name over an alternate one', () => {
    const town = place({ id: 6, name: 'Appomattox', kind: 'city', country: 'US', population: 1_759, nameKind: 1 });
    const state = place({ id: 7, name: 'Nebraska', kind: 'admin1', country: 'US', admin1: 'US.NE', population: 1_464_931 });
    expect(rankCandidates([town, state], none)[0]!.id).toBe(state.id);
  });
});

describe('resolving an article', () => {
  const all = [lebanonCountry, lebanonOhio, ohio, kunduzCity, kunduzProvince, georgiaState, georgiaCountry];
  const source: PlaceSource = {
    lookup: (name) => all.filter((p) => nameKey(p.name) === nameKey(name)),
    countryByName: new Map([['lebanon', 'LB']]),
    demonyms: new Map([['georgian', 'GE'], ['american', 'US']]),
  };
  const mentionsOf = (text: string, names: string[]) => {
    let from = 0;
    return names.map((name) => {
      const start = text.indexOf(name, from);
      from = start + name.length;
      return { start, end: start + name.length, text: name };
    });
  };

  it('gives the same answer whatever order the mentions come in', () => {
    const text = 'LEBANON, Ohio — A fire in Lebanon destroyed two barns, Ohio officials said.';
    const mentions = mentionsOf(text, ['LEBANON', 'Ohio', 'Lebanon', 'Ohio']);
    const forward = resolveToponyms(text, mentions, source).map((r) => r[0]!.id);
    const backward = resolveToponyms(text, [...mentions].reverse(), source).map((r) => r[0]!.id).reverse();
    expect(forward).toEqual([lebanonOhio.id, ohio.id, lebanonOhio.id, ohio.id]);
    expect(backward).toEqual(forward);
  });

  it('takes a demonym as evidence of its country', () => {
    const american = 'American voters said Georgia would decide the race.';
    expect(resolveToponyms(american, mentionsOf(american, ['Georgia']), source)[0]![0]!.id).toBe(georgiaState.id);
    const georgian = 'Georgian officials said Georgia would not give up its claim.';
    expect(resolveToponyms(georgian, mentionsOf(georgian, ['Georgia']), source)[0]![0]!.id).toBe(georgiaCountry.id);
  });

  it('resolves the same name twice in one article by what each mention says', () => {
    const text = 'Fighting spread across Kunduz province. In Kunduz, shops were shut.';
    const [province, city] = resolveToponyms(text, mentionsOf(text, ['Kunduz', 'Kunduz']), source);
    expect(province![0]!.id).toBe(kunduzProvince.id);
    expect(city![0]!.id).toBe(kunduzCity.id);
  });
});
