/**
 * Names suggested by the statistical tagger, with the workbench's guidelines applied on top: the
 * rules that were the final word before are constraints here (dates and confirmed names claim their
 * spans first; titles stay outside a person's name; "Helmand Province" names Helmand).
 */
import type { Place } from '../../gazetteer/gazetteer.js';
import { nameKey } from '../../gazetteer/normalise.js';
import type { EntityType, ExtractContext, Suggestion } from '../extract.js';
import { analysts, dropSuggestion, type PendingPlace } from '../placeLinks.js';
import { ARMED_GROUPS, BELIEFS, BUSINESS_WORDS, CENTRAL_BANKS, CLIMATE_PATTERNS, COMPANIES, COMPASS_WORDS, COUNTRY_ABBREVIATIONS, DISEASES, EXTRACTOR_ORGANISATIONS, GROUP_NAMES, KNOWN_ORGANISATION_NAMES, KNOWN_ORGANISATION_WRITTEN, LEGISLATURES, NEWS_AGENCIES, OFFICES, SHORT_NAME_BODY_AFTER, SHORT_NAMES_IN_TITLE_CASE, ORG_HEADS, ORGANISATION_LAST_WORDS, PERSON_ROLES, PLACE_CUES_BEFORE, PLACE_HEADS, PLAYER_ROLES, POLICE_FORCES, STOPWORDS, TITLES, trimsAreaHead, WEEKDAYS_AND_MONTHS } from '../lexicon.js';
import { addNames, heldTokens, tagSentence, type TaggedName } from './decode.js';
import { sentenceFacts, type NameLexicon } from './features.js';
import { gazetteerLexicon } from './index.js';
import type { NameType, TaggerModel } from './model.js';
import { peopleByApposition } from './appositionPeople.js';
import { organisationsByApposition } from './appositionOrganisations.js';
import { areasListedWithTheirKind } from './listedAreas.js';
import { companiesNamedByTheirBusiness } from './businessNames.js';
import { isMarketIndex } from './marketIndices.js';
import { aliasesOfGroups, aliasesOfPeople } from './aliases.js';
import { burmesePeople, mayNameBurmesePeople } from './burmeseNames.js';
import { eastAsianPeople } from './eastAsianNames.js';
import { countryOffices } from './countryOffices.js';
import { readCompanies, readCompanySuffixes } from './companyCues.js';
import { placesOpeningAsDateline } from './datelinePlaces.js';
import { placesBeforeTheirParty } from './partyMembers.js';
import { joinPlacesAcrossParticles } from './particlePlaces.js';
import { joinOrganisationsOfTwoThings, openOrganisationsOfTwoThings } from './ofTwoThings.js';
import { courtDistricts } from './courtDistricts.js';
import { formationsNamedBeforeTheirKind, militaryUnitsWithTheirNumber } from './militaryUnits.js';
import { policeForcesNamedWhole } from './policeForces.js';
import { cartelsByTheirName, gangsNamedBeforeTheirKind, gangsNamedInSpanish } from './cartels.js';
import { peopleOpeningASentence } from './openingPeople.js';
import { placesOpeningASentence } from './openingPlaces.js';
import { bodiesOfBodies, bodiesOfPlaces } from './possessedBodies.js';
import { namesEndingAtTheirLegalForm } from './legalFormEnds.js';
import { bodiesNamedForTheirMembers } from './pluralPossessives.js';
import { officesOfPlaces } from './officesOfPlaces.js';
import { bodiesNamedInRomanceLanguages, mayNameBodiesInRomanceLanguages } from './romanceNames.js';
import { companiesByTheirLastWord } from './companyLastWords.js';
import { splitPeopleAtVerbs } from './verbsInNames.js';
import { peopleOfTheirTowns } from './peopleOfPlaces.js';
import { joinBodiesOfOrganisations } from './bodiesOfOrganisations.js';
import { PORTFOLIO_WORDS, portfolioHolders } from './portfolioHolders.js';
import { joinHeadsToWhatTheyAreFor } from './headedNames.js';
import { mediaNamedBeforeTheirKind } from './mediaNames.js';
import { newspapersNamedByTheirTown } from './newspaperNames.js';
import { joinMissionsToTheirCountry } from './missionNames.js';
import { servicesNamedByTheirPlace } from './serviceNames.js';
import { joinPartsToTheirOrganisation } from './partNames.js';
import { isSportsText, readTeams } from './sportsTeams.js';
import { bodiesAndTheirOfficeHolders } from './officeHolders.js';
import { bodiesOfTheirOwners } from './ownedBodies.js';
import { bodyWordsOf, dropHeadlineWordsOfTheBody } from './headlineWords.js';
import { ACTOR_PARTICIPLES } from '../organisationModifiers.js';
import { membersOfCongress, peopleAfterTheirRole, splitTitledPeople, WRITTEN_TITLES } from './titledPeople.js';
import { withoutLeadingCounts } from './leadingCounts.js';
import { tokenizeSentences, type TextToken } from './tokens.js';

const TYPE: Record<NameType, EntityType> = { PER: 'person', ORG: 'organisation', LOC: 'place', GRP: 'group' };
const REASON: Record<NameType, string> = { PER: 'a person', ORG: 'an organisation', LOC: 'a place', GRP: 'a group of people' };
const lexicons = new WeakMap<object, NameLexicon>();
const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');
const isKnownOrganisation = (name: string) => {
  const key = nameKey(name.replace(/\./g, ''));
  return KNOWN_ORGANISATION_NAMES.has(key) || EXTRACTOR_ORGANISATIONS.has(key);
};
// Made once: a literal with \p{…} in a loop is rebuilt at every turn in the bundles.
const LETTER = /\p{L}/u;
const CAPITAL = /^\p{Lu}/u;
const LOWER_FIRST = /^\p{Ll}/u;
const SPORTS = new Set(
  `soccer, football, cricket, tennis, golf, rugby, rugby union, rugby league, basketball, baseball, hockey, ice hockey,
  cycling, boxing, swimming, skiing, alpine skiing, badminton, volleyball, squash, rowing, sailing, motor racing, motorcycling,
  formula one, horse racing, handball, table tennis, judo, wrestling, weightlifting`.split(/,\s*/),
);
const EVENT_AFTER = /^[ \t]+(?:Open|Masters|Marathon|Classic|Olympics|Games|Cup|Grand Prix|OPEN|MASTERS|MARATHON|CLASSIC|OLYMPICS|GAMES|CUP|GRAND PRIX)\b/u;
/** The words that end the names of roads and buildings, and no person's ("Lane", "Camp" and "House" are surnames too). */
const FACILITY_LAST = new Set(['street', 'road', 'avenue', 'boulevard', 'highway', 'expressway', 'freeway', 'motorway', 'parkway', 'tunnel', 'airport', 'airfield', 'airbase', 'stadium', 'mosque', 'hospital', 'embassy', 'checkpoint']);
/** The kinds of area that end their own names: "Jefferson Parish", "Cook County". */
const AREA_NAME_LAST = /^(?:Parish|County|District|Province|Governorate|Prefecture|Oblast|Municipality|Borough)$/u;
const AREA_NAMED_CONFIDENCE = 0.8;
/** The levels of courts a judge's title names: "District Judge", "Circuit Judge", "Magistrate Judge". */
const COURT_LEVELS = new Set(['district', 'circuit', 'magistrate', 'bankruptcy', 'appeals', 'superior', 'county', 'federal', 'administrative']);
/** Levels of the courts of a country, not of a county's: "U.S. District Judge", "Southern District Judge". */
const FEDERAL_COURT_LEVELS = new Set(['district', 'circuit', 'magistrate', 'bankruptcy', 'appeals']);
/** Below this, the tagger's group reading of a capital's or a great city's name gives way to the place. */
const DOUBTED_GROUP = 0.5;
/** Below this, a reading of a name the extractor's own lexicon holds as something else gives way to it. */
const DOUBTED_OTHERWISE = 0.5;
/** Below this, a person's reading of a company's name alone gives way to the company. */
const DOUBTED_COMPANY = 0.9;
const TIME_ZONES = new Set(
  `utc gmt est edt cst cdt mst mdt pst pdt akst akdt hst nst ndt bst ist cet cest eet eest msk wat sast
  pkt aft irst gst jst kst hkt sgt ict wib pht aest aedt acst acdt awst nzst nzdt`.split(/\s+/),
);
const CLOCK_BEFORE = /(?:\b\d{1,2}(?:[:.]\d\d)?[ \t]*[ap]\.?m\.?|\b(?:[01]\d|2[0-3])[0-5]\d|\b\d{1,2}[:.]\d\d)[ \t]*\(?$/i;
const TIME_AFTER = /^[ \t]+time\b/i;
/** How a person is addressed, as written: no organisation's or place's name opens so ("Miss Universe", "Dr Pepper" and the "MS Society" do). */
const ADDRESSED = /^(?:Mr|Mrs|Ms)\.?$/;
/** An area's kind written in lower case after its name ("the Amhara region", "Rakhine state"). */
const AREA_KIND_AFTER = /^(?:region|state|province|governorate|zone|oblast|prefecture)$/;
/** Words that say an article is about Bangladesh. */
const BANGLADESH = /\b(?:Bangladesh|Bangladeshi|Dhaka|Awami League)\b/;
/** The last word of a law's, a bill's or a treaty's name ("the Online Safety Bill"; a person's name of two words or more does not end so). */
const LAW_LAST = /^(?:Acts?|Bills?|Treaty|Treaties|Accords?)$/u;
/** Navies' prefixes before a ship's name, in capitals (not "JS", "FS", "ITS" or "ARA", more often initials or words). */
const SHIP_PREFIXES = new Set(['USS', 'USNS', 'HMS', 'HMAS', 'HMCS', 'HMNZS', 'INS', 'BRP', 'ROKS', 'TCG', 'PNS', 'BNS', 'KRI', 'RFS', 'NRP', 'HNLMS', 'HDMS', 'HNoMS', 'HSwMS', 'ESPS']);
/** Titles of address, police ranks and the military ranks TITLES lacks, kept out of a person's name (the tagger's lexicons lack them; they are its features, so they stay as trained). */
const HONORIFICS = new Set(['honourable', 'honorable', 'hon', 'inspector', 'detective', 'constable', 'superintendent', 'sheriff', 'crown', 'commodore', 'brigadier', 'corporal', 'cpl', 'pvt', 'ensign', 'rear']);
const OFFICE_LAST = new Set(
  `coordinator director secretary minister spokesman spokeswoman spokesperson envoy representative commissioner officer
  adviser advisor ambassador chairman chairwoman president governor senator administrator rapporteur undersecretary manager`.split(/\s+/),
);
/** Posts that are no office (those are OFFICE_LAST), written capitalised before the holder's name. */
const JOB_TITLES = new Set(['epidemiologist', 'veterinarian', 'scientist', 'researcher', 'economist', 'analyst', 'official']);
/** An office, or a post of two joined by a hyphen ("Health Officer-Administrator Rodrigo Panares"). */
const isOffice = (word: string) => OFFICES.has(bare(word)) || OFFICE_LAST.has(bare(word)) || (word.includes('-') && word.split('-').some((w) => OFFICES.has(bare(w)) || OFFICE_LAST.has(bare(w))));
const DISEASE_AFTER = /^(?:\p{L}*virus|fever|disease|encephalitis|flu)$/iu;
const DISEASE_AFTER_POSSESSIVE = /^(?:disease|syndrome)$/i;
const POSSESSIVE_MARK = /^['’]s?$/;
const EVENT_LAST = /^(?:Masters|Marathon|Classic|Olympics|Games|Cup|MASTERS|MARATHON|CLASSIC|OLYMPICS|GAMES|CUP)$/u;
const namesAnEvent = (text: string, end: number) => EVENT_AFTER.test(text.slice(end, end + 16));
/** "southern", "north-west", "central": a part of what follows (on a name key: lower case, hyphens as spaces). */
const PART_OF = /^(?:(?:(?:north|south)(?: ?(?:east|west))?|east|west)(?:ern)?|central) /;
const PARTY_AND_STATE = /^[DRI]-\p{Lu}\p{L}{0,4}\.?$/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const CAPITALISED_WORD = /\p{Lu}[\p{L}'’-]+/gu;
/**
 * "U.K.", "U.S.A." not inside a longer word or run of initials. The look-behind comes after the first
 * capital: put first, it was tried at every position of the article (160 µs for 4 KB, 25 µs now).
 */
const MODIFIER_WORD = new RegExp(`^[\\p{L}.'’]+-(?:${ACTOR_PARTICIPLES})$`, 'u');
const DOTTED_INITIALS = /\p{Lu}(?<![\p{L}.]\p{Lu})\.(?:\p{Lu}\.){1,2}(?!\p{L})/gu;

export function tagNames(text: string, model: TaggerModel, context: ExtractContext, taken: (start: number, end: number) => boolean): { suggestions: Suggestion[]; places: PendingPlace[]; sports: boolean } {
  let lexicon = lexicons.get(context.gazetteer);
  if (!lexicon) {
    lexicon = gazetteerLexicon(context.gazetteer);
    lexicons.set(context.gazetteer, lexicon);
  }
  const suggestions: Suggestion[] = [];
  const places: PendingPlace[] = [];
  const sports = isSportsText(text);
  const romance = mayNameBodiesInRomanceLanguages(text);
  const burmese = mayNameBurmesePeople(text);
  // In Bangladesh "Sheikh" is a family name ("Sheikh Hasina", "Sheikh Mujibur Rahman"), not the Gulf's title.
  const bangladeshi = BANGLADESH.test(text);
  const tagged = tokenizeSentences(text).map((sentence) => {
    const facts = sentenceFacts(
      sentence.map((t) => t.text),
      lexicon,
    );
    return { sentence, facts, names: tagSentence(model, facts) };
  });
  // The names of diseases named after places that the article writes ("West Nile virus").
  const diseases = new Set<string>();
  // The names the tagger reads as places somewhere in the article, with some confidence.
  const articlePlaces = new Set<string>();
  for (const { sentence, names } of tagged) {
    for (const n of names) if (n.type === 'LOC' && n.confidence >= 0.7) articlePlaces.add(nameKey(text.slice(sentence[n.from]!.start, sentence[n.to]!.end)));
  }
  // The provinces among them (by their own names), whose towns and districts the article may name unread.
  // And their countries, where a city the tagger takes for a person is sought.
  const provinces = new Set<string>();
  const articleCountries = new Set<string>();
  for (const key of articlePlaces) {
    for (const p of context.gazetteer.lookup(key)) {
      if (p.kind === 'admin1' && (p.nameKind ?? 0) === 0 && p.admin1) provinces.add(p.admin1);
      if ((p.nameKind ?? 0) <= 1 && p.country && p.kind !== 'continent') articleCountries.add(p.country);
    }
  }
  // With the countries of the article's nationality words ("Syrian"; "Kurdish" names none).
  const countriesOfTheArticle = new Set(articleCountries);
  for (const w of text.matchAll(/\p{Lu}[\p{L}'’-]+/gu)) {
    const code = context.gazetteer.demonyms.get(nameKey(w[0]));
    if (code) countriesOfTheArticle.add(code);
  }
  const bodyNames = namesOfTheBody(tagged, text);
  // The words of the people the article names in full: "Paris" opening a sentence is Paris Hilton there.
  const peopleWords = new Set(tagged.flatMap(({ sentence, names }) => names.filter((n) => n.type === 'PER' && n.to > n.from).flatMap((n) => sentence.slice(n.from, n.to + 1).map((t) => t.text.toLowerCase()))));
  // A capital or a city of half a million, by its own name.
  const isGreatCity = (p: Place) => (p.nameKind ?? 0) === 0 && p.kind === 'city' && (p.feature === 'PPLC' || p.population >= 500_000);
  const isGreatPlace = (name: string) => context.gazetteer.lookup(name).some(isGreatCity);
  // In sport a city opening a sentence is as often its club ("Liverpool lead the league"): there only a country.
  const isWellKnownPlace = (word: string) =>
    !COUNTRIES_NAMED_LIKE_PEOPLE.has(word.toLowerCase()) && context.gazetteer.lookup(word).some((p) => ((p.nameKind ?? 0) === 0 && p.kind === 'country') || (!sports && isGreatCity(p)));
  const bodyWords = bodyWordsOf(tagged);
  const isUsState = (name: string) => context.gazetteer.lookup(name).some((p) => p.kind === 'admin1' && p.country === 'US');
  const isNamedWithThe = (from: number, to: number, sentence: readonly TextToken[]) => {
    const written = text.slice(sentence[from]!.start, sentence[to]!.end);
    return context.gazetteer.lookup(written).some((p) => (p.nameKind ?? 0) === 0 && nameKey(p.name) === nameKey(written));
  };
  for (const { sentence, facts, names } of tagged) {
    if (facts.capsLine) {
      dropHeadlineWordsOfTheBody(names, sentence, bodyWords, bodyNames);
      addCapitalCountries(names, sentence, context, model);
      addNamesReadInTheBody(names, sentence, bodyNames, model);
    }
    // "Afghan Air Force": a nationality read as a group right before an organisation's name is the
    // first word of that name.
    for (let k = names.length - 2; k >= 0; k--) {
      const a = names[k]!;
      const b = names[k + 1]!;
      if (a.type === 'GRP' && b.type === 'ORG' && b.from === a.to + 1 && sentence[b.from]!.start - sentence[a.to]!.end <= 1) {
        names.splice(k, 2, { from: a.from, to: b.to, type: 'ORG', confidence: Math.min(a.confidence, b.confidence), remembered: false });
      }
    }
    // "Royal Dutch Shell", "Royal Bank of Scotland": "Royal" right before an organisation's name opens it.
    for (const n of names) {
      const before = sentence[n.from - 1];
      if (n.type === 'ORG' && !n.remembered && before?.text === 'Royal' && sentence[n.from]!.start - before.end === 1 && !names.some((o) => o.to === n.from - 1)) n.from--;
    }
    // "Trinidad and Tobago", "Antigua and Barbuda": two places joined by "and" that together are a
    // country's name are that country.
    for (let k = names.length - 2; k >= 0; k--) {
      const a = names[k]!;
      const b = names[k + 1]!;
      if (a.type !== 'LOC' || b.type !== 'LOC' || b.from !== a.to + 2 || sentence[a.to + 1]!.text !== 'and') continue;
      if (!context.gazetteer.countryByName.has(nameKey(text.slice(sentence[a.from]!.start, sentence[b.to]!.end)))) continue;
      names.splice(k, 2, { from: a.from, to: b.to, type: 'LOC', confidence: Math.min(a.confidence, b.confidence), remembered: false });
    }
    joinCountryNames(names, sentence, text, context);
    physicalFeaturesReadAsOrganisations(names, sentence, text, context);
    joinCountriesNamedWithOf(names, sentence, text, context);
    joinPlacesAcrossParticles(names, sentence, text, context);
    if (!facts.capsLine) addMissedPlaces(names, sentence, text, context, model, articlePlaces, provinces);
    doubtedPeopleListedWithPlaces(names, sentence, (from, to) => isSizeableCity(text.slice(sentence[from]!.start, sentence[to]!.end), context));
    doubtedPeopleNamedAsTheArticlesCities(names, sentence, text, context, articleCountries);
    peopleNamedAsTheArticlesTowns(names, sentence, text, (name) => isTownOf(name, context, countriesOfTheArticle));
    splitJoinedNames(names, sentence, text, context);
    joinOrganisationsOfTwoThings(names, sentence);
    openOrganisationsOfTwoThings(names, sentence);
    joinBodiesOfOrganisations(names, sentence);
    courtDistricts(names, sentence);
    militaryUnitsWithTheirNumber(names, sentence);
    formationsNamedBeforeTheirKind(names, sentence);
    if (!facts.capsLine) policeForcesNamedWhole(names, sentence);
    cartelsByTheirName(names, sentence);
    gangsNamedBeforeTheirKind(names, sentence, lexicon);
    gangsNamedInSpanish(names, sentence, lexicon);
    withoutLeadingCounts(names, sentence, (name) => isKnownOrganisation(name) || GROUP_NAMES.has(nameKey(name)) || isNation(name, context) || ORG_HEADS.has(name.split(' ').at(-1)!.toLowerCase()));
    splitPeopleAtVerbs(names, sentence);
    peopleOfTheirTowns(names, sentence, lexicon);
    namesEndingAtTheirLegalForm(names, sentence);
    bodiesNamedForTheirMembers(names, sentence);
    splitTitledPeople(names, sentence);
    officesOfPlaces(names, sentence, lexicon);
    peopleAfterTheirRole(names, sentence, PERSON_ROLES, (name) => context.gazetteer.lookup(name).length > 0);
    peopleAfterTheirRole(names, sentence, WRITTEN_TITLES, (name) => context.gazetteer.lookup(name).length > 0);
    membersOfCongress(names, sentence, isUsState);
    aliasesOfPeople(names, sentence);
    aliasesOfGroups(names, sentence);
    if (!facts.capsLine) eastAsianPeople(names, sentence, lexicon, (name) => isKnownOrganisation(name) || COMPANIES.has(nameKey(name)));
    if (burmese && !facts.capsLine) burmesePeople(names, sentence, lexicon);
    portfolioHolders(names, sentence);
    bodiesAndTheirOfficeHolders(names, sentence, isKnownOrganisation);
    bodiesOfTheirOwners(names, sentence, isKnownOrganisation, (name) => isNation(name, context));
    peopleOpeningASentence(names, sentence, lexicon);
    if (!facts.capsLine) placesOpeningASentence(names, sentence, isWellKnownPlace, peopleWords);
    bodiesOfPlaces(names, sentence);
    bodiesOfBodies(names, sentence);
    if (sports) readTeams(names, sentence, lexicon);
    if (romance) bodiesNamedInRomanceLanguages(names, sentence, (name) => context.gazetteer.lookup(name).some((p) => (p.nameKind ?? 0) === 0));
    readCompanies(names, sentence);
    readCompanySuffixes(names, sentence, model.memory);
    if (!facts.capsLine) companiesByTheirLastWord(names, sentence);
    peopleByApposition(names, sentence, lexicon, model.memory);
    organisationsByApposition(names, sentence, lexicon, model.memory);
    // "the Cyber Security and Resilience Bill", "the Infrastructure Investment and Jobs Act": the tagger cuts a
    // law's name at its "and"; the first half is no name either.
    for (let k = names.length - 2; k >= 0; k--) {
      const [a, b] = [names[k]!, names[k + 1]!];
      if (!a.remembered && b.from === a.to + 2 && sentence[a.to + 1]!.text === 'and' && b.to > b.from && LAW_LAST.test(sentence[b.to]!.text)) names.splice(k, 1);
    }
    if (bangladeshi) {
      for (const n of names) if (n.type === 'PER' && !n.remembered && sentence[n.from - 1]?.text === 'Sheikh' && sentence[n.from]!.start - sentence[n.from - 1]!.end === 1 && !names.some((o) => o.to === n.from - 1)) n.from--;
    }
    // "In The Hague": a place whose own name in the gazetteer opens with "The" holds a capital "The" inside a sentence.
    for (const n of names) if (n.type === 'LOC' && !n.remembered && n.from > 1 && sentence[n.from - 1]!.text === 'The' && isNamedWithThe(n.from - 1, n.to, sentence)) n.from--;
    const possessive = joinPossessivePlaces(names, sentence, text, context);
    for (const name of names) {
      let { from, to } = name;
      let type = name.type;
      // "according to Ms Redfern-Hardisty": a name after Mr, Mrs or Ms is a person's, whatever the tagger read.
      if (type !== 'PER' && !name.remembered && from < to && ADDRESSED.test(sentence[from]!.text) && CAPITAL.test(sentence[from + 1]!.text)) type = 'PER';
      // No dash or other mark opens or closes a name: "NAIROBI, Kenya — Al-Shabab fighters", where the
      // tagger read the dateline's dash into the organisation.
      while (from < to && !WORD_CHARACTER.test(sentence[from]!.text)) from++;
      // "the Hamas-run Health Ministry": a hyphenated modifier opening a name is no part of it (organisationModifiers reads its first half).
      while (from < to && !name.remembered && MODIFIER_WORD.test(sentence[from]!.text)) from++;
      while (to > from && !WORD_CHARACTER.test(sentence[to]!.text)) to--;
      // Guidelines: no title or role inside a person's name, no leading "the", no possessive.
      while (from < to && ((bare(sentence[from]!.text) === 'the' && !(type === 'LOC' && sentence[from]!.text === 'The' && from > 0 && isNamedWithThe(from, to, sentence))) || (type === 'PER' && !(bangladeshi && sentence[from]!.text === 'Sheikh') && (TITLES.has(bare(sentence[from]!.text)) || PERSON_ROLES.has(bare(sentence[from]!.text)) || PLAYER_ROLES.has(bare(sentence[from]!.text)) || HONORIFICS.has(bare(sentence[from]!.text)))))) from++;
      // "U.S. Attorney Zachary Fardon", "Army Major John Smith": an office inside the name, after where it is held.
      if (type === 'PER' && !name.remembered) {
        for (let k = to - 1; k > from; k--) {
          // Not "Secretary of State John Kerry" (cut there, "of State" would be left to the person).
          if (isOffice(sentence[k]!.text) && CAPITAL.test(sentence[k]!.text) && CAPITAL.test(sentence[k + 1]!.text)) {
            from = k + 1;
            break;
          }
        }
      }
      // A place joined across a possessive keeps one that ends it ("St. John's").
      while (to > from && /^(?:['’]s|[-,.:;])$/.test(sentence[to]!.text) && !(possessive.has(name) && to === name.to)) to--;
      // "the World Health Organization H5N1 ...": a pathogen's name after an organisation's is no part of it.
      while (to > from && type === 'ORG' && !name.remembered && DISEASES.has(nameKey(sentence[to]!.text))) to--;
      // "state Health Department Epidemiologist Patsy Tassler": the post held in an organisation, before the holder's name, is no part of it.
      while (to > from && type === 'ORG' && !name.remembered && (OFFICE_LAST.has(bare(sentence[to]!.text)) || JOB_TITLES.has(bare(sentence[to]!.text))) && names.some((n) => n.type === 'PER' && n.from === to + 1)) to--;
      // "Deutsche Bank analyst": no organisation's or person's name ends in a word written in lower case, but for
      // a hashtag. Places are left alone: posts name them in lower case ("the Foyle derry").
      while (to > from && (type === 'ORG' || type === 'PER') && !name.remembered && LOWER_CASE_WORD.test(sentence[to]!.text) && !/[#@]$/.test(text.slice(0, sentence[to]!.start))) to--;
      // "the Boston Marathon", "the Beijing Olympics" read whole as a place: the place is where the event is held.
      if (type === 'LOC' && !name.remembered && to > from && EVENT_LAST.test(sentence[to]!.text)) to--;
      // "Jefferson Parish", "Saint Bernard Parish": an area's name that ends in its kind, read as an
      // organisation or a person (without its "Saint"), is that area where the gazetteer holds it whole.
      let areaNamed = false;
      if (type !== 'LOC' && !name.remembered && to > from && AREA_NAME_LAST.test(sentence[to]!.text)) {
        const isArea = (a: number) => context.gazetteer.lookup(text.slice(sentence[a]!.start, sentence[to]!.end)).some((p) => (p.kind === 'admin1' || p.kind === 'admin2') && (p.nameKind ?? 0) === 0);
        const wordBefore = from > 0 && CAPITAL.test(sentence[from - 1]!.text) && !names.some((n) => n !== name && n.to >= from - 1 && n.from <= from - 1);
        if (wordBefore && isArea(from - 1)) from--;
        if (isArea(from)) {
          type = 'LOC';
          areaNamed = true;
        }
      }
      let start = sentence[from]!.start;
      let end = sentence[to]!.end;
      if (taken(start, end)) continue;
      let nameText = text.slice(start, end);
      const key = nameKey(nameText);
      if (!key || key.length < 2 || !LETTER.test(nameText)) continue;
      // "Sen. Edward Kennedy, D-Mass.": a party and a state, written as AP writes a lawmaker's; no name of its own.
      if (PARTY_AND_STATE.test(nameText)) continue;
      // "7:00 p.m. (NZDT)", "0300 GMT", "CET time": a time zone after a clock time, or before the word time, is no name.
      if (!name.remembered && TIME_ZONES.has(key) && (CLOCK_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || TIME_AFTER.test(text.slice(end, end + 7)))) continue;
      // "the 6th century B.C.", "200 B.C.": an era, not British Columbia.
      if (ERA.test(nameText) && from > 0 && ERA_BEFORE.test(sentence[from - 1]!.text)) continue;
      // "CRICKET - ENGLAND V PAKISTAN": the sport that opens a wire headline is no name.
      if (SPORTS.has(key)) continue;
      // A faith's name is none, unless the analyst made it one; nor is a disease's ("HIV", "Hepatitis A") or El Niño's.
      if ((BELIEFS.has(key) || DISEASES.has(key) || CLIMATE_PATTERNS.has(key)) && !name.remembered && !context.registry.has(key)) continue;
      if (type === 'PER' && from === to && TITLES.has(bare(sentence[from]!.text))) continue;
      // "U.S. District Judge John Walter": a court's level before "Judge" is part of the judge's title.
      // "U.S. District Judge Sean Jordan": so with the country before it (a county's name is a place's: "Fulton County Judge").
      if (!name.remembered && /^Judges?$/.test(sentence[to + 1]?.text ?? '') && (from === to ? COURT_LEVELS.has(key) : FEDERAL_COURT_LEVELS.has(bare(sentence[to]!.text)))) continue;
      // "Jan Vandemoortele, U.N. Resident Coordinator for Pakistan": an office, not a person's name, which
      // never ends in one (words that are also surnames, "Major", "Bishop", "Marshal", are not listed).
      if (type === 'PER' && !name.remembered && OFFICE_LAST.has(bare(sentence[to]!.text))) continue;
      // "the Digital Markets Act", "the Abraham Accords", "the New START Treaty": a law or a treaty is no
      // organisation, person or place (an alliance is: "the Warsaw Pact").
      if (!name.remembered && to > from && LAW_LAST.test(sentence[to]!.text)) continue;
      // "the USS Gerald R. Ford", "INS Vikrant": a ship's name is no person's or organisation's, with its prefix or
      // after it. One read as a place stays: navies name shore bases so ("HMAS Cerberus").
      if (!name.remembered && type !== 'LOC' && (SHIP_PREFIXES.has(sentence[from]!.text) ? to > from : SHIP_PREFIXES.has(sentence[from - 1]?.text ?? ''))) continue;
      const next = sentence[to + 1];
      const before = sentence[from - 1];
      const before2 = sentence[from - 2];
      // "the Amhara region", "the Somali region": a people's name before an area's kind in lower case is the area where the gazetteer has one so named.
      const areaByKind = !name.remembered && (type === 'LOC' || type === 'GRP') && AREA_KIND_AFTER.test(next?.text ?? '') && context.gazetteer.lookup(nameText).some((p) => p.kind === 'admin1' && (p.nameKind ?? 0) <= 1);
      if (areaByKind) areaNamed = true;
      const registered = context.registry.get(key);
      const confidence = Math.round((areaNamed ? Math.max(AREA_NAMED_CONFIDENCE, name.confidence) : name.confidence) * 1000) / 1000;
      if (registered) {
        suggestions.push({ start, end, text: nameText, type: registered, confidence: Math.max(0.95, confidence), reason: 'confirmed before in this workspace' });
        continue;
      }
      // The lexicons are constraints on the type of a name the tagger found (the analyst's own decisions are not).
      const lexiconKey = nameKey(nameText.replace(/\./g, ''));
      if (!name.remembered) {
        if (areaByKind) type = 'LOC';
        else if (GROUP_NAMES.has(key)) type = 'GRP';
        else if (KNOWN_ORGANISATION_NAMES.has(lexiconKey)) type = 'ORG';
        else if (context.gazetteer.countryByName.has(key) || COUNTRY_ABBREVIATIONS.has(lexiconKey)) type = 'LOC';
        else if (type !== 'ORG' && to > from && ORGANISATION_LAST_WORDS.has(bare(sentence[to]!.text)) && !(type === 'LOC' && context.gazetteer.lookup(nameText).length)) type = 'ORG';
        // "the Dan Ryan Expressway" (a person at 86%): no person's name ends in a road's or a building's word.
        else if (type === 'PER' && to > from && FACILITY_LAST.has(bare(sentence[to]!.text))) type = 'LOC';
        // "at odds with Addis Ababa over the dam" (a group at 38%): a capital or a great city the tagger doubts as a people is the place.
        else if (type === 'GRP' && name.confidence < DOUBTED_GROUP && !context.gazetteer.demonyms.has(key) && isGreatPlace(nameText)) type = 'LOC';
        // Not a side of a result: "NEW YORK 74 57 .565" is the team, though New York is a state.
        else if (type === 'ORG' && to > from && !name.reason?.startsWith('a team') && context.gazetteer.lookup(nameText).some((p) => (p.kind === 'admin1' || p.kind === 'country') && p.nameKind === 0)) type = 'LOC';
        // "the Swat Valley": no organisation when the province or district of its name is known.
        else if (type === 'ORG' && to > from && bare(sentence[to]!.text) === 'valley' && valleyNamedAfter(text.slice(start, sentence[to - 1]!.end), context)) type = 'LOC';
      }
      // "Afghan troops", "Afghan President Ashraf Ghani": a nationality before a noun or a name
      // describes; it is not a mention of a group. Nor of an organisation: "Saudi officials", read
      // as one by a tagger that knew "Saudi" mostly from "Saudi Aramco".
      if ((type === 'GRP' || (type === 'ORG' && from === to && LOWER_FIRST.test(next?.text ?? ''))) && !name.remembered && next && WORD_CHARACTER.test(next.text) && context.gazetteer.demonyms.has(key)) continue;
      // "the U.S. Open": a tournament named after a country is not that country. A place's name before
      // other events ("the Beijing Olympics") stays: it says where, and news corpora differ on it (GMB
      // marks it, CoNLL does not).
      if (type === 'LOC' && !name.remembered && /^(?:Open|OPEN)$/.test(next?.text ?? '')) continue;
      // "West Nile virus", "Rift Valley fever", "Minamata disease": a disease named after a place is
      // no mention of it, and outbreak news writes such names often. So with "Mad Cow disease" and
      // with a person's ("Parkinson's disease", "Lou Gehrig's disease"), but not "the Pfizer flu vaccine".
      if (!name.remembered && next) {
        const ownersDisease = POSSESSIVE_MARK.test(next.text) && DISEASE_AFTER_POSSESSIVE.test(sentence[to + 2]?.text ?? '');
        if ((type === 'LOC' && DISEASE_AFTER.test(next.text)) || next.text.toLowerCase() === 'disease' || ownersDisease) {
          if (type === 'LOC') diseases.add(key);
          continue;
        }
      }
      const reason = name.remembered
        ? `${REASON[type]}, as the analyst marked it before in this workspace`
        : areaNamed
          ? 'a place: an area the gazetteer names so, with its kind'
          : name.reason && type === name.type
          ? name.reason
          : `${REASON[type]}, read by the name tagger (${Math.round(confidence * 100)}%)`;
      if (type !== 'LOC') {
        suggestions.push({ start, end, text: nameText, type: TYPE[type], confidence, reason });
        continue;
      }
      const lastWord = bare(sentence[to]!.text);
      let wantsAdminArea = !!next && /^(?:province|provincial|governorate|region|state)$/i.test(next.text);
      // "the capital of Kunduz" is the province's; "the capital of Georgia" may be the country's, which the article around it decides.
      if (before && bare(before.text) === 'of' && before2 && /^(?:capital|province|governorate|state)$/i.test(before2.text) && !(/^capital$/i.test(before2.text) && context.gazetteer.countryByName.has(key))) wantsAdminArea = true;
      if (to > from && trimsAreaHead(lastWord, nameText, text.slice(start, sentence[to - 1]!.end), (n) => context.gazetteer.lookup(n))) {
        // "Helmand Province": the name is Helmand; the head word says an admin area is meant.
        end = sentence[to - 1]!.end;
        nameText = text.slice(start, end);
        wantsAdminArea = true;
      } else if (to > from && lastWord === 'valley' && !context.gazetteer.lookup(nameText).length && valleyNamedAfter(text.slice(start, sentence[to - 1]!.end), context)) {
        // "Panjshir Valley", "Swat Valley": a valley is where the province or district of its name is.
        const s: Suggestion = { start, end, text: nameText, type: 'place', confidence, reason };
        suggestions.push(s);
        places.push({ s, wantsAdminArea: true, lookupName: text.slice(start, sentence[to - 1]!.end), amongArticleCountries: true });
        continue;
      } else if (to > from && PLACE_HEADS.has(lastWord) && !context.gazetteer.lookup(nameText).length) {
        // A facility (airfield, bridge, palace) is rarely a populated place of the same name: it is
        // left for the analyst to place on the map. A name the gazetteer holds whole is that place
        // ("Rhode Island", "Prince Edward Island", "Staten Island").
        suggestions.push({ start, end, text: nameText, type: 'place', confidence, reason, places: [] });
        continue;
      }
      // "Lamu County": a province of Kenya or Liberia that GeoNames names without the word, which the
      // name keeps (as the corpora do: "Cook County" is one name).
      let countyOf: string | undefined;
      if (to > from && lastWord === 'county' && !context.gazetteer.lookup(nameText).length) {
        const without = text.slice(start, sentence[to - 1]!.end);
        if (context.gazetteer.lookup(without).some((p) => p.kind === 'admin1')) {
          countyOf = without;
          wantsAdminArea = true;
        }
      }
      if (!countyOf && to > from && !context.gazetteer.countryByName.has(nameKey(nameText)) && !COUNTRY_ABBREVIATIONS.has(lexiconKey) && !context.gazetteer.lookup(nameText).length) {
        const k = knownPlaceEnding(sentence, from, to, text, end, context);
        if (k !== -1) {
          start = sentence[k]!.start;
          nameText = text.slice(start, end);
        }
      }
      const s: Suggestion = { start, end, text: nameText, type: 'place', confidence, reason };
      suggestions.push(s);
      // "southern Turkey", "eastern Burma": a part of a country news names by its short name.
      const full = COUNTRY_ABBREVIATIONS.get(lexiconKey) ?? COUNTRY_ABBREVIATIONS.get(lexiconKey.replace(PART_OF, ''));
      const lookupName = countyOf ?? full;
      places.push({ s, wantsAdminArea, ...(lookupName ? { lookupName } : {}) });
    }
  }
  // "60 percent of West Nile cases" in an article that writes "West Nile virus": the disease again;
  // but "in the Rift Valley" is where it broke out (and "Rift Valley province" is read as an area below).
  const isTheDisease = (s: Suggestion) =>
    s.type === 'place' &&
    diseases.has(nameKey(s.text)) &&
    !analysts(s) &&
    !LOCATIVES.has(/(\p{L}+)[ \t]+(?:the[ \t]+)?$/u.exec(text.slice(Math.max(0, s.start - 20), s.start))?.[1]?.toLowerCase() ?? '');
  for (const s of suggestions.filter(isTheDisease)) dropSuggestion(suggestions, places, s);
  // "Brent crude rose": a benchmark crude named for its oil field is no person (the tagger reads "Brent" as one at 65%).
  for (const s of suggestions.filter((s) => s.type === 'person' && !analysts(s) && CRUDE_AFTER.test(text.slice(s.end, s.end + 20)))) dropSuggestion(suggestions, places, s);
  // "The Hang Seng index gained", "the Dow Jones Industrial Average slipped": a market index is no name of ours.
  for (const s of suggestions.filter((s) => !analysts(s) && isMarketIndex(text, s))) dropSuggestion(suggestions, places, s);
  placesAmongPlaces(text, suggestions, places, context);
  organisationsAmongOrganisations(text, suggestions);
  organisationsThatSayIt(text, suggestions, context);
  peopleWhoseAdministrationItIs(text, suggestions, context);
  areasListedWithTheirKind(text, suggestions, places, model.memory);
  agreeWithinArticle(text, suggestions, places, sports);
  // Identity groups the tagger did not mark are still found by the group lexicon (the corpora
  // annotate nationalities, rarely ethnic or religious groups).
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    // The lexicon holds plain lower-case words, so lower case is key enough (and far cheaper).
    if (!GROUP_NAMES.has(m[0].toLowerCase()) || taken(start, end) || suggestions.some((s) => start < s.end && end > s.start)) continue;
    if (model.memory?.rejected.get(m[0])?.includes('GRP')) continue;
    suggestions.push({ start, end, text: m[0], type: 'group', confidence: 0.8, reason: 'an identity group (group lexicon)' });
  }
  // Organisations of the lexicon the tagger did not mark ("Hezb-e-Islami", "Inter-Services
  // Intelligence", "the Bundestag"): as they are written, capitalised, or in capitals when short ("ISI", not "Isi").
  for (const m of text.matchAll(KNOWN_ORGANISATION_WRITTEN)) {
    const start = m.index;
    const end = start + m[0].length;
    const words = m[0].split(/[\s'’‐‑–-]+/u);
    // A short word in capitals when it is an acronym ("ISI", not "Isi"); a parliament's, capitalised ("Sejm").
    const acronym = words.length === 1 && m[0].length <= 4 && !LEGISLATURES.has(nameKey(m[0]));
    // "the Fed", "Fed Chairman", "Fed officials": a short name news writes in title case, where the words around it say name.
    const titleCase = acronym && SHORT_NAMES_IN_TITLE_CASE.has(nameKey(m[0])) && /^\p{Lu}\p{Ll}+$/u.test(m[0]) && (/\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start)) || /^ \p{Lu}/u.test(text.slice(end, end + 2)) || SHORT_NAME_BODY_AFTER.test(text.slice(end, end + 16)));
    const written = acronym ? m[0] === m[0].toUpperCase() || titleCase : words.every((w) => w.length <= 3 || /^\p{Lu}/u.test(w));
    // "al Qaeda", "al-Shabaab": a short lower-case article may open it.
    const opens = /^\p{Lu}/u.test(m[0]) || (words.length > 1 && words[0]!.length <= 3 && /^\p{Lu}/u.test(words[1]!));
    if (!written || !opens || taken(start, end)) continue;
    // Names the tagger found inside it give way to the whole ("Tehrik-i-Taliban" and "Pakistan"); a longer name around it stays.
    let over = suggestions.filter((s) => start < s.end && end > s.start);
    // But not a person read from within a company's name on past it: that is the company and its
    // product ("Lockheed [Martin F-35] jets" at 37%, "[Rheinmetall Skyranger] systems" at 65%). No
    // person's name opens with a company's, and the company list holds no surname.
    const key = nameKey(m[0]);
    if (COMPANIES.has(key)) {
      // "Nissan Motor" read as a person (53%): only words of business after the company's name make it the company in full.
      const inFull = over.find((s) => s.type === 'person' && !analysts(s) && s.start === start && s.end > end && businessWordsOnly(text.slice(end, s.end)));
      if (inFull && over.length === 1) {
        inFull.type = 'organisation';
        inFull.confidence = 0.8;
        inFull.reason = 'a known organisation (organisation lexicon), with the words of business after its name';
        delete inFull.places;
        continue;
      }
      const misread = over.filter((s) => s.type === 'person' && !analysts(s) && s.start >= start && s.end > end);
      for (const s of misread) dropSuggestion(suggestions, places, s);
      over = over.filter((s) => !misread.includes(s));
    }
    const same = over.find((s) => s.start === start && s.end === end);
    // A parliament or a service the tagger read as it is: the lexicon, which the tagger has no feature
    // of, makes it surer; read doubtfully as something else ("Mossad chief" as a person), it is retyped.
    const ours = same && !analysts(same) && EXTRACTOR_ORGANISATIONS.has(nameKey(m[0]));
    if (ours && same.type === 'organisation') same.confidence = Math.max(same.confidence, 0.8);
    // A company's, a police force's, a news agency's or a central bank's name alone is no person's, however the tagger
    // reads it ("operator Energoatom" at 53%, "Gardaí said" at 76%, "Itar-Tass said" at 54%, "Bundesbank chief" at 62%); nor is an
    // armed group's a place ("Tamil Tiger rebels" at 61%).
    const sureOfItsKind =
      (same?.type === 'person' && (COMPANIES.has(key) || POLICE_FORCES.has(key) || NEWS_AGENCIES.has(key) || CENTRAL_BANKS.has(key))) || ((same?.type === 'person' || same?.type === 'place') && ARMED_GROUPS.has(key));
    const doubted = sureOfItsKind ? DOUBTED_COMPANY : DOUBTED_OTHERWISE;
    if ((same && !(ours && same.type !== 'organisation' && same.confidence < doubted)) || over.some((s) => s.start < start || s.end > end)) continue;
    if (model.memory?.rejected.get(m[0])?.includes('ORG')) continue;
    for (const s of over) dropSuggestion(suggestions, places, s);
    suggestions.push({ start, end, text: m[0], type: 'organisation', confidence: 0.8, reason: 'a known organisation (organisation lexicon)' });
  }
  joinMissionsToTheirCountry(text, suggestions, places);
  joinPartsToTheirOrganisation(text, suggestions, places);
  joinHeadsToWhatTheyAreFor(text, suggestions, places);
  mediaNamedBeforeTheirKind(text, suggestions, context);
  newspapersNamedByTheirTown(text, suggestions, places, context, taken, model.memory);
  countryOffices(text, suggestions, places, context);
  placesBeforeTheirParty(text, suggestions, places, context);
  companiesNamedByTheirBusiness(text, suggestions, context, taken, model.memory);
  servicesNamedByTheirPlace(text, suggestions, context);
  placesOpeningAsDateline(text, suggestions, places, context);
  // A country written as initials with dots ("U.K.", "U.S.A.") that the tagger did not mark: the
  // corpora write "Britain", so it seldom reads "U.K." as a name at all.
  for (const m of text.matchAll(DOTTED_INITIALS)) {
    const start = m.index;
    const end = start + m[0].length;
    const full = COUNTRY_ABBREVIATIONS.get(nameKey(m[0].replace(/\./g, ' ')));
    // Not "the U.S. Open": the tagger left it out for a reason there.
    if (!full || taken(start, end) || suggestions.some((s) => start < s.end && end > s.start) || namesAnEvent(text, end)) continue;
    if (model.memory?.rejected.get(m[0])?.includes('LOC')) continue;
    const s: Suggestion = { start, end, text: m[0], type: 'place', confidence: 0.85, reason: 'a country written as its initials (country lexicon)' };
    suggestions.push(s);
    places.push({ s, wantsAdminArea: false, lookupName: full });
  }
  return { suggestions, places, sports };
}

/**
 * "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT": in a headline in capitals the tagger
 * loses some countries (every word looks like a name there). A run of up to three words that is a
 * country's name, outside the names it found, is that country.
 */
function addCapitalCountries(names: TaggedName[], sentence: readonly TextToken[], context: ExtractContext, model: TaggerModel): void {
  const held = heldTokens(names, sentence.length);
  const added: TaggedName[] = [];
  for (let i = 0; i < sentence.length; i++) {
    for (let len = Math.min(3, sentence.length - i); len >= 1; len--) {
      // A country of two or three words takes the place of the tagger's names inside it: "SRI" read as a person.
      const inside = held.subarray(i, i + len).includes(1) ? names.filter((n) => n.from <= i + len - 1 && n.to >= i) : [];
      if (inside.length && (len < 2 || inside.some((n) => n.remembered || n.from < i || n.to > i + len - 1))) continue;
      const words = sentence.slice(i, i + len);
      if (!words.every((t) => LETTER.test(t.text))) continue;
      const name = words.map((t) => t.text).join(' ');
      if (!context.gazetteer.countryByName.has(nameKey(name)) || model.memory?.rejected.get(name)?.includes('LOC')) continue;
      for (const n of inside) names.splice(names.indexOf(n), 1);
      added.push({ from: i, to: i + len - 1, type: 'LOC', confidence: 0.8, remembered: false, reason: 'a country (country list), in a headline in capitals' });
      held.fill(1, i, i + len);
      i += len - 1;
      break;
    }
  }
  addNames(names, added);
}

/** A name the tagger reads more likely right than wrong in the article's body is read again in a headline in capitals. */
const BODY_NAME_READING = 0.5;

/**
 * The names the tagger read in the article's lines in ordinary case, by key, each with its surest
 * type; a person's surname also stands for the person ("SELES BEATS HINGIS" over "Monica Seles …").
 */
function namesOfTheBody(tagged: readonly { sentence: readonly TextToken[]; facts: { capsLine: boolean }; names: TaggedName[] }[], text: string): Map<string, { type: NameType; confidence: number }> {
  const found = new Map<string, { type: NameType; confidence: number }>();
  const keep = (key: string, type: NameType, confidence: number) => {
    const before = found.get(key);
    if (key && (!before || before.confidence < confidence)) found.set(key, { type, confidence });
  };
  for (const { sentence, facts, names } of tagged) {
    if (facts.capsLine) continue;
    for (const n of names) {
      if (n.confidence < BODY_NAME_READING) continue;
      keep(nameKey(text.slice(sentence[n.from]!.start, sentence[n.to]!.end)), n.type, n.confidence);
      if (n.type === 'PER' && n.to > n.from) keep(nameKey(sentence[n.to]!.text), 'PER', n.confidence);
    }
  }
  return found;
}

/**
 * "TENNIS - SELES BEATS HINGIS IN FINAL", "PAKISTAN BEAT ENGLAND BY NINE WICKETS": a headline in
 * capitals names the people, sides and places its story names below it, where the tagger reads them
 * in ordinary case. Words of the headline no name holds are read as the body reads them (up to three
 * words, the longest first).
 */
function addNamesReadInTheBody(names: TaggedName[], sentence: readonly TextToken[], body: ReadonlyMap<string, { type: NameType; confidence: number }>, model: TaggerModel): void {
  if (body.size === 0) return;
  const held = heldTokens(names, sentence.length);
  const added: TaggedName[] = [];
  for (let i = 0; i < sentence.length; i++) {
    for (let len = Math.min(3, sentence.length - i); len >= 1; len--) {
      if (held.subarray(i, i + len).includes(1)) continue;
      const words = sentence.slice(i, i + len);
      if (!words.every((t) => LETTER.test(t.text))) continue;
      const name = words.map((t) => t.text).join(' ');
      const key = nameKey(name);
      // "IN MAY" is no Theresa May, nor "WILL" Will Smith.
      if (len === 1 && (STOPWORDS.has(key) || WEEKDAYS_AND_MONTHS.has(key))) continue;
      const reading = body.get(key);
      if (!reading || model.memory?.rejected.get(name)?.includes(reading.type)) continue;
      added.push({ from: i, to: i + len - 1, type: reading.type, confidence: Math.round(reading.confidence * 0.9 * 1000) / 1000, remembered: false, reason: 'a name the article reads below, in a headline in capitals' });
      held.fill(1, i, i + len);
      i += len - 1;
      break;
    }
  }
  addNames(names, added);
}

/**
 * "Neighbouring Uganda has…", "Zaire/Congo", "SOS Children's Villages Sudan": a place name the
 * gazetteer does not know whose last words are a country's name, after a slash, after a participle
 * that opens the sentence, or after the one word that follows a possessive (the end of another name
 * that the tagger took into the place's), is that country. Returns the token the country starts
 * at, or -1. Elsewhere the words before a country are part of a name ("Nazi Germany", "Atlantic
 * Canada", "the Kingdom of Hungary") that the gazetteer lacks.
 */
function knownPlaceEnding(sentence: readonly TextToken[], from: number, to: number, text: string, end: number, context: ExtractContext): number {
  for (let k = from + 1; k <= to; k++) {
    const after = sentence[k - 1]!.text;
    // Not "Air France", "Transport Canada", "East Pakistan": only a participle ("Neighbouring") opens a sentence so.
    const opens = k === from + 1 && ((from === 0 && /ing$/.test(after)) || (from > 0 && /^['’]s$/.test(sentence[from - 1]!.text))) && !context.gazetteer.demonyms.has(nameKey(after));
    if (after !== '/' && !opens) continue;
    const tail = text.slice(sentence[k]!.start, end);
    if (context.gazetteer.countryByName.has(nameKey(tail)) || context.gazetteer.lookup(tail).some((p) => p.kind === 'country')) return k;
  }
  return -1;
}

/** A word of two letters or more, all in lower case. */
const LOWER_CASE_WORD = /^\p{Ll}{2,}$/u;
const ERA = /^(?:B\. ?C\.?|B\.C\.E\.|BCE?)$/;
const ERA_BEFORE = /^(?:\d[\d,]*|centur(?:y|ies)|millenni(?:um|a))$/i;
const ELIDED_PARTICLE = /^\p{Ll}{1,2}['’]\p{Lu}/u;
/** Countries whose own name is as often a person's ("Jordan said", "Chad Smith"): left to the tagger. */
const COUNTRIES_NAMED_LIKE_PEOPLE = new Set(['jordan', 'chad']);
/** Words that open a sentence without being part of the name after them ("In Canada", "But Afghanistan"). */
const SENTENCE_OPENERS = new Set(['the', 'in', 'but', 'and', 'on', 'at', 'from', 'for', 'after', 'before', 'with', 'while', 'as', 'since', 'across', 'like']);
const ELECTION_AFTER = /^ (?:[a-z]+ )?(?:elections?|referendum)\b/;
/** "the city of Port-au-Prince": words that say a place's name follows "of". */
const PLACE_KIND_BEFORE_OF = new Set(['city', 'town', 'village', 'capital', 'port', 'suburb', 'province', 'state', 'district', 'region']);

/**
 * Places the tagger left out where the text leaves no doubt. It reads "Little Rock, Arkansas" as
 * Arkansas alone, "In 2004 Afghanistan, India" as India, and no name at all in "the recent United
 * Kingdom outbreak" or "the city of Port-au-Prince". A run of capitalised words outside every name
 * (a word that opens the sentence aside) is a place when it is a country's own name; a town the
 * gazetteer puts in the province or country written after it with a comma; a place the gazetteer
 * knows after "city of", "town of" and the like; or a name the article reads as a place elsewhere,
 * alone or before a title ("Indiana Governor Mike Pence").
 */
function addMissedPlaces(names: TaggedName[], sentence: readonly TextToken[], text: string, context: ExtractContext, model: TaggerModel, articlePlaces: ReadonlySet<string>, provinces: ReadonlySet<string>): void {
  const held = heldTokens(names, sentence.length);
  // "Côte d'Ivoire": an elided particle before a capital is part of the name (not its first word).
  const capitalised = (i: number) => held[i] === 0 && (CAPITAL.test(sentence[i]!.text) || ELIDED_PARTICLE.test(sentence[i]!.text)) && LETTER.test(sentence[i]!.text);
  const added: TaggedName[] = [];
  // A capitalised word right before or after is part of another name ("South Korean", "Giro d'Italia").
  // (A title after it is not one: "Indiana Governor".)
  const besideAName = (from: number, to: number, beforeTitle = false) =>
    (from > 0 && CAPITAL.test(sentence[from - 1]!.text) && sentence[from]!.start - sentence[from - 1]!.end <= 1) ||
    (!beforeTitle && to + 1 < sentence.length && CAPITAL.test(sentence[to + 1]!.text) && sentence[to + 1]!.start - sentence[to]!.end <= 1);
  const add = (from: number, to: number, confidence: number, reason: string) => added.push({ from, to, type: 'LOC', confidence, remembered: false, reason });
  for (let i = 0; i < sentence.length; i++) {
    if (!capitalised(i) || !CAPITAL.test(sentence[i]!.text)) continue;
    let j = i;
    while (j + 1 < sentence.length && capitalised(j + 1) && sentence[j + 1]!.start - sentence[j]!.end <= 1) j++;
    const runEnd = j;
    let from = i;
    if (from === 0 && from < runEnd && SENTENCE_OPENERS.has(bare(sentence[0]!.text))) from++;
    // "Indiana Governor": the words before a title.
    let to = runEnd;
    let beforeTitle = false;
    for (let k = from + 1; k <= runEnd; k++) {
      const w = bare(sentence[k]!.text);
      // A title of the person named next ("Indiana Governor Eric Holcomb"), not "Miami Vice".
      if ((TITLES.has(w) || OFFICES.has(w)) && (k < runEnd || names.some((n) => n.type === 'PER' && n.from === runEnd + 1))) {
        to = k - 1;
        // "Kosovo Foreign Minister": the portfolio is the title's too.
        while (to > from && PORTFOLIO_WORDS.has(bare(sentence[to]!.text))) to--;
        beforeTitle = true;
        break;
      }
    }
    i = runEnd;
    const name = text.slice(sentence[from]!.start, sentence[to]!.end);
    const key = nameKey(name);
    if (!key || model.memory?.rejected.get(name)?.includes('LOC')) continue;
    // "the 1992 United Kingdom general election": the name of an event, which the tagger leaves whole to itself.
    if (ELECTION_AFTER.test(text.slice(sentence[to]!.end, sentence[to]!.end + 40))) continue;
    // Another name of a country counts in two words or more ("Côte d'Ivoire"): one word alone is as
    // often a nationality or a word of some language ("Saudi", "Island" for Iceland).
    const country = context.gazetteer.countryByName.has(key) || (to > from && context.gazetteer.lookup(name).some((p) => p.kind === 'country'));
    // "Kosovo Prime Minister Albin Kurti": a title after it is no part of its name.
    if (country && !COUNTRIES_NAMED_LIKE_PEOPLE.has(key) && !context.gazetteer.demonyms.has(key) && !besideAName(from, to, beforeTitle)) {
      add(from, to, 0.8, 'a country (country list) the name tagger left out');
    } else if (articlePlaces.has(key) && (to === runEnd || beforeTitle) && !besideAName(from, to, beforeTitle) && context.gazetteer.lookup(name).some((p) => (p.nameKind ?? 0) === 0 && p.kind !== 'continent')) {
      add(from, to, 0.7, 'a place, as the article reads this name elsewhere');
    } else if (to === runEnd) {
      const comma = sentence[to + 1]?.text === ',' ? names.find((n) => n.from === to + 2 && n.type === 'LOC') : undefined;
      if (comma) {
        const area = nameKey(text.slice(sentence[comma.from]!.start, sentence[comma.to]!.end));
        const areaCountry = context.gazetteer.countryByName.get(area);
        if (context.gazetteer.lookup(name).some((p) => p.kind !== 'country' && ((p.admin1Name && nameKey(p.admin1Name) === area) || (areaCountry && p.country === areaCountry)))) {
          add(from, to, 0.8, 'a town the gazetteer places in the province or country named after it');
          continue;
        }
      }
      const kind = sentence[from - 2];
      if (kind && sentence[from - 1]!.text === 'of' && PLACE_KIND_BEFORE_OF.has(kind.text) && context.gazetteer.lookup(name).length) {
        add(from, to, 0.75, `a place the gazetteer knows, after "${kind.text} of"`);
        continue;
      }
      if (from > 0 && !besideAName(from, to) && listedWithPlaceInItsProvince(names, sentence, text, from, to, name, context)) {
        add(from, to, 0.7, 'a place listed with another that the gazetteer puts in the same province');
        continue;
      }
      // "the Nuseirat refugee camp", "Kalma displacement camp", "Sake village": a name the gazetteer
      // knows, right before the word for its kind of place. A camp only with the word for whom it
      // holds: "the Romney camp" is a campaign's.
      if (!besideAName(from, to) && key.length >= 4 && !STOPWORDS.has(key) && !WEEKDAYS_AND_MONTHS.has(key) && KIND_AFTER.test(text.slice(sentence[to]!.end, sentence[to]!.end + 40)) && context.gazetteer.lookup(name).some((p) => p.kind === 'city' || p.kind === 'admin2')) {
        add(from, to, 0.7, 'a place the gazetteer knows, before the word for its kind');
        continue;
      }
      // "the district headquarters of Dasht-e-Archi in northern Kunduz province": a town or district
      // by its own name, in a province the article names, after a word of place. Only there: a
      // state of the US holds towns called Liberty, Hope and Victory, which a capitalised word that
      // is no place would match.
      if (from > 0 && PLACE_PREPOSITIONS.has(sentence[from - 1]!.text.toLowerCase()) && !besideAName(from, to) && key.length >= 4 && !STOPWORDS.has(key) && !WEEKDAYS_AND_MONTHS.has(key) && !TITLES.has(key) && context.gazetteer.lookup(name).some((p) => (p.kind === 'city' || p.kind === 'admin2') && (p.nameKind ?? 0) === 0 && !!p.admin1 && provinces.has(p.admin1))) {
        add(from, to, 0.65, 'a place the gazetteer puts in a province the article names');
      }
    }
  }
  addNames(names, added);
}

/** The kind of place after its name, in lower case: "Nuseirat refugee camp", "Sake village" (areas: placesByApposition.ts). */
const KIND_AFTER = /^[ \t]+(?:(?:refugee|displacement|IDP|displaced[ \t]+persons?)[ \t]+camp|village|township|neighbou?rhood|suburb|settlement)\b/u;

/** Words a place's name follows: "headquarters of Dasht-e-Archi", "spread into Tortí". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'of', 'from', 'into', 'outside', 'around', 'across', 'to']);

/** Words after which a list names where: "arrivals in Adré and Farchana". */
const LOCATIVES = new Set(['in', 'at', 'near', 'into', 'around', 'across']);

/**
 * "15,000 new arrivals in Adré and Farchana": the tagger reads the first town and takes the second,
 * a word it does not know, for a person it doubts. A one-word name it reads as a person below even
 * odds is a place too where it closes a list of places it reads at even odds or better, which a
 * word of place opens ("in", "near"); so is a person's name of any certainty that is a city's of
 * 100,000 people ("in Rafah and Khan Younis"). Not after "between" or "to", which name sides as often
 * ("talks between Kabul and Zardari").
 */
function doubtedPeopleListedWithPlaces(names: TaggedName[], sentence: readonly TextToken[], isCity: (from: number, to: number) => boolean): void {
  for (let k = 1; k < names.length; k++) {
    const n = names[k]!;
    if (n.type !== 'PER' || n.remembered || !LIST_JOINS.has(sentence[n.from - 1]?.text ?? '')) continue;
    // Back over the places of the list, each a joining word before the next, to the word that opens it.
    const listed = (j: number, next: number) => names[j]!.type === 'LOC' && names[j]!.confidence >= DOUBTED_READING && names[j]!.to === next - 2 && LIST_JOINS.has(sentence[next - 1]!.text);
    if (!listed(k - 1, n.from)) continue;
    let first = k - 1;
    while (first > 0 && listed(first - 1, names[first]!.from)) first--;
    if (!LOCATIVES.has(sentence[names[first]!.from - 1]?.text.toLowerCase() ?? '')) continue;
    // A one-word person the tagger doubts, or a person of any certainty whose whole name is a city's
    // ("in Rafah and Khan Younis", read as a person at 79%).
    if (!(n.from === n.to && n.confidence < DOUBTED_READING) && !isCity(n.from, n.to)) continue;
    names[k] = { ...n, type: 'LOC', reason: 'a place, listed with places after a word of place' };
  }
}

/** The word that closes the name of a strait, canal, pass or other physical feature ("Taiwan Strait", "Suez Canal"), with the feature codes it names. */
const FEATURE_WORDS: Record<string, readonly string[]> = {
  strait: ['STRT'], straits: ['STRT'], canal: ['CNL'], pass: ['PASS'], sea: ['SEA'], gulf: ['GULF'], bay: ['BAY'], channel: ['CHN'],
  sound: ['SD'], river: ['STM'], glacier: ['GLCR'], shoal: ['SHOL'], desert: ['DSRT'], peninsula: ['PEN'], mountains: ['MTS'],
};

/**
 * "Ships in the Taiwan Strait", "the Kerch Strait bridge": the tagger reads a strait's or a canal's
 * name as an organisation's (its head word is no place word it learnt), which leaves it off the
 * map. An organisation, not confirmed by the analyst, whose whole name is a physical feature's own
 * name in the gazetteer and ends in that feature's word, is that feature; and one the tagger doubts
 * whose name only a region has ("the Maghreb", read as an organisation at 47%) is that region.
 */
function physicalFeaturesReadAsOrganisations(names: TaggedName[], sentence: readonly TextToken[], text: string, context: ExtractContext): void {
  for (const [k, n] of names.entries()) {
    if (n.type !== 'ORG' || n.remembered) continue;
    const name = text.slice(sentence[n.from]!.start, sentence[n.to]!.end);
    const codes = n.from === n.to ? undefined : FEATURE_WORDS[sentence[n.to]!.text.toLowerCase()];
    if (codes && context.gazetteer.lookup(name).some((p) => p.kind === 'region' && (p.nameKind ?? 0) === 0 && codes.includes(p.feature ?? ''))) {
      names[k] = { ...n, type: 'LOC', reason: 'a place: a physical feature the gazetteer holds by this name' };
    } else if (n.confidence < DOUBTED_REGION_ORGANISATION && isRegionOnly(name, context)) {
      names[k] = { ...n, type: 'LOC', reason: 'a place: a region the gazetteer holds by this name' };
    }
  }
}

/** Below this, an organisation named as a region is the region. */
const DOUBTED_REGION_ORGANISATION = 0.6;

/**
 * "Jihadists in the Levant and the Maghreb": a name that is a region's own or other name in the
 * gazetteer (the Maghreb, the Levant, the Balkans) and no town's, province's or company's.
 */
function isRegionOnly(name: string, context: ExtractContext): boolean {
  const places = context.gazetteer.lookup(name).filter((p) => (p.nameKind ?? 0) <= 1);
  return places.length > 0 && places.every((p) => p.kind === 'region' && p.feature === 'RGN') && !COMPANIES.has(nameKey(name));
}

/** A country, a province or a city of a million people, by its own name: a state whose bodies news names ("Taiwan's Mainland Affairs Council"). */
const isNation = (name: string, context: ExtractContext) =>
  context.gazetteer.countryByName.has(nameKey(name)) ||
  context.gazetteer.lookup(name).some((p) => (p.nameKind ?? 0) === 0 && (p.kind === 'country' || p.kind === 'admin1' || (p.kind === 'city' && p.population >= 1_000_000)));

/** A city of 100,000 people by its own or an alternate name ("Khan Younis" for Khān Yūnis). */
const isSizeableCity = (name: string, context: ExtractContext) => context.gazetteer.lookup(name).some((p) => p.kind === 'city' && p.population >= 100_000 && (p.nameKind ?? 0) <= 1);

/** Below this, a person's reading of a city's two words gives way to the city. */
const DOUBTED_PERSON_CITY = 0.7;

/**
 * "Airstrikes hit Khan Younis": the tagger reads a city whose first word is a person's name ("Khan",
 * "San", "Santa") as a person it doubts. A person of two words or more read below 0.7, whose words
 * are a city of 100,000 people in a country of the article's places, is that city. A person's name
 * seldom is a whole city's too, and never in an article about that city's country. Changes `names` in place.
 */
function doubtedPeopleNamedAsTheArticlesCities(names: TaggedName[], sentence: readonly TextToken[], text: string, context: ExtractContext, articleCountries: ReadonlySet<string>): void {
  for (const n of names) {
    if (n.type !== 'PER' || n.remembered || n.from === n.to || n.confidence >= DOUBTED_PERSON_CITY) continue;
    const name = text.slice(sentence[n.from]!.start, sentence[n.to]!.end);
    if (!context.gazetteer.lookup(name).some((p) => p.kind === 'city' && p.population >= 100_000 && (p.nameKind ?? 0) <= 1 && !!p.country && articleCountries.has(p.country))) continue;
    n.type = 'LOC';
    n.reason = 'a place: a city of the article\'s country, named like a person';
  }
}

/**
 * The words Arabic and Persian place names open with, which no person's name does: "Ras" (cape),
 * "Tal"/"Tell" (hill), "Deir" (monastery), "Jisr" (bridge), "Ain" (spring), "Bir" (well), "Kafr"
 * (village), "Beit" (house), "Qala" (fort), "Deh" (village)… Not "Abu", "Umm" or "Khan", which open
 * people's names as often.
 */
const PLACE_WORDS = new Set(
  `Ras Ra's Tal Tall Tell Deir Dayr Jisr Ain Ayn Bir Wadi Jabal Jebel Kafr Kfar Beit Bayt Bab Qasr Marj Nahr Qala Qalat Qal'at Deh Hammam Mazraat`.split(' '),
);

/**
 * People the tagger reads where the article names towns of its country, in two shapes:
 * - "Residents fled Manbij and Ras al-Ain": a name with the Arabic article inside reads as a
 *   person's, even one that opens with a word for a place; a person of two words or more whose first
 *   word is such a word;
 * - "Kurdish forces held Qamishli and Kobani in northeastern Syria": a word the tagger does not know,
 *   opening a list whose next name is a place; a one-word person read below even odds, right before
 *   "and", "or" or a comma and a place (a person closing such a list: doubtedPeopleListedWithPlaces).
 * Either is a place where `isTown` says the gazetteer has a town or district so named (or spelled
 * alike: "Ras al-Ain" for Ra's al 'Ayn) in a country of the article. Changes `names` in place.
 */
function peopleNamedAsTheArticlesTowns(names: TaggedName[], sentence: readonly TextToken[], text: string, isTown: (name: string) => boolean): void {
  names.forEach((n, k) => {
    if (n.type !== 'PER' || n.remembered) return;
    const first = sentence[n.from]!.text.split(/[-‐]/)[0]!;
    const placeWord = n.from < n.to && PLACE_WORDS.has(first);
    const next = names[k + 1];
    const opensList =
      n.from === n.to && n.confidence < DOUBTED_READING && next?.type === 'LOC' && next.confidence >= DOUBTED_READING && next.from === n.to + 2 && LIST_JOINS.has(sentence[n.to + 1]!.text);
    if ((!placeWord && !opensList) || !isTown(text.slice(sentence[n.from]!.start, sentence[n.to]!.end))) return;
    names[k] = {
      ...n,
      type: 'LOC',
      reason: placeWord ? `a place: "${first}" opens place names, and the gazetteer has one so named in the article's country` : "a place, opening a list of places, that the gazetteer has in the article's country",
    };
  });
}

/** A town or district of this name (or spelled alike) in one of these countries. */
function isTownOf(name: string, context: ExtractContext, countries: ReadonlySet<string>): boolean {
  const found = context.gazetteer.lookup(name);
  const places = found.length ? found : (context.gazetteer.lookupSkeleton?.(name) ?? []);
  return places.some((p) => (p.kind === 'city' || p.kind === 'admin2') && !!p.country && countries.has(p.country));
}

/** Words that join the names of a list: "Pandi and Talavera", "Kunduz, Baghlan or Takhar". */
const LIST_JOINS = new Set([',', 'and', 'or']);

/**
 * "6,000 pigs at Pandi and Talavera farms": the tagger reads the first town and leaves the second,
 * used as a modifier. A name listed right beside a place the tagger read (joined by "and", "or" or
 * a comma) is a place where the gazetteer has both in the same province of the same country: two
 * towns of one area named together, which a person or a company so named beside a town seldom is.
 */
function listedWithPlaceInItsProvince(
  names: readonly TaggedName[],
  sentence: readonly TextToken[],
  text: string,
  from: number,
  to: number,
  name: string,
  context: ExtractContext,
): boolean {
  const before = LIST_JOINS.has(sentence[from - 1]!.text) ? names.find((n) => n.to === from - 2) : undefined;
  const after = LIST_JOINS.has(sentence[to + 1]?.text ?? '') ? names.find((n) => n.from === to + 2) : undefined;
  const beside = [before, after].filter((n): n is TaggedName => n !== undefined && n.type === 'LOC' && n.confidence >= 0.5);
  if (beside.length === 0) return false;
  const areas = (places: readonly Place[]) => new Set(places.filter((p) => p.admin1Name && (p.nameKind ?? 0) === 0 && p.kind !== 'country' && p.kind !== 'continent').map((p) => `${p.country}/${p.admin1Name}`));
  const own = areas(context.gazetteer.lookup(name));
  if (own.size === 0) return false;
  return beside.some((n) => [...areas(context.gazetteer.lookup(text.slice(sentence[n.from]!.start, sentence[n.to]!.end)))].some((a) => own.has(a)));
}

/** A name of several words that a disputed area or a natural region has ("Turkish Republic of Northern Cyprus", "Russian Far East"). */
const namesARegion = (name: string, context: ExtractContext) =>
  name.includes(' ') && context.gazetteer.lookup(name).some((p) => p.kind === 'region' && (p.nameKind ?? 0) <= 1);

/**
 * "the Czech Republic": the tagger reads the nationality before "Republic" as a group of its own (or
 * not at all) and "Republic" as a town of that name in Missouri, whose country then pulls the
 * article's other places to the United States. A place whose one word before it makes a country's
 * name with it is that country. So are two names of any types that together make one: the tagger
 * reads a sentence's opening "Sri Lanka" as a person "Sri" and a group "Lanka". Names that together
 * name a region are that region: "the Turkish Republic of Northern Cyprus" is no nationality and a place.
 */
function joinCountryNames(names: TaggedName[], sentence: readonly TextToken[], text: string, context: ExtractContext): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const b = names[k]!;
    const prior = names[k - 1];
    if (prior && prior.to === b.from - 1 && !prior.remembered && !b.remembered) {
      const joined = text.slice(sentence[prior.from]!.start, sentence[b.to]!.end);
      if (context.gazetteer.countryByName.has(nameKey(joined)) || namesARegion(joined, context)) {
        names.splice(k - 1, 2, { from: prior.from, to: b.to, type: 'LOC', confidence: Math.max(prior.confidence, b.confidence), remembered: false });
        k--;
        continue;
      }
    }
    if (b.type !== 'LOC' || b.remembered || b.from === 0) continue;
    const word = sentence[b.from - 1]!;
    const a = names[k - 1]?.to === b.from - 1 ? names[k - 1]! : null;
    if ((a && (a.from !== b.from - 1 || a.remembered)) || !CAPITAL.test(word.text)) continue;
    const name = text.slice(word.start, sentence[b.to]!.end);
    if (!context.gazetteer.countryByName.has(nameKey(name)) && !context.gazetteer.lookup(name).some((p) => p.kind === 'country')) continue;
    const joined: TaggedName = { from: b.from - 1, to: b.to, type: 'LOC', confidence: Math.max(a?.confidence ?? 0, b.confidence), remembered: false };
    if (a) names.splice(k - 1, 2, joined);
    else names.splice(k, 1, joined);
  }
}

/**
 * "the Democratic Republic of the Congo", "the Islamic Republic of Iran": the tagger ends a name at
 * "of", and reads "Democratic Republic" as one name and "Congo" as another, the Republic of the
 * Congo. Words around an "of" that are a country's name in the gazetteer (its own or a variant) are
 * that one country, wherever the tagger saw a name in them and the analyst marked none.
 */
function joinCountriesNamedWithOf(names: TaggedName[], sentence: readonly TextToken[], text: string, context: ExtractContext): void {
  const countries = context.gazetteer.countryNamesWithOf;
  if (countries.size === 0) return;
  const { first, last } = endsOfNames(countries);
  for (let k = 1; k + 1 < sentence.length; k++) {
    if (sentence[k]!.text !== 'of') continue;
    let best: { from: number; to: number } | null = null;
    for (let from = Math.max(0, k - 3); from < k; from++) {
      if (!CAPITAL.test(sentence[from]!.text) || !first.has(firstWord(nameKey(sentence[from]!.text)))) continue;
      for (let to = Math.min(sentence.length - 1, k + 4); to > k; to--) {
        if (!CAPITAL.test(sentence[to]!.text) || (best && to - from <= best.to - best.from) || !last.has(lastWord(nameKey(sentence[to]!.text)))) continue;
        if (countries.has(nameKey(text.slice(sentence[from]!.start, sentence[to]!.end)))) best = { from, to };
      }
    }
    if (!best) continue;
    const { from, to } = best;
    const overlapping = names.filter((n) => n.from <= to && n.to >= from);
    if (overlapping.length === 0 || overlapping.some((n) => n.remembered)) continue;
    const joined: TaggedName = { from, to, type: 'LOC', confidence: Math.max(...overlapping.map((n) => n.confidence)), remembered: false };
    names.splice(names.indexOf(overlapping[0]!), overlapping.length, joined);
    k = to;
  }
}

const firstWord = (key: string) => key.slice(0, key.indexOf(' ') >>> 0);
const lastWord = (key: string) => key.slice(key.lastIndexOf(' ') + 1);

/**
 * The words names start and end with (a name's key starts with its first word's key), so that only
 * cuts that could be a name are keyed whole: most "of"s stand between words no country's name has.
 */
const namesEnds = new WeakMap<Set<string>, { first: Set<string>; last: Set<string> }>();
function endsOfNames(keys: Set<string>): { first: Set<string>; last: Set<string> } {
  let ends = namesEnds.get(keys);
  if (!ends) {
    ends = { first: new Set([...keys].map(firstWord)), last: new Set([...keys].map(lastWord)) };
    namesEnds.set(keys, ends);
  }
  return ends;
}

/**
 * "Ramallah and Bethlehem", "Deutsche Bank and Commerzbank", "the European Union and Turkey": the
 * tagger runs two names joined by "and" into one, typed as an organisation, and both are lost to the
 * map and the registry. A name is split at its "and" when the whole is no place of its own
 * ("Bosnia and Herzegovina", "Trinidad and Tobago" stay whole) and either both halves are countries
 * or sizeable places, or one half is a country, or the first half ends as an organisation's name ends
 * ("… Bank", "… Union") or is a body named by one word ("the Senate and Congress"), or both halves
 * open with the same word ("Radio Free Asia and Radio Kabul") or hold the same head word ("the
 * University of Kent and Canterbury Christ Church University"), or the second opens with a head word
 * and what it is for ("the Institute for Peace and Council on Trade"), or the two close a list ("Sainsbury's,
 * Tesco and Asda"). "Food and Agriculture Organization",
 * "Procter and Gamble" and "the Department of Health and Human Services" stay whole.
 */
function splitJoinedNames(names: TaggedName[], sentence: readonly TextToken[], text: string, context: ExtractContext): void {
  const span = (from: number, to: number) => text.slice(sentence[from]!.start, sentence[to]!.end);
  const isCountry = (from: number, to: number) => {
    const key = nameKey(span(from, to).replace(/^the /i, ''));
    return context.gazetteer.countryByName.has(key) || COUNTRY_ABBREVIATIONS.has(key);
  };
  // A town of a few thousand people shares its name with too many words and people ("Law and Justice", "Brooks and Dunn").
  const isPlace = (from: number, to: number) =>
    isCountry(from, to) || context.gazetteer.lookup(span(from, to)).some((p) => (p.nameKind ?? 0) <= 1 && (p.kind === 'country' || p.kind === 'admin1' || p.population >= 20_000));
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    if (n.remembered) continue;
    const ands: number[] = [];
    for (let i = n.from + 1; i < n.to; i++) if (sentence[i]!.text === 'and') ands.push(i);
    if (ands.length === 0) continue;
    // Several "and"s ("International Union of Pure and Applied Chemistry and International Union of Pure
    // and Applied Physics"): cut only where the second name opens with the first one's opening words.
    const and = ands.length === 1 ? ands[0]! : (ands.find((i) => i + 2 <= n.to && sentence[i + 1]!.text === sentence[n.from]!.text && sentence[i + 2]!.text === sentence[n.from + 1]!.text) ?? -1);
    if (and < 0) continue;
    const whole = span(n.from, n.to);
    if (context.gazetteer.countryByName.has(nameKey(whole)) || context.gazetteer.lookup(whole).length) continue;
    const [a, b] = [
      { from: n.from, to: and - 1 },
      { from: sentence[and + 1]!.text.toLowerCase() === 'the' ? and + 2 : and + 1, to: n.to },
    ];
    if (b.from > b.to || !CAPITAL.test(sentence[a.from]!.text) || !CAPITAL.test(sentence[b.from]!.text)) continue;
    // A compass word alone shares the second half's head: "Central and South America", "North and South Korea".
    if (a.from === a.to && SIDE_ALONE.test(sentence[a.from]!.text)) continue;
    const [aPlace, bPlace] = [isPlace(a.from, a.to), isPlace(b.from, b.to)];
    const country = isCountry(a.from, a.to) || isCountry(b.from, b.to);
    const organisation =
      (a.to > a.from && (ORGANISATION_LAST_WORDS.has(bare(sentence[a.to]!.text)) || JOINED_ORGANISATION_ENDS.has(bare(sentence[a.to]!.text)))) ||
      (a.from === a.to && INSTITUTIONS.has(bare(sentence[a.from]!.text))) ||
      // "Radio Free Asia and Radio Kabul": a name does not open again with its own first word.
      (a.to > a.from && b.to > b.from && sentence[a.from]!.text === sentence[b.from]!.text) ||
      // "the University of Kent and Canterbury Christ Church University": each half holds the same head word.
      (a.to > a.from && b.to > b.from && sharesHead(sentence, a, b)) ||
      // "the Office on Drugs and Commission on Narcotics": a second head and what it is for open a name again.
      (a.to > a.from && opensWithHead(sentence, b) && heads(sentence, a).length > 0);
    // "Sainsbury's, Tesco and Asda": the last two names of a list, after a comma that closes another
    // name (its possessive too), with no more of the list after them. Not "… Separation of Church and
    // State": an "and" two words after "of" joins what the name is of.
    const before = n.from >= 3 && POSSESSIVE.test(sentence[n.from - 2]!.text) ? n.from - 3 : n.from - 2;
    const listed = ands.length === 1 && names[k - 1]?.to === before && sentence[n.from - 1]!.text === ',' && !LIST_JOINS.has(sentence[n.to + 1]?.text ?? '') && sentence[and - 2]?.text !== 'of';
    if (!(aPlace && bPlace) && !country && !organisation && !listed) continue;
    // Each half a place of its own is a place ("the Shan State National Army and Rangoon"); the rest keeps the tagger's type.
    const typeOf = (place: boolean): NameType => (place ? 'LOC' : n.type);
    names.splice(k, 1, { ...a, type: typeOf(aPlace && !organisation), confidence: n.confidence, remembered: false }, { ...b, type: typeOf(bPlace), confidence: n.confidence, remembered: false });
  }
}

/**
 * Whether a valley's name without "Valley" is a province or district the valley may be placed at:
 * not a country's name ("the Jordan Valley" lies along a border, far from Jordan's point), nor only a
 * town's ("the San Fernando Valley" would go to the larger San Fernando in the Philippines), nor a
 * name the gazetteer lacks ("Silicon Valley", "the Rift Valley"): those stay for the analyst to place.
 */
function valleyNamedAfter(name: string, context: ExtractContext): boolean {
  if (context.gazetteer.countryByName.has(nameKey(name))) return false;
  return context.gazetteer.lookup(name).some((p) => p.kind === 'admin1' || p.kind === 'admin2');
}

/** The capitalised words in a span that head organisations' names ("University", "Ministry"). */
const heads = (sentence: readonly TextToken[], span: { from: number; to: number }) =>
  sentence.slice(span.from, span.to + 1).filter((t) => CAPITAL.test(t.text) && ORG_HEADS.has(bare(t.text))).map((t) => t.text);

/** Whether both spans hold the same head word. */
function sharesHead(sentence: readonly TextToken[], a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  const inB = new Set(heads(sentence, b));
  return heads(sentence, a).some((w) => inB.has(w));
}

const HEAD_LINKS = new Set(['of', 'on', 'for', 'to']);

/** Whether a span opens with a head word and the small word that says what it is for (in the span or after it): "Commission on…", "Office for…". */
function opensWithHead(sentence: readonly TextToken[], span: { from: number; to: number }): boolean {
  return CAPITAL.test(sentence[span.from]!.text) && ORG_HEADS.has(bare(sentence[span.from]!.text)) && HEAD_LINKS.has(sentence[span.from + 1]?.text ?? '');
}

const SIDE_ALONE = new RegExp(`^(?:${COMPASS_WORDS.join('|')})$`, 'i');

/** Bodies news names by one word, which no name joins to another by "and": "the Senate and Congress", "the Court and National Assembly". */
const INSTITUTIONS = new Set(['senate', 'congress', 'parliament', 'cabinet', 'government', 'army', 'navy', 'police', 'pentagon', 'kremlin', 'judiciary', 'legislature', 'court', 'assembly']);

/** Last words of an organisation's name that end no place's or person's name before "and …". */
const JOINED_ORGANISATION_ENDS = new Set(['bank', 'union', 'fund', 'times', 'army', 'group']);

const POSSESSIVE = /^['’]s$/;
const SAINT = /^(?:St\.?|Saint|Ste\.?)$/u;
/** What is named after a saint with the saint's possessive: a building or a place (a hospital or a college is an organisation, extract.ts). */
const SAINTS_PLACES = new Set(['basilica', 'cathedral', 'church', 'abbey', 'chapel', 'priory', 'square', 'hospital', 'college', 'school', 'park', 'hall', 'bay', 'island', 'mount']);
const SAINTS_PLACE_CONFIDENCE = 0.6;

/**
 * "Queen Anne's County", "Democratic People's Republic of Korea", "St. John's": the tagger reads the
 * possessive as the end of a name (the corpora split it off), and types the halves apart. Where the
 * words through the possessive, and the name after it if there is one, are a place's own name in
 * the gazetteer or a country's, they are that one place (its possessive kept: "St. John's"). A word
 * before the first half joins when the tagger left it out ("Queen"). So is a saint's name with its
 * possessive and a building's word ("St. Peter's Basilica"). Returns the names so joined.
 */
function joinPossessivePlaces(names: TaggedName[], sentence: readonly TextToken[], text: string, context: ExtractContext): Set<TaggedName> {
  const joinedNames = new Set<TaggedName>();
  const isPlace = (from: number, to: number) => {
    const name = text.slice(sentence[from]!.start, sentence[to]!.end);
    return context.gazetteer.countryByName.has(nameKey(name)) || context.gazetteer.lookup(name).some((p) => p.nameKind === 0);
  };
  for (let k = names.length - 1; k >= 0; k--) {
    const a = names[k]!;
    const s = a.to + 1;
    if (!sentence[s] || !POSSESSIVE.test(sentence[s]!.text) || sentence[s]!.start !== sentence[a.to]!.end) continue;
    const b = names[k + 1]?.from === s + 1 ? names[k + 1]! : null;
    const starts = a.from > 0 && /^\p{Lu}/u.test(sentence[a.from - 1]!.text) ? [a.from, a.from - 1] : [a.from];
    const ends = b ? [b.to, s] : [s];
    let joined: { from: number; to: number } | null = null;
    for (const from of starts) for (const to of ends) if (!joined && isPlace(from, to)) joined = { from, to };
    // "St. Peter's Basilica", "St Thomas' Hospital": a saint's name, its possessive and a building or a place named after the saint.
    const saints = !joined && SAINT.test(sentence[a.from]!.text) && SAINTS_PLACES.has(sentence[s + 1]?.text.toLowerCase() ?? '') && /^\p{Lu}/u.test(sentence[s + 1]!.text) && (!b || b.to === s + 1);
    if (saints) joined = { from: a.from, to: s + 1 };
    if (!joined) continue;
    const both = b !== null && joined.to === b.to;
    const confidence = Math.min(a.confidence, both ? b.confidence : a.confidence);
    const merged: TaggedName = { from: joined.from, to: joined.to, type: 'LOC', confidence: saints ? Math.max(SAINTS_PLACE_CONFIDENCE, confidence) : confidence, remembered: false };
    names.splice(k, both ? 2 : 1, merged);
    joinedNames.add(merged);
    if (k > 0 && names[k - 1]!.to >= joined.from) names.splice(k - 1, 1);
  }
  return joinedNames;
}

/** The runs of names (in text order) that `join` joins, each name in one run: the lists of an article. */
function runsJoined(text: string, inOrder: readonly Suggestion[], join: RegExp): Suggestion[][] {
  const runs: Suggestion[][] = [];
  for (let k = 0; k < inOrder.length; ) {
    let end = k;
    while (end + 1 < inOrder.length && join.test(text.slice(inOrder[end]!.end, inOrder[end + 1]!.start))) end++;
    runs.push(inOrder.slice(k, end + 1));
    k = end + 1;
  }
  return runs;
}

/** The surnames (name keys) of the people the article names in full: such a word alone is that person. */
const surnamesOf = (inOrder: readonly Suggestion[]) => new Set(inOrder.filter((s) => s.type === 'person' && /\s/.test(s.text)).map((s) => nameKey(s.text).split(' ').at(-1)!));

/** What joins the names of a list: "Moonbi, Parkes, Berry and Wyong". */
const LIST_JOIN = /^(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$/;
/** Words before a name that put a place there: "near Tyler", "Jimmy Philmont, 39, of Fairfield". */
const PLACE_BEFORE = /(?:\b(?:near|outside)|\bthe[ \t]+(?:town|city|village)[ \t]+of|\d{1,3},[ \t]+of)[ \t]+$/i;

/**
 * "at Cattai and Wilberforce", "in Moonbi, Parkes, Berry and Wyong", "near Tyler", "Hue, Da Nang,
 * Tam Ky and Quang Ngai": the tagger reads a town named like a surname, or like a person's name in a
 * language it saw little of, as a person. A name so read is a place where the words before it put a
 * place, in a list after "in", "at" and the like (PLACE_CUES_BEFORE) that holds at least two names
 * the tagger read as places, or no other name but places, or in any list half of whose names (two at
 * least) it read as places, when the gazetteer holds a town of that very name (of 1,000 people or
 * more) and the article names no person so ("John Berry").
 */
function placesAmongPlaces(text: string, suggestions: Suggestion[], places: PendingPlace[], context: ExtractContext): void {
  const inOrder = suggestions.filter((s) => s.type !== 'date').sort((a, b) => a.start - b.start);
  const surnames = surnamesOf(inOrder);
  // The lists: runs of names joined by commas and "and", each with the names the tagger read as places.
  const listOf = new Map<Suggestion, { listed: Suggestion[]; places: number }>();
  for (const listed of runsJoined(text, inOrder, LIST_JOIN)) {
    const list = { listed, places: listed.filter((s) => s.type === 'place').length };
    // Introduced by a word that puts places after it ("in Moonbi, Parkes, …", "shelled Parkes and …").
    const wordBefore = /([\p{L}]+)[ \t]+$/u.exec(text.slice(Math.max(0, listed[0]!.start - 20), listed[0]!.start))?.[1]?.toLowerCase();
    // Or as many places as other names at least, whatever comes before it ("Hue, Da Nang, Tam Ky and Quang Ngai").
    if (listed.length > 1 && ((wordBefore && PLACE_CUES_BEFORE.has(wordBefore)) || (list.places >= 2 && 2 * list.places >= listed.length))) for (const s of listed) listOf.set(s, list);
  }
  for (const s of inOrder) {
    if (s.type !== 'person' || s.confidence >= 0.95 || s.reason.includes('analyst') || surnames.has(nameKey(s.text))) continue;
    const list = listOf.get(s);
    // Two places beside it, or every other name of the list a place ("at Cattai and Wilberforce").
    const listed = !!list && (list.places >= 2 || (list.places >= 1 && list.places === list.listed.length - 1));
    if (!listed && !PLACE_BEFORE.test(text.slice(Math.max(0, s.start - 40), s.start))) continue;
    if (!context.gazetteer.lookup(s.text).some((p) => (p.nameKind ?? 0) === 0 && p.kind !== 'country' && (p.kind !== 'city' || p.population >= 1000))) continue;
    s.type = 'place';
    s.confidence = Math.round(s.confidence * 0.9 * 1000) / 1000;
    s.reason = listed ? 'a place, in a list of places' : 'a place, where the words before it put one';
    delete s.places;
    places.push({ s, wantsAdminArea: false });
  }
}

/** "the Biden administration", "the Bush presidency": the government a leader heads, named by the leader. */
const ADMINISTRATION_AFTER = /^[ \t]+(?:administration|presidency)\b/u;
/** Below this, an organisation's reading of a leader's name before "administration" gives way. */
const DOUBTED_ADMINISTRATION = 0.6;
const CAPITALISED_THEN_LOWER = /^\p{Lu}\p{Ll}/u;
/** Parties that name a government too: "the Labour administration". */
const PARTY_WORDS = new Set(['labour', 'conservative', 'conservatives', 'tory', 'liberal', 'democratic', 'republican', 'socialist', 'communist', 'coalition', 'unionist', 'green']);

/**
 * "escalating a fight with the Biden administration": the tagger reads the leader's name as the
 * government's, an organisation it doubts (38%), where the corpora and the registry want the person.
 * One or two capitalised words so doubted before "administration" or "presidency", that name no
 * known organisation, party, nation or people, are the leader.
 */
function peopleWhoseAdministrationItIs(text: string, suggestions: Suggestion[], context: ExtractContext): void {
  if (!text.includes('administration') && !text.includes('presidency')) return;
  for (const s of suggestions) {
    if (s.type !== 'organisation' || analysts(s) || s.confidence >= DOUBTED_ADMINISTRATION || !ADMINISTRATION_AFTER.test(text.slice(s.end, s.end + 20))) continue;
    const words = s.text.split(/[ \t]+/);
    if (words.length > 2 || !words.every((w) => CAPITALISED_THEN_LOWER.test(w) && !PARTY_WORDS.has(w.toLowerCase()))) continue;
    const key = nameKey(s.text);
    if (isKnownOrganisation(s.text) || isNation(s.text, context) || GROUP_NAMES.has(key) || context.gazetteer.demonyms.has(key)) continue;
    s.type = 'person';
    s.reason = 'a person, whose administration the words after the name say it is';
    delete s.places;
  }
}

/** Whether the words are capitalised words of business alone (" Motor", " Motors Group"). */
const businessWordsOnly = (words: string) => words.trim().split(/\s+/).every((w) => BUSINESS_WORDS.has(w.toLowerCase()) && CAPITAL.test(w));

/** What follows a benchmark crude's name: "Brent crude", "Brent futures", "Brent oil prices". */
const CRUDE_AFTER = /^[ \t]+(?:crude|futures|oil[ \t]+(?:futures|prices?))\b/u;

/** "said it", "says its", "said on Tuesday it", "said in a statement that it": a thing speaks, not a person. */
const SAYS_IT = /^[ \t]+(?:said|says)[ \t]+(?:(?:on|late|early)[ \t]+\p{L}+[ \t]+|in[ \t]+a[ \t]+statement[ \t]+|that[ \t]+)*its?\b/u;
/** Below this, a person's or a place's reading of one word that "said it" gives way. */
const DOUBTED_SPEAKER = 0.6;

/**
 * "Newmont said on Tuesday it had agreed to buy Newcrest", "Vale said its dam had failed": business
 * news names a company by one word the tagger never saw, and reads a doubted person or place. One
 * word so doubted (under 60%: "Ford said it would cut 4,000 jobs", a person at 58%), no surname of the article's people and no country, province or
 * city of 100,000, that "said it" or "said its" is an organisation: people say "he" and "she".
 */
function organisationsThatSayIt(text: string, suggestions: Suggestion[], context: ExtractContext): void {
  const surnames = surnamesOf(suggestions);
  for (const s of suggestions) {
    if ((s.type !== 'person' && s.type !== 'place') || s.confidence >= DOUBTED_SPEAKER || /\s/.test(s.text) || analysts(s)) continue;
    const key = nameKey(s.text);
    if (surnames.has(key) || context.gazetteer.countryByName.has(key) || !SAYS_IT.test(text.slice(s.end, s.end + 60))) continue;
    // "Moscow said it would respond": a capital or a province speaks for its government, and stays the place.
    if (s.type === 'place' && context.gazetteer.lookup(s.text).some((p) => (p.nameKind ?? 0) === 0 && (p.kind === 'admin1' || (p.kind === 'city' && p.population >= 100_000)))) continue;
    s.type = 'organisation';
    s.reason = 'an organisation, as "said it" after the name says';
    delete s.places;
    delete s.adjectival;
  }
}

/** What joins the names of a list of organisations: "WHO, Medair and the Ministry of Health". */
const ORGANISATION_LIST_JOIN = /^(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(?:the[ \t]+)?$/;

/**
 * "Teams from Médecins sans Frontières, WHO, Medair and the Ministry of Health": the tagger reads an
 * organisation's one-word name it never saw as a person, doubting it. A person so doubted (under
 * 50%), of one word that is no surname of the article's people, in a list whose other names (two
 * at least) are all organisations, is an organisation.
 */
function organisationsAmongOrganisations(text: string, suggestions: Suggestion[]): void {
  const inOrder = suggestions.filter((s) => s.type !== 'date').sort((a, b) => a.start - b.start);
  const surnames = surnamesOf(inOrder);
  for (const listed of runsJoined(text, inOrder, ORGANISATION_LIST_JOIN)) {
    const doubted = listed.filter((s) => s.type === 'person' && s.confidence < DOUBTED_READING && !/\s/.test(s.text) && !analysts(s) && !surnames.has(nameKey(s.text)));
    if (doubted.length !== 1 || listed.length < 3 || listed.some((s) => s !== doubted[0] && s.type !== 'organisation')) continue;
    const s = doubted[0]!;
    s.type = 'organisation';
    s.confidence = Math.round(s.confidence * 0.9 * 1000) / 1000;
    s.reason = 'an organisation, in a list of organisations';
  }
}

const SURE_READING = 0.8;
const DOUBTED_READING = 0.5;
const DOUBTED_ORGANISATION = 0.7;

/**
 * One name, one type per article: when the tagger reads the same name as different types, the
 * reading it is much surer of overall (twice the summed confidence), or a reading it is sure of
 * where it doubts every person it read, is given to every mention. A town the text writes with its
 * area ("Hammond, Indiana") stays a place there whatever the other readings, and is a place
 * wherever else the tagger read it as a person ("a 67-year-old Hammond resident"), but not where it
 * read an organisation: a team or council is named after its town ("Bowling Green finished the
 * season 8-5").
 */
function agreeWithinArticle(text: string, suggestions: Suggestion[], places: PendingPlace[], sports: boolean): void {
  const placeStarts = new Set(suggestions.filter((s) => s.type === 'place').map((s) => s.start));
  const withItsArea = (s: Suggestion) => {
    const comma = /^,[ \t]?/.exec(text.slice(s.end, s.end + 2));
    return s.type === 'place' && !!comma && placeStarts.has(s.end + comma[0].length);
  };
  const byName = new Map<string, Suggestion[]>();
  for (const s of suggestions) {
    if (s.reason === 'confirmed before in this workspace') continue;
    const key = nameKey(s.text);
    const same = byName.get(key);
    if (same) same.push(s);
    else byName.set(key, [s]);
  }
  const unplaced = new Set<Suggestion>();
  for (const mentions of byName.values()) {
    const weight = new Map<EntityType, number>();
    for (const m of mentions) weight.set(m.type, (weight.get(m.type) ?? 0) + m.confidence);
    if (weight.size < 2) continue;
    const tied = mentions.filter(withItsArea);
    const [best, second] = [...weight.entries()].sort((a, b) => b[1] - a[1]);
    const townOverPerson = tied.length > 0 && weight.size === 2 && weight.has('person');
    // A reading the tagger is sure of against persons it doubts each: "Esperance" a place at 88%, and a
    // person at 36-40% three times, which outweigh it in sum. A person is its guess for a capitalised
    // word it cannot explain. The same holds for a place it is sure of against organisations it doubts
    // ("Residents of Des Moines" at 65%, a place at 84% further on), but in sport, where a town's name is
    // its club's too. Other doubted readings are left to the sums ("B.C." in posts).
    const surest = mentions.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    const doubted = (m: Suggestion) => (m.type === 'person' && m.confidence < DOUBTED_READING) || (!sports && surest.type === 'place' && m.type === 'organisation' && m.confidence < DOUBTED_ORGANISATION);
    const sureOverDoubts = surest.type !== 'person' && surest.confidence >= SURE_READING && mentions.every((m) => m.type === surest.type || doubted(m));
    if (!townOverPerson && !sureOverDoubts && best![1] < 2 * second![1]) continue;
    const reading = townOverPerson ? 'place' : sureOverDoubts ? surest.type : best![0];
    for (const m of mentions) {
      if (m.type === reading || tied.includes(m)) continue;
      if (m.type === 'place') unplaced.add(m);
      m.type = reading;
      m.confidence = Math.round(m.confidence * 0.9 * 1000) / 1000;
      m.reason = `${m.reason}; read as elsewhere in the article`;
      delete m.places;
      if (m.type === 'place') places.push({ s: m, wantsAdminArea: false });
    }
  }
  if (unplaced.size) {
    const kept = places.filter((p) => !unplaced.has(p.s));
    places.length = 0;
    for (const p of kept) places.push(p);
  }
}
