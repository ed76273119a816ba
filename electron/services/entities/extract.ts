import { nameKey } from '../gazetteer/normalise.js';
import { nestsIn } from '../../contract/mentionNesting.js';
import { adjectivalCountries, placeModifiers } from './adjectival.js';
import { countryCode } from './countries.js';
import type { Place, PlaceContext, RankedPlace } from '../gazetteer/gazetteer.js';
import { resolveToponyms } from '../gazetteer/resolve.js';
import { extractDates, type DatePrecision } from './dates.js';
import { elidedPlaces } from './elidedPlaces.js';
import { acronymsAfterNames, namesDefinedByAcronym } from './acronymNames.js';
import { ampersandNames, firmsNamedForTwo } from './ampersandNames.js';
import { organisationModifiers } from './organisationModifiers.js';
import { linkAcronyms, spreadBranchNames, spreadCompanyNames, spreadSurnames, spreadTeamNames, stormNames } from './documentNames.js';
import { isOwnedOrganisation, placesInOrganisationNames, withoutOpeningClitic } from './organisationPlaces.js';
import { placePairs } from './placePairs.js';
import { placesByApposition } from './placesByApposition.js';
import { analysts, placeAirFacilities, type PendingPlace } from './placeLinks.js';
import { spanIndex } from './spanIndex.js';
import { namesModel } from './tagger/index.js';
import type { TaggerModel } from './tagger/model.js';
import { tagNames } from './tagger/suggest.js';
import {
  BELIEFS,
  COUNTRY_ABBREVIATIONS,
  GROUP_NAMES,
  KNOWN_ORGANISATION_NAMES,
  ORG_HEADS,
  ORG_ROLES,
  PERSON_ROLES,
  PLACE_CUES_BEFORE,
  PLACE_HEADS,
  STOPWORDS,
  TITLES,
  trimsAreaHead,
  WEEKDAYS_AND_MONTHS,
} from './lexicon.js';

export const ENTITY_TYPES = ['person', 'organisation', 'place', 'group', 'date'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Suggestion {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  confidence: number;
  /** Why the extractor thinks so, shown to the analyst. */
  reason: string;
  /** Gazetteer candidates for places, best first. */
  places?: RankedPlace[];
  date?: { value: string | null; until: string | null; precision: DatePrecision };
  /** A nationality adjective naming its country ("Russian forces" → Russia): a place mention the map may leave out. */
  adjectival?: boolean;
  /** A place named inside an organisation suggestion ("Kabul" in "Kabul University"), kept beside it (contract/mentionNesting.ts). */
  inName?: boolean;
}

/** What the extractor may consult. */
export interface ExtractContext {
  gazetteer: {
    lookup(name: string): Place[];
    /** Large places and those of transliterating countries spelled alike (normalise.ts: spellingSkeleton). */
    lookupSkeleton?(name: string): Place[];
    rank(name: string, context: PlaceContext): RankedPlace[];
    countryByName: Map<string, string>;
    demonyms: Map<string, string>;
    /** Keys of countries' own names with the word "of" in them (see Gazetteer.countryNamesWithOf). */
    countryNamesWithOf: Set<string>;
  };
  /** The workspace's confirmed names (alias key → type): found again wherever they appear. */
  registry: Map<string, EntityType>;
  published: string | null;
  /**
   * The name tagger to use: omitted, the shipped model; null, the rule-based extractor (also what
   * runs when the shipped model file is missing or damaged).
   */
  namesModel?: TaggerModel | null;
}

interface Token {
  text: string;
  start: number;
  end: number;
  word: boolean;
  cap: boolean;
  sentenceStart: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const MAX_TEXT = 2_000_000;

// Made once: a literal with \p{…} in the loop is rebuilt at every token in the bundles.
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const OPENS_CAPITAL = /^\p{Lu}/u;
const PARTICLE_CAPITAL = /^(?:al|el|ad|ash|as|at|ar|an|az|ul|bin|ibn|abu|abd)-\p{Lu}/u;
const NOT_A_STOP_AFTER = /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|Gen|Col|Lt|St|Sen|Rep|Gov|No|Jr|Sr)$/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const word = WORD_CHARACTER.test(t);
    const gap = text.slice(tokens.at(-1)?.end ?? 0, m.index);
    if (gap.includes('\n')) sentenceStart = true;
    // "al-Saleh", "bin-Laden", "el-Sisi": Arabic name particles before a capital start a name.
    const cap = word && (OPENS_CAPITAL.test(t) || PARTICLE_CAPITAL.test(t));
    tokens.push({ text: t, start: m.index, end: m.index + t.length, word, cap, sentenceStart: word && sentenceStart });
    if (word) sentenceStart = false;
    else if (/[.!?“"‘:;(–—]/.test(t) && !(t === '.' && NOT_A_STOP_AFTER.test(tokens.at(-2)?.text ?? ''))) sentenceStart = true;
  }
  return tokens;
}

const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'da', 'du', 'la', 'le', 'e', 'i', 'y', 'and']);
const lower = (s: string) => s.toLowerCase();
const possessive = /['’]s$/;

/** The extractor: proper-name chunks, classified by lexicons, cue words, the registry and the gazetteer. */
export function extractEntities(text: string, context: ExtractContext): Suggestion[] {
  if (text.length > MAX_TEXT) throw new Error(`The article is too long to extract from (${text.length.toLocaleString('en')} characters; the limit is ${MAX_TEXT.toLocaleString('en')}).`);
  const dates = extractDates(text, context.published);
  const model = context.namesModel === undefined ? namesModel() : context.namesModel;
  const registryFirstWords = new Set([...context.registry.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!));
  // The tagger reads its own tokens: these are needed only by the rules and the registry search.
  const tokens = model && registryFirstWords.size === 0 ? [] : tokenize(text);
  const lowerWords = new Set(tokens.filter((t) => t.word && !t.cap).map((t) => t.text));
  // Spans already claimed (dates, confirmed names) are not chunked again.
  const claimed: { start: number; end: number }[] = [...dates];
  const taken = (start: number, end: number) => claimed.some((d) => start < d.end && end > d.start);

  const suggestions: Suggestion[] = [];
  // Names the analyst confirmed, written in any case ("Kunduz provincial council"), are found first.
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.word || !registryFirstWords.has(nameKey(tokens[i]!.text))) continue;
    for (let n = Math.min(6, tokens.length - i); n >= 2; n--) {
      const span = tokens.slice(i, i + n);
      if (!span.at(-1)!.word) continue;
      const name = text.slice(span[0]!.start, span.at(-1)!.end);
      const type = context.registry.get(nameKey(name));
      if (type && !taken(span[0]!.start, span.at(-1)!.end)) {
        suggestions.push({ start: span[0]!.start, end: span.at(-1)!.end, text: name, type, confidence: 0.95, reason: 'confirmed before in this workspace' });
        claimed.push({ start: span[0]!.start, end: span.at(-1)!.end });
        i += n - 1;
        break;
      }
    }
  }
  // With a tagger, the rules below only chunk and type names when there is no model to read them.
  const chunks: { from: number; to: number }[] = [];
  for (let i = 0; i < (model ? 0 : tokens.length); i++) {
    const t = tokens[i]!;
    if (!t.cap || WEEKDAYS_AND_MONTHS.has(lower(t.text)) || taken(t.start, t.end)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      if (next.start - tokens[j]!.end > 1 || possessive.test(tokens[j]!.text)) break;
      if (next.cap && !WEEKDAYS_AND_MONTHS.has(lower(next.text)) && !taken(next.start, next.end)) j++;
      else if (CONNECTORS.has(next.text) && tokens[j + 2]?.cap && tokens[j + 2]!.start - next.end <= 1 && next.text !== 'and') j += 2;
      else break;
    }
    chunks.push({ from: i, to: j });
    i = j;
  }

  suggestions.push(...dates.map((d) => ({
    start: d.start,
    end: d.end,
    text: d.text,
    type: 'date' as const,
    confidence: d.value ? 0.9 : 0.6,
    reason: d.value ? `date (${d.precision})` : 'date (no publication date to place it)',
    date: { value: d.value, until: d.until, precision: d.precision },
  })));
  const people = new Set<string>();
  const pendingPlaces: PendingPlace[] = [];
  // Whether the tagger read the text as sport, whose teams it then named (tagger/sportsTeams.ts).
  let sports = false;
  if (model) {
    const tagged = tagNames(text, model, context, taken);
    sports = tagged.sports;
    for (const s of tagged.suggestions) {
      withoutOpeningClitic(s);
      if ((s.type === 'place' || s.type === 'person') && isOwnedOrganisation(s.text)) {
        s.type = 'organisation';
        s.reason = `an organisation named with its town's possessive ("${s.text}")`;
        delete s.places;
      }
    }
    suggestions.push(...tagged.suggestions);
    pendingPlaces.push(...tagged.places.filter((p) => p.s.type === 'place'));
  }

  for (const chunk of chunks) {
    let from = chunk.from;
    let to = chunk.to;
    let title = false;
    // Sentence openers and titles are not part of the name.
    while (from <= to) {
      const t = tokens[from]!;
      const w = lower(t.text.replace(/\.$/, ''));
      if ((t.sentenceStart || from > chunk.from) && (STOPWORDS.has(w) || (t.sentenceStart && from === to && lowerWords.has(w)))) from++;
      else if (w === 'the') from++;
      else if (TITLES.has(w) && from < to) {
        title = true;
        from++;
      } else if (context.gazetteer.demonyms.has(nameKey(t.text)) && from < to && TITLES.has(lower(tokens[from + 1]!.text))) from++;
      else break;
    }
    // "Residents of Kandahar said…": a sentence-opening common noun before "of" is not part of the
    // name (but "Bank of America", "Ministry of Defence" and "President of Syria" keep theirs).
    if (
      tokens[from]!.sentenceStart &&
      to > from + 1 &&
      tokens[from + 1]!.text === 'of' &&
      !ORG_HEADS.has(lower(tokens[from]!.text)) &&
      !PLACE_HEADS.has(lower(tokens[from]!.text)) &&
      !TITLES.has(lower(tokens[from]!.text)) &&
      !context.gazetteer.lookup(tokens[from]!.text).length
    ) {
      from += 2;
    }
    while (to >= from && CONNECTORS.has(tokens[to]!.text)) to--;
    if (from > to) continue;
    const first = tokens[from]!;
    const last = tokens[to]!;
    const start = first.start;
    const end = last.end - (possessive.test(last.text) ? 2 : 0);
    const name = text.slice(start, end);
    const key = nameKey(name);
    const words = to - from + 1;
    if (!key || key.length < 2) continue;
    const before = tokens[chunk.from - 1];
    const before2 = tokens[chunk.from - 2];
    const after = tokens[chunk.to + 1];
    const after2 = tokens[chunk.to + 2];
    const lastWord = lower(last.text.replace(possessive, ''));
    const push = (type: EntityType, confidence: number, reason: string, extra: Partial<Suggestion> = {}) => {
      const s: Suggestion = { start, end, text: name, type, confidence, reason, ...extra };
      suggestions.push(s);
      return s;
    };

    const registered = context.registry.get(key);
    if (registered) {
      push(registered, 0.95, 'confirmed before in this workspace');
      if (registered === 'person') people.add(key);
      continue;
    }
    if (KNOWN_ORGANISATION_NAMES.has(key)) {
      push('organisation', 0.9, 'known organisation');
      continue;
    }
    if (GROUP_NAMES.has(key)) {
      push('group', 0.9, 'identity group');
      continue;
    }
    if (BELIEFS.has(key)) continue;
    if (words === 1 && context.gazetteer.demonyms.has(key) && !context.gazetteer.countryByName.has(key)) continue;
    if (words === 1 && /s$/.test(key) && context.gazetteer.demonyms.has(key.slice(0, -1))) {
      push('group', 0.75, 'people of a nationality');
      continue;
    }
    const country = countryCode(context.gazetteer, key);
    const fullCountry = COUNTRY_ABBREVIATIONS.get(key);
    if (country) {
      pendingPlaces.push({ s: push('place', 0.9, 'country'), wantsAdminArea: false, lookupName: fullCountry });
      continue;
    }
    const headWord = tokens.slice(from, to + 1).find((t) => t.cap && ORG_HEADS.has(lower(t.text)));
    if (headWord && words >= 2 && !PLACE_HEADS.has(lastWord)) {
      push('organisation', 0.8, `organisation ("${headWord.text}")`);
      continue;
    }
    // Person cues: a title, an apposition ("X, a spokesman for"), or a quote's attribution.
    const role = after?.text === ',' && after2 && ['a', 'an', 'the'].includes(lower(after2.text)) ? tokens.slice(chunk.to + 3, chunk.to + 6).map((t) => lower(t.text)) : [];
    const appositive = role.some((w) => PERSON_ROLES.has(w));
    if (!appositive && role.some((w) => ORG_ROLES.has(w)) && !context.gazetteer.lookup(name).length) {
      push('organisation', 0.75, `described as ${role.join(' ')}`);
      continue;
    }
    const saidBefore = before && /^(said|says|told|according)$/i.test(before.text);
    const saidAfter = after && /^(said|says|told|added|stated)$/i.test(after.text);
    const titleBefore = before && TITLES.has(lower(before.text.replace(/\.$/, '')));
    const surname = people.has(key) || [...people].some((p) => p.endsWith(' ' + key));
    const placeCandidates = context.gazetteer.lookup(name);
    const placeCueBefore = before && (PLACE_CUES_BEFORE.has(lower(before.text)) || (lower(before.text) === 'of' && before2 && /^(province|city|capital|town|village|district|outskirts|edge|suburbs|heart|port|west|east|north|south|centre|center|region|governorate|state|area)$/i.test(before2.text)));
    const placeCueAfter = after && /^(province|provincial|city|district|town|village|region|governorate)$/i.test(after.text);
    if (title || appositive || titleBefore || (words >= 2 && (saidBefore || saidAfter)) || surname) {
      if (!(placeCandidates.length && !title && !appositive && !surname && placeCueBefore)) {
        push('person', title || appositive ? 0.85 : 0.7, title || titleBefore ? 'title before a name' : appositive ? `described as ${role.join(' ')}` : surname ? 'named in full earlier' : 'speaks in a quote');
        people.add(key);
        continue;
      }
    }
    const isAdminArea = words >= 2 && trimsAreaHead(lastWord, name, text.slice(start, tokens[to - 1]!.end), (n) => context.gazetteer.lookup(n));
    if ((PLACE_HEADS.has(lastWord) || isAdminArea) && words >= 2) {
      if (isAdminArea) {
        // "Helmand Province": the name is Helmand, the head says it is the province.
        const s: Suggestion = { start, end: tokens[to - 1]!.end, text: text.slice(start, tokens[to - 1]!.end), type: 'place', confidence: 0.85, reason: 'province' };
        suggestions.push(s);
        pendingPlaces.push({ s, wantsAdminArea: true });
      } else {
        // A facility (airfield, bridge, palace) is rarely a populated place of the same name:
        // it is left for the analyst to place on the map.
        push('place', 0.7, `place ("${last.text}")`, { places: [] });
      }
      continue;
    }
    if (placeCandidates.length) {
      const big = placeCandidates.some((p) => p.kind !== 'city' || p.population >= 50_000);
      // A sentence may open with a place ("Moscow did not comment"); a common word that merely
      // opens a sentence was already set aside above, so only small places are held back.
      const atSentenceStart = first.sentenceStart && words === 1 && !placeCandidates.some((p) => p.kind !== 'city' || p.population >= 100_000);
      const exactMultiWord = words >= 2 && placeCandidates.some((p) => nameKey(p.name) === key || p.population >= 10_000);
      if (placeCueBefore || placeCueAfter || exactMultiWord || (big && !atSentenceStart) || (big && text.slice(end, end + 2) === ', ')) {
        const wantsAdminArea = !!placeCueAfter && /^(province|provincial|governorate|region)$/i.test(after!.text) || (lower(before?.text ?? '') === 'of' && /^(capital|province)$/i.test(before2?.text ?? '') && !(/^capital$/i.test(before2?.text ?? '') && context.gazetteer.countryByName.has(key)));
        pendingPlaces.push({ s: push('place', placeCueBefore || placeCueAfter ? 0.85 : 0.7, placeCueBefore || placeCueAfter ? 'place named with a cue word' : 'known place'), wantsAdminArea });
        continue;
      }
    }
    const theBefore = lower(tokens[from - 1]?.text ?? '') === 'the';
    if (placeCueBefore && !theBefore && words <= 3 && !first.sentenceStart) {
      push('place', 0.45, 'after a place word, not in the gazetteer', { places: [] });
      continue;
    }
    if (words === 1 && /^\p{Lu}{3,8}$/u.test(first.text) && !placeCandidates.length) {
      push('organisation', 0.6, 'an acronym');
      continue;
    }
    if (words >= 2 && theBefore) {
      push('organisation', 0.55, 'a name after "the"');
      continue;
    }
    if (words >= 2 && words <= 4 && /^\p{Lu}\p{Ll}/u.test(first.text) && /^\p{Lu}\p{Ll}/u.test(last.text) && !tokens.slice(from, to + 1).some((t) => context.gazetteer.countryByName.has(nameKey(t.text)))) {
      push('person', 0.5, 'a capitalised name');
      people.add(key);
    }
  }

  // "India-Pakistan", "Zaire/Congo": two places the tagger reads as one word, or as one unknown place.
  for (const pair of placePairs(text, context.gazetteer)) {
    const within = (s: Suggestion) => s.start >= pair.start && s.end <= pair.end;
    // A longer name around the pair keeps it ("the US-China Business Council").
    if (suggestions.some((s) => !within(s) && s.start < pair.end && s.end > pair.start)) continue;
    dropWhere(suggestions, within);
    dropWhere(pendingPlaces, (p) => within(p.s));
    suggestions.push(...pair.places);
  }
  // "Attapeu, Laos", "Mabvuku, a suburb east of Harare": places the text says are places, often read as people.
  for (const { s, replaces, wantsAdminArea } of placesByApposition(text, suggestions, context.gazetteer)) {
    if (replaces) {
      dropWhere(suggestions, (x) => x === replaces);
      dropWhere(pendingPlaces, (p) => p.s === replaces);
    }
    suggestions.push(s);
    pendingPlaces.push({ s, wantsAdminArea });
  }
  // "North and South Korea": the first word stands for North Korea.
  const elided = elidedPlaces(text, suggestions, context.gazetteer);
  dropWhere(suggestions, (x) => elided.replaces.includes(x));
  dropWhere(pendingPlaces, (p) => elided.replaces.includes(p.s));
  suggestions.push(...elided.places.map((p) => p.s));
  pendingPlaces.push(...elided.places);
  // "Taliban-led", "Houthi-run": organisations and groups the tagger reads inside one hyphenated word.
  for (const { s, replaces } of organisationModifiers(text, suggestions, context.registry)) {
    dropWhere(suggestions, (x) => replaces.includes(x));
    dropWhere(pendingPlaces, (p) => replaces.includes(p.s));
    suggestions.push(s);
  }
  // "AT&T", "H&M", "Marks & Spencer": firms named with an ampersand, which the tagger reads as words apart.
  for (const { s, replaces } of [...ampersandNames(text, suggestions), ...firmsNamedForTwo(text, suggestions, context.gazetteer)]) {
    dropWhere(suggestions, (x) => replaces.includes(x));
    dropWhere(pendingPlaces, (p) => replaces.includes(p.s));
    suggestions.push(s);
  }
  // "US-led", "Kabul-based": places the tagger reads inside one hyphenated word.
  for (const { s, pending } of placeModifiers(text, suggestions, context.gazetteer)) {
    suggestions.push(s);
    if (pending) pendingPlaces.push({ s, wantsAdminArea: false });
  }
  // "Special Inspector General for Afghanistan Reconstruction (SIGAR)": the acronym says where the name starts.
  for (const { s, replaces } of namesDefinedByAcronym(text, suggestions)) {
    dropWhere(suggestions, (x) => replaces.includes(x));
    dropWhere(pendingPlaces, (p) => replaces.includes(p.s));
    suggestions.push(s);
  }
  // "the Iraqi News Agency INA": the acronym right after the name is a name of its own.
  suggestions.push(...acronymsAfterNames(suggestions));
  // "Kabul University", "Government of Afghanistan": places an organisation's name says it belongs to.
  for (const { s, pending, wantsAdminArea } of placesInOrganisationNames(text, suggestions, context.gazetteer)) {
    suggestions.push(s);
    if (pending) pendingPlaces.push({ s, wantsAdminArea });
  }
  placeAirFacilities(text, suggestions, pendingPlaces, context.gazetteer);
  // Places are resolved together once the article is read: each name ranked with the article's
  // dateline, other places, countries, demonyms and "City, State" pairs (gazetteer/resolve.ts).
  const resolved = resolveToponyms(text, pendingPlaces.map(({ s, wantsAdminArea, lookupName }) => ({ start: s.start, end: s.end, text: s.text, lookupName, wantsAdminArea })), context.gazetteer);
  pendingPlaces.forEach(({ s }, i) => (s.places = resolved[i]!.slice(0, 5)));
  // A valley placed at the province of its name (tagger/suggest.ts) stands only in a country of the
  // article's other places: "the San Fernando Valley north of Los Angeles" is no province of Trinidad.
  const countries = new Set(pendingPlaces.flatMap((p) => (p.amongArticleCountries || !p.s.places?.[0]?.country ? [] : [p.s.places[0].country])));
  for (const p of pendingPlaces) if (p.amongArticleCountries && countries.size && !countries.has(p.s.places?.[0]?.country ?? '')) p.s.places = [];
  linkAcronyms(text, suggestions);
  spreadSurnames(text, suggestions);
  // A place by its own name, not by one of the gazetteer's alternate names ("Bayer" for a town in Kazakhstan).
  const isArea = (name: string) => {
    const key = nameKey(name);
    return context.gazetteer.countryByName.has(key) || context.gazetteer.demonyms.has(key) || context.gazetteer.lookup(name).some((p) => (p.nameKind ?? 0) === 0 && p.kind !== 'city');
  };
  const isPlace = (name: string) => isArea(name) || context.gazetteer.lookup(name).some((p) => (p.nameKind ?? 0) === 0 && p.population >= 1000);
  spreadCompanyNames(text, suggestions, isPlace);
  spreadBranchNames(suggestions, (name) => context.gazetteer.countryByName.has(nameKey(name)), isPlace);
  if (sports) spreadTeamNames(text, suggestions, isPlace, isArea);
  const storms = stormNames(text, isArea);
  if (storms.size) dropWhere(suggestions, (s) => storms.has(s.text) && s.type !== 'date' && !analysts(s));
  const { added, displaced } = adjectivalCountries(text, suggestions, context.gazetteer);
  dropWhere(suggestions, (s) => displaced.includes(s));
  suggestions.push(...added);
  return dedupe(suggestions);
}

/** One suggestion per span, the most confident; a place named in an organisation's name stays beside the organisation kept. */
function dedupe(suggestions: Suggestion[]): Suggestion[] {
  const sorted = suggestions.filter((s) => !s.inName).sort((a, b) => a.start - b.start || b.confidence - a.confidence);
  const out: Suggestion[] = [];
  for (const s of sorted) {
    const prev = out.at(-1);
    if (prev && s.start < prev.end) continue;
    out.push(s);
  }
  if (!suggestions.some((s) => s.inName)) return out;
  // The kept suggestions never overlap: only the last to open at or before a place can hold it.
  const kept = spanIndex(out);
  const inNames = suggestions.filter((s) => {
    const holder = s.inName ? kept.lastOpeningBy(s.start) : undefined;
    return holder !== undefined && nestsIn(s, holder);
  });
  return [...out, ...inNames].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Removes, in place, the items `drop` picks. */
function dropWhere<T>(items: T[], drop: (item: T) => boolean): void {
  for (let i = items.length - 1; i >= 0; i--) if (drop(items[i]!)) items.splice(i, 1);
}
