import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitReason } from '../../electron/contract/index.js';
import { gazetteerFile } from '../../electron/paths.js';
import { extractEntities } from '../../electron/services/entities/extract.js';
import { namesModel } from '../../electron/services/entities/tagger/index.js';
import { adminAreasOf } from '../../electron/services/gazetteer/adminAreas.js';
import { distanceKm } from '../../electron/services/gazetteer/build.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { resolveToponyms } from '../../electron/services/gazetteer/resolve.js';
import { fixtures, repoRoot, testCore } from './helpers.js';

/**
 * Places issue 13 found unlinked at extraction: "Dawlat Abad" (the gazetteer writes Dowlatabad),
 * "Bagram Airfield" and "Hamid Karzai International Airport (HKIA)" (the gazetteer had no airports).
 */
const EVACUATION =
  'Evacuation flights resume\n\nKABUL, Afghanistan — Evacuation flights resumed on Monday at Hamid Karzai International Airport (HKIA) in Kabul, officials said. ' +
  'Crowds gathered at the gates of HKIA overnight, and troops at Bagram Airfield, north of the capital, were put on alert.';
/** Made up: a town and the airfield named after it, an airport by a keyword and by its code, and an airfield OurAirports calls an airport. */
const CURFEW =
  'Curfew in Bagram\n\nCHARIKAR, Afghanistan — Shops in Bagram stayed shut on Tuesday after rockets hit Bagram Airfield overnight, police said. ' +
  "A cargo plane that left Kabul's Hamid Karzai International Airport landed at Bagram Air Base an hour later; another flew from KBL to Kunduz Airfield.";

/** Made up, after the Helmand and Paktika reporting of 2009–2014: small airfields OurAirports' medium and large airports lack. */
const AIRFIELDS =
  'Bases handed over\n\nLASHKAR GAH, Afghanistan — British troops left Camp Bastion on Sunday, and US Marines flew out of Camp Dwyer, officials said. ' +
  'In the east, rockets struck FOB Salerno and Sharana Airstrip, while Afghan pilots trained at Shindand Air Base.';

const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
const t = testCore();
const { call } = t;
const articles: Record<string, number> = {};

beforeAll(async () => {
  const sources: [string, { kind: 'paths'; paths: string[] } | { kind: 'text'; text: string }][] = [
    ['sample', { kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] }],
    ['commandos', { kind: 'paths', paths: [path.join(fixtures, 'neardup', 'different-maimana-commandos.txt')] }],
    ['evacuation', { kind: 'text', text: EVACUATION }],
    ['curfew', { kind: 'text', text: CURFEW }],
    ['airfields', { kind: 'text', text: AIRFIELDS }],
  ];
  for (const [name, source] of sources) {
    const report = await t.core.imports.importNow(source);
    articles[name] = report.outcomes[0]!.articleId!;
  }
  await call('mentions.suggest', { articleIds: Object.values(articles) });
}, 90_000);
afterAll(() => {
  t.core.close();
  gazetteer.close();
});

/** Why a suggestion was made, without the note of the model that made it. */
const why = (m: { reason: string | null } | undefined) => (m?.reason ? splitReason(m.reason).why : null);
const mentionsOf = async (article: string, quote: string) => (await call('mentions.list', { articleId: articles[article]! })).filter((m) => m.quote === quote);

describe('names written with their words apart or together', () => {
  it('finds Dowlatabad for "Dawlat Abad" and Lashkar Gah for "Lashkargah", as variants', () => {
    expect(gazetteer.lookup('Dawlat Abad')).toEqual([]);
    const dawlat = gazetteer.lookupJoined('Dawlat Abad');
    expect(dawlat.map((p) => `${p.name}, ${p.admin1Name}, ${p.country}`)).toEqual(expect.arrayContaining(['Dowlatābād, Faryab, AF', 'Dowlatābād, Balkh, AF']));
    expect(dawlat.every((p) => p.nameKind === 1)).toBe(true);
    expect(gazetteer.lookupJoined('Lashkargah').map((p) => p.name)).toContain('Lashkar Gāh');
    // Too short to say: "Al Bu" is no "Albu".
    expect(gazetteer.lookupJoined('Al Bu')).toEqual([]);
  });

  it("finds Dowlatabad district, not only its seat, by the seat's other spellings", () => {
    for (const name of ['Dawlatabad', 'Daulatabad']) {
      expect(gazetteer.lookup(name).filter((p) => p.kind === 'admin2').map((p) => `${p.name}, ${p.admin1Name}`), name).toEqual(expect.arrayContaining(['Dowlatābād, Faryab', 'Dowlatābād, Balkh']));
    }
    const text = 'Taliban fighters overran Dawlat Abad district of Faryab province on Sunday.';
    const at = (name: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, text: name });
    const [dawlat] = resolveToponyms(text, [at('Dawlat Abad'), { ...at('Faryab'), wantsAdminArea: true }], gazetteer);
    expect(dawlat![0]).toMatchObject({ name: 'Dowlatābād', kind: 'admin2', admin1Name: 'Faryab' });
  });

  it('links "Dawlat Abad" in an article about Faryab to the Dowlatabad of Faryab', async () => {
    const [dawlat] = await mentionsOf('commandos', 'Dawlat Abad');
    expect(dawlat).toMatchObject({ type: 'place' });
    expect(dawlat!.place?.label).toBe('Dowlatābād, Faryab, AF');
  });

  it('holds a district no town of cities500 is placed in, at the town of its name in its province, and gives that town the district', () => {
    // GeoNames left Jawhar and Afrin without their district's code, so the districts had no places and no point.
    const district = (name: string) => gazetteer.lookup(name).filter((p) => p.kind === 'admin2');
    const [jowhar] = district('Jowhar');
    expect(jowhar).toMatchObject({ name: 'Jowhar', admin1Name: 'Middle Shabele', country: 'SO', population: 0 });
    const [town] = gazetteer.lookup('Jawhar').filter((p) => p.kind === 'city' && p.country === 'SO');
    expect(town).toMatchObject({ admin2: jowhar!.admin2 });
    expect(distanceKm(town!, jowhar!)).toBeLessThan(1);
    // So an event coded at the town exports its district in ACLED's admin2 column.
    expect(adminAreasOf(gazetteer, town!)).toEqual({ admin1: 'Middle Shabele', admin2: 'Jowhar' });
    expect(district('Jawhar').map((p) => p.id)).toEqual([jowhar!.id]);
    expect(district('Afrin District')).toEqual([expect.objectContaining({ admin1Name: 'Aleppo', country: 'SY' })]);
    // Named as a district, it is the district; named alone, the town.
    const text = 'Al-Shabaab fighters attacked a base in Jowhar district, north of Mogadishu. In Jowhar itself shops stayed open.';
    const at = (name: string, from = 0) => ({ start: text.indexOf(name, from), end: text.indexOf(name, from) + name.length, text: name });
    const [first, , second] = resolveToponyms(text, [at('Jowhar'), at('Mogadishu'), at('Jowhar', text.indexOf('In Jowhar'))], gazetteer);
    expect(first![0]).toMatchObject({ name: 'Jowhar', kind: 'admin2' });
    expect(second![0]).toMatchObject({ name: 'Jawhar', kind: 'city' });
  });

  it('finds Dowlatabad when the analyst types "Dawlat Abad" in the gazetteer search', async () => {
    const found = await call('places.search', { text: 'Dawlat Abad', articleId: articles.commandos! });
    expect(found.filter((p) => p.kind !== 'custom').slice(0, 2).map((p) => `${p.name}, ${p.country}`)).toEqual(['Dowlatābād, AF', 'Dowlatābād, AF']);
  });
});

describe("the gazetteer's airports (OurAirports)", () => {
  it("finds an airport by its name, its keywords and as its town's airport, never by the town's name", () => {
    const [oaix] = gazetteer.lookup('Bagram Airfield');
    expect(oaix).toMatchObject({ name: 'Bagram Airfield', kind: 'city', feature: 'AIRB', country: 'AF', admin1Name: 'Parwan', population: 0, prominence: 100 });
    expect(gazetteer.lookup('Bagram Air Base').map((p) => p.id)).toEqual([oaix!.id]);
    expect(gazetteer.lookup('Hamid Karzai International Airport').map((p) => p.name)).toEqual(['Kabul International Airport']);
    expect(gazetteer.lookup('Kunduz Airport').map((p) => [p.name, p.feature])).toEqual([['Kunduz Airport', 'AIRP']]);
    // "Bagram" is the district, "Maimana" the town, "Kabul" the capital: no airport among them.
    for (const town of ['Bagram', 'Maimana', 'Kabul', 'Kunduz', 'Konduz']) expect(gazetteer.lookup(town).filter((p) => p.id >= 2_000_000_000), town).toEqual([]);
    expect(gazetteer.rank('Kabul', { countries: new Set(['AF']), near: [], wantsAdminArea: false })[0]).toMatchObject({ name: 'Kabul', feature: 'PPLC' });
  });

  it('finds an airport by its code only when it is written as one, and never by a code that spells a word', () => {
    expect(gazetteer.lookupCode('KBL').map((p) => [p.name, p.municipality])).toEqual([['Kabul International Airport', 'Kabul']]);
    expect(gazetteer.lookupCode('OAKB').map((p) => p.name)).toEqual(['Kabul International Airport']);
    expect(gazetteer.lookupCode('Kbl')).toEqual([]);
    expect(gazetteer.lookup('KBL')).toEqual([]);
    // Guangzhou is CAN and Teresina THE in IATA's list; "its", "the" and "can" are words.
    for (const word of ['CAN', 'THE', 'ITS', 'CIA']) expect(gazetteer.lookupCode(word), word).toEqual([]);
    for (const word of ['the', 'its', 'can', 'The', 'Can']) expect(gazetteer.lookup(word).filter((p) => p.feature === 'AIRP' || p.feature === 'AIRB'), word).toEqual([]);
    // The picker finds an airport by its code typed in either case.
    expect(gazetteer.search('kbl', 3)[0]).toMatchObject({ name: 'Kabul International Airport' });
  });

  it("keeps every older place's id, so workspaces linked before the airports came keep their links", () => {
    // The ids gazetteer version 7 gave them (all 228,688 older places were checked alike when version 8
    // was made, and all 233,898 of version 8 when version 10 added districts placed at their seat).
    expect(gazetteer.lookup('Kabul').filter((p) => p.kind === 'admin1').map((p) => p.id)).toEqual([1_000_000_031]);
    expect(gazetteer.lookup('Bagram').map((p) => p.id)).toEqual([1_000_004_214]);
    expect(gazetteer.lookup('Afghanistan').filter((p) => p.kind === 'country').map((p) => p.id)).toEqual([1_000_003_709]);
    // Version 19 gave towns the admin codes of GeoNames' current tables (Norway's and Vietnam's reforms):
    // every id of version 18 that is still given names the same place (all 246,868 were checked), the
    // areas new to it take ids of their own, and an area whose towns all moved away stays where it was.
    expect(gazetteer.lookup('Kowloon City').filter((p) => p.kind === 'admin1').map((p) => p.id)).toEqual([1_000_001_144]);
    expect(gazetteer.lookup('Hwange District').filter((p) => p.kind === 'admin2').map((p) => p.id)).toEqual([1_000_029_119]);
    expect(gazetteer.lookup('Jutland').filter((p) => p.kind === 'region').map((p) => p.id)).toEqual([1_200_000_456]);
    expect(gazetteer.lookup('Darfur').filter((p) => p.kind === 'region').map((p) => p.id)).toEqual([1_200_001_349]);
  });

  it("puts no airport among the basemap's town names", () => {
    expect(gazetteer.basemapLabels().cities.some(([name]) => /Airport|Airfield/.test(String(name)))).toBe(false);
  });
});

describe('air facilities and the acronyms an article gives places', () => {
  it('links Bagram Airfield to its own record in the sample and in another article', async () => {
    for (const article of ['sample', 'evacuation']) {
      const [airfield] = await mentionsOf(article, 'Bagram Airfield');
      expect(airfield).toMatchObject({ type: 'place' });
      expect(why(airfield)).toBe('an air facility ("Airfield"), in the gazetteer');
      expect(airfield!.place?.label).toBe('Bagram Airfield, Parwan, AF');
    }
  });

  it("links Hamid Karzai International Airport to Kabul's airport by its other name, and HKIA with it", async () => {
    const [airport] = await mentionsOf('evacuation', 'Hamid Karzai International Airport');
    expect(airport).toMatchObject({ type: 'place' });
    expect(why(airport)).toBe('an air facility ("Airport"), in the gazetteer');
    expect(airport!.place?.label).toBe('Kabul International Airport, Kabul, AF');
    const [kabul] = await mentionsOf('evacuation', 'Kabul');
    expect(kabul!.entityId).not.toBe(airport!.entityId);
    const hkia = await mentionsOf('evacuation', 'HKIA');
    expect(hkia).toHaveLength(2);
    for (const m of hkia) {
      expect(m).toMatchObject({ type: 'place', entityId: airport!.entityId });
      expect(why(m)).toBe('stands for “Hamid Karzai International Airport”, as the article says');
    }
  });

  it('gives the town and the airfield named after it two entities and two map spots', async () => {
    const town = await mentionsOf('curfew', 'Bagram');
    const [airfield] = await mentionsOf('curfew', 'Bagram Airfield');
    const [airBase] = await mentionsOf('curfew', 'Bagram Air Base');
    expect(town.length).toBeGreaterThanOrEqual(1);
    for (const m of town) expect(m.place?.label).toBe('Bagrām, Parwan, AF');
    expect(airfield!.place?.label).toBe('Bagram Airfield, Parwan, AF');
    expect(airBase!.entityId).toBe(airfield!.entityId);
    expect(town[0]!.entityId).not.toBe(airfield!.entityId);
    const [a, b] = await Promise.all([call('entities.get', { id: town[0]!.entityId! }), call('entities.get', { id: airfield!.entityId! })]);
    // The district's point (the middle of its places) and OurAirports' point for the runway.
    expect(distanceKm({ lat: a.lat!, lon: a.lon! }, { lat: b.lat!, lon: b.lon! })).toBeCloseTo(3.3, 0);
    expect(b).toMatchObject({ name: 'Bagram Airfield', geonamesId: null });
  });

  it('links an airport written as its code, and an airfield to the airport of the town it is named after', async () => {
    const [kbl] = await mentionsOf('curfew', 'KBL');
    const [hkia] = await mentionsOf('curfew', 'Hamid Karzai International Airport');
    expect(kbl).toMatchObject({ type: 'place', entityId: hkia!.entityId });
    expect(why(kbl)).toBe('the code of Kabul International Airport');
    const [kunduz] = await mentionsOf('curfew', 'Kunduz Airfield');
    expect(why(kunduz)).toBe('an air facility ("Airfield"), the airport of Kunduz');
    expect(kunduz!.place?.label).toBe('Kunduz Airport, Kunduz, AF');
  });

  it('places an air facility the analyst marks by hand as the extractor would: at the place it is named after', async () => {
    const report = await t.core.imports.importNow({ kind: 'text', text: 'Jets grounded\n\nNo jets took off from Kunar Air Base on Tuesday, a pilot said.' });
    const articleId = report.outcomes[0]!.articleId!;
    const body = (await call('articles.get', { id: articleId })).body;
    const start = body.indexOf('Kunar Air Base');
    const made = await call('mentions.annotate', { articleId, start, end: start + 'Kunar Air Base'.length, type: 'place', scope: 'this' });
    const mention = (await call('mentions.list', { articleId })).find((m) => m.id === made.id)!;
    expect(mention.candidates[0]).toMatchObject({ name: 'Kunar', kind: 'admin1', country: 'AF' });
    expect(mention.place?.label).toMatch(/^Kunar, AF$/);
  });

  it('links small airfields and the names news gives them (Camp Bastion, FOB Salerno, Shindand Air Base)', async () => {
    const labels: Record<string, string | null | undefined> = {};
    for (const quote of ['Camp Bastion', 'Camp Dwyer', 'FOB Salerno', 'Sharana Airstrip', 'Shindand Air Base']) {
      const [m] = await mentionsOf('airfields', quote);
      expect(m, quote).toMatchObject({ type: 'place' });
      labels[quote] = m!.place?.label;
    }
    expect(labels).toEqual({
      'Camp Bastion': 'Camp Bastion, Helmand, AF',
      'Camp Dwyer': 'Dwyer Airport, Helmand, AF',
      'FOB Salerno': 'Salerno Air Base, Khowst, AF',
      'Sharana Airstrip': 'Sharana Airstrip, Paktika, AF',
      // OurAirports calls it Sabzwar Air Base; news and Wikipedia, Shindand Air Base.
      'Shindand Air Base': 'Sabzwar Air Base, Herat, AF',
    });
  });
});

describe('names ending in a place word (island, dam, airport)', () => {
  it('links a name the gazetteer holds whole, and leaves a facility it does not hold for the analyst to place', () => {
    const text = 'Bird flu was found in the eastern province of Prince Edward Island and in Rhode Island. Engineers at Kajaki Dam said the turbines were safe.';
    const found = extractEntities(text, { gazetteer, registry: new Map(), published: null, namesModel: namesModel()! });
    const placesOf = (name: string) => found.find((s) => s.text === name)?.places?.map((p) => `${p.name} ${p.kind} ${p.country}`);
    expect(placesOf('Prince Edward Island')?.[0]).toBe('Prince Edward Island admin1 CA');
    expect(placesOf('Rhode Island')?.[0]).toBe('Rhode Island admin1 US');
    // Kajaki is a district; its dam is not a town of the same name.
    expect(found.filter((s) => s.text.includes('Kajaki')).flatMap((s) => s.places ?? [])).toEqual([]);
  });
});
