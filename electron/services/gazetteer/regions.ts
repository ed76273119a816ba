import { readCreditedAsset } from './creditedAsset.js';

/**
 * Regions and physical features: the places news names that are neither towns nor admin areas
 * ("the Black Sea", "East Africa", "Darfur", "Sumatra"). Without them such a name was found but
 * never placed, or placed at a namesake town.
 */

/** A region's GeoNames feature code in the word the reader shows beside its name. */
export const NATURAL_WORD: Record<string, string> = {
  OCN: 'ocean', SEA: 'sea', GULF: 'gulf', BAY: 'bay', STRT: 'strait', SD: 'sound', CHN: 'channel', LGN: 'lagoon', FJD: 'fjord', INLT: 'inlet',
  RF: 'reef', STM: 'river', ISL: 'island', ISLS: 'islands', MTS: 'mountains', PLAT: 'plateau', DSRT: 'desert', PEN: 'peninsula',
  CAPE: 'cape', RGN: 'region', CST: 'coast', PLN: 'plain', DLTA: 'delta', BSN: 'basin', VAL: 'valley', LWLD: 'lowland', TUND: 'tundra',
  ISTH: 'isthmus', WTLD: 'wetlands', GRGE: 'gorge', HLLS: 'hills', LKS: 'lakes', DPR: 'depression', FLLS: 'waterfall',
  PCLH: 'former state', ADM1H: 'former province',
};

/** Ids of regions: past the seated districts', below the airports'. Stable for the same inputs (their order). */
export const REGION_ID_BASE = 1_200_000_000;

export interface PhysicalPlace {
  name: string;
  /** GeoNames' feature code of its class (SEA, ISL, MTS, RGN…). */
  feature: string;
  /** Natural Earth's scale rank: 0 the most prominent. */
  scalerank: number;
  lat: number;
  lon: number;
}

/**
 * How likely a feature is to be meant with no context, as the people of a town would say it
 * (priorScore reads the larger of population and prominence): an ocean or a major sea as a big
 * city, a small island as a village.
 */
export const prominenceOfRank = (scalerank: number): number => [5_000_000, 2_000_000, 1_000_000, 500_000, 200_000, 100_000, 50_000, 20_000][scalerank] ?? 10_000;

type PhysicalRow = [string, string, number, number, number];

/**
 * Natural Earth's named physical features (assets/gazetteer/physical-places.json, see
 * scripts/physicalPlaces.mjs), and apart from them its straits and bays drawn too narrow to be
 * among them at first (the Bosporus, the Bab el Mandeb), which the gazetteer numbers last.
 */
export function readPhysicalPlaces(): { places: PhysicalPlace[]; narrowWaters: PhysicalPlace[] } {
  const data = readCreditedAsset<{ places: PhysicalRow[]; narrowWaters: PhysicalRow[] }>('physical-places', 'The physical places', 'scripts/physicalPlaces.mjs');
  const of = ([name, feature, scalerank, lat, lon]: PhysicalRow): PhysicalPlace => ({ name, feature, scalerank, lat, lon });
  return { places: data.places.map(of), narrowWaters: data.narrowWaters.map(of) };
}

export interface River {
  name: string;
  /** Its other names in Natural Earth ("Dnipro" beside "Dnieper"). */
  others: string[];
  scalerank: number;
  lat: number;
  lon: number;
}

/** Natural Earth's named rivers (assets/gazetteer/rivers.json, see scripts/rivers.mjs). */
export function readRivers(): River[] {
  const data = readCreditedAsset<{ rivers: [string, string[], number, number, number][] }>('rivers', 'The rivers', 'scripts/rivers.mjs');
  return data.rivers.map(([name, others, scalerank, lat, lon]) => ({ name, others, scalerank, lat, lon }));
}

export interface DisputedArea {
  name: string;
  feature: string;
  scalerank: number;
  lat: number;
  lon: number;
  /** Other names news gives it ("Karabakh", "Diaoyu Islands"). */
  more: string[];
  /** Short forms in capitals ("TRNC"). */
  short: string[];
}

/** Disputed, breakaway and leased areas (assets/gazetteer/disputed-areas.json, see scripts/disputedAreas.mjs). */
export function readDisputedAreas(): DisputedArea[] {
  const data = readCreditedAsset<{ areas: [string, string, number, number, number, string[], string[]][] }>('disputed-areas', 'The disputed areas', 'scripts/disputedAreas.mjs');
  return data.areas.map(([name, feature, scalerank, lat, lon, more, short]) => ({ name, feature, scalerank, lat, lon, more, short }));
}

export interface Lake {
  name: string;
  others: string[];
  feature: string;
  scalerank: number;
  lat: number;
  lon: number;
}

/** Natural Earth's named lakes and reservoirs (assets/gazetteer/lakes.json, see scripts/lakes.mjs). */
export function readLakes(): Lake[] {
  const data = readCreditedAsset<{ lakes: [string, string[], string, number, number, number][] }>('lakes', 'The lakes', 'scripts/lakes.mjs');
  return data.lakes.map(([name, others, feature, scalerank, lat, lon]) => ({ name, others, feature, scalerank, lat, lon }));
}

/**
 * Straits, canals and passes that news names and that neither Natural Earth's seas nor GeoNames'
 * towns hold, each placed midway between the towns at its ends (GeoNames' points, chosen here by
 * name and country): the Strait of Hormuz between Khasab and Bandar Abbas, the Suez Canal between
 * Port Said and Suez. `scalerank` as Natural Earth's (0 the most prominent).
 */
export const PASSAGES: { name: string; feature: string; scalerank: number; towns: [string, string][]; more: string[] }[] = [
  { name: 'Strait of Hormuz', feature: 'STRT', scalerank: 1, towns: [['Khasab', 'OM'], ['Bandar Abbas', 'IR']], more: ['Straits of Hormuz', 'Hormuz Strait', 'Hormuz'] },
  { name: 'Suez Canal', feature: 'CNL', scalerank: 1, towns: [['Port Said', 'EG'], ['Suez', 'EG']], more: [] },
  { name: 'Panama Canal', feature: 'CNL', scalerank: 1, towns: [['Colón', 'PA'], ['Panamá', 'PA']], more: [] },
  { name: 'Dardanelles', feature: 'STRT', scalerank: 2, towns: [['Çanakkale', 'TR'], ['Gelibolu', 'TR']], more: ['Dardanelles Strait', 'Strait of the Dardanelles', 'Çanakkale Strait'] },
  { name: 'Kerch Strait', feature: 'STRT', scalerank: 3, towns: [['Kerch', 'UA'], ['Taman’', 'RU']], more: ['Strait of Kerch'] },
  // The pass climbs from Jamrud, which cities500 lacks, to its summit at Landi Kotal.
  { name: 'Khyber Pass', feature: 'PASS', scalerank: 3, towns: [['Landi Kotal', 'PK']], more: [] },
];

/**
 * Passages added at gazetteer 41, built last so that no id moves. The Strait of Tiran opens off
 * Sharm el-Sheikh; before, "Tiran" in its name was put at Tirana.
 */
export const LATER_PASSAGES: typeof PASSAGES = [{ name: 'Strait of Tiran', feature: 'STRT', scalerank: 3, towns: [['Sharm el-Sheikh', 'EG']], more: ['Straits of Tiran', 'Tiran Strait'] }];

/**
 * Rivers named alone in news ("fighting along the Euphrates") are the great ones; a minor river's bare
 * name is more often a word or a person's ("Fox", "Red", "Republican"), and a short one a surname
 * ("Xi", "Nu"). Only rivers of this scale rank or more prominent are named alone, never by a name
 * under five letters or by one of these, which are words, people's names or regions.
 */
const RIVER_NAMED_ALONE_RANK = 5;
const NOT_ALONE = new Set(
  ['Peace', 'Orange', 'Slave', 'Snake', 'Yellow', 'Weir', 'Grande', 'Negro', 'Madison', 'Darling', 'Nelson', 'Murray', 'Mackenzie', 'Fraser', 'Lena', 'Huang', 'Columbia', 'Magdalena', 'Shire', 'Teslin', 'Sprague', 'Holston', 'Klamath', 'Stikine', 'Thelon'],
);

/** A river's names in the gazetteer: "X River" and "River X" always, the bare name where it is meant alone and no place has it already. */
export function riverNames(r: River, taken: (name: string) => boolean): { main: string; more: string[] } {
  const names = [r.name, ...r.others];
  const alone = (n: string) => r.scalerank <= RIVER_NAMED_ALONE_RANK && n.length >= 5 && !NOT_ALONE.has(n) && !taken(n);
  const main = alone(r.name) ? r.name : `${r.name} River`;
  const more = [...names.filter(alone), ...names.flatMap((n) => [`${n} River`, `River ${n}`])].filter((n) => n !== main);
  return { main, more };
}

/** Natural Earth's spelling of a strait, and the one news mostly writes. */
const STRAIT_SPELLINGS: Record<string, string[]> = { Bosporus: ['Bosphorus', 'Bosporus Strait', 'Bosphorus Strait'], 'Bab el Mandeb': ['Bab al-Mandab', 'Bab el-Mandeb Strait'] };

/** More names for a feature: "the Mediterranean" for the Mediterranean Sea, "the North Pacific" for the North Pacific Ocean, as news writes them. */
export function physicalAliases(name: string): string[] {
  const bare = /^((?:(?:North|South) )?\p{Lu}\p{L}+(?:an|ic)) (?:Sea|Ocean)$/u.exec(name)?.[1];
  return [...(bare ? [bare] : []), ...(STRAIT_SPELLINGS[name] ?? [])];
}

/**
 * Oceans Natural Earth splits at the equator, whole again: "the Pacific" is both halves, at the
 * middle of their points.
 */
export function wholeOceans(features: PhysicalPlace[]): PhysicalPlace[] {
  const halves = new Map<string, PhysicalPlace[]>();
  for (const f of features) {
    const ocean = /^(?:North|South) (Atlantic|Pacific) Ocean$/.exec(f.name)?.[1];
    if (ocean) halves.set(ocean, [...(halves.get(ocean) ?? []), f]);
  }
  return [...halves].map(([ocean, parts]) => ({
    name: `${ocean} Ocean`,
    feature: 'OCN',
    scalerank: 0,
    lat: parts.reduce((s, p) => s + p.lat, 0) / parts.length,
    lon: parts.reduce((s, p) => s + p.lon, 0) / parts.length,
  }));
}

/**
 * The UN geoscheme's subregions as world-countries gives each country's, under the names news
 * uses for them ("East Africa" is the UN's "Eastern Africa"), and two groupings news names that
 * the scheme has not: the Middle East (the countries of the Arab world's east, Iran, Israel,
 * Turkey and Cyprus, as the term is used in news) and the Americas.
 */
export const SUBREGION_NAMES: Record<string, string[]> = {
  'Eastern Africa': ['East Africa', 'Eastern Africa'],
  'Middle Africa': ['Central Africa', 'Middle Africa'],
  'Northern Africa': ['North Africa', 'Northern Africa'],
  'Southern Africa': ['Southern Africa'],
  'Western Africa': ['West Africa', 'Western Africa'],
  'Central Asia': ['Central Asia'],
  'Eastern Asia': ['East Asia', 'Eastern Asia'],
  'South-Eastern Asia': ['Southeast Asia', 'South-East Asia', 'South East Asia', 'South-Eastern Asia'],
  'Southern Asia': ['South Asia', 'Southern Asia'],
  'Western Asia': ['Western Asia'],
  'Central Europe': ['Central Europe'],
  'Eastern Europe': ['Eastern Europe'],
  'Northern Europe': ['Northern Europe'],
  'Southern Europe': ['Southern Europe'],
  'Southeast Europe': ['Southeast Europe', 'South-East Europe', 'South-Eastern Europe', 'Balkans', 'the Balkans'],
  'Western Europe': ['Western Europe'],
  'Central America': ['Central America'],
  Caribbean: ['Caribbean', 'the Caribbean'],
  Melanesia: ['Melanesia'],
  Polynesia: ['Polynesia'],
};
export const MIDDLE_EAST = ['BH', 'CY', 'EG', 'IR', 'IQ', 'IL', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'AE', 'YE'];

/**
 * Regions news names by the countries they span (ISO codes), as the terms are used in news and no
 * source we ship defines them: the Middle East above, and these.
 */
export const COUNTRY_GROUPINGS: [string[], string[]][] = [
  [['Middle East', 'the Middle East'], MIDDLE_EAST],
  [['Maghreb', 'the Maghreb'], ['DZ', 'LY', 'MA', 'MR', 'TN', 'EH']],
  [['Horn of Africa', 'the Horn of Africa'], ['DJ', 'ER', 'ET', 'SO']],
  [['Levant', 'the Levant'], ['IL', 'JO', 'LB', 'PS', 'SY']],
  [['Caucasus', 'the Caucasus', 'South Caucasus', 'Transcaucasia'], ['AM', 'AZ', 'GE']],
  [['Western Balkans', 'the Western Balkans'], ['AL', 'BA', 'XK', 'ME', 'MK', 'RS']],
];

/**
 * Regions that span provinces of one or more countries, by the provinces' GeoNames admin1 codes:
 * disputed or self-governing lands analysts follow that no admin table names as one.
 */
export const PROVINCE_GROUPINGS: [string[], string[]][] = [
  // India's Jammu and Kashmir and Ladakh, Pakistan's Azad Kashmir and Gilgit-Baltistan.
  [['Kashmir'], ['IN.12', 'IN.41', 'PK.06', 'PK.07']],
  // The Kurdistan Region of Iraq: Erbil, Duhok and Sulaymaniyah.
  [['Kurdistan Region', 'Iraqi Kurdistan'], ['IQ.11', 'IQ.08', 'IQ.05']],
  // Donetsk and Luhansk oblasts.
  [['Donbas', 'Donbass'], ['UA.05', 'UA.14']],
];

/**
 * Regions news names by the provinces or districts that make them (GeoNames admin1 or admin2
 * codes), added at gazetteer 41 and built after every other region so that no id moves. Israel's
 * Northern District is the Galilee of news and its Southern District the Negev; Syria's Hasakah and
 * Raqqa provinces hold most of the Kurdish-led administration called Rojava; Pakistan's North and
 * South Waziristan districts make Waziristan. Before, each was read as a place and left off the map.
 */
export const AREA_REGIONS: { names: string[]; feature: string; areas: string[] }[] = [
  { names: ['Galilee', 'the Galilee'], feature: 'RGN', areas: ['IL.03'] },
  { names: ['Negev', 'the Negev', 'Negev Desert', 'Naqab'], feature: 'DSRT', areas: ['IL.01'] },
  { names: ['Rojava', 'North and East Syria'], feature: 'RGN', areas: ['SY.01', 'SY.04'] },
  { names: ['Waziristan'], feature: 'RGN', areas: ['PK.03.1168875', 'PK.03.1164536'] },
];

/**
 * Somalia's federal member states (gazetteer 43), which news names far more than the regions they
 * group ("Kismayo, the capital of Somalia's Jubaland state"), and which GeoNames' tables lack: each
 * is placed among the people of its regions. Puntland and Galmudug share Mudug; Puntland is given
 * Bari and Nugaal, Galmudug Galguduud and Mudug. Built after every other region so no id moves.
 */
export const LATER_AREA_REGIONS: typeof AREA_REGIONS = [
  { names: ['Jubaland', 'Jubbaland'], feature: 'RGN', areas: ['SO.06', 'SO.08', 'SO.09'] },
  { names: ['Puntland'], feature: 'RGN', areas: ['SO.03', 'SO.18'] },
  { names: ['Galmudug'], feature: 'RGN', areas: ['SO.05', 'SO.10'] },
  { names: ['Hirshabelle', 'HirShabelle'], feature: 'RGN', areas: ['SO.07', 'SO.13'] },
  { names: ['South West State', 'Southwest State'], feature: 'RGN', areas: ['SO.01', 'SO.04', 'SO.14'] },
];

/** Other names news gives a region named by its provinces: Egypt's North and South Sinai make the Sinai Peninsula. */
export const FAMILY_ALIASES: Record<string, string[]> = { Sinai: ['Sinai Peninsula'] };

/**
 * A region named by the provinces that divide it: Sudan's North, South, West, East and Central
 * Darfur make Darfur, Indonesia's West, Central and East Java make Java. Two or more provinces of
 * one country named "<direction> X" give X, unless X names an area already.
 */
const DIRECTION = /^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|Middle|North[- ]?East|North[- ]?West|South[- ]?East|South[- ]?West|Northeast|Northwest|Southeast|Southwest)(?:ern)?\s+(\p{Lu}.+)$/u;
const GENERIC = /^(?:District|River|Region|Province|Division|Area|Zone|Sector|Territory|Department|Governorate|Aimak|Cape|Islands?|Coast)$/i;
export function provinceFamilies(areas: { code: string; name: string; lat: number; lon: number; population: number }[]): { name: string; country: string; members: typeof areas }[] {
  const families = new Map<string, { name: string; country: string; members: typeof areas }>();
  for (const a of areas) {
    // "South Ethiopia Regional State" is a part of Ethiopia, not of an "Ethiopia Regional".
    const stem = DIRECTION.exec(a.name.replace(/\s+(?:Regional\s+)?(?:State|Province|Region|Governorate)$/, ''))?.[1];
    // Hong Kong's Central and Western District, the Gambia's Lower and Upper River: no region's name.
    if (!stem || GENERIC.test(stem)) continue;
    const country = a.code.split('.')[0]!;
    const key = `${country}|${stem}`;
    if (!families.has(key)) families.set(key, { name: stem, country, members: [] });
    families.get(key)!.members.push(a);
  }
  return [...families.values()].filter((f) => f.members.length >= 2);
}
