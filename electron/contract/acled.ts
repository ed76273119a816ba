import { z } from 'zod';

/**
 * ACLED's codebook, as far as coding needs it: event types and sub-types in the codebook's order,
 * actor types (inter codes), and the rules that derive disorder type and interaction.
 */
export const EVENT_TYPES = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export type SubEventType = (typeof EVENT_TYPES)[EventType][number];
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];
export const SUB_EVENT_TYPES = Object.values(EVENT_TYPES).flat() as SubEventType[];

export function eventTypeOf(sub: SubEventType): EventType {
  return EVENT_TYPE_NAMES.find((t) => (EVENT_TYPES[t] as readonly string[]).includes(sub))!;
}

/** ACLED inter codes: the kind of actor. */
export const ACTOR_TYPES = {
  1: 'State forces',
  2: 'Rebel group',
  3: 'Political militia',
  4: 'Identity militia',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
} as const;
export type ActorType = keyof typeof ACTOR_TYPES;
export const ACTOR_TYPE_CODES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export function disorderTypeOf(sub: SubEventType): string {
  const type = eventTypeOf(sub);
  if (sub === 'Excessive force against protesters' || sub === 'Mob violence') return 'Political violence; Demonstrations';
  if (type === 'Protests' || type === 'Riots') return 'Demonstrations';
  if (type === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

/** Interaction: the two inter codes, lower first ("12", "17"); one-sided events are "<code>0". */
export function interactionOf(actor1: ActorType | null, actor2: ActorType | null): number | null {
  if (actor1 === null) return null;
  if (actor2 === null) return actor1 * 10;
  return Math.min(actor1, actor2) * 10 + Math.max(actor1, actor2);
}

/** Types where ACLED codes an event with no second actor. */
export const ONE_SIDED_ALLOWED: readonly EventType[] = ['Explosions/Remote violence', 'Protests', 'Riots', 'Strategic developments'];

/** Time precision: 1 the exact day, 2 within a week, 3 within a month. */
export const TIME_PRECISION = { 1: 'exact day', 2: 'within a week', 3: 'within a month' } as const;
/** Geo precision: 1 the place itself, 2 near it or part of a region, 3 a larger region. */
export const GEO_PRECISION = { 1: 'the place itself', 2: 'near it / part of a region', 3: 'a larger region' } as const;

export const SOURCE_SCALES = ['Local', 'Subnational', 'National', 'Regional', 'International', 'Other', 'New media', 'Local partner'] as const;

/**
 * A source scale as ACLED writes it: one scale, or several joined by hyphens when the sources of
 * an event differ in reach ("Subnational-National", "New media-National"). Canonical spelling, or
 * null when a part is none of ACLED's scales.
 */
export function readSourceScale(value: string): string | null {
  const parts = value.split('-').map((p) => p.trim().toLowerCase());
  const names = parts.map((p) => SOURCE_SCALES.find((s) => s.toLowerCase() === p));
  return parts.length && names.every(Boolean) ? names.join('-') : null;
}

/** A source scale the contract accepts: one of ACLED's, or a compound of them. */
export const SourceScale = z.string().refine((v) => readSourceScale(v) === v, { message: 'Use ACLED’s source scales, joined by "-" when several (Subnational-National).' });

/**
 * Actor types as the current ACLED data writes them in inter1/inter2 (text since 2024; the
 * numbers are the older form, still given on request). Spelling from ACLED's own R package
 * (acledR, acled_transform_interaction).
 */
export const ACLED_INTER_LABELS: Record<ActorType, string> = {
  1: 'State Forces',
  2: 'Rebel Groups',
  3: 'Political Militias',
  4: 'Identity Militias',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other Forces',
};

/** The interaction as text: the two types, lower code first ("State Forces-Rebel Groups"), or "Sole …" for one actor. */
export function interactionLabel(actor1: ActorType | null, actor2: ActorType | null): string {
  if (actor1 === null) return '';
  if (actor2 === null) return actor1 === 8 ? 'Sole Others' : `Sole ${ACLED_INTER_LABELS[actor1]}`;
  const [a, b] = actor1 <= actor2 ? [actor1, actor2] : [actor2, actor1];
  return `${ACLED_INTER_LABELS[a]}-${ACLED_INTER_LABELS[b]}`;
}

/** Names files use for each type beyond our labels: ACLED's older wording and common spellings (keys as `interKey` makes them). */
const INTER_SYNONYMS: Record<string, ActorType> = {
  'state force': 1, 'government and state security service': 1, 'government': 1,
  'rebel force': 2, 'rebel': 2,
  'militia group': 3, 'militia': 3,
  'communal identity group': 4, 'communal militia': 4, 'identity group': 4, 'ethnic militia': 4,
  'rioter': 5, 'protester': 6, 'protestor': 6, 'civilian': 7,
  'external force': 8, 'other force': 8, 'external force other force': 8, 'foreign other': 8, 'other': 8, 'external other': 8,
};

/** "Rebel Groups", "rebel group", "REBEL GROUP" alike: lower case, punctuation as spaces, each word singular. */
const interKey = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => w.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, ''))
    .join(' ');

/** Reads an inter code written as a number ("2") or as a name in any case, singular or plural ("Rebel Groups", "rebel group"). */
export function readActorType(value: string): ActorType | null {
  const text = value.trim();
  if (/^[1-8]$/.test(text)) return Number(text) as ActorType;
  const key = interKey(text);
  if (!key) return null;
  for (const code of ACTOR_TYPE_CODES) {
    if (interKey(ACTOR_TYPES[code]) === key || interKey(ACLED_INTER_LABELS[code]) === key) return code;
  }
  return INTER_SYNONYMS[key] ?? null;
}

/**
 * ACLED's regions (not the UN's subregions), by ISO 3166 alpha-3 code, from ACLED's own country
 * table (acledR, acled_countries). Afghanistan is in Caucasus and Central Asia there.
 */
const ACLED_REGION_MEMBERS: Record<string, string> = {
  'Western Africa': 'BEN BFA CIV CPV GHA GIN GMB GNB LBR MLI MRT NER NGA SEN SLE TGO',
  'Middle Africa': 'AGO CAF CMR COD COG GAB GNQ STP TCD',
  'Eastern Africa': 'BDI COM DJI ERI ETH IOT KEN MDG MOZ MUS MWI MYT REU RWA SOM SSD SYC TZA UGA',
  'Southern Africa': 'BWA LSO NAM SHN SWZ ZAF ZMB ZWE',
  'Northern Africa': 'DZA EGY LBY MAR SDN TUN',
  'South Asia': 'BGD BTN IND LKA MDV NPL PAK',
  'Southeast Asia': 'BRN IDN KHM LAO MMR MYS PHL SGP THA TLS VNM',
  'Middle East': 'ARE BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR YEM',
  Europe:
    'ALB AND AUT BEL BGR BIH BLR CHE CYP CZE DEU DNK ESP EST FIN FRA FRO GBR GGY GIB GRC GRL HRV HUN IMN IRL ISL ITA JEY LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU RUS SMR SRB SVK SVN SWE UKR UNK VAT',
  'Caucasus and Central Asia': 'AFG ARM AZE GEO KAZ KGZ TJK TKM UZB',
  'Central America': 'BLZ CRI GTM HND NIC PAN SLV',
  'South America': 'ARG BOL BRA CHL COL ECU FLK GUF GUY PER PRY SGS SUR URY VEN',
  Caribbean: 'ABW AIA ATG BES BHS BLM BRB CUB CUW CYM DMA DOM GLP GRD HTI JAM KNA LCA MAF MSR MTQ PRI SXM TCA TTO VCT VGB VIR',
  'East Asia': 'CHN JPN KOR MNG PRK TWN',
  'North America': 'BMU CAN MEX SPM USA',
  Oceania: 'ASM AUS CCK COK CXR FJI FSM GUM HMD KIR MHL MNP NCL NFK NIU NRU NZL PCN PLW PNG PYF SLB TKL TON TUV UMI VUT WLF WSM',
  Antarctica: 'ATA',
};
const REGION_OF = new Map(Object.entries(ACLED_REGION_MEMBERS).flatMap(([region, codes]) => codes.split(' ').map((c) => [c, region] as const)));
export const acledRegionOf = (iso3: string | null): string | null => (iso3 ? (REGION_OF.get(iso3) ?? null) : null);

/** ACLED's country names where they differ from the common English name (ACLED's country table), by alpha-3 code. */
export const ACLED_COUNTRY_NAMES: Record<string, string> = {
  GGY: 'Bailiwick of Guernsey', JEY: 'Bailiwick of Jersey', CUW: 'Curacao', CZE: 'Czech Republic', COD: 'Democratic Republic of Congo',
  TLS: 'East Timor', SWZ: 'eSwatini', PCN: 'Pitcairn', COG: 'Republic of Congo', REU: 'Reunion', BLM: 'Saint-Barthelemy',
  MAF: 'Saint-Martin', STP: 'Sao Tome and Principe', SGS: 'South Georgia and the South Sandwich Islands', TUR: 'Turkey', VIR: 'Virgin Islands, U.S.',
};

/** One colour and letter per event type, on the map view and in reports alike. */
export const EVENT_STYLE: Record<string, { colour: string; letter: string }> = {
  Battles: { colour: '#b91c1c', letter: 'B' },
  'Explosions/Remote violence': { colour: '#7c2d12', letter: 'E' },
  'Violence against civilians': { colour: '#6d28d9', letter: 'V' },
  Protests: { colour: '#0369a1', letter: 'P' },
  Riots: { colour: '#a16207', letter: 'R' },
  'Strategic developments': { colour: '#475569', letter: 'S' },
};
