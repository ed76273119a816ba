import { nameKey } from '../../gazetteer/normalise.js';
import type { ExtractContext, Suggestion } from '../extract.js';

/**
 * Business news says a name is a company by what it owns and who runs it: "a stake in Rio Tinto",
 * "shares of Vale", "Safeway's chief executive", "Adidas shares rose", "Air France". The corpora hold
 * little business news, so the tagger reads such names as places (Rio Tinto a town of Portugal) or
 * people. A country, a province or a town of 100,000 is where the market is ("London shares fell",
 * "a stake in Kunduz"), and stays a place; a person stays one where the words fit a shareholder ("Musk's
 * shares").
 */
const OWNED_BEFORE = /\b(?:shares|stock|stake|holdings?|investment)[ \t]+(?:of|in)[ \t]+$|\b(?:takeover|acquisition|subsidiary|unit)[ \t]+of[ \t]+$|\b(?:CEO|chief[ \t]+executive(?:[ \t]+officer)?)[ \t]+of[ \t]+$/u;
/** After the name, with no possessive: "Adidas shares rose", "Starbucks chief executive Howard Schultz". */
const RUN_AFTER = /^[ \t]+(?:shares|stock)[ \t]+(?:rose|fell|jumped|slid|dropped|climbed|gained|lost|surged|tumbled|plunged|soared|were|closed|ended|opened)\b|^[ \t]+(?:CEO|chief[ \t]+executive)\b/u;
/** After a place's name only: "Safeway's chief executive", "Quiksilver's shareholders". */
const OWNED_AFTER = /^['’]s[ \t]+(?:shares|stock|shareholders|CEO|chief[ \t]+executive|board[ \t]+of[ \t]+directors)\b/u;
/** "Air France", "Air India": a flag carrier, not the country. */
const AIRLINE = /^Air[ \t]+\p{Lu}/u;
/** A province or town of this many people is where a market is. */
const LARGE_AREA = 100_000;
/** A role written inside what the tagger read as one person: "Staedtler CEO Axel Marx". */
const ROLE_INSIDE = /^(.+?)[ \t]+(?:CEO|CFO|COO|Chief[ \t]+Executive)[ \t]+(\p{Lu}.*)$/u;

/** Retypes, in place, the places and people these words say are companies; splits "Company CEO Name" in two. */
export function companiesNamedByTheirBusiness(text: string, suggestions: Suggestion[], context: ExtractContext): void {
  for (const s of [...suggestions]) {
    if (s.type === 'person') splitRoleInside(text, s, suggestions);
    if (s.type !== 'place' && s.type !== 'person') continue;
    const before = text.slice(Math.max(0, s.start - 40), s.start);
    const after = text.slice(s.end, s.end + 40);
    const cue = OWNED_BEFORE.exec(before)?.[0] ?? RUN_AFTER.exec(after)?.[0] ?? (s.type === 'place' ? OWNED_AFTER.exec(after)?.[0] : undefined);
    const airline = s.type === 'place' && AIRLINE.test(s.text);
    if (!cue && !airline) continue;
    if (!airline && s.type === 'place' && isWhereAMarketIs(s.text, context)) continue;
    s.type = 'organisation';
    s.reason = airline ? 'an airline ("Air" and a country)' : `a company, as the words beside it say ("${cue!.trim()}")`;
    // Its pending place is dropped with the other non-places' (extract.ts).
    delete s.places;
  }
}

function isWhereAMarketIs(name: string, context: ExtractContext): boolean {
  const key = nameKey(name);
  if (context.gazetteer.demonyms.has(key)) return true;
  return context.gazetteer.lookup(name).some((p) => nameKey(p.name) === key && (p.kind === 'country' || p.kind === 'admin1' || p.population >= LARGE_AREA));
}

function splitRoleInside(text: string, person: Suggestion, suggestions: Suggestion[]): void {
  const m = ROLE_INSIDE.exec(person.text);
  if (!m) return;
  const company = { ...person, end: person.start + m[1]!.length, text: m[1]!, type: 'organisation' as const, reason: `a company, as the role after it says` };
  person.start = person.end - m[2]!.length;
  person.text = text.slice(person.start, person.end);
  suggestions.push(company);
}
