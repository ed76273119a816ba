import { nameKey } from '../../gazetteer/normalise.js';
import type { ExtractContext, Suggestion } from '../extract.js';
import type { NameMemory } from './memory.js';

/**
 * Business news says a name is a company by what it owns and who runs it: "a stake in Rio Tinto",
 * "shares of Vale", "agreed to buy Kirkland", "Safeway's chief executive", "Adidas shares rose", "Air France". The corpora hold
 * little business news, so the tagger reads such names as places (Rio Tinto a town of Portugal) or
 * people. A country, a province or a town of 100,000 is where the market is ("London shares fell",
 * "a stake in Kunduz"), and stays a place; a person stays one where the words fit a shareholder ("Musk's
 * shares"). A sentence may open with the words ("Shares in BP fell"), and a name they point to that the
 * tagger left unread is a company too ("Shares of Nvidia rose"), and so are the names listed after it
 * ("Shares in BP and Shell").
 */
const OWNED_BEFORE = /\b(?:[Ss]hares|[Ss]tock|[Ss]take|[Hh]oldings?|[Ii]nvestment)[ \t]+(?:of|in)[ \t]+$|\b(?:takeover|acquisition|subsidiary|unit)[ \t]+of[ \t]+$|\b(?:agreed|offered|plans?|planned|bid|move|wants|sought|seeks)[ \t]+to[ \t]+(?:buy|acquire|take[ \t]+over)[ \t]+$|\b(?:CEO|chief[ \t]+executive(?:[ \t]+officer)?)[ \t]+of[ \t]+$/u;
/** After the name, with no possessive: "Adidas shares rose", "Starbucks chief executive Howard Schultz". */
const RUN_AFTER = /^[ \t]+(?:shares|stock)[ \t]+(?:rose|fell|jumped|slid|dropped|climbed|gained|lost|surged|tumbled|plunged|soared|were|closed|ended|opened)\b|^[ \t]+(?:CEO|chief[ \t]+executive)\b/u;
/** After a doubted person's name: "Shell's chief executive" (a person, 36%); not "Musk's shares", a shareholder's. */
const RUN_BY_AFTER = /^['’]s[ \t]+(?:shareholders|CEO|chief[ \t]+executive|board[ \t]+of[ \t]+directors)\b/u;
/** After a place's name only: "Safeway's chief executive", "Quiksilver's shareholders". */
const OWNED_AFTER = /^['’]s[ \t]+(?:shares|stock|shareholders|CEO|chief[ \t]+executive|board[ \t]+of[ \t]+directors)\b/u;
/** "Air France", "Air India": a flag carrier, not the country. */
const AIRLINE = /^Air[ \t]+\p{Lu}/u;
/** "Air" right before a place the tagger read alone ("Air [India]"). */
const AIR_BEFORE = /(?<![\p{L}\p{N}&'’.-])Air[ \t]+$/u;
/**
 * What a company named by its country or city trades in: "China Mobile", "Japan Tobacco", "Kenya
 * Power". Capitalised, closing the name: "Iraq Oil Ministry" is a ministry.
 */
const TRADE = 'Mobile|Telecom|Telecoms|Telekom|Telecommunications|Unicom|Airways|Airlines|Tobacco|Petroleum|Oil|Steel|Motors|Electric|Energy|Power|Railways|Shipping|Cement|Pharma|Pharmaceuticals|Chemicals|Insurance';
const TRADE_LAST = new RegExp(String.raw`^(.+)[ \t]+(?:${TRADE})$`, 'u');
const TRADE_AFTER = new RegExp(String.raw`^[ \t](?:${TRADE})(?![\p{L}\p{N}&-]|[ \t]+[\p{Lu}\p{N}&])`, 'u');
/** A province or town of this many people is where a market is. */
const LARGE_AREA = 100_000;
/** A role written inside what the tagger read as one person: "Staedtler CEO Axel Marx". */
const ROLE_INSIDE = /^(.+?)[ \t]+(?:CEO|CFO|COO|Chief[ \t]+Executive)[ \t]+(\p{Lu}.*)$/u;

/**
 * A name the tagger left unread after what its owners hold: "Shares of Nvidia rose". One to three
 * capitalised words, none a compound that describes ("Lagos-listed firms").
 */
const UNREAD_AFTER_SHARES = /\b(?:[Ss]hares|[Ss]tock|[Ss]take)[ \t]+(?:of|in)[ \t]+(\p{Lu}[\p{L}\p{N}&'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’.-]*){0,2})/gu;
const DESCRIBES = /-(?:based|listed|owned|run|led|backed|born|made|controlled|registered|headquartered)$/u;
/** A company named only by what is held of it: less sure than one the tagger read too. */
const UNREAD_CONFIDENCE = 0.6;

/**
 * Retypes, in place, the places and people these words say are companies; splits "Company CEO Name"
 * in two; adds a company the tagger left unread after "shares of" or "in", unless the gazetteer has
 * a place of its name, the analyst decided there, or rejected it as an organisation.
 */
export function companiesNamedByTheirBusiness(
  text: string,
  suggestions: Suggestion[],
  context: ExtractContext,
  taken: (start: number, end: number) => boolean,
  memory: NameMemory | undefined,
): void {
  for (const s of [...suggestions]) {
    if (s.type === 'person') splitRoleInside(text, s, suggestions);
    withoutOpeningShares(text, s, context);
    if (s.type !== 'place' && s.type !== 'person') continue;
    const before = text.slice(Math.max(0, s.start - 40), s.start);
    const after = text.slice(s.end, s.end + 40);
    const cue =
      OWNED_BEFORE.exec(before)?.[0] ?? RUN_AFTER.exec(after)?.[0] ?? (s.type === 'place' ? OWNED_AFTER.exec(after)?.[0] : s.confidence < DOUBTED_PERSON ? RUN_BY_AFTER.exec(after)?.[0] : undefined);
    const airBefore = s.type === 'place' && !AIRLINE.test(s.text) ? AIR_BEFORE.exec(before) : null;
    if (airBefore && !taken(s.start - airBefore[0].length, s.start) && !suggestions.some((o) => o !== s && o.end > s.start - airBefore[0].length && o.start < s.start)) {
      s.start -= airBefore[0].length;
      s.text = text.slice(s.start, s.end);
      delete s.adjectival;
    }
    const airline = s.type === 'place' && AIRLINE.test(s.text);
    if (!cue && !airline) {
      if (s.type === 'place' || s.confidence < DOUBTED_PERSON) namedByItsPlaceAndTrade(text, s, suggestions, context, taken);
      continue;
    }
    if (!airline && s.type === 'place' && isWhereAMarketIs(s.text, context)) continue;
    s.type = 'organisation';
    s.reason = airline ? 'an airline ("Air" and a country)' : `a company, as the words beside it say ("${cue!.trim()}")`;
    // Its pending place is dropped with the other non-places' (extract.ts).
    delete s.places;
  }
  // Most articles say nothing of shares or stakes: a plain search spares the pattern's scan.
  if (!/[Ss]hares|[Ss]tock|[Ss]take/.test(text)) return;
  for (const m of text.matchAll(UNREAD_AFTER_SHARES)) {
    const words = m[1]!.split(/[ \t]+/);
    const kept = words.findIndex((w) => DESCRIBES.test(w));
    const name = (kept < 0 ? words : words.slice(0, kept)).join(' ').replace(/[.'’]+$/u, '');
    const start = m.index + m[0].length - m[1]!.length;
    const end = start + name.length;
    if (!name || taken(start, end) || suggestions.some((s) => s.start < end && s.end > start)) continue;
    // Unread by the tagger and a place's name in the gazetteer: "shares in Pul-i-Khumri" is where a market is.
    if (memory?.rejected.get(name)?.includes('ORG') || context.gazetteer.lookup(name).length > 0) continue;
    suggestions.push({ start, end, text: name, type: 'organisation', confidence: UNREAD_CONFIDENCE, reason: `a company, as the words beside it say ("${m[0].slice(0, m[0].length - m[1]!.length).trim()}")` });
  }
  // Companies named right after what their owners hold may go on to others: "Shares in BP and Shell".
  const held = suggestions.filter((s) => s.type === 'organisation' && OWNED_BEFORE.test(text.slice(Math.max(0, s.start - 40), s.start)));
  for (const s of held) companiesListedAfter(text, s, suggestions, context, taken, memory);
}

/** A name listed right after another: ", Shell", " and Shell", ", and Shell". */
const LISTED_AFTER = /^(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)(\p{Lu}[\p{L}\p{N}&'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’.-]*){0,2})/u;

/**
 * "Shares in BP and Shell rose", "a stake in Glencore, Anglo American and Rio Tinto": what is held
 * goes on to the companies listed after the first, which the tagger reads as people ("Lloyds", 63%),
 * places ("Rio Tinto", 65%) or not at all ("Shell"). Each is a company, but a place where a market is
 * ("Shares of Apple and London fell"), a person read surely, or a name the analyst rejected as an
 * organisation; the list ends there.
 */
/** A person read this surely stays one, and ends the list. */
const SURE_PERSON = 0.8;
function companiesListedAfter(text: string, first: Suggestion, suggestions: Suggestion[], context: ExtractContext, taken: (start: number, end: number) => boolean, memory: NameMemory | undefined): void {
  let last = first;
  for (;;) {
    const m = LISTED_AFTER.exec(text.slice(last.end, last.end + 60));
    if (!m) return;
    const start = last.end + m[0].length - m[1]!.length;
    const read = suggestions.find((s) => s.start === start);
    if (read) {
      if (read.type !== 'place' && read.type !== 'person' && read.type !== 'organisation') return;
      if ((read.type === 'place' && isWhereAMarketIs(read.text, context)) || (read.type === 'person' && read.confidence >= SURE_PERSON)) return;
      if (read.type !== 'organisation') {
        read.type = 'organisation';
        read.reason = `a company, listed with ${first.text}`;
        delete read.places;
        delete read.adjectival;
      }
      last = read;
      continue;
    }
    const name = m[1]!.replace(/[.'’]+$/u, '');
    const end = start + name.length;
    if (taken(start, end) || suggestions.some((s) => s.start < end && s.end > start)) return;
    if (memory?.rejected.get(name)?.includes('ORG') || isWhereAMarketIs(name, context)) return;
    last = { start, end, text: name, type: 'organisation', confidence: UNREAD_CONFIDENCE, reason: `a company, listed with ${first.text}` };
    suggestions.push(last);
  }
}

/** Below this, a person's reading of a market and a trade ("Kenya Power" at 39%) gives way to the company. */
const DOUBTED_PERSON = 0.5;

/**
 * "China Mobile", read as a place the gazetteer cannot put or a person the tagger doubts, and "Japan
 * Tobacco", read as Japan: a market's name and a trade closing the name make a company. Not a place
 * the gazetteer has by the whole name, nor a trade word the analyst marked or another suggestion holds.
 */
function namedByItsPlaceAndTrade(text: string, s: Suggestion, suggestions: Suggestion[], context: ExtractContext, taken: (start: number, end: number) => boolean): void {
  const market = TRADE_LAST.exec(s.text)?.[1];
  if (market !== undefined) {
    if (!isWhereAMarketIs(market, context) || context.gazetteer.lookup(s.text).length > 0) return;
  } else if (s.type === 'place') {
    const trade = TRADE_AFTER.exec(text.slice(s.end, s.end + 40))?.[0];
    if (!trade || !isWhereAMarketIs(s.text, context)) return;
    const end = s.end + trade.length;
    // "Kenya Airways": the trade word read alone as an organisation is part of the name.
    const over = suggestions.filter((o) => o !== s && o.start < end && o.end > s.end);
    if (taken(s.end, end) || over.some((o) => o.type !== 'organisation' || o.start <= s.end) || context.gazetteer.lookup(text.slice(s.start, end)).length > 0) return;
    for (const o of over) suggestions.splice(suggestions.indexOf(o), 1);
    s.end = end;
    s.text = text.slice(s.start, end);
    delete s.adjectival;
  } else return;
  s.type = 'organisation';
  s.reason = 'a company: a market and its trade';
  delete s.places;
}

function isWhereAMarketIs(name: string, context: ExtractContext): boolean {
  const key = nameKey(name);
  if (context.gazetteer.demonyms.has(key)) return true;
  return context.gazetteer.lookup(name).some((p) => nameKey(p.name) === key && (p.kind === 'country' || p.kind === 'admin1' || p.population >= LARGE_AREA));
}

/** "Shares of Volkswagen" opening a sentence, read whole as one name by the tagger. */
const OPENING_SHARES = /^(?:Shares|Stocks?|Stakes?)[ \t]+(?:of|in)[ \t]+(?=\p{Lu})/u;

/** Cuts "Shares of" off a name it opens; the rest is the company, or the market's place ("Shares in Europe"). */
function withoutOpeningShares(text: string, s: Suggestion, context: ExtractContext): void {
  const m = OPENING_SHARES.exec(s.text);
  if (!m) return;
  s.start += m[0].length;
  s.text = text.slice(s.start, s.end);
  delete s.adjectival;
  if (isWhereAMarketIs(s.text, context)) return;
  s.type = 'organisation';
  s.reason = `a company, as the words beside it say ("${m[0].trim()}")`;
  delete s.places;
}

function splitRoleInside(text: string, person: Suggestion, suggestions: Suggestion[]): void {
  const m = ROLE_INSIDE.exec(person.text);
  if (!m) return;
  const company = { ...person, end: person.start + m[1]!.length, text: m[1]!, type: 'organisation' as const, reason: `a company, as the role after it says` };
  person.start = person.end - m[2]!.length;
  person.text = text.slice(person.start, person.end);
  suggestions.push(company);
}
