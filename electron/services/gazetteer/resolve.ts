import { distanceKm } from './build.js';
import type { Place, RankedPlace } from './gazetteer.js';
import { nameKey, spellingSkeleton } from './normalise.js';

/** The kind of place the text names: "Kunduz province", "the city of Kunduz", "the country of Georgia". */
/**
 * The kind of place the text names. 'area': "the X region", which is a province where one is
 * called X ("the Kurdistan region", "the Tigray region") and otherwise the land around the town X
 * ("the Houston region"), never a county named X elsewhere.
 */
export type WantedKind = 'admin1' | 'area' | 'city' | 'district' | 'country' | 'container' | 'river' | null;

/** What the rest of the article says about where one name is. */
export interface RankContext {
  /** Country code → how many other names (and demonyms) in the article point there. */
  countries: Map<string, number>;
  /** Admin1 code → how many other names in the article lie in (or are) that area. */
  admin1s: Map<string, number>;
  /** Where the article's other places are. */
  near: { lat: number; lon: number }[];
  wants: WantedKind;
  /** Candidates of the names written right after this one: "Lebanon, Ohio", "Taliqan, Takhar". */
  containers: Place[][];
  /** Candidates of the name written right before this one, when this one is its container. */
  contained?: Place[][];
  /** Towns of this name that the text ties to their area elsewhere ("Lebanon, Ohio" before a bare "Lebanon"). */
  tied?: Set<number>;
  /** The name opens the article as its dateline, with no area written after it ("WASHINGTON —"). */
  bareDateline?: boolean;
  /** The keys of every place name the article writes: a place it writes by its own name elsewhere is not meant by a variant here. */
  written?: Set<string>;
  /** Country code → how many other mentions (every repetition) the article has there: breaks a tie of `countries`. */
  countryMentions?: Map<string, number>;
  /** Countries named outright (or by demonym) within NEAR characters of a mention of the name. */
  countriesNear?: ReadonlySet<string>;
}

/** A river of this prominence (Natural Earth's scale rank 4, the Tigris) or more is no minor one. */
const MAJOR_RIVER = 200_000;

/** How near a country must be named to vouch for a place found only by its spelling skeleton. */
const NEAR = 250;

/** The countries of `named` (in the order of the text) written within NEAR characters of `at`. */
function countriesWithin(named: readonly { at: number; country: string }[], at: number): Set<string> {
  let lo = 0;
  let hi = named.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (named[mid]!.at < at - NEAR) lo = mid + 1;
    else hi = mid;
  }
  const out = new Set<string>();
  for (let k = lo; k < named.length && named[k]!.at <= at + NEAR; k++) out.add(named[k]!.country);
  return out;
}

/** What resolution needs from the gazetteer (the extractor's view of it satisfies this). */
export interface PlaceSource {
  lookup(name: string): Place[];
  /** Places of the name with its words run together or split apart, for a name `lookup` misses. */
  lookupJoined?(name: string): Place[];
  /** Large places whose name has the same spelling skeleton, for a name neither finds ("Hodeidah"). */
  lookupSkeleton?(name: string): Place[];
  countryByName: Map<string, string>;
  demonyms: Map<string, string>;
}

/** A place name in an article, as the extractor found it. */
export interface ToponymMention {
  start: number;
  end: number;
  text: string;
  /** The name to look up when it differs from the text ("U.S." → "United States"). */
  lookupName?: string;
  /** The extractor saw a province word ("Helmand Province" trimmed to "Helmand"). */
  wantsAdminArea?: boolean;
}

/** Places whose nearness counts as evidence, at most: enough for any article, linear for a list. */
const MAX_ANCHORS = 100;

const FEATURE_WEIGHT: Record<string, number> = { PPLC: 2.5, PPLA: 1.5, PPLA2: 0.8, PPLA3: 0.4, PPLA4: 0.2, PPLG: 1 };

/**
 * How likely a place is to be meant with no context at all: its size (admin areas and countries
 * carry the population of their places; an airport its prominence), its standing (a capital, a seat), and whether the name is
 * its own or only a variant of it.
 */
export function priorScore(p: Place): number {
  let score = 0.9 * Math.log10(Math.max(p.population, p.prominence ?? 0) + 1) + (FEATURE_WEIGHT[p.feature ?? ''] ?? 0);
  score += p.nameKind === 1 ? 0 : p.nameKind === 2 ? 0.5 : 1.5;
  // cities500 undercounts countries (villages under 500 people are missing, most of all in poor
  // ones): news names a country far more often than a town of the same name; so with continents.
  if (p.kind === 'country' || p.kind === 'continent') score += 1.5;
  return score;
}

const contains = (area: Place, p: Place) =>
  area.id !== p.id &&
  ((area.kind === 'admin1' && !!area.admin1 && p.admin1 === area.admin1) ||
    (area.kind === 'admin2' && !!area.admin2 && p.kind === 'city' && p.admin2 === area.admin2) ||
    (area.kind === 'country' && p.country === area.country && p.kind !== 'country'));

/** A town of the same name is the seat or a big part of this area: "Kunduz", "New York", "Norfolk". */
const isNamedAfterTown = (area: Place, candidates: Place[]) =>
  candidates.some(
    (c) =>
      c.kind === 'city' &&
      contains(area, c) &&
      (c.feature === 'PPLC' || c.feature === 'PPLA' || (area.kind === 'admin2' && c.feature === 'PPLA2') || c.population >= 0.05 * area.population),
  );

/**
 * Scores every candidate of one name: the prior, then what the article says. Scores are additive,
 * so a candidate's score can be explained term by term; the one exception is a small town kept just
 * below a well-known place of its name (keepTownsBelowWellKnown).
 */
export function rankCandidates(candidates: Place[], context: RankContext): RankedPlace[] {
  const distinguished =
    candidates.some((q) => (q.nameKind ?? 0) >= 1 && context.written?.has(nameKey(q.name))) &&
    candidates.some((q) => (q.nameKind ?? 0) === 0 && (q.kind === 'country' || q.kind === 'admin1'));
  const scored = candidates.map((p) => {
    let score = priorScore(p);
    const countrySupport = p.country ? (context.countries.get(p.country) ?? 0) : 0;
    // A country's support is weak evidence (news names foreign places all the time): enough to
    // choose between two areas of a size, not to take a small town over a country.
    if (countrySupport > 0) score += 1.2 + 0.4 * Math.min(countrySupport, 4);
    const adminSupport = p.admin1 ? (context.admin1s.get(p.admin1) ?? 0) : 0;
    if (adminSupport > 0) score += 1 + 0.5 * Math.min(adminSupport, 3);
    if (p.kind !== 'country' && p.kind !== 'continent' && context.near.length) {
      let d = Infinity;
      // Nearer than the first step counts the same however near: no need to measure the rest.
      for (const q of context.near) if ((d = Math.min(d, distanceKm(p, q))) < 25) break;
      score += d < 25 ? 2.5 : d < 100 ? 2 : d < 300 ? 1.2 : d < 1000 ? 0.4 : 0;
    }
    // A province a reform merged away ("Kon Tum province", "Nyanza Province") is one all the same.
    const province = p.kind === 'admin1' || p.feature === 'ADM1H';
    switch (context.wants) {
      case 'admin1':
        // Provinces are admin2 in some countries (the Philippines), so those count too.
        score += province ? 5 : p.kind === 'admin2' ? 3 : p.kind === 'city' ? -1.5 : -1;
        break;
      case 'area':
        score += province ? 5 : p.kind === 'admin2' || p.kind === 'city' ? 0 : -1;
        break;
      case 'city':
        score += p.kind === 'city' ? 1.5 : -3;
        break;
      case 'district':
        score += p.kind === 'admin2' ? 5 : p.kind === 'city' ? 0.5 : -3;
        break;
      case 'country':
        score += p.kind === 'country' ? 5 : -2;
        break;
      case 'container':
        score += p.kind === 'city' ? -1.5 : 0;
        break;
    }
    if (inNamedArea(p, context)) score += 6;
    // A dateline without its state or country is a city every reader knows: "WASHINGTON —" is
    // not Washington, Tyne and Wear, however British the story.
    if (context.bareDateline && p.kind === 'city' && isWellKnown(p)) score += 5;
    if (holdsNamedPlace(p, context)) score += 4;
    // "Mexico" is also a name of Mexico City; an article that writes "Mexico City" as well means the
    // country by the short one, as "New York" beside "New York City" is the state, and not New York
    // County either: no place the short name is only a variant of. Only where the short name is a
    // country's or province's own: "Juarez" beside "Ciudad Juarez" is still the city.
    if ((p.nameKind ?? 0) >= 1 && distinguished) score -= 4;
    // An area named like its own seat ("Kunduz", "New York") is the seat unless the text says
    // province or state: news names the town far more often than the area around it.
    if ((p.kind === 'admin1' || p.kind === 'admin2') && context.wants !== 'admin1' && context.wants !== 'area' && context.wants !== 'district' && isNamedAfterTown(p, candidates)) score -= 3;
    return { ...p, score };
  });
  keepTownsBelowWellKnown(scored, context);
  return scored.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** How near one of the article's places must be for a city to be meant rather than a country of its name. */
const NEAR_ENOUGH = 300;
const nearAny = (p: Place, near: readonly { lat: number; lon: number }[], km: number) => near.some((q) => distanceKm(p, q) < km);

/**
 * A town of under 100,000 people that is no capital or seat. Frankfurt (Oder), 57,000 people, lies
 * 80 km from Berlin: with the bar at 50,000, an article that named Berlin took "Frankfurt" for it
 * rather than Frankfurt am Main.
 */
const isSmallTown = (p: Place) => p.kind === 'city' && p.population < 100_000 && (FEATURE_WEIGHT[p.feature ?? ''] ?? 0) < 1;

/** What news means by a name unless it says otherwise: a country, a province or state, a capital, a city of half a million, a major sea or region. */
const isWellKnown = (p: Place) =>
  p.kind === 'continent' || p.kind === 'country' || p.kind === 'admin1' || (p.kind === 'city' && (p.feature === 'PPLC' || p.population >= 500_000)) || (p.kind === 'region' && sizeOf(p) >= 1_000_000);
/** A place's people, or for a feature no one lives in (a sea, a range), its prominence in the same measure. */
const sizeOf = (p: Place) => Math.max(p.population, p.prominence ?? 0);

/**
 * A small town ranks below a well-known place of its name (a country, a province, a capital, a
 * city of half a million) that it does not lie in and that has more people, unless the text ties
 * the name to the town ("Lebanon, Ohio", "the town of Poland"). The article's countries and
 * nearness choose between places of a size; added up in an article full of American places, they
 * took Poland, Norway and Canada for villages in the US or Mexico, Cairo for a town in Illinois and
 * Paris for one in Ontario. The town stays in the list, second, where the analyst can pick it.
 */
function keepTownsBelowWellKnown(scored: RankedPlace[], context: RankContext): void {
  if (context.wants === 'city') return;
  const known = scored.filter(isWellKnown);
  if (known.length === 0) return;
  const aCountrysName = known.some((a) => a.kind === 'country');
  for (const town of scored) {
    // A seat of that size too, where only a variant of its name is written: "Frankfurt" is also a
    // spelling of Frankfort, Kentucky's capital (28,000 people), which an American article took for it.
    // And a city of any size but a capital, where a country has the name and none of the article's
    // places is near: "In Jamaica, Prime Minister Andrew Holness…" in a Texan story took Jamaica,
    // Queens (216,000 people) on the article's country alone. "Armenia" beside Pereira stays the city.
    const cityNamedAsACountry = aCountrysName && town.kind === 'city' && town.feature !== 'PPLC' && !nearAny(town, context.near, NEAR_ENOUGH);
    if (!isSmallTown(town) && !(town.kind === 'city' && town.population < 50_000 && (town.nameKind ?? 0) >= 1) && !cityNamedAsACountry) continue;
    if (context.tied?.has(town.id) || inNamedArea(town, context)) continue;
    const above = known.filter((a) => sizeOf(a) > town.population && !contains(a, town)).map((a) => a.score);
    if (above.length > 0 && town.score >= Math.max(...above)) town.score = Math.max(...above) - 0.01;
  }
}

/**
 * A reading that rests on the spelling alone: a small town that only one of its alternate names
 * calls so. "Kashmir" is such a name of Cashmere, Washington (3,159 people), and "Sinai" of a hamlet
 * in Mexico; news that writes them means the region. Towns of some size, seats and capitals, and
 * every town called so by its own name keep their reading.
 */
const restsOnAVariant = (p: Place) => p.kind === 'city' && (p.nameKind ?? 0) >= 1 && p.population < 20_000 && (FEATURE_WEIGHT[p.feature ?? ''] ?? 0) < 1;

/**
 * Whether the article places this town for the reader: its province named, a place of the article
 * near it, a "Town, Province" pair, or its country the one the article names most. A country named
 * in passing is not enough: an article on Kashmir that names the United States once does not put
 * Kashmir in Washington State; one on Iraq puts "Tal Afar" in Iraq.
 */
function isTheArticlesCountry(code: string, countries: Map<string, number>, mentions: Map<string, number> | undefined): boolean {
  const mine = countries.get(code)!;
  const tied: string[] = [];
  for (const [other, n] of countries) {
    if (other === code) continue;
    if (n > mine) return false;
    if (n === mine) tied.push(other);
  }
  // Each name counts once, so an article naming a dozen countries once each ties them all: there
  // the countries named most often count, and one named once in passing does not.
  if (!tied.length) return true;
  const often = mentions?.get(code) ?? 0;
  return tied.every((other) => (mentions?.get(other) ?? 0) <= often);
}

function supported(p: Place, context: RankContext): boolean {
  if (p.admin1 && context.admin1s.has(p.admin1)) return true;
  if (p.country && context.countries.has(p.country) && isTheArticlesCountry(p.country, context.countries, context.countryMentions)) return true;
  if (p.country && context.countriesNear?.has(p.country)) return true;
  if (context.near.some((q) => distanceKm(p, q) < 300)) return true;
  return inNamedArea(p, context) || holdsNamedPlace(p, context);
}

/** The text writes this place with an area that holds it ("Lebanon, Ohio"; "Kunduz province, Afghanistan"). */
const inNamedArea = (p: Place, context: RankContext) => context.containers.some((areas) => areas.some((a) => contains(a, p)));

/** The text writes this area after a place inside it (the "Ohio" of "Lebanon, Ohio"). */
const holdsNamedPlace = (p: Place, context: RankContext) => !!context.contained?.some((inside) => inside.some((q) => contains(p, q)));

/**
 * The article is about one country (it holds most of what the article's places say about their
 * countries), the place lies outside it, and nothing in the article puts it there: "West Midlands"
 * looked up as "Midlands" is Zimbabwe's province, in an article on England. A list of places in many
 * countries (a biography, a tour) has no such country.
 */
function elsewhere(p: Place, context: RankContext): boolean {
  if (p.kind === 'country' || !p.country || context.countries.size === 0 || supported(p, context)) return false;
  const total = [...context.countries.values()].reduce((a, b) => a + b, 0);
  const [leading, most] = [...context.countries].reduce((a, b) => (b[1] > a[1] ? b : a));
  return most > 0.6 * total && leading !== p.country;
}

/**
 * A small town far from every other place of the article: "Delmas" in a Haitian article is the
 * Port-au-Prince commune cities500 lacks, not the South African town of that name 13,000 km away.
 * A neighbour's town ("talks in Murree" in an Afghan article) is near enough to stay.
 */
function farSmallTown(p: Place, context: RankContext): boolean {
  // A minor river too: Natural Earth's only Litani is in Suriname, not Lebanon's.
  const minor = (p.kind === 'city' && p.population < 100_000) || (p.feature === 'STM' && (p.prominence ?? 0) < MAJOR_RIVER);
  if (!minor || context.near.length === 0) return false;
  return context.near.every((q) => distanceKm(p, q) > 2_000);
}

/** More names of a list after this one, and the plural noun that closes it. */
const LIST_OF_KIND = /^(?:(?:,|,?[ \t]+(?:and|&))[ \t]+\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*)?){1,6}[ \t]+(provinces|governorates|states|oblasts|prefectures|districts|counties|regions)\b/u;

/**
 * "Khost province", "Uruzgan province", "Sar-e Pul province": the text calls it a province, but the
 * name finds only the province's capital or district, the province being the gazetteer's under
 * another spelling (GeoNames' Khowst, Orūzgān, Sar-e Pol Province). The province a found place lies
 * in is meant where its name is spelled nearly alike: the same consonants of the spelling skeleton
 * but for one. Not "Lashkar Gah province": Helmand is named otherwise.
 */
function provincesSpelledAlike(name: string, found: readonly Place[], source: PlaceSource): Place[] {
  const skeleton = consonantsOf(name);
  if (skeleton.length < 3) return [];
  const out = new Map<number, Place>();
  for (const p of found) {
    if ((p.kind !== 'city' && p.kind !== 'admin2') || (p.nameKind ?? 0) !== 0 || !p.admin1 || !p.admin1Name) continue;
    if (!withinOneLetter(skeleton, consonantsOf(p.admin1Name.replace(AREA_KIND_LAST, '')))) continue;
    for (const q of source.lookup(p.admin1Name)) if (q.kind === 'admin1' && q.admin1 === p.admin1) out.set(q.id, q);
  }
  return [...out.values()];
}

const AREA_KIND_LAST = /\s+(?:Province|Governorate|Region|Oblast|State|Prefecture|District|County|Department)$/iu;
/** A name's spelling skeleton without its vowels: "Khost" and GeoNames' "Khowst" differ by a w. */
const consonantsOf = (name: string) => (spellingSkeleton(nameKey(name)) ?? '').replace(/[aeiouy]/g, '');

/** The same letters but for one left out, added or changed. */
function withinOneLetter(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tail = (x: string, y: string) => x.slice(i + 1) === y.slice(i + (a.length === b.length ? 1 : 0));
  return a.length >= b.length ? tail(a, b) : tail(b, a);
}

/** The kind of place the words around a name call it. */
export function kindNamed(text: string, start: number, end: number): WantedKind {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  if (/^[ \t]+provincial[ \t]+capital\b/i.test(after)) return 'city';
  // The plural closes a list and names the kind of its last name too ("the Kharkiv and Sumy regions").
  if (/^[ \t]+(?:provinces?|provincial|governorates?|oblasts?|prefectures?|state)\b/i.test(after)) return 'admin1';
  if (/^[ \t]+regions?\b/i.test(after)) return 'area';
  // "New York Governor Andrew Cuomo", "the Helmand governor", "Kharkiv regional Gov. Oleh Syniehubov": governors
  // govern states and provinces, and so do a region's administration and council.
  if (/^(?:['’]s)?[ \t]+(?:governor\b|gubernatorial\b|gov\.|regional[ \t]+(?:governor\b|gov\.|administration\b|council\b|military[ \t]+administration\b))/i.test(after)) return 'area';
  if (/^[ \t]+(?:districts?|municipality)\b/i.test(after)) return 'district';
  // Counties are provinces in Kenya and Liberia ("Lamu County") and second-order areas in the US and
  // Ireland, whose names GeoNames writes with the word ("Orange County", "County Kerry"): a name looked
  // up without it is seldom one of those, and an area asks for the province where there is one.
  if (/^[ \t]+(?:county|counties)\b/i.test(after)) return 'area';
  if (/^[ \t]+(?:city|town|village)\b/i.test(after)) return 'city';
  // "the Dnipro river", "the Litani river": news writes a river's kind in lower case after its name,
  // or says it by what is done to a river ("crossed the Dnipro", "the Dnipro's left bank").
  if (/^[ \t]+river\b/i.test(after) || /^['’]s[ \t]+(?:(?:east|west|north|south|left|right)(?:ern)?[ \t]+)?banks?\b/i.test(after)) return 'river';
  if (/\b(?:cross(?:ed|es|ing)?|banks?[ \t]+of)[ \t]+the[ \t]+$/i.test(before)) return 'river';
  // "Kunduz and Takhar provinces", "Baghlan, Kunduz and Takhar provinces": the noun after a list names the kind of each.
  const listed = LIST_OF_KIND.exec(text.slice(end, end + 160))?.[1]?.toLowerCase();
  if (listed) return listed === 'regions' || listed === 'counties' ? 'area' : listed === 'districts' ? 'district' : 'admin1';
  if (/\b(?:province|state|governorate|region|oblast|prefecture)[ \t]+of[ \t]+(?:the[ \t]+)?$/i.test(before)) return 'admin1';
  // "the Southern District of New York": a federal court's district, part of the state it names (courtDistricts.ts).
  if (/\b(?:Northern|Southern|Eastern|Western|Central|Middle)[ \t]+District[ \t]+of[ \t]+$/.test(before)) return 'admin1';
  if (/\b(?:district|county)[ \t]+of[ \t]+$/i.test(before)) return 'district';
  if (/\b(?:city|town|village|outskirts|suburbs)[ \t]+of[ \t]+$/i.test(before)) return 'city';
  if (/\b(?:country|nation|republic|kingdom)[ \t]+of[ \t]+$/i.test(before)) return 'country';
  // "close to the border with Niger": a border is most often a country's, whatever state shares the name.
  if (/\bborders?[ \t]+with[ \t]+(?:the[ \t]+)?$/i.test(before)) return 'country';
  return null;
}

/**
 * Oceans, seas and the world's regions as news names them. Places share their names: "America" is a
 * town in the Netherlands, "Siberia" and "Patagonia" villages, "the Balkan" a province of
 * Turkmenistan, and "Central Asia" or "West Africa" would be looked up as those, or as their
 * continent, once the compass word is set aside. Such a name is only ever the gazetteer's region of
 * that name (Natural Earth's seas and regions, the UN's subregions; see regions.ts), and where it has
 * none it stays a place with no point on the map. The seven continents are GeoNames records of their
 * own ("Africa" is the continent, not the village in Mexico); "America" is not one of them (news
 * means the US).
 */
const WORLD_REGIONS = new Set(
  [
    'north africa', 'east africa', 'west africa', 'southern africa', 'central africa', 'sub saharan africa', 'horn of africa', 'maghreb',
    'america', 'americas', 'latin america', 'central america', 'caribbean',
    'central asia', 'south asia', 'southeast asia', 'east asia', 'west asia', 'asia pacific', 'middle east', 'near east', 'far east', 'levant', 'arabia', 'arabian peninsula', 'caucasus',
    'eastern europe', 'western europe', 'balkans', 'scandinavia', 'eurasia',
    'australasia', 'arctic', 'antarctic', 'siberia', 'patagonia', 'andes', 'sahara', 'iberia', 'mesopotamia', 'baltic', 'baltics', 'balkan',
    'atlantic', 'pacific', 'indian ocean', 'mediterranean', 'persian gulf', 'arabian gulf', 'north sea', 'caspian', 'earth',
  ].map(nameKey),
);

/**
 * A compass point alone ("the West", "the North", "the Gulf") names a side of the world or of a
 * country in news ("North and South Korea" is read as North Korea before, entities/elidedPlaces.ts), not Cameroon's West region, a town in Texas, Gulf
 * County, Florida or Israel's Central District: it is placed
 * only where the text calls it a region, province or district ("the North province").
 */
const COMPASS_ALONE = new Set(['north', 'south', 'east', 'west', 'central', 'midwest', 'mideast', 'gulf']);

const DIRECTION = /^(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?|central|upper|lower|greater|the)\s+/i;

/** A building named by the town it stands in; airports and air bases are the gazetteer's own. */
const FACILITY_OF_TOWN =
  /^(\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?) (?:City Hall|Town Hall|(?:General |Civil |Military |Provincial |Regional |Teaching )?Hospital|University|Stadium|(?:Railway |Train |Bus |Police )?Station|(?:Central )?Prison|Jail|Courthouse|Cathedral|Grand Mosque|Central Mosque)$/u;

/**
 * A valley, corridor or gap named by one or two words: "Panjshir Valley", "Kurram Valley"; "the
 * Lachin corridor", "the Wakhan Corridor", "the Suwalki Gap".
 */
const NAMED_BY_ITS_PLACE = /^(\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?) (Valley|[Cc]orridor|Gap)$/u;

/**
 * The name to look up: "eastern Jakarta" is looked up as "Jakarta" when the whole is no place. A
 * variant counts there only for a country, a province or a town of some size ("north Galway", whose
 * own name in GeoNames is Gaillimh): "Greater Sahara" is no village in Yemen that GeoNames also spells
 * "Sahara", and "the North-West Frontier" no county of 2,700 people in Nebraska. A part of a
 * continent ("West Africa", "western Europe") is a region of its own, neither the continent's point
 * nor a village that shares its name: it keeps its compass word.
 */
function placeName(name: string, source: PlaceSource): string {
  if (!source.lookup(name).length) {
    const variant = spellingVariant(name);
    if (variant && source.lookup(variant).some((p) => p.kind === 'country' || p.kind === 'admin1' || p.kind === 'admin2')) return variant;
    // A building the gazetteer lacks, named by its town ("Seoul City Hall", "Kandahar University"):
    // it lies in the town, which is where the map can put it. Only a town of some size or an area:
    // "Tahrir Square" is no village called Tahrir.
    const town = FACILITY_OF_TOWN.exec(name)?.[1];
    if (town && source.lookup(town).some((p) => (p.kind === 'city' && p.population >= 20_000 && (p.nameKind ?? 0) === 0) || p.kind === 'admin1' || p.kind === 'admin2')) return town;
    // A valley the gazetteer lacks, named as the province or district it makes ("the Panjshir Valley",
    // "the Swat Valley", "the Bekaa Valley"): that area is where the map can put it. Not a country's
    // valley ("the Jordan Valley" is no point of Jordan's) nor a town's. A corridor or gap is named
    // by the district or the town it runs from or past ("the Lachin corridor", "the Suwalki Gap").
    const [, area, kind] = NAMED_BY_ITS_PLACE.exec(name) ?? [];
    const areas = area ? source.lookup(area) : [];
    const standsFor = (p: Place) => (p.kind === 'admin1' || p.kind === 'admin2' || (kind !== 'Valley' && p.kind === 'city')) && (p.nameKind ?? 0) <= 1;
    if (areas.some(standsFor) && !isCountryName(areas)) return area!;
  }
  // "south Sudan", "northern Kenya": a compass word in lower case is a part of the place after it,
  // even where the whole is another place's name (South Sudan).
  const part = /^\p{Ll}/u.test(name) && !/^the\s/i.test(name);
  if (!DIRECTION.test(name) || (!part && source.lookup(name).length)) return name;
  const bare = name.replace(DIRECTION, '');
  const stands = (p: Place) => (p.nameKind ?? 0) === 0 || p.kind === 'country' || p.kind === 'admin1' || p.kind === 'region' || p.population >= 20_000;
  const found = bare ? source.lookup(bare) : [];
  return found.some(stands) && !found.some((p) => p.kind === 'continent') ? bare : name;
}

/**
 * Spellings of a country or an admin area that news and GeoNames write differently: "Republic of
 * Congo" (GeoNames: "Republic of the Congo"), "North Darfur" ("Northern Darfur"), "Southern
 * Kordofan" ("South Kordofan").
 */
function spellingVariant(name: string): string | null {
  const of = /^(Republic|Kingdom|Federation|Commonwealth|Union|Islamic Republic|Democratic Republic|People's Republic) of (?!the )(.+)$/i.exec(name);
  if (of) return `${of[1]} of the ${of[2]}`;
  const compass = /^(North|South|East|West)(ern)? (\p{Lu}.*)$/u.exec(name);
  if (compass) return `${compass[1]}${compass[2] ? '' : 'ern'} ${compass[3]}`;
  return null;
}

/**
 * What stands between a place and the area it lies in: "Lebanon, Ohio", "Taliqan, Takhar";
 * "Austin, in Scott County"; "Dawlat Abad district of Faryab", "Chahar Dara district in Kunduz".
 */
const IN_THE_NEXT = /^(?:,[ \t]?(?:in[ \t]+)?|[ \t]+(?:district|county|city|town|village)(?:,[ \t]?|[ \t]+(?:of|in)[ \t]+))$/i;

/** "the village of Moura in the Mopti region", "Sake in North Kivu province": a place, then the province the text puts it in. */
const IN_A_PROVINCE = /^[ \t]+in[ \t]+(?:the[ \t]+)?$/i;

/**
 * The candidates of a place the text puts in a province none of them lies in ("the village of Moura in
 * the Mopti region": Moura in Portugal or Queensland, the gazetteer lacking Mali's) that lie in that
 * province's country: the others the text rules out, and no place is better than a wrong one on the
 * map. One of the province's country whose recorded province differs (a reform moved it) stays.
 */
function inTheCountriesOf(candidates: Place[], provinces: Place[]): Place[] {
  const countries = new Set(provinces.filter((q) => q.kind === 'admin1' && (q.nameKind ?? 0) === 0 && q.country).map((q) => q.country));
  return countries.size ? candidates.filter((p) => countries.has(p.country)) : candidates;
}

const isCountryName = (candidates: Place[]) => candidates.some((p) => p.kind === 'country');

/** A province this large is what "the" and its name mean, though a river shares it ("the Mississippi"). */
const LARGE_PROVINCE = 1_000_000;

/** "the " right before a name. */
const THE_BEFORE = /(?:^|[^\p{L}])[Tt]he[ \t]+$/u;
/** The features of seas and their arms, which news names with "the". */
const OPEN_WATER = new Set(['SEA', 'GULF', 'BAY', 'STRT', 'OCN', 'SD', 'CHN', 'LGN']);
const isOpenWater = (p: Place) => p.kind === 'region' && OPEN_WATER.has(p.feature ?? '') && (p.nameKind ?? 0) === 0;

/** What joins the names of a list: "Utah, Virginia", "West Virginia and Wyoming", "Ohio or Texas". */
const LIST_JOIN = /^(?:,[ \t]?(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$/;

/** The countries in which a name is a first-order area's own name. */
const areaCountries = (candidates: Place[]) => new Set(candidates.filter((p) => p.kind === 'admin1' && (p.nameKind ?? 0) === 0).map((p) => p.country!));

/** Both names are first-order areas of one country by their own names ("Washington", "West Virginia"). */
function sameCountryAreas(a: Place[], b: Place[]): boolean {
  const inB = areaCountries(b);
  return [...areaCountries(a)].some((c) => inB.has(c));
}

/** What follows a dateline's place: its country or state, a date, the agency, then a dash; or a date alone ending the line. */
const DATELINE_AFTER_PLACE =
  /^(?:[ \t]+\d{4}-\d{2}-\d{2}[ \t]*(?:\n|$)|(?:,[ \t]*[\p{L}. ]{2,40})?(?:,?[ \t]+\p{Lu}\p{Ll}{2,8}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:[—–]|--?[ \t]|:[ \t]))/u;

/**
 * A dateline opens the article: "KABUL, Afghanistan (Reuters) — ", "WASHINGTON — ", "KABUL, Aug. 5
 * (Reuters) - ", and the wire archives' line of its own, "LONDON 1996-08-30".
 */
export function isDateline(text: string, m: { start: number; end: number }): boolean {
  if (m.start > 300) return false;
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  if (text.slice(lineStart, m.start).trim() !== '') return false;
  return DATELINE_AFTER_PLACE.test(text.slice(m.end, m.end + 80));
}

/**
 * Resolves every place name of one article together: each name's candidates are ranked with what
 * the article says (its dateline, its other places and their countries and admin areas, demonyms,
 * "City, State" pairs, the kind of place named). The result depends on this article and the
 * gazetteer only, never on what other articles said, so it does not depend on import order.
 * Returns each mention's candidates, best first. Some names get none, and are left unplaced for the
 * analyst to place from the gazetteer's search rather than put on another continent: a world region
 * (WORLD_REGIONS), a compass point alone (COMPASS_ALONE), and a name whose best reading rests on an
 * alternate spelling of a small town that nothing else in the article supports.
 */
export function resolveToponyms(text: string, mentions: ToponymMention[], source: PlaceSource): RankedPlace[][] {
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start);
  const names = mentions.map((m) => placeName(m.lookupName ?? m.text, source));
  const keyOf = names.map((n) => nameKey(n));
  const wants: WantedKind[] = mentions.map((m) => kindNamed(text, m.start, m.end) ?? (m.wantsAdminArea ? 'admin1' : null));
  // A name looked up without its compass word ("West Midlands" as "Midlands") is doubtful unless the article supports it.
  // Only a capitalised compass word: it is part of a name the gazetteer lacks, where "western Baghdad" is a part of Baghdad.
  const stripped = names.map((n, i) => {
    const written = mentions[i]!.lookupName ?? mentions[i]!.text;
    return n !== written && written.toLowerCase().endsWith(n.toLowerCase()) && /^\p{Lu}/u.test(mentions[i]!.text);
  });
  const writtenKeys = mentions.map((m) => nameKey(m.text));
  const written = new Set(writtenKeys);
  const spelledAlike = names.map(() => false);
  const candidatesOf = names.map((n, i) => {
    if (WORLD_REGIONS.has(keyOf[i]!)) return source.lookup(n).filter((p) => p.kind === 'region');
    if (COMPASS_ALONE.has(keyOf[i]!) && wants[i] !== 'admin1' && wants[i] !== 'area' && wants[i] !== 'district') return [];
    // A river the gazetteer names with its kind ("Dnipro River") where the bare name is a town's.
    const rivers = wants[i] === 'river' ? source.lookup(`${n} River`).filter((p) => p.feature === 'STM') : [];
    if (rivers.length) return rivers;
    const found = source.lookup(n);
    // "the Rio Grande", "the Thames": news writes "the" before a river's name and seldom before a
    // town's, so a name that is only towns' and small areas' (Puerto Rico's municipalities are
    // provinces) is the river of its name where the gazetteer has one. Not a country's or a large
    // province's ("the Congo", "the Mississippi" stay those).
    if (!wants[i] && found.length && found.every((p) => p.kind === 'city' || p.kind === 'admin2' || (p.kind === 'admin1' && p.population < LARGE_PROVINCE)) && THE_BEFORE.test(text.slice(Math.max(0, mentions[i]!.start - 5), mentions[i]!.start))) {
      const named = source.lookup(`${n} River`).filter((p) => p.feature === 'STM');
      if (named.length) return named;
    }
    // "in the Red Sea": a sea, gulf, bay or strait written with "the" and no word of an area after it
    // is the water, not a province named after it (Egypt's and Sudan's Red Sea, 325,000 and 550,000
    // people, won on size and nearness to the article's towns).
    if (!wants[i] && found.some(isOpenWater) && found.some((p) => !isOpenWater(p)) && THE_BEFORE.test(text.slice(Math.max(0, mentions[i]!.start - 5), mentions[i]!.start))) {
      return found.filter(isOpenWater);
    }
    if (wants[i] === 'admin1' && found.length && !found.some((p) => p.kind === 'admin1')) {
      const provinces = provincesSpelledAlike(n, found, source);
      if (provinces.length) return [...found, ...provinces];
    }
    const joined = found.length || !source.lookupJoined ? found : source.lookupJoined(n);
    if (joined.length || !source.lookupSkeleton) return joined;
    spelledAlike[i] = true;
    return source.lookupSkeleton(n);
  });
  // A place found only by its spelling skeleton stands only in a country the text names near it
  // (within NEAR characters): "Hodeidah" beside Yemen is Al Hudaydah, but a village of the country an
  // article is about is no large town of another country it names further on that shares its skeleton.
  // A place that is in one country only names that country too: "Sheberghan, the capital of Jawzjan".
  // The countries named, each where it is written, read once: an article of 5,000 unknown names must not compare every pair.
  // A demonym names its country too: "Iraqi forces retook Hawija".
  const demonymsAt = [...text.matchAll(/\p{Lu}[\p{L}'’-]+/gu)].flatMap((w) => {
    const country = source.demonyms.get(nameKey(w[0]));
    return country ? [{ at: w.index, country }] : [];
  });
  const namedOutright = mentions.flatMap((m, j) =>
    spelledAlike[j] ? [] : candidatesOf[j]!.flatMap((p) => (p.kind === 'country' && (p.nameKind ?? 0) === 0 && p.country ? [{ at: m.start, country: p.country }] : [])),
  );
  const countriesNamed = mentions
    .flatMap((m, j) => {
      if (spelledAlike[j]) return [];
      const found = candidatesOf[j]!;
      if (found.some((p) => p.kind === 'country' && (p.nameKind ?? 0) === 0)) return [];
      const country = found[0]?.country;
      return country && found.every((p) => p.country === country) ? [{ at: m.start, country }] : [];
    })
    .concat(namedOutright, demonymsAt)
    .sort((a, b) => a.at - b.at);
  // Only a country's own name or demonym vouches for a town of it that nothing else in a roundup of
  // several countries supports: "Iraqi forces retook Qayyarah" after a paragraph on Yemen.
  const outright = [...namedOutright, ...demonymsAt].sort((a, b) => a.at - b.at);
  candidatesOf.forEach((found, i) => {
    if (!spelledAlike[i] || !found.length) return;
    const near = countriesWithin(countriesNamed, mentions[i]!.start);
    const inNear = found.filter((p) => !!p.country && near.has(p.country));
    // "Fighting in Jawzjan province", "a base in Lower Shabelle region" (Somalia's provinces are
    // regions): a province or region the text calls one, when it is the only province anywhere of that skeleton.
    const provinces = found.filter((p) => p.kind === 'admin1');
    candidatesOf[i] = inNear.length || (wants[i] !== 'admin1' && wants[i] !== 'area') || provinces.length !== 1 ? inNear : provinces;
  });
  // Short forms of names the article writes in full, looked up in indexes of those names so that a
  // list of 100,000 names stays linear:
  // - initials in capitals ("NSW" after "New South Wales", "DRC" after "the Democratic Republic of the
  //   Congo") read as the place whose words they begin, when the gazetteer knows them as nothing else;
  // - a one-word name ("Congo" after "the Republic of Congo") is also the country
  //   whose name in full it ends, unless the word is some country's own name ("Sudan" beside "South Sudan").
  const byInitials = new Map<string, Map<number, Place>>();
  const countriesByLastWord = new Map<string, Map<number, Place>>();
  mentions.forEach((m, j) => {
    if (!writtenKeys[j]!.includes(' ')) return;
    const initials = [...m.text.matchAll(/(?<![\p{L}'’])\p{Lu}/gu)].map((c) => c[0]).join('');
    if (initials.length >= 2 && initials.length <= 5) {
      if (!byInitials.has(initials)) byInitials.set(initials, new Map());
      for (const p of candidatesOf[j]!) if (p.kind !== 'city' || p.population >= 100_000) byInitials.get(initials)!.set(p.id, p);
    }
    const last = writtenKeys[j]!.slice(writtenKeys[j]!.lastIndexOf(' ') + 1);
    for (const p of candidatesOf[j]!) {
      if (p.kind !== 'country') continue;
      if (!countriesByLastWord.has(last)) countriesByLastWord.set(last, new Map());
      countriesByLastWord.get(last)!.set(p.id, p);
    }
  });
  candidatesOf.forEach((found, i) => {
    const m = mentions[i]!;
    if (found.length || !/^\p{Lu}{2,5}$/u.test(m.text)) return;
    const borrowed = byInitials.get(m.text);
    if (borrowed?.size) candidatesOf[i] = [...borrowed.values()].map((p) => ({ ...p, nameKind: 1 }));
  });
  candidatesOf.forEach((found, i) => {
    // One word only: "Republic of Congo" is no short form of "Democratic Republic of Congo".
    if (writtenKeys[i]!.includes(' ') || WORLD_REGIONS.has(keyOf[i]!) || found.some((p) => p.kind === 'country' && (p.nameKind ?? 0) === 0)) return;
    const countries = [...(countriesByLastWord.get(writtenKeys[i]!)?.values() ?? [])].filter((p) => !found.some((q) => q.id === p.id));
    if (countries.length) candidatesOf[i] = [...found, ...countries.map((p) => ({ ...p, nameKind: 1 }))];
  });
  const containers: number[][] = mentions.map(() => []);
  const contained: number[][] = mentions.map(() => []);
  const listed = (a: number, b: number) => LIST_JOIN.test(text.slice(mentions[a]!.end, mentions[b]!.start));
  /** The pair at order[k], order[k + 1] is joined to a place before or after it as a list is. */
  const inAList = (k: number) => (k > 0 && listed(order[k - 1]!, order[k]!)) || (k + 2 < order.length && listed(order[k + 1]!, order[k + 2]!));
  for (let k = 0; k + 1 < order.length; k++) {
    const i = order[k]!;
    const j = order[k + 1]!;
    const between = text.slice(mentions[i]!.end, mentions[j]!.start);
    const inProvince = IN_A_PROVINCE.test(between) && (wants[j] === 'admin1' || wants[j] === 'area');
    if (!IN_THE_NEXT.test(between) && !inProvince) continue;
    if (!candidatesOf[j]!.some((q) => q.kind !== 'city' && candidatesOf[i]!.some((p) => contains(q, p)))) {
      if (inProvince) candidatesOf[i] = inTheCountriesOf(candidatesOf[i]!, candidatesOf[j]!);
      continue;
    }
    // Two countries in a row are a list ("Canada, Mexico or Greece"), not a town of Mexico called Cañada.
    if (isCountryName(candidatesOf[i]!) && isCountryName(candidatesOf[j]!)) continue;
    // So are two provinces of one country inside a longer list ("Utah, Virginia, Washington, West
    // Virginia and Wyoming"), not a town of West Virginia called Washington.
    if (inAList(k) && sameCountryAreas(candidatesOf[i]!, candidatesOf[j]!)) continue;
    containers[i]!.push(j);
    contained[j]!.push(i);
    wants[j] ??= 'container';
  }
  // A list of three or more names, most of them provinces of one country (or countries), is a list
  // of such: "Utah, Virginia, Washington, West Virginia and Wyoming" names the states, not Washington,
  // D.C. or Wyoming, Michigan; "Guinea-Bissau, Niger, Nigeria and Togo" the country, not Niger State.
  for (let k = 0; k < order.length; ) {
    let end = k;
    while (end + 1 < order.length && listed(order[end]!, order[end + 1]!)) end++;
    const run = order.slice(k, end + 1);
    k = end + 1;
    if (run.length < 3) continue;
    const countries = run.filter((i) => isCountryName(candidatesOf[i]!.filter((p) => (p.nameKind ?? 0) === 0)));
    const byCountry = new Map<string, number>();
    for (const i of run) for (const c of areaCountries(candidatesOf[i]!)) byCountry.set(c, (byCountry.get(c) ?? 0) + 1);
    const [areaCountry, areas] = [...byCountry].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    for (const i of run) {
      if (countries.length * 3 >= run.length * 2 && isCountryName(candidatesOf[i]!)) wants[i] ??= 'country';
      else if (areas * 3 >= run.length * 2 && candidatesOf[i]!.some((p) => p.kind === 'admin1' && p.country === areaCountry)) wants[i] ??= 'area';
    }
  }
  // A town the text ties to its area once is that town wherever its name comes back alone.
  const tied = new Map<string, Set<number>>();
  mentions.forEach((_, i) => {
    for (const j of containers[i]!)
      for (const p of candidatesOf[i]!) {
        if (!candidatesOf[j]!.some((a) => contains(a, p))) continue;
        if (!tied.has(keyOf[i]!)) tied.set(keyOf[i]!, new Set());
        tied.get(keyOf[i]!)!.add(p.id);
      }
  });
  const dateline = order.find((i) => isDateline(text, mentions[i]!));

  // Demonyms are evidence of their country ("Russian forces", "the Afghan government").
  const demonymCountries = new Set(demonymsAt.map((d) => d.country));

  // Mentions with the same name, kind and neighbours share one resolution.
  const signature = mentions.map((_, i) => `${keyOf[i]}|${wants[i]}|${containers[i]!.map((j) => keyOf[j]).join(',')}|${contained[i]!.map((j) => keyOf[j]).join(',')}`);
  const groups = new Map<string, number[]>();
  mentions.forEach((_, i) => {
    if (!groups.has(signature[i]!)) groups.set(signature[i]!, []);
    groups.get(signature[i]!)!.push(i);
  });

  const nearOf = new Map([...groups].map(([sig, members]) => [sig, new Set(members.flatMap((i) => [...countriesWithin(outright, mentions[i]!.start)]))]));
  let ranked = new Map<string, RankedPlace[]>();
  const none: RankContext = { countries: new Map(), admin1s: new Map(), near: [], wants: null, containers: [] };
  // The first pass starts knowing only demonyms, the kinds the text names and the countries it names
  // outright (see below for what it learns on its way). Starting from countries keeps two towns from
  // vouching for each other in the wrong country ("Suffolk" and "Norfolk" are both in Virginia, and
  // the article says United Kingdom).
  let best = new Map<string, Place>();
  for (const [sig, members] of groups) {
    const top = rankCandidates(candidatesOf[members[0]!]!, { ...none, wants: wants[members[0]!]! })[0];
    if (top?.kind === 'country') best.set(sig, top);
  }
  // What the choices made so far say about the article. One piece of evidence per distinct name (the
  // choice for its first group); each group then takes the totals less its own name's share, so a
  // name never vouches for itself.
  const gather = () => {
    const evidence = new Map<string, { p: Place; weight: number }>();
    const countryTotals = new Map<string, number>();
    for (const code of demonymCountries) countryTotals.set(code, 1);
    const countryMentions = new Map<string, number>();
    const admin1Totals = new Map<string, number>();
    const anchors: { key: string; p: Place }[] = [];
    const added = new Set<string>();
    const add = (sig: string, p: Place) => {
      if (added.has(sig)) return;
      added.add(sig);
      if (p.country) countryMentions.set(p.country, (countryMentions.get(p.country) ?? 0) + groups.get(sig)!.length);
      const key = sig.split('|')[0]!;
      if (evidence.has(key)) return;
      // The dateline and a country named outright say more than a town's likeliest country.
      const weight = (dateline !== undefined && signature[dateline] === sig) || p.kind === 'country' ? 2 : 1;
      evidence.set(key, { p, weight });
      if (p.country) countryTotals.set(p.country, (countryTotals.get(p.country) ?? 0) + weight);
      if (p.admin1) admin1Totals.set(p.admin1, (admin1Totals.get(p.admin1) ?? 0) + weight);
      // Nearness is measured to towns and districts only (a province's or country's point is too
      // vague), and to the first of them only, so a list of 100,000 names stays linear.
      if ((p.kind === 'city' || p.kind === 'admin2') && anchors.length < MAX_ANCHORS) anchors.push({ key, p });
    };
    return { evidence, countryTotals, countryMentions, admin1Totals, anchors, add };
  };
  const without = (totals: Map<string, number>, code: string | null | undefined, weight: number) => {
    if (!code || !totals.has(code)) return totals;
    const less = new Map(totals);
    less.set(code, less.get(code)! - weight);
    if (less.get(code)! <= 0) less.delete(code);
    return less;
  };
  // The first pass reads the names in the order the text gives them, each taking the choices made
  // before it as evidence; each later pass takes the previous pass's choices of the article's other
  // names. Had the first pass taken every name's likeliest place at once, two names that each have a
  // place in two countries could trade them at every pass and end apart ("from Barcelona to
  // Valencia": Barcelona in Spain, Valencia in Venezuela, its larger namesake).
  const firstAt = new Map<string, number>();
  for (const [sig, members] of groups) firstAt.set(sig, members.reduce((at, i) => Math.min(at, mentions[i]!.start), Infinity));
  const inText = [...groups].sort((a, b) => firstAt.get(a[0])! - firstAt.get(b[0])!);
  for (let pass = 0; pass < 4; pass++) {
    const sequential = pass === 0;
    const seen = gather();
    for (const [sig, p] of best) seen.add(sig, p);
    const next = new Map<string, RankedPlace[]>();
    for (const [sig, members] of sequential ? inText : groups) {
      const i = members[0]!;
      const own = seen.evidence.get(keyOf[i]!);
      const context: RankContext = {
        countries: own ? without(seen.countryTotals, own.p.country, own.weight) : seen.countryTotals,
        countryMentions: best.has(sig) ? without(seen.countryMentions, best.get(sig)!.country, members.length) : seen.countryMentions,
        admin1s: own ? without(seen.admin1Totals, own.p.admin1, own.weight) : seen.admin1Totals,
        near: seen.anchors.filter((a) => a.key !== keyOf[i]).map((a) => a.p),
        wants: wants[i]!,
        containers: containers[i]!.map((j) => candidatesOf[j]!),
        contained: contained[i]!.map((j) => candidatesOf[j]!),
        tied: tied.get(keyOf[i]!),
        bareDateline: dateline !== undefined && signature[dateline] === sig && containers[dateline]!.length === 0,
        written,
        countriesNear: nearOf.get(sig),
      };
      const candidates = rankCandidates(candidatesOf[i]!, context);
      const top = candidates[0];
      // A doubtful reading is no evidence for the article's other names either.
      const doubtful = !!top && ((restsOnAVariant(top) && !supported(top, context)) || ((stripped[i]! || farSmallTown(top, context)) && elsewhere(top, context)));
      next.set(sig, doubtful ? [] : candidates);
      if (sequential && top && !doubtful) seen.add(sig, top);
    }
    ranked = next;
    const chosen = new Map([...ranked].filter(([, r]) => r.length > 0).map(([sig, r]) => [sig, r[0]!]));
    // A later pass reads nothing but the choices before it, in their order: where a pass chose as the
    // one before did, in the same order, every further pass would too.
    const before = [...best];
    const settled = !sequential && chosen.size === before.length && [...chosen].every(([sig, p], k) => before[k]![0] === sig && before[k]![1].id === p.id);
    best = chosen;
    if (settled) break;
  }
  return mentions.map((_, i) => ranked.get(signature[i]!) ?? []);
}
