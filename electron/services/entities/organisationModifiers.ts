import { nameKey } from '../gazetteer/normalise.js';
import { hyphenatedModifiers, modifierNames, MODIFYING_PARTICIPLES } from './adjectival.js';
import type { EntityType, Suggestion } from './extract.js';
import { GROUP_NAMES, KNOWN_ORGANISATION_NAMES } from './lexicon.js';

/**
 * Participles after which an armed group or a party is the one acting: besides the places' ("Taliban-led",
 * "Hamas-run"), what news says of who holds a town or an office ("Taliban-appointed", "Houthi-ruled").
 */
export const ACTOR_PARTICIPLES = `${MODIFYING_PARTICIPLES}|claimed|ruled|governed|appointed|installed|imposed|dominated|inspired|leaning|designated`;
const { modifier: ACTOR_MODIFIER, ending: ACTOR_ENDING } = hyphenatedModifiers(ACTOR_PARTICIPLES);

/**
 * Organisations and groups written as the first half of a compound modifier, which the tagger reads as
 * one word and so never sees: "the Houthi-run Saba news agency", "Taliban-led forces", "an Arakan
 * Army-controlled town", "the Shia-led government". A name counts when the organisation lexicon has it
 * (or its plural: "Houthi" of "Houthis"), when the analyst has confirmed it as an organisation or group,
 * or when the article names it as an organisation elsewhere; identity groups count as groups. What the
 * tagger read inside the hyphenated word ("Arakan" a place, "Hamas-run" a person) gives way; a longer name
 * around it stays. Places are left to `placeModifiers`, which runs after this and skips what this took.
 */
export function organisationModifiers(
  text: string,
  suggestions: readonly Suggestion[],
  registry: ReadonlyMap<string, EntityType>,
): { s: Suggestion; replaces: Suggestion[] }[] {
  const out: { s: Suggestion; replaces: Suggestion[] }[] = [];
  if (!ACTOR_ENDING.test(text)) return out;
  const namedHere = new Map<string, EntityType>();
  for (const s of suggestions) if (s.type === 'organisation' || s.type === 'group') namedHere.set(nameKey(s.text), s.type);
  for (const runs of modifierNames(text, ACTOR_MODIFIER)) {
    for (const { name, key, start, end, written } of runs) {
      const type = actorType(key, registry, namedHere);
      if (!type) continue;
      const wordEnd = start + written.length;
      const over = suggestions.filter((x) => x.start < wordEnd && x.end > start);
      if (over.some((x) => x.start < start || x.end > wordEnd)) break;
      const what = type === 'group' ? 'a group' : 'an organisation';
      out.push({ s: { start, end, text: name, type, confidence: 0.8, reason: `${what} named in "${written}"` }, replaces: over });
      break;
    }
  }
  return out;
}

function actorType(key: string, registry: ReadonlyMap<string, EntityType>, namedHere: ReadonlyMap<string, EntityType>): EntityType | null {
  const confirmed = registry.get(key) ?? namedHere.get(key);
  if (confirmed === 'organisation' || confirmed === 'group') return confirmed;
  if (confirmed) return null;
  if (KNOWN_ORGANISATION_NAMES.has(key) || KNOWN_ORGANISATION_NAMES.has(`${key}s`)) return 'organisation';
  if (GROUP_NAMES.has(key)) return 'group';
  return null;
}
